import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describe, expect } from 'vitest'
import { decodeTopology, encodeTopology } from '../../src/codec/index.js'
import { servingPoolOf } from '../../src/model/homing.js'
import type { PoolFqdn } from '../../src/model/identifiers.js'
import type { Violation } from '../../src/model/problem.js'
import { isFailedOver, type FailoverMode, type State } from '../../src/model/state.js'
import { usersHomedOn, type Topology } from '../../src/model/topology.js'
import type { Plan } from '../../src/plan/plan.js'
import {
  planBackupSync,
  planConferenceContentRestore,
  planSyncInterval,
  type BackupSyncRequest,
  type ConferenceContentRestoreRequest,
  type SyncIntervalRequest,
} from '../../src/plan/planBackup.js'
import { planFailback, type FailbackRequest } from '../../src/plan/planFailback.js'
import { planFailover, type FailoverRequest } from '../../src/plan/planFailover.js'
import { computePlanId, hasValidPlanId } from '../../src/plan/planId.js'
import {
  planBackEndFailover,
  planQuorumRecovery,
  type BackEndFailoverRequest,
  type QuorumRecoveryRequest,
} from '../../src/plan/planHighAvailability.js'
import { planMoveService, type MoveServiceRequest } from '../../src/plan/planMoveService.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { planEdgeFailback, planEdgeFailover } from '../../src/plan/planEdge.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import { edgePoolsToFailBackFirst } from '../../src/plan/steps/edge.js'
import { deploymentArbitrary } from '../../src/testing/arbitraries.js'
import { freezeFresh, noFailoverWhileAnEdgeNamesThePool, right } from './support.js'

type Result = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan>

const deployment = deploymentArbitrary({ maxPairs: 3, maxUnpaired: 2, maxEdgePools: 3 }).map(({ topology, state }) => ({
  topology: freezeFresh(topology),
  state: freezeFresh(state),
}))

/** No pair has both pools failed over. */
const pairsSafe = (t: Topology, s: State): boolean => t.pairings.every(([a, b]) => !(isFailedOver(s, a) && isFailedOver(s, b)))

/** Every FQDN a step names is a pool (or, for `edgePool`, an Edge pool) of the topology. */
const namesOnlyKnownPools = (t: Topology, plan: Plan): boolean =>
  plan.steps.every((step) => {
    switch (step._tag) {
      case 'CheckBackupService':
      case 'SyncBackupService':
        return t.index.pools.has(step.pool)
      case 'SetBackupServiceSyncInterval':
        return true
      case 'ResetPoolRegistrarState':
      case 'FailoverDatabase':
      case 'CheckDatabaseMirrorState':
        return t.index.pools.has(step.pool)
      case 'FailoverCentralManagementStore':
        return t.index.pools.has(step.from) && t.index.pools.has(step.to)
      case 'CheckCentralManagementStore':
        return t.index.pools.has(step.activeMaster)
      case 'SetEdgeNextHop':
        return t.index.edgePools.has(step.edgePool) && t.index.pools.has(step.nextHop)
      case 'FailoverPool':
      case 'FailbackPool':
        return t.index.pools.has(step.pool) && t.index.pools.has(step.backupPool)
      case 'MoveFederationRoute':
        return t.index.edgePools.has(step.from) && t.index.edgePools.has(step.to)
      case 'SetXmppFederationRoute':
        return t.index.edgePools.get(step.edgePool)?.site === step.site
      case 'UpdateXmppDns':
        return t.index.edgePools.has(step.edgePool)
      case 'AssociateEdgePool':
        return t.index.pools.has(step.pool) && t.index.edgePools.has(step.edgePool)
    }
  })


/** The same deployment, decoded again with an empty user list. */
const withoutUsers = (t: Topology): Topology => {
  const decoded = decodeTopology({ ...encodeTopology(t), users: [] })
  if (E.isLeft(decoded)) throw new Error('the topology without users does not decode')
  return freezeFresh(decoded.right)
}

/** Checks every law a returned plan must keep; returns the state after it. */
const checkPlanLaws = (t: Topology, s: State, plan: Plan): State => {
  expect(noFailoverWhileAnEdgeNamesThePool(t, s, plan)).toBe(true)
  expect(validatePlan(t, s, plan)).toEqual(E.right(plan))
  expect(hasValidPlanId(plan)).toBe(true)
  expect(namesOnlyKnownPools(t, plan)).toBe(true)
  expect(new Set(plan.steps.map((x) => x.id)).size).toBe(plan.steps.length)
  const reloaded: unknown = JSON.parse(JSON.stringify(plan))
  expect(E.isRight(validatePlan(t, s, reloaded as Plan))).toBe(true)
  const after = right(applyPlan(t, s, plan))
  expect(pairsSafe(t, after)).toBe(true)
  return freezeFresh(after)
}

