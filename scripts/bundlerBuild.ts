/**
 * The bundler build (`dist/es/`): a copy of tsup's ESM output in which every `fp-ts/lib/X.js` and
 * `io-ts/lib/X.js` import reads `fp-ts/es6/X.js` / `io-ts/es6/X.js`. Run by tsup after each build
 * (tsup.config.ts `onSuccess`).
 *
 * Why two ESM builds: fp-ts 2 and io-ts 2 have no `exports` map. Plain Node ESM can only load their
 * CommonJS `lib/X.js` files (their `es6/` files use extensionless imports that Node refuses), so the
 * source imports `fp-ts/lib/X.js` and `dist/index.js` keeps that for Node's `import`. Bundlers can
 * load `es6/X.js`, and only there can they tree-shake fp-ts; with `lib/` they keep all of it, twice
 * (io-ts's own ES build imports `fp-ts/es6`). package.json sends bundlers here with the `module`
 * export condition, which esbuild, webpack, Rollup and Vite honour and Node does not.
 *
 * `lib` and `es6` have the same length, so the copied source maps stay exact; their `sources` get
 * one more `../` because `dist/es/` is one folder deeper.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

/** `from 'fp-ts/lib/Either.js'` → `from 'fp-ts/es6/Either.js'` (and io-ts); nothing else changes. */
export const toBundlerImports = (code: string): string =>
  code.replace(/(["'])(fp-ts|io-ts)\/lib\/([\w./-]+?\.js)\1/g, '$1$2/es6/$3$1')

const walk = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  )

/**
 * Copies the ESM files of `dist` (every `.js` and its `.js.map`, outside `skip`) into `dist/es/`
 * with bundler imports. Answers the files written, relative to `dist`.
 */
export const writeBundlerBuild = (dist: string, skip: ReadonlyArray<string> = ['es', 'cli']): ReadonlyArray<string> => {
  const out = join(dist, 'es')
  const written: Array<string> = []
  for (const file of walk(dist)) {
    const rel = relative(dist, file)
    if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue
    const target = join(out, rel)
    if (rel.endsWith('.js')) {
      const code = readFileSync(file, 'utf8')
      const rewritten = toBundlerImports(code)
      if (/["'](?:fp-ts|io-ts)\/lib\//.test(rewritten)) throw new Error(`${rel}: an fp-ts/io-ts lib import was not rewritten`)
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, rewritten)
      written.push(join('es', rel))
    } else if (rel.endsWith('.js.map')) {
      const map = JSON.parse(readFileSync(file, 'utf8')) as { sources?: Array<string> }
      map.sources = (map.sources ?? []).map((s) => `../${s}`)
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, JSON.stringify(map))
      written.push(join('es', rel))
    }
  }
  return written
}
