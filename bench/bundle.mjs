// @ts-check
/**
 * What sfb-dr costs a browser app: bundles a small app that decodes a topology and a state, plans a
 * failover and renders the script and the runbook, from the PACKED package (exactly what npm would
 * publish), with esbuild for the browser (minified), and prints the minified and gzipped sizes.
 *
 *   npm run bench:bundle                  # = npm run build && node bench/bundle.mjs
 *   node bench/bundle.mjs --max-gzip 25000  # exit 1 when the gzipped bundle is larger (npm test)
 *   node bench/bundle.mjs --json          # one machine-readable JSON line on stdout
 *   node bench/bundle.mjs --sources       # the same app from src/ (no build): bytes per source file
 *   node bench/bundle.mjs --sources --only decodeTopology,decodeState  # what these exports alone cost
 *
 * `--sources` bundles the app from the sources as the bundler build (`dist/es/`) would give it to
 * esbuild: `fp-ts/lib/X.js` and `io-ts/lib/X.js` read from their `es6/` builds (scripts/bundlerBuild.ts),
 * `sfb-dr` is src/index.ts. It prints, per source file and per area (folder), the minified bytes
 * (the output bytes the source map attributes to it) and the gzipped bytes the bundle would lose
 * without them (the bundle gzipped again with those bytes left out): the second is what slimming a
 * file can win. dist/es/ holds one module per source file, so its total is the packed build's.
 *
 * The bundle is also RUN (in Node, it uses no browser API) on the Contoso sample, so a bundle that
 * is small because something is missing fails too. Sizes are in KiB (1,024 bytes), gzip level 9.
 * The gzipped size moves by a few dozen bytes with the mere order of the same modules, so keep
 * some headroom under the budget.
 */
import { Buffer } from 'node:buffer'
import console from 'node:console'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
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
const sources = args.includes('--sources')
/** `--sources --only decodeTopology,decodeState`: what those exports alone cost (not run). */
const only = option('--only')
if (only !== undefined && !(sources && /^\w+(?:,\w+)*$/.test(only))) throw new Error('--only: with --sources, export names separated by commas')
const maxGzip = option('--max-gzip') === undefined ? undefined : Number(option('--max-gzip'))
if (maxGzip !== undefined && !(maxGzip > 0)) throw new Error(`--max-gzip: a number of bytes expected, got ${option('--max-gzip')}`)

const { dir } = sources ? { dir: mkdtempSync(join(tmpdir(), 'sfb-dr-sources-')) } : packAndInstall('sfb-dr-bundle')

