/**
 * The `@example` blocks of the API reference compile, run and return what they say; every exported
 * function has one.
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
 * - its code is the whole `@example` text or, when that holds Markdown code fences, the fences;
 * - it runs against the sources without throwing, and every `// =>` comment states the value of
 *   the statement before it, written as fp-ts's docs write values (`some(x)`, `right(x)`, `[a, b]`,
 *   `{ k: v }`, `Map { k => v }`; `…` for any text; prose after the value): exampleRun.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeState, decodeTopology } from '../../src/index.js'
import { examplesOfComment, readExamples, root, SAMPLE_FILES } from './exampleBlocks.js'
import { claimedValue, instrument, matches, runExample, show } from './exampleRun.js'

const { entryPoints, examples, typeCheck } = readExamples()

/** The Contoso sample the examples use, decoded from examples/data. */
const sample = (): Readonly<Record<string, unknown>> => {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, 'examples/data', file), 'utf8')) as unknown
  const topology = decodeTopology(read(SAMPLE_FILES.contoso))
  if (E.isLeft(topology)) throw new Error('examples/data: the Contoso topology does not decode')
  const state = (file: string): unknown => {
    const decoded = decodeState(topology.right, read(file))
    if (E.isLeft(decoded)) throw new Error(`examples/data/${file} does not decode`)
    return decoded.right
  }
  const { contoso: _topology, ...states } = SAMPLE_FILES
  return { contoso: topology.right, ...Object.fromEntries(Object.entries(states).map(([name, file]) => [name, state(file)])) }
}

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

  it('every example runs, and returns what its `// =>` comments say', async () => {
    const contoso = sample()
    const problems: Array<string> = []
    for (const e of examples)
      for (const p of await runExample(e.code, (specifier) => import(/* @vite-ignore */ specifier) as Promise<unknown>, contoso))
        problems.push(`${e.name}, ${p}`)
    expect(problems).toStrictEqual([])
  })

  it('a claim is read up to where its value closes, shown as fp-ts writes it, and compared with … as any text', () => {
    expect(claimedValue("[false, true, false]: pool1, pool2, se1")).toBe('[false, true, false]')
    expect(claimedValue("'pool1 ＃ down since 02:00'")).toBe("'pool1 ＃ down since 02:00'")
    expect(claimedValue("Map { 'a' => 2 } (and more)")).toBe("Map { 'a' => 2 }")
    expect(show({ _tag: 'Right', right: [{ _tag: 'Some', value: 'x' }, { _tag: 'None' }] })).toBe("right([some('x'), none])")
    expect(show(new Map([['pool1.contoso.com', 2]]))).toBe("Map { 'pool1.contoso.com' => 2 }")
    expect(show({ a: "it's", 'b.c': undefined })).toBe(`{ a: "it's", 'b.c': undefined }`)
    expect(matches("right(['A', …])", "right(['A', 'B', 'C'])")).toBe(true)
    expect(matches("right(['A', …])", "left(['A', 'B'])")).toBe(false)
    expect(matches('[\n  1,\n  2 ]'.replace(/\\n/g, '\n'), '[1, 2]')).toBe(true)
  })

  it('a wrong claim, a claim on nothing and a throwing example are reported', async () => {
    const load = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier) as Promise<unknown>
    const code = "import { isFqdn } from 'sfb-dr'\n\nisFqdn('pool1.contoso.com') // => false\n// => true\nconsole.log(isFqdn('a.b')) // => true"
    expect(instrument(code).claims.map((c) => c.line)).toStrictEqual([3, 5])
    expect(await runExample(code, load, {})).toStrictEqual([
      'line 4: a `// =>` that follows no expression statement or const',
      'line 3: the comment says false, the code gives true',
    ])
    expect(await runExample("import { isFqdn } from 'sfb-dr'\nthrow new Error('no')", load, {})).toStrictEqual(['throws: no'])
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
