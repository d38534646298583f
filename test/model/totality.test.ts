/**
 * Contract §2: every public function that takes a topology or a state answers — `Left` with an
 * `InvalidInput`, `none`, `0` or `false` — when a JavaScript caller passes something that is not
 * a decoded one (raw JSON, `null`, `{}`, a throwing proxy); none of them throws.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'
import type { Plan, State, Topology } from '../../src/index.js'
import { readFileSync } from 'node:fs'
import { contosoTopology, fqdn, healthy, pool1FailedOver, redmondDown, stateOf } from '../support/builders.js'
import { contosoTopologyDocument, redmondDownStateDocument } from '../support/fixtures.js'

const topology = contosoTopology()
const state = redmondDown(topology)
const plan = ((): Plan => {
  const p = api.planFailover(topology, state, { pool: 'pool1.contoso.com' })
  if (E.isLeft(p)) throw new Error('the Contoso failover does not plan')
  return p.right
})()
const step = plan.steps[0]
const journal = {
  planId: plan.id,
  // a journal executePlan can write: aborted after the first step (a failed run has a failed entry)
  outcome: 'aborted' as const,
  entries: plan.steps.map((s, i) => ({ stepId: s.id, _tag: s._tag, status: i === 0 ? ('succeeded' as const) : ('notRun' as const) })),
}

/** A proxy whose every trap throws (its handler is itself a proxy answering throwing traps). */
const everyTrapThrows = new Proxy(
  {},
  new Proxy({}, { get: () => () => { throw new Error('trap') } }),
)
const revoked = ((): object => {
  const r = Proxy.revocable({}, {})
  r.revoke()
  return r.proxy
})()

/** Values that are not decoded topologies (nor states). */
const NOT_DECODED: Readonly<Record<string, unknown>> = {
  undefined,
  null: null,
  '{}': {},
  '[]': [],
  'a number': 42,
  'a string': 'pool1.contoso.com',
  'the raw topology document': contosoTopologyDocument(),
  'the raw state document': redmondDownStateDocument(),
  'a decoded topology through JSON (its Maps lost)': JSON.parse(JSON.stringify(topology)),
  'a decoded state through JSON (its Maps lost)': JSON.parse(JSON.stringify(state)),
  'a proxy that throws on every trap': everyTrapThrows,
  'a revoked proxy': revoked,
}

/** Values close to decoded ones, that the deployment guard refuses (the queries may still answer). */
const ALMOST_DECODED: Readonly<Record<string, unknown>> = {
  'a decoded topology whose index getter throws': Object.defineProperty({ ...topology }, 'index', { get: () => { throw new Error('index') } }),
  'a decoded state whose pools getter throws': Object.defineProperty({ ...state }, 'pools', { get: () => { throw new Error('pools') } }),
  'a topology whose pool index is a proxy (Map methods refuse it)': { ...topology, index: { ...topology.index, pools: new Proxy(topology.index.pools, {}) } },
  'a state without its Backup Service table': { ...state, backupService: undefined },
}

type Answer = 'Left' | 'none' | '0' | 'false'
type Argument = 'topology' | 'state'

interface Call {
  readonly name: string
  /** What it answers for a value that is not decoded. */
  readonly answer: Answer
  /** The arguments it takes. */
  readonly takes: ReadonlyArray<Argument>
  /** A state in which it answers normally. */
  readonly state?: State
  /** A topology in which it answers normally (default: Contoso's). */
  readonly topology?: Topology
  /** Calls it. */
  readonly call: (t: Topology, s: State) => unknown
}

const failedOver = pool1FailedOver(topology)
const decodedOrThrow = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
/** Contoso with two sites, a pair per site pair and an Edge pool per site (docs/site-outage.md). */
const paired = decodedOrThrow(api.decodeTopology(JSON.parse(readFileSync(new URL('../../examples/data/contoso-paired.topology.json', import.meta.url), 'utf8'))))
const pairedHealthy = healthy(paired)
const afterPlan = (t: Topology, s: State, p: E.Either<unknown, Plan>): State => decodedOrThrow(api.applyPlan(t, s, decodedOrThrow(p)))
const edgeFailedOver = afterPlan(paired, pairedHealthy, api.planEdgeFailover(paired, pairedHealthy, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))
const siteFailedOver = afterPlan(paired, pairedHealthy, api.planSiteFailover(paired, pairedHealthy, { site: 'Redmond' }))
/** pool1 with 2 Front End servers running: below its start quorum, pool-level quorum kept. */
const belowStart = stateOf(topology, (x) => {
  const pools = new Map(x.pools)
  pools.set(fqdn('pool1.contoso.com'), { ...pools.get(fqdn('pool1.contoso.com'))!, frontEndsRunning: 2 })
  return { ...x, pools }
})
const [pool1, pool2] = [topology.pools[0]!.fqdn, topology.pools[1]!.fqdn]
const both: ReadonlyArray<Argument> = ['topology', 'state']