/** Every request the planners can be asked for this topology (pools × modes, moves to partners). */
const allRequests = (t: Topology): ReadonlyArray<(s: State) => Result> => {
  const modes: ReadonlyArray<FailoverMode | undefined> = [undefined, 'planned', 'disaster']
  return t.pools.flatMap((p) => {
    const partner = t.index.partners.get(p.fqdn)
    return [
      ...modes.map((mode) => (s: State) => planFailover(t, s, freezeFresh(mode === undefined ? { pool: p.fqdn } : { pool: p.fqdn, mode }))),
      ...modes.map((mode) => (s: State) => planFailback(t, s, freezeFresh(mode === undefined ? { pool: p.fqdn } : { pool: p.fqdn, mode }))),
      ...(partner === undefined ? [] : [(s: State) => planMoveService(t, s, freezeFresh({ from: p.fqdn, to: partner }))]),
      (s: State) => planBackupSync(t, s, freezeFresh({ pool: p.fqdn })),
      (s: State) => planBackupSync(t, s, freezeFresh({ pool: p.fqdn, module: 'ConfServices.DataConf' })),
      (s: State) => planConferenceContentRestore(t, s, freezeFresh({ pool: p.fqdn })),
      (s: State) => planQuorumRecovery(t, s, freezeFresh({ pool: p.fqdn })),
      ...['Primary', 'Mirror'].map((newPrincipal) => (s: State) => planBackEndFailover(t, s, freezeFresh({ pool: p.fqdn, newPrincipal }))),
    ]
  }).concat(
    [(s: State) => planSyncInterval(t, s, freezeFresh({ interval: '00:07:30' }))],
    // Edge pools (contract §10) and sites (§11).
    t.edgePools.flatMap((e) => [
      (s: State) => planEdgeFailback(t, s, freezeFresh({ edgePool: e.fqdn })),
      ...t.edgePools.map((to) => (s: State) => planEdgeFailover(t, s, freezeFresh({ edgePool: e.fqdn, to: to.fqdn }))),
    ]),
    t.sites.flatMap((site) => [
      ...modes.map((mode) => (s: State) => planSiteFailover(t, s, freezeFresh(mode === undefined ? { site: site.name } : { site: site.name, mode }))),
      (s: State) => planSiteFailback(t, s, freezeFresh({ site: site.name })),
    ]),
  )
}

/** A pool name as a person might type it, or junk. */
const typedPool = (t: Topology): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...t.pools.map((p) => p.fqdn)), fc.boolean(), fc.boolean()).map(([p, upper, dot]) => `${upper ? p.toUpperCase() : p}${dot ? '.' : ''}`),
    fc.string(),
    fc.anything(),
  )

// -------------------------------------------------------------------------------------
// operations on a deployment
// -------------------------------------------------------------------------------------

type Operation =
  | { readonly kind: 'outage' | 'repair' | 'edgeOutage' | 'edgeRepair' | 'cmsOutage' | 'failover' | 'failback' | 'move'; readonly target: number; readonly mode: FailoverMode | undefined }

const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom('outage', 'repair', 'edgeOutage', 'edgeRepair', 'cmsOutage', 'failover', 'failback', 'move', 'failover', 'failback'),
  target: fc.nat(),
  mode: fc.constantFrom<FailoverMode | undefined>(undefined, undefined, 'planned', 'disaster'),
})

const setReachable = (s: State, pool: PoolFqdn, reachable: boolean): State => {
  const pools = new Map(s.pools)
  const status = pools.get(pool)
  if (status !== undefined) pools.set(pool, { ...status, reachable })
  return freezeFresh({ ...s, pools })
}

/** Runs one operation: environment changes apply directly, plans only when the planner returns one. */
const run = (t: Topology, s: State, op: Operation): State => {
  const pool = t.pools[op.target % t.pools.length]!.fqdn
  const request = op.mode === undefined ? { pool } : { pool, mode: op.mode }
  const edges = t.edgePools
  switch (op.kind) {
    case 'outage':
      return setReachable(s, pool, false)
    case 'repair':
      return setReachable(s, pool, true)
    case 'edgeOutage':
    case 'edgeRepair': {
      const e = edges[op.target % Math.max(1, edges.length)]
      const status = e === undefined ? undefined : s.edgePools.get(e.fqdn)
      if (e === undefined || status === undefined) return s
      return freezeFresh({ ...s, edgePools: new Map([...s.edgePools, [e.fqdn, { ...status, reachable: op.kind === 'edgeRepair' }]]) })
    }
    case 'cmsOutage':
      return freezeFresh({ ...s, centralManagementStore: { ...s.centralManagementStore, available: false } })
    case 'failover':
    case 'failback':
    case 'move': {
      const partner = t.index.partners.get(pool)
      const result: Result =
        op.kind === 'failover'
          ? planFailover(t, s, freezeFresh(request))
          : op.kind === 'failback'
            ? planFailback(t, s, freezeFresh(request))
            : planMoveService(t, s, freezeFresh({ from: pool, to: partner ?? pool }))
      return E.isRight(result) ? checkPlanLaws(t, s, result.right) : s
    }
  }
}

