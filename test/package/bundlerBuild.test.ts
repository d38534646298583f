/**
 * The bundler build (dist/es): the sources compiled module by module, with fp-ts/io-ts imports
 * pointing at their ES modules so that bundlers can tree-shake them (the packed-package size check is
 * `npm run check:bundle`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toBundlerImports, writeBundlerBuild } from '../../scripts/bundlerBuild.js'

describe('toBundlerImports', () => {
  it('points fp-ts/lib and io-ts/lib imports at es6, quotes and length kept', () => {
    const code = [
      'import * as E from "fp-ts/lib/Either.js";',
      "import { pipe } from 'fp-ts/lib/function.js';",
      'import * as D from "io-ts/lib/Decoder.js";',
      'export * from "fp-ts/lib/ReadonlyNonEmptyArray.js";',
    ].join('\n')
    const out = toBundlerImports(code)
    expect(out).toBe(
      [
        'import * as E from "fp-ts/es6/Either.js";',
        "import { pipe } from 'fp-ts/es6/function.js';",
        'import * as D from "io-ts/es6/Decoder.js";',
        'export * from "fp-ts/es6/ReadonlyNonEmptyArray.js";',
      ].join('\n'),
    )
    expect(out.length).toBe(code.length) // source maps stay exact
  })

  it('leaves package roots, relative imports and look-alike strings alone', () => {
    const code = [
      'import * as t from "io-ts";',
      'import { x } from "./chunk-ABC.js";',
      'const s = "see fp-ts/lib/Either.js for details";',
      'import * as F from "my-fp-ts/lib/Either.js";',
    ].join('\n')
    expect(toBundlerImports(code)).toBe(code)
  })
})

describe('writeBundlerBuild', () => {
  it('compiles every module of the sources but the CLI into dist/es, one file and map each, with bundler imports', () => {
    const root = mkdtempSync(join(tmpdir(), 'sfb-dr-dist-'))
    const src = join(root, 'src')
    const dist = join(root, 'dist')
    mkdirSync(join(src, 'testing'), { recursive: true })
    mkdirSync(join(src, 'cli'))
    writeFileSync(
      join(src, 'index.ts'),
      "import * as E from 'fp-ts/lib/Either.js'\nimport type { Option } from 'fp-ts/lib/Option.js'\nexport const one: E.Either<never, Option<number>> = E.right({ _tag: 'None' })\n",
    )
    writeFileSync(join(src, 'testing/index.ts'), "export { one } from '../index.js'\n")
    writeFileSync(join(src, 'cli/main.ts'), "import 'fp-ts/lib/Either.js'\n")
    mkdirSync(join(dist, 'es/stale'), { recursive: true })
    writeFileSync(join(dist, 'es/stale/old.js'), '')

    const written = writeBundlerBuild(dist, src)

    expect([...written].sort()).toStrictEqual(['es/index.js', 'es/index.js.map', 'es/testing/index.js', 'es/testing/index.js.map'])
    const index = readFileSync(join(dist, 'es/index.js'), 'utf8')
    expect(index).toContain('from "fp-ts/es6/Either.js"')
    expect(index).not.toContain('Option') // type-only imports are gone
    expect(readFileSync(join(dist, 'es/testing/index.js'), 'utf8')).toContain('from "../index.js"') // imports as written
    expect(JSON.parse(readFileSync(join(dist, 'es/index.js.map'), 'utf8'))).toMatchObject({ sources: ['../../src/index.ts'] })
    expect(existsSync(join(dist, 'es/stale'))).toBe(false) // built again (tsup --watch): nothing stale is left
  })
})