/** Every public function of src/index.ts that takes a topology or a state. */
const CALLS: ReadonlyArray<Call> = [
  { name: 'planFailover', answer: 'Left', takes: both, call: (t, s) => api.planFailover(t, s, { pool: 'pool1.contoso.com' }) },
  { name: 'planFailback', answer: 'Left', takes: both, state: failedOver, call: (t, s) => api.planFailback(t, s, { pool: 'pool1.contoso.com' }) },
  { name: 'planMoveService', answer: 'Left', takes: both, call: (t, s) => api.planMoveService(t, s, { from: 'pool1.contoso.com', to: 'pool2.contoso.com' }) },
  { name: 'validatePlan', answer: 'Left', takes: both, call: (t, s) => api.validatePlan(t, s, plan) },
  { name: 'applyPlan', answer: 'Left', takes: both, call: (t, s) => api.applyPlan(t, s, plan) },
  { name: 'applyStep', answer: 'Left', takes: both, call: (t, s) => api.applyStep(t, s, step) },
  { name: 'resumePlan', answer: 'Left', takes: both, call: (t, s) => api.resumePlan(t, s, plan, journal) },
  { name: 'decodeState', answer: 'Left', takes: ['topology'], call: (t) => api.decodeState(t, redmondDownStateDocument()) },
  { name: 'homePool', answer: 'none', takes: ['topology'], call: (t) => api.homePool(t, 'sip:u0@pool1.contoso.com') },
  { name: 'servingPool', answer: 'none', takes: both, call: (t, s) => api.servingPool(t, s, 'pool2.contoso.com') },
  { name: 'usersServedBy', answer: '0', takes: both, call: (t, s) => api.usersServedBy(t, s, 'pool2.contoso.com') },
  { name: 'findPool', answer: 'none', takes: ['topology'], call: (t) => api.findPool(t, pool1) },
  { name: 'findEdgePool', answer: 'none', takes: ['topology'], call: (t) => api.findEdgePool(t, topology.edgePools[0]!.fqdn) },
  { name: 'partnerOf', answer: 'none', takes: ['topology'], call: (t) => api.partnerOf(t, pool1) },
  { name: 'usersHomedOn', answer: '0', takes: ['topology'], call: (t) => api.usersHomedOn(t, pool1) },
  { name: 'isPoolReachable', answer: 'false', takes: ['state'], call: (_, s) => api.isPoolReachable(s, pool2) },
  { name: 'isFailedOver', answer: 'false', takes: ['state'], state: failedOver, call: (_, s) => api.isFailedOver(s, pool1) },
  { name: 'isCentralManagementStoreAvailable', answer: 'false', takes: ['state'], state: failedOver, call: (_, s) => api.isCentralManagementStoreAvailable(s) },
  { name: 'planBackupSync', answer: 'Left', takes: both, state: healthy(topology), call: (t, s) => api.planBackupSync(t, s, { pool: 'pool1.contoso.com' }) },
  { name: 'planConferenceContentRestore', answer: 'Left', takes: both, state: healthy(topology), call: (t, s) => api.planConferenceContentRestore(t, s, { pool: 'pool1.contoso.com' }) },
  { name: 'planSyncInterval', answer: 'Left', takes: both, call: (t, s) => api.planSyncInterval(t, s, { interval: '00:03:00' }) },
  { name: 'planQuorumRecovery', answer: 'Left', takes: both, state: belowStart, call: (t, s) => api.planQuorumRecovery(t, s, { pool: 'pool1.contoso.com' }) },
  { name: 'planBackEndFailover', answer: 'Left', takes: both, state: healthy(topology), call: (t, s) => api.planBackEndFailover(t, s, { pool: 'pool1.contoso.com', newPrincipal: 'Mirror' }) },
  { name: 'planEdgeFailover', answer: 'Left', takes: both, topology: paired, state: pairedHealthy, call: (t, s) => api.planEdgeFailover(t, s, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }) },
  { name: 'planEdgeFailback', answer: 'Left', takes: both, topology: paired, state: edgeFailedOver, call: (t, s) => api.planEdgeFailback(t, s, { edgePool: 'edge1.contoso.com' }) },
  { name: 'planSiteFailover', answer: 'Left', takes: both, topology: paired, state: pairedHealthy, call: (t, s) => api.planSiteFailover(t, s, { site: 'Redmond' }) },
  { name: 'planSiteFailback', answer: 'Left', takes: both, topology: paired, state: siteFailedOver, call: (t, s) => api.planSiteFailback(t, s, { site: 'Redmond' }) },
  { name: 'assessPool', answer: 'Left', takes: both, call: (t, s) => api.assessPool(t, s, 'pool1.contoso.com') },
  { name: 'assessBackupService', answer: 'Left', takes: both, call: (t, s) => api.assessBackupService(t, s, { now: '2026-11-25T10:00:00Z' }) },
]

