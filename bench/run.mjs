// @ts-check
/**
 * sfb-dr benchmark: the BUILT package (`../dist/index.js`) on generated deployments.
 *
 *   npm run bench                       # = npm run build && node --expose-gc --max-old-space-size=8192 bench/run.mjs
 *   node --expose-gc bench/run.mjs --sizes 10000,100000 --quick
 *   node --expose-gc bench/run.mjs --json   # one machine-readable JSON line on stdout
 *
 * Method: one process; per size, every case is warmed up, then run `iterations` times round-robin
 * (the starting case rotates each round), with a forced GC before each operation and its result
 * kept alive until the round ends. Medians are reported, with each case's ratio to its baseline.
 * Heap retained: after a forced GC, the `heapUsed + external` growth while the result is alive
 * (external counts typed-array storage).
 *
 * To measure more of the API, add an entry to `cases` below: `run(ctx)` gets the generated
 * documents and the decoded topology/state of the size being measured.
 */
import console from 'node:console'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { URL } from 'node:url'
import { generate } from './generate.mjs'

const args = process.argv.slice(2)
const flag = (/** @type {string} */ name) => args.includes(name)
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const json = flag('--json')
const quick = flag('--quick')
const sizes = (option('--sizes') ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()))
if (sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`--sizes: integers expected, got ${option('--sizes')}`)

const gc = /** @type {(() => void) | undefined} */ (globalThis.gc)
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)')

/** @type {any} */
const sdr = await import(new URL('../dist/index.js', import.meta.url).href)

/**
 * @typedef {object} Context
 * @property {number} users
 * @property {string} topologyJson
 * @property {string} stateJson
 * @property {unknown} stateDocument  the state document, parsed once
 * @property {any} topology           the decoded topology
 * @property {any} state              the decoded state
 * @property {any} plan               planFailover's plan for pool0002
 */

/**
 * @typedef {object} Case
 * @property {string} name
 * @property {string} [baseline]  name of the case this one is compared with
 * @property {(ctx: Context) => unknown} run
 */

/** @param {any} result @param {string} what */
const right = (result, what) => {
  if (result?._tag !== 'Right') throw new Error(`${what} failed: ${JSON.stringify(result?.left?.slice?.(0, 3))}`)
  return result.right
}

/** @type {Array<Case>} */
const cases = [
  { name: 'JSON.parse', run: (ctx) => JSON.parse(ctx.topologyJson) },
  {
    name: 'JSON.parse + decodeTopology',
    baseline: 'JSON.parse',
    run: (ctx) => right(sdr.decodeTopology(JSON.parse(ctx.topologyJson)), 'decodeTopology'),
  },
  {
    // Any decoder that allocates after JSON.parse pays for scavenging the freshly parsed document:
    // this is that cost alone, the floor under every allocating decoder.
    name: 'JSON.parse + allocate 2 MiB',
    baseline: 'JSON.parse',
    run: (ctx) => {
      const doc = JSON.parse(ctx.topologyJson)
      const junk = []
      for (let i = 0; i < 65536; i++) junk.push({ i, j: i })
      return [doc, junk]
    },
  },
  { name: 'JSON.parse (state document)', run: (ctx) => JSON.parse(ctx.stateJson) },
  {
    name: 'decodeState',
    baseline: 'JSON.parse (state document)',
    run: (ctx) => right(sdr.decodeState(ctx.topology, ctx.stateDocument), 'decodeState'),
  },
  // Planning works on per-pool counts: its cost must stay flat in users and tiny next to parsing.
  // pool0002 is in a healthy pair while the CMS master's pool (pool0000) is dark: the plan fails the
  // CMS over, repoints Edge pools and fails pool0002 over in planned mode.
  {
    name: 'planFailover',
    baseline: 'JSON.parse',
    run: (ctx) => right(sdr.planFailover(ctx.topology, ctx.state, { pool: 'pool0002.corp.contoso.com' }), 'planFailover'),
  },
  {
    name: 'planMoveService',
    baseline: 'JSON.parse',
    run: (ctx) =>
      right(
        sdr.planMoveService(ctx.topology, ctx.state, { from: 'pool0003.corp.contoso.com', to: 'pool0002.corp.contoso.com' }),
        'planMoveService',
      ),
  },
  // A whole site (contract §11): Site 04 holds 100 of the 1,000 pairs' pools, all reachable, their
  // partners in Site 05; the CMS is unavailable (pool0000 is dark), so the plan fails it over once,
  // checks 100 Backup Service directions and fails 100 pools over, validated step by step.
  {
    name: 'planSiteFailover',
    baseline: 'JSON.parse + decodeTopology',
    run: (ctx) => right(sdr.planSiteFailover(ctx.topology, ctx.state, { site: 'Site 04' }), 'planSiteFailover'),
  },
  {
    name: 'validatePlan',
    baseline: 'JSON.parse',
    run: (ctx) => right(sdr.validatePlan(ctx.topology, ctx.state, ctx.plan), 'validatePlan'),
  },
  { name: 'renderPowerShell', baseline: 'JSON.parse', run: (ctx) => sdr.renderPowerShell(ctx.plan) },
  // The Backup Service assessment of every direction of the 1,000 pairs (2,000 directions, half of
  // them with a recorded status and last sync): it must stay far below decoding the same pools.
  {
    name: 'assessBackupService',
    baseline: 'JSON.parse + decodeTopology',
    run: (ctx) => right(sdr.assessBackupService(ctx.topology, ctx.state, { now: '2026-11-25T10:30:00Z' }), 'assessBackupService'),
  },
]

