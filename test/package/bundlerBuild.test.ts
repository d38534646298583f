/**
 * The bundler build (dist/es): the same ESM as dist/index.js, with fp-ts/io-ts imports pointing at
 * their ES modules so that bundlers can tree-shake them (the packed-package size check is
 * `npm run check:bundle`).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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
  it('copies the ESM files and maps of dist into dist/es, skipping CommonJS and the CLI', () => {
    const dist = mkdtempSync(join(tmpdir(), 'sfb-dr-dist-'))
    mkdirSync(join(dist, 'testing'))
    mkdirSync(join(dist, 'cli'))
    writeFileSync(join(dist, 'index.js'), 'import * as E from "fp-ts/lib/Either.js";\n//# sourceMappingURL=index.js.map\n')
    writeFileSync(join(dist, 'index.js.map'), JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }))
    writeFileSync(join(dist, 'index.cjs'), 'require("fp-ts/lib/Either.js")')
    writeFileSync(join(dist, 'testing/index.js'), 'import { a } from "../chunk.js";')
    writeFileSync(join(dist, 'cli/main.cjs'), '')
    writeFileSync(join(dist, 'cli/main.js'), 'import "fp-ts/lib/Either.js";')

    const written = writeBundlerBuild(dist)

    expect([...written].sort()).toStrictEqual(['es/index.js', 'es/index.js.map', 'es/testing/index.js'])
    expect(readFileSync(join(dist, 'es/index.js'), 'utf8')).toBe(
      'import * as E from "fp-ts/es6/Either.js";\n//# sourceMappingURL=index.js.map\n',
    )
    expect(JSON.parse(readFileSync(join(dist, 'es/index.js.map'), 'utf8'))).toMatchObject({ sources: ['../../src/index.ts'] })
    // Built again (tsup --watch): dist/es itself is not copied into dist/es/es.
    expect(writeBundlerBuild(dist).some((f) => f.startsWith('es/es'))).toBe(false)
  })
})