// -------------------------------------------------------------------------------------
// properties
// -------------------------------------------------------------------------------------

describe('planning laws on generated deployments', () => {
  test.prop([deployment.chain((d) => fc.tuple(fc.constant(d), typedPool(d.topology), typedPool(d.topology), fc.anything())), ])(
    'the planners never throw, whatever the request',
    ([{ topology, state }, a, b, mode]) => {
      const failover: unknown = { pool: a, mode }
      const move: unknown = { from: a, to: b }
      for (const r of [
        planFailover(topology, state, failover as FailoverRequest),
        planFailback(topology, state, failover as FailbackRequest),
        planFailover(topology, state, { pool: a } as FailoverRequest),
        planMoveService(topology, state, move as MoveServiceRequest),
        planMoveService(topology, state, a as MoveServiceRequest),
        planBackupSync(topology, state, { pool: a, module: mode } as BackupSyncRequest),
        planConferenceContentRestore(topology, state, failover as ConferenceContentRestoreRequest),
        planSyncInterval(topology, state, { interval: a } as SyncIntervalRequest),
        planSyncInterval(topology, state, b as SyncIntervalRequest),
        planQuorumRecovery(topology, state, { pool: a } as QuorumRecoveryRequest),
        planBackEndFailover(topology, state, { pool: a, newPrincipal: mode } as BackEndFailoverRequest),
        planBackEndFailover(topology, state, failover as BackEndFailoverRequest),
      ])
        expect(E.isLeft(r) || E.isRight(r)).toBe(true)
    },
  )

  test.prop([deployment])('every plan a planner returns validates, applies, names only known pools and keeps pairs safe', ({ topology, state }) => {
    for (const ask of allRequests(topology)) {
      const r = ask(state)
      if (E.isRight(r)) checkPlanLaws(topology, state, r.right)
    }
  })

  test.prop([deployment])(
    'the user list never decides a plan: with it emptied, every planner gives the same steps, warnings and refusals; only impact changes',
    ({ topology, state }) => {
      const bare = withoutUsers(topology)
      const asked = allRequests(topology)
      const askedBare = allRequests(bare)
      expect(askedBare).toHaveLength(asked.length)
      asked.forEach((ask, i) => {
        const a = ask(state)
        const b = askedBare[i]!(state)
        if (E.isLeft(a)) expect(b).toStrictEqual(a)
        else {
          expect(E.isRight(b)).toBe(true)
          if (E.isLeft(b)) return
          expect(b.right.steps).toStrictEqual(a.right.steps)
          expect(b.right.warnings).toStrictEqual(a.right.warnings)
          expect(b.right.intent).toStrictEqual(a.right.intent)
          expect(b.right.impact.pools).toStrictEqual(a.right.impact.pools)
          expect(b.right.impact.usersMoved).toBe(0)
        }
      })
    },
  )

  test.prop([deployment])('the same input gives the same plan and id', ({ topology, state }) => {
    for (const ask of allRequests(topology)) {
      const a = ask(state)
      expect(ask(state)).toStrictEqual(a)
      if (E.isRight(a)) {
        const { formatVersion, intent, steps, warnings, impact } = a.right
        expect(computePlanId({ formatVersion, intent, steps, warnings, impact })).toBe(a.right.id)
      }
    }
  })

  test.prop([deployment])('a failover moves exactly the users homed on the pool, counted per pool', ({ topology, state }) => {
    for (const p of topology.pools) {
      const r = planFailover(topology, state, { pool: p.fqdn })
      if (E.isRight(r)) expect(r.right.impact.usersMoved).toBe(usersHomedOn(topology, p.fqdn))
    }
  })

  test.prop([deployment])('failover then failback restores who services whom', ({ topology, state }) => {
    for (const p of topology.pools) {
      const over = planFailover(topology, state, { pool: p.fqdn })
      if (E.isLeft(over) || over.right.intent._tag !== 'Failover' || over.right.intent.mode !== 'planned') continue
      let middle = checkPlanLaws(topology, state, over.right)
      // Contract §10: a running Edge pool of the site whose federation/XMPP is elsewhere is failed back first.
      for (const edgePool of edgePoolsToFailBackFirst(topology, middle, p.fqdn))
        middle = checkPlanLaws(topology, middle, right(planEdgeFailback(topology, middle, { edgePool })))
      const after = checkPlanLaws(topology, middle, right(planFailback(topology, middle, { pool: p.fqdn })))
      for (const q of topology.pools) expect(servingPoolOf(topology, after, q.fqdn)).toEqual(servingPoolOf(topology, state, q.fqdn))
    }
  })

  test.prop([deployment.chain((d) => fc.tuple(fc.constant(d), fc.array(operation, { maxLength: 25 })))])(
    'random outages, repairs, failovers, failbacks and moves never fail over both pools of a pair',
    ([{ topology, state }, operations]) => {
      let s = state
      for (const op of operations) {
        s = run(topology, s, op)
        expect(pairsSafe(topology, s)).toBe(true)
      }
    },
  )
})