const median = (/** @type {Array<number>} */ xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

/** @param {Context} ctx @param {Case} c */
const timeOnce = (ctx, c) => {
  gc()
  const t0 = performance.now()
  const result = c.run(ctx)
  const ms = performance.now() - t0
  return { ms, result }
}

const retained = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.external
}

/** Bytes kept alive by `make()`'s result, measured around forced GCs. */
const retainedBy = (/** @type {() => unknown} */ make) => {
  gc()
  gc()
  const before = retained()
  const kept = make()
  gc()
  gc()
  return { bytes: retained() - before, kept }
}

/** @param {number} users */
const measure = (users) => {
  const { topologyJson, stateJson } = generate({ users })
  const topology = right(sdr.decodeTopology(JSON.parse(topologyJson)), 'decodeTopology')
  const stateDocument = JSON.parse(stateJson)
  const state = right(sdr.decodeState(topology, stateDocument), 'decodeState')
  const plan = right(sdr.planFailover(topology, state, { pool: 'pool0002.corp.contoso.com' }), 'planFailover')
  /** @type {Context} */
  const ctx = { users, topologyJson, stateJson, stateDocument, topology, state, plan }
  const iterations = quick ? 3 : users >= 1_000_000 ? 7 : users >= 100_000 ? 15 : 31
  const warmup = quick ? 1 : 3
  /** @type {Map<string, Array<number>>} */
  const times = new Map(cases.map((c) => [c.name, []]))
  for (let i = 0; i < warmup; i++) for (const c of cases) c.run(ctx)
  for (let round = 0; round < iterations; round++) {
    const alive = []
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length]
      if (c === undefined) continue
      const { ms, result } = timeOnce(ctx, c)
      alive.push(result)
      times.get(c.name)?.push(ms)
    }
    alive.length = 0
  }
  const medians = new Map([...times].map(([name, ts]) => [name, median(ts)]))
  const results = cases.map((c) => {
    const ms = medians.get(c.name) ?? NaN
    const base = c.baseline === undefined ? undefined : medians.get(c.baseline)
    return {
      users,
      case: c.name,
      medianMs: Number(ms.toFixed(3)),
      minMs: Number(Math.min(...(times.get(c.name) ?? [])).toFixed(3)),
      iterations,
      ...(c.baseline === undefined || base === undefined ? {} : { baseline: c.baseline, ratio: Number((ms / base).toFixed(5)) }),
    }
  })
  const parsed = retainedBy(() => JSON.parse(topologyJson))
  const decoded = retainedBy(() => right(sdr.decodeTopology(JSON.parse(topologyJson)), 'decodeTopology'))
  const heap = {
    users,
    parseRetainedBytes: parsed.bytes,
    topologyRetainedBytes: decoded.bytes,
    ratio: Number((decoded.bytes / parsed.bytes).toFixed(3)),
  }
  return { results, heap, documentBytes: topologyJson.length }
}

const mib = (/** @type {number} */ b) => (b / 1048576).toFixed(1)
const all = []
for (const users of sizes) {
  const m = measure(users)
  all.push(m)
  if (!json) {
    console.log(`\n${users.toLocaleString('en-US')} users, 2,000 pools — topology document ${mib(m.documentBytes)} MiB`)
    for (const r of m.results)
      console.log(
        `  ${r.case.padEnd(34)} ${r.medianMs.toFixed(1).padStart(9)} ms` +
          (r.ratio === undefined ? '' : `   ${r.ratio < 0.1 ? r.ratio.toFixed(4) : r.ratio.toFixed(2)}× ${r.baseline}`),
      )
    console.log(
      `  heap retained: JSON.parse ${mib(m.heap.parseRetainedBytes)} MiB, decoded topology ${mib(m.heap.topologyRetainedBytes)} MiB = ${m.heap.ratio.toFixed(2)}×`,
    )
  }
}
// Flat in users: planFailover's median at the largest size over its median at the smallest.
const planAt = (/** @type {any} */ m) => m.results.find((/** @type {any} */ r) => r.case === 'planFailover')?.medianMs
const flatness =
  all.length < 2 ? undefined : Number((planAt(all[all.length - 1]) / planAt(all[0])).toFixed(2))
if (!json && flatness !== undefined)
  console.log(`\nplanFailover at ${sizes[sizes.length - 1]} users / at ${sizes[0]} users: ${flatness}×`)
// Shares of decoding (JSON.parse + decodeTopology of the same 2,000 pools) with their budgets:
// site planning for 1,000 pairs (issue 11: 5 %) and the Backup Service assessment of 2,000 pools
// (issue 9: 1 %). Both are per-pool work, so their share falls as users per pool grow.
const shareOf = (/** @type {string} */ name) =>
  all.map((m) => ({ users: m.results[0]?.users, share: m.results.find((/** @type {any} */ r) => r.case === name)?.ratio }))
const siteShare = shareOf('planSiteFailover')
const assessShare = shareOf('assessBackupService')
if (!json)
  for (const [name, shares, budget] of /** @type {const} */ ([
    ['planSiteFailover', siteShare, 0.05],
    ['assessBackupService', assessShare, 0.01],
  ]))
    for (const { users, share } of shares)
      console.log(
        `${name} / (JSON.parse + decodeTopology) at ${users} users: ${((share ?? NaN) * 100).toFixed(2)} % (budget ${budget * 100} %: ${
          share !== undefined && share < budget ? 'met' : 'NOT met'
        })`,
      )
if (json)
  console.log(
    JSON.stringify({
      node: process.version,
      quick,
      sizes,
      results: all.flatMap((m) => m.results),
      heap: all.map((m) => m.heap),
      planFailoverFlatness: flatness,
      planSiteFailoverShare: siteShare,
      assessBackupServiceShare: assessShare,
    }),
  )