describe('the list above is complete', () => {
  it('has every exported planner and assessment (a new one must say what it answers to a JavaScript caller)', () => {
    const exported = Object.keys(api).filter((k) => /^(plan|assess)[A-Z]/u.test(k) && typeof (api as Record<string, unknown>)[k] === 'function')
    expect(exported.filter((k) => !CALLS.some((c) => c.name === k))).toStrictEqual([])
  })
})

/** Calls `c` with the given arguments, the others being ones it answers normally with. */
const call = (c: Call, args: Partial<Record<Argument, unknown>>): unknown =>
  c.call(('topology' in args ? args.topology : (c.topology ?? topology)) as Topology, ('state' in args ? args.state : (c.state ?? state)) as State)

describe('with a decoded deployment, every call answers normally (so the refusals below mean something)', () => {
  it.each(CALLS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = call(c, {})
    if (c.answer === 'Left') expect(E.isRight(result as E.Either<unknown, unknown>)).toBe(true)
    if (c.answer === 'none') expect(O.isSome(result as O.Option<unknown>)).toBe(true)
    if (c.answer === '0') expect(result).toBeGreaterThan(0)
    if (c.answer === 'false') expect(result).toBe(true)
  })
})

/** Checks the refusal; `paths` are the InvalidInput paths expected from the deployment guard. */
const expectRefusal = (c: Call, result: unknown, paths: ReadonlyArray<Argument>): void => {
  switch (c.answer) {
    case 'Left': {
      const either = result as E.Either<ReadonlyArray<{ readonly _tag: string; readonly path?: string }>, unknown>
      expect(E.isLeft(either)).toBe(true)
      // decodeState reports what is wrong with its topology argument its own way.
      if (E.isRight(either) || c.name === 'decodeState') return
      expect(either.left.map((p) => [p._tag, p.path])).toStrictEqual(paths.map((p) => ['InvalidInput', p]))
      return
    }
    case 'none':
      expect(result).toStrictEqual(O.none)
      return
    case '0':
      expect(result).toBe(0)
      return
    case 'false':
      expect(result).toBe(false)
  }
}

describe('never throws, whatever is passed as the topology or the state', () => {
  for (const c of CALLS)
    describe(c.name, () => {
      it.each(Object.keys(NOT_DECODED))('%s', (bad) => {
        const value = NOT_DECODED[bad]
        for (const arg of c.takes) expectRefusal(c, call(c, { [arg]: value }), [arg])
        if (c.takes.length === 2) expectRefusal(c, call(c, { topology: value, state: value }), both)
      })
    })
})

describe('the deployment guard of the planners, validatePlan, applyPlan, applyStep and resumePlan', () => {
  const guarded = CALLS.filter((c) => c.answer === 'Left' && c.name !== 'decodeState')
  it.each(Object.keys(ALMOST_DECODED))('refuses %s', (bad) => {
    const value = ALMOST_DECODED[bad]
    const arg: Argument = bad.includes('state') ? 'state' : 'topology'
    for (const c of guarded) expectRefusal(c, call(c, { [arg]: value }), [arg])
  })
  it('accepts a decoded topology copied with a spread, frozen, or without its user list', () => {
    for (const c of guarded) {
      const decoded = c.topology ?? topology
      const copies: ReadonlyArray<Topology> = [{ ...decoded }, Object.freeze({ ...decoded }), { ...decoded, users: undefined as unknown as Topology['users'] }]
      for (const t of copies) expect(E.isRight(c.call(t, c.state ?? state) as E.Either<unknown, unknown>)).toBe(true)
    }
  })
})

describe('the refusal names what was expected', () => {
  it('InvalidInput at topology and state, saying which function builds them', () => {
    expect(api.planFailover(null as unknown as Topology, {} as State, { pool: 'pool1.contoso.com' })).toStrictEqual(
      E.left([
        { _tag: 'InvalidInput', path: 'topology', expected: 'a decoded topology (decodeTopology)', found: 'null' },
        { _tag: 'InvalidInput', path: 'state', expected: 'a decoded state (decodeState)', found: 'an object' },
      ]),
    )
    expect(api.applyStep(everyTrapThrows as Topology, revoked as State, step)).toStrictEqual(
      E.left([
        { _tag: 'InvalidInput', path: 'topology', expected: 'a decoded topology (decodeTopology)', found: 'an object' },
        { _tag: 'InvalidInput', path: 'state', expected: 'a decoded state (decodeState)', found: 'a value that cannot be read' },
      ]),
    )
  })
  it('formatProblem gives the sentence', () => {
    const refused = api.planFailover(undefined as unknown as Topology, state, { pool: 'pool1.contoso.com' })
    expect(E.isLeft(refused) && refused.left.map(api.formatProblem)).toStrictEqual([
      'topology: expected a decoded topology (decodeTopology), found nothing.',
    ])
  })
})
