/**
 * The `@example` blocks of the API reference compile, and every exported function has one.
 *
 * Covered: every export of the public entry points (typedoc.json `entryPoints`), whatever its kind.
 * "Function" is what typedoc lists as one (a `function` declaration, or a `const` without a type
 * annotation initialised with an arrow or function expression), so this test and the typedoc
 * plugin's `requiredTags` (`"@example": ["Function"]`) agree; `npm run docs` checks it too.
 *
 * The convention, enforced for every example (none is skipped):
 * - an example is a module: its first line is an `import` (of `sfb-dr`, `fp-ts/lib/…` or another
 *   dependency), and it type-checks as written under the project's strict compiler options (only
 *   unused locals are allowed: an example may bind a value just to show it);
 * - it may use, undeclared, the Contoso sample of `examples/data` (exampleBlocks.ts `PRELUDE`):
 *   `contoso`, the decoded `contoso.topology.json`, and its states `healthy`, `redmondDown`,
 *   `pool1FailedOver` and `backupLagging` (`contoso.state.*.json`);
 * - its code is the whole `@example` text or, when that holds Markdown code fences, the fences.
 */
import { describe, expect, it } from 'vitest'
import { examplesOfComment, readExamples } from './exampleBlocks.js'

const { entryPoints, examples, typeCheck } = readExamples()

describe('@example', () => {
  it('every exported function of the entry points has one', () => {
    const missing = entryPoints.flatMap(({ entry, exports }) =>
      exports.filter((e) => e.isFunction && e.examples.length === 0).map((e) => `${entry} ${e.name}`),
    )
    expect(missing).toStrictEqual([])
    expect(entryPoints.flatMap(({ exports }) => exports.filter((e) => e.isFunction)).length).toBeGreaterThan(80)
  })

  it('every example starts with its imports', () => {
    expect(examples.filter((e) => !e.code.startsWith('import ')).map((e) => e.name)).toStrictEqual([])
  })

  it('every example type-checks against src/, with the Contoso sample as its only free names', () => {
    expect(typeCheck(examples)).toStrictEqual([])
  })

  it('the check fails on a wrong example: an unknown name, a wrong argument, a missing import', () => {
    const errors = typeCheck([
      { name: 'unknown', code: "import { planFailover } from 'sfb-dr'\nplanFailover(contoso, london, { pool: 'pool1.contoso.com' })" },
      { name: 'argument', code: "import { planFailover } from 'sfb-dr'\nplanFailover(contoso, healthy, { fqdn: 'pool1.contoso.com' })" },
      { name: 'import', code: "import { planFailover } from 'sfb-dr'\nplanFailback(contoso, pool1FailedOver, { pool: 'pool1.contoso.com' })" },
    ])
    expect(errors.map((e) => e.slice(0, e.indexOf(','))).sort()).toStrictEqual(['argument', 'import', 'unknown'])
  })

  it('reads a block up to the next tag outside a code fence, and only the fences when there are some', () => {
    const comment = [
      '/**',
      ' * Summary.',
      ' *',
      ' * @example',
      " * import { isFqdn } from 'sfb-dr'",
      " *   isFqdn('a.b') // => true",
      ' *',
      ' * @example Fenced',
      ' * ```ts',
      ' * // @ts-expect-error: not a tag',
      ' * f()',
      ' * ```',
      ' * @category model',
      ' * @since 0.1.0',
      ' */',
    ].join('\n')
    expect(examplesOfComment(comment)).toStrictEqual(["import { isFqdn } from 'sfb-dr'\n  isFqdn('a.b') // => true", '// @ts-expect-error: not a tag\nf()'])
  })
})