// The app: what a portal or an admin page does with the SDK.
writeFileSync(
  join(dir, 'app.js'),
  only !== undefined
    ? `export { ${only} } from 'sfb-dr'\n`
    : `import { decodeState, decodeTopology, formatProblem, planFailover, renderPowerShell, renderRunbook } from 'sfb-dr'

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

/**
 * `--sources`: `sfb-dr` is src/index.ts, and fp-ts/io-ts `lib/` imports read `es6/`, as in dist/es/.
 * @type {esbuild.Plugin}
 */
const fromSources = {
  name: 'sfb-dr-sources',
  setup(build) {
    build.onResolve({ filter: /^sfb-dr$/ }, () => ({ path: join(root, 'src/index.ts') }))
    build.onResolve({ filter: /^(?:fp-ts|io-ts)\/lib\// }, (a) =>
      build.resolve(a.path.replace('/lib/', '/es6/'), { kind: a.kind, resolveDir: a.resolveDir }),
    )
  },
}

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
  ...(sources ? { sourcemap: 'external', outdir: dir, plugins: [fromSources] } : {}),
})
const output = sources ? result.outputFiles.find((f) => f.path.endsWith('.js')) : result.outputFiles[0]
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
if (only === undefined) {
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
}
rmSync(dir, { recursive: true, force: true })

if (sources) {
  const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'))
  if (map === undefined) throw new Error('esbuild wrote no source map')
  printSources(output.contents, JSON.parse(map.text))
  process.exit(0)
}

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
      'Look at the origins above: CommonJS fp-ts (fp-ts/lib) in a browser bundle means bundlers no longer get the bundler build (package.json exports "module"); `node bench/bundle.mjs --sources` shows the bytes per source file.',
  )
  process.exitCode = 1
}

/**
 * The `--sources` report: per source file and per area, the minified bytes and what the gzipped
 * bundle would lose without them.
 * @param {Uint8Array} code @param {{ sources: Array<string>, mappings: string }} sourceMap
 */
function printSources(code, sourceMap) {
  const text = Buffer.from(code).toString('latin1') // one char per byte: offsets are byte offsets
  const lines = text.split('\n')
  const lineStart = lines.reduce((/** @type {Array<number>} */ acc, l, i) => (acc.push(i === 0 ? 0 : (acc[i - 1] ?? 0) + (lines[i - 1] ?? '').length + 1), acc), [])
  // Decode the mappings: for each segment, its output offset and its source file.
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  /** @type {Array<[number, number]>} */
  const segments = []
  let source = 0
  sourceMap.mappings.split(';').forEach((line, li) => {
    let col = 0
    for (const seg of line.split(',')) {
      if (seg === '') continue
      /** @type {Array<number>} */
      const values = []
      let value = 0
      let shift = 0
      for (const ch of seg) {
        const digit = B64.indexOf(ch)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      col += values[0] ?? 0
      if (values.length >= 4) {
        source += values[1] ?? 0
        segments.push([(lineStart[li] ?? 0) + col, source])
      }
    }
  })
  /** @type {Map<string, Array<[number, number]>>} byte ranges of the output, by source */
  const ranges = new Map()
  segments.forEach(([start, src], i) => {
    const end = segments[i + 1]?.[0] ?? text.length
    const name = sourceMap.sources[src] ?? '?'
    const list = ranges.get(name) ?? []
    list.push([start, end])
    ranges.set(name, list)
  })
  const full = gzipSync(code, { level: 9 }).byteLength
  /** gzipped size of the bundle without the given ranges */
  const without = (/** @type {ReadonlyArray<[number, number]>} */ cut) => {
    const sorted = [...cut].sort((a, b) => a[0] - b[0])
    /** @type {Array<Buffer>} */
    const parts = []
    let at = 0
    for (const [s, e] of sorted) {
      if (s > at) parts.push(Buffer.from(code.subarray(at, s)))
      at = Math.max(at, e)
    }
    parts.push(Buffer.from(code.subarray(at)))
    return gzipSync(Buffer.concat(parts), { level: 9 }).byteLength
  }
  const short = (/** @type {string} */ p) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(p)
    return m === null ? relative(root, join(dir, p)).replace(/^\.\.\/.*?src\//, 'src/') : `${m[1] ?? ''}/${m[2] ?? ''}`
  }
  /** @type {Map<string, Array<[number, number]>>} */
  const bySource = new Map()
  for (const [p, r] of ranges) bySource.set(short(p), [...(bySource.get(short(p)) ?? []), ...r])
  const area = (/** @type {string} */ p) => (p.startsWith('src/') ? p.replace(/\/[^/]+$/, '/') : p.replace(/\/.*$/, ''))
  /** @type {Map<string, Array<[number, number]>>} */
  const byArea = new Map()
  for (const [p, r] of bySource) byArea.set(area(p), [...(byArea.get(area(p)) ?? []), ...r])
  const rows = (/** @type {Map<string, Array<[number, number]>>} */ m) =>
    [...m]
      .map(([k, r]) => ({ k, min: r.reduce((n, [s, e]) => n + e - s, 0), gz: full - without(r) }))
      .sort((a, b) => b.gz - a.gz)
  const n = (/** @type {number} */ x) => String(x).padStart(7)
  console.log(`\n  from src/: ${code.byteLength} bytes minified, ${full} gzipped\n\n   min   gzip-saved  area`)
  for (const r of rows(byArea)) console.log(`${n(r.min)} ${n(r.gz)}  ${r.k}`)
  console.log('\n   min   gzip-saved  file')
  for (const r of rows(bySource)) console.log(`${n(r.min)} ${n(r.gz)}  ${r.k}`)
}
