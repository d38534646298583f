/**
 * The bundler build (`dist/es/`): the sources compiled module by module, in which every
 * `fp-ts/lib/X.js` and `io-ts/lib/X.js` import reads `fp-ts/es6/X.js` / `io-ts/es6/X.js`. Run by
 * tsup after each build (tsup.config.ts `onSuccess`).
 *
 * Why two ESM builds: fp-ts 2 and io-ts 2 have no `exports` map. Plain Node ESM can only load their
 * CommonJS `lib/X.js` files (their `es6/` files use extensionless imports that Node refuses), so the
 * source imports `fp-ts/lib/X.js` and `dist/index.js` keeps that for Node's `import`. Bundlers can
 * load `es6/X.js`, and only there can they tree-shake fp-ts; with `lib/` they keep all of it, twice
 * (io-ts's own ES build imports `fp-ts/es6`). package.json sends bundlers here with the `module`
 * export condition, which esbuild, webpack, Rollup and Vite honour and Node does not.
 *
 * `lib` and `es6` have the same length, so the source maps stay exact.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { buildSync } from 'esbuild'

/** `from 'fp-ts/lib/Either.js'` → `from 'fp-ts/es6/Either.js'` (and io-ts); nothing else changes. */
export const toBundlerImports = (code: string): string =>
  code.replace(/(["'])(fp-ts|io-ts)\/lib\/([\w./-]+?\.js)\1/g, '$1$2/es6/$3$1')

const walk = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  )

/**
 * Writes the bundler build into `dist/es/`: every module of `sources` (outside `skip`) compiled on
 * its own to ES2022 (esbuild, no bundling: one `.js` and one `.js.map` per source file, imports as
 * written), with bundler imports. Answers the files written, relative to `dist`.
 *
 * One file per module, not tsup's chunks: a chunk holds many modules, and a bundler can only drop
 * the unused statements of a chunk one by one (a table built by a call, `{ ...spread }` or
 * `[...spread]` stays), while it drops a whole unused module of a `sideEffects: false` package.
 * So an app that plans carries no plan reader, and one that decodes no planner. Entries share
 * the same module files, so `sfb-dr` and `sfb-dr/testing` share one copy of every class.
 */
export const writeBundlerBuild = (
  dist: string,
  sources = 'src',
  skip: ReadonlyArray<string> = ['cli'],
): ReadonlyArray<string> => {
  const out = join(dist, 'es')
  rmSync(out, { recursive: true, force: true })
  const entryPoints = walk(sources).filter((file) => {
    const rel = relative(sources, file)
    return file.endsWith('.ts') && !file.endsWith('.d.ts') && !skip.some((s) => rel === s || rel.startsWith(`${s}/`))
  })
  const result = buildSync({
    entryPoints,
    outdir: out,
    outbase: sources,
    bundle: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    write: false,
    logLevel: 'silent',
  })
  const written: Array<string> = []
  for (const file of result.outputFiles) {
    const text = file.path.endsWith('.js') ? toBundlerImports(file.text) : file.text
    if (file.path.endsWith('.js') && /["'](?:fp-ts|io-ts)\/lib\//.test(text)) {
      throw new Error(`${relative(dist, file.path)}: an fp-ts/io-ts lib import was not rewritten`)
    }
    mkdirSync(dirname(file.path), { recursive: true })
    writeFileSync(file.path, text)
    written.push(relative(dist, file.path))
  }
  return written
}
