// @ts-check
/**
 * What sfb-dr costs a browser app: bundles a small app that decodes a topology and a state, plans a
 * failover and renders the script and the runbook, from the PACKED package (exactly what npm would
 * publish), with esbuild for the browser (minified), and prints the minified and gzipped sizes.
 *
 *   npm run bench:bundle                  # = npm run build && node bench/bundle.mjs
 *   node bench/bundle.mjs --max-gzip 25000  # exit 1 when the gzipped bundle is larger (npm test)
 *   node bench/bundle.mjs --json          # one machine-readable JSON line on stdout
 *
 * The bundle is also RUN (in Node, it uses no browser API) on the Contoso sample, so a bundle that
 * is small because something is missing fails too. Sizes are in KiB (1,024 bytes), gzip level 9.
 * The gzipped size moves by about ±150 bytes with the mere order of the same modules (how tsup
 * splits the shared chunks), so keep some headroom under the budget.
 */
import console from 'node:console'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { packAndInstall, root } from '../scripts/packed.mjs'

const args = process.argv.slice(2)
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const json = args.includes('--json')
const maxGzip = option('--max-gzip') === undefined ? undefined : Number(option('--max-gzip'))
if (maxGzip !== undefined && !(maxGzip > 0)) throw new Error(`--max-gzip: a number of bytes expected, got ${option('--max-gzip')}`)

const { dir } = packAndInstall('sfb-dr-bundle')

// The app: what a portal or an admin page does with the SDK.
writeFileSync(
  join(dir, 'app.js'),
  `import { decodeState, decodeTopology, formatProblem, planFailover, renderPowerShell, renderRunbook } from 'sfb-dr'

const problems = (ps) => ({ ok: false, text: ps.map(formatProblem).join('\\n') })

export const planPage = (topologyJson, stateJson, pool) => {
  const topology = decodeTopology(JSON.parse(topologyJson))
  if (topology._tag === 'Left') return problems(topology.left)
  const state = decodeState(topology.right, JSON.parse(stateJson))
  if (state._tag === 'Left') return problems(state.left)
  const plan = planFailover(topology.right, state.right, { pool })
  if (plan._tag === 'Left') return problems(plan.left)
  return { ok: true, text: renderRunbook(plan.right) + '\\n' + renderPowerShell(plan.right) }
}
`,
)

const result = await esbuild.build({
  absWorkingDir: dir,
  entryPoints: ['app.js'],
  bundle: true,
  platform: 'browser',
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'error',
})
const output = result.outputFiles[0]
if (output === undefined) throw new Error('esbuild wrote nothing')
const minified = output.contents.byteLength
const gzipped = gzipSync(output.contents, { level: 9 }).byteLength

// Where the bytes come from, per package (node_modules/<name>/<lib|es6|dist>).
/** @type {Map<string, number>} */
const byOrigin = new Map()
for (const out of Object.values(result.metafile.outputs)) {
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/([^/]+)\//.exec(path)
    const key = m === null ? `(app) ${path}` : `${m[1] ?? ''}/${m[2] ?? ''}`
    byOrigin.set(key, (byOrigin.get(key) ?? 0) + bytesInOutput)
  }
}
const origins = [...byOrigin].sort((a, b) => b[1] - a[1]).filter(([, n]) => n > 0)

// Run it: the bundle must still decode, plan and render the sample.
const bundlePath = join(dir, 'bundle.mjs')
writeFileSync(bundlePath, output.contents)
/** @type {{ planPage: (t: string, s: string, pool: string) => { ok: boolean, text: string } }} */
const app = await import(pathToFileURL(bundlePath).href)
const page = app.planPage(
  readFileSync(join(root, 'test/fixtures/contoso.topology.json'), 'utf8'),
  readFileSync(join(root, 'test/fixtures/contoso.state.redmond-down.json'), 'utf8'),
  'pool1.contoso.com',
)
if (!page.ok || !page.text.includes("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")) {
  throw new Error(`the bundled app does not plan the sample failover:\n${page.text}`)
}
rmSync(dir, { recursive: true, force: true })

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KiB`
if (json) {
  console.log(JSON.stringify({ minified, gzipped, origins: Object.fromEntries(origins) }))
} else {
  console.log(
    `bundle (decode + plan + render, esbuild, browser, minified): ${kb(minified)} min, ${kb(gzipped)} gzip (${minified} / ${gzipped} bytes)`,
  )
  for (const [origin, bytes] of origins.slice(0, 8)) console.log(`  ${kb(bytes).padStart(9)}  ${origin}`)
}
if (maxGzip !== undefined && gzipped > maxGzip) {
  console.error(
    `bundle: ${gzipped} bytes gzipped, over the budget of ${maxGzip}. ` +
      'Look at the origins above: CommonJS fp-ts (fp-ts/lib) in a browser bundle means bundlers no longer get the bundler build (package.json exports "module").',
  )
  process.exitCode = 1
}
