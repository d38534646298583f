// @ts-check
/**
 * Builds the portal into examples/portal/dist/: index.html, style.css and portal.js, one classic
 * script (an IIFE), so the page also works opened straight from disk (file://).
 *
 *   npm run portal        # builds the library, then the portal, and prints the page's path
 *
 * `sfb-dr` resolves to this repository's own build through its package.json `exports`, exactly as
 * an app's bundler resolves the published package (the `module` condition: dist/es/); build the
 * library first (`npm run build`).
 */
import console from 'node:console'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import * as esbuild from 'esbuild'

/**
 * The portal's own code imports `fp-ts/lib/X.js` (the project's rule: that path also works in plain
 * Node ESM). For the browser, bundle fp-ts's ES modules instead (`fp-ts/es6/X.js`), as sfb-dr's own
 * bundler build does: they tree-shake, and fp-ts is not bundled twice.
 * @type {esbuild.Plugin}
 */
const fpTsEs6 = {
  name: 'fp-ts-es6',
  setup(build) {
    build.onResolve({ filter: /^(?:fp-ts|io-ts)\/lib\// }, (args) =>
      build.resolve(args.path.replace('/lib/', '/es6/'), { kind: args.kind, resolveDir: args.resolveDir }),
    )
  },
}

const here = import.meta.dirname
const root = resolve(here, '../..')
const out = join(here, 'dist')

/** Builds the portal; answers the path of its index.html. */
export const buildPortal = async () => {
  if (!existsSync(join(root, 'dist/es/index.js'))) throw new Error('the library is not built: run `npm run build` first')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(here, 'main.ts')],
    outfile: join(out, 'portal.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Not the repository's tsconfig.json: its `paths` send 'sfb-dr' to the sources.
    tsconfigRaw: {},
    plugins: [fpTsEs6],
    logLevel: 'error',
  })
  for (const file of ['index.html', 'style.css']) copyFileSync(join(here, file), join(out, file))
  return join(out, 'index.html')
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(here, 'build.mjs')) {
  const page = await buildPortal()
  console.log(`portal: open ${relative(process.cwd(), page)} in a browser (it works from disk, file://)`)
}
