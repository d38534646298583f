/**
 * Random site outages on generated deployments (contract §10–§11). Product rules: a pool fails
 * over only once no Edge pool names it as next hop (Microsoft, "Failing over and failing back a
 * pool": "…is specified in topology as the next hop for the Edge server…"); the CMS is failed over
 * once, before the pools; at most one pool of a pair is failed over.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { servingPoolOf } from '../../src/model/homing.js'
import { initialState, isFailedOver, type State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import { rolesHeldElsewhere } from '../../src/plan/steps/edge.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { deploymentArbitrary, topologyArbitrary } from '../../src/testing/arbitraries.js'
import { freezeFresh, noFailoverWhileAnEdgeNamesThePool, right } from './support.js'

const options = { maxPairs: 4, maxUnpaired: 0, maxEdgePools: 3, maxSites: 3, pairsAcrossSites: true } as const

/** A deployment and one of its sites. */
const withSite = <D extends { readonly topology: Topology }>(d: D) =>
  fc.tuple(fc.constant(d), fc.constantFrom(...d.topology.sites.map((s) => s.name)), fc.constantFrom(undefined, 'planned', 'disaster' as const))

const deployments = deploymentArbitrary(options).chain(withSite)
const healthyDeployments = topologyArbitrary(options)
  .map((topology) => ({ topology, state: initialState(topology) }))
  .chain(withSite)

/** The site is lost: its pools and Edge pools unreachable. */
const outage = (t: Topology, s: State, site: string): State =>
  freezeFresh({
    ...s,
    pools: new Map([...s.pools].map(([p, status]) => [p, t.index.pools.get(p)?.site === site ? { ...status, reachable: false } : status])),
    edgePools: new Map([...s.edgePools].map(([e, status]) => [e, t.index.edgePools.get(e)?.site === site ? { ...status, reachable: false } : status])),
  })

/** The site is back: its pools and Edge pools reachable again. */
const repair = (t: Topology, s: State, site: string): State =>
  freezeFresh({
    ...s,
    pools: new Map([...s.pools].map(([p, status]) => [p, t.index.pools.get(p)?.site === site ? { ...status, reachable: true } : status])),
    edgePools: new Map([...s.edgePools].map(([e, status]) => [e, t.index.edgePools.get(e)?.site === site ? { ...status, reachable: true } : status])),
  })


const pairsSafe = (t: Topology, s: State): boolean => t.pairings.every(([a, b]) => !(isFailedOver(s, a) && isFailedOver(s, b)))

const servingMap = (t: Topology, s: State) => t.pools.map((p) => servingPoolOf(t, s, p.fqdn))

describe('site failover and failback on generated deployments', () => {
  test.prop([deployments])(
    'a site failover never runs FailoverPool while an Edge pool names that pool as next hop, fails the CMS over at most once, leaves no pair with both pools failed over, and validates',
    ([{ topology, state }, site, mode]) => {
      const lost = outage(topology, state, site)
      const r = planSiteFailover(topology, lost, mode === undefined ? { site } : { site, mode })
      if (E.isLeft(r)) return
      const plan = r.right
      expect(noFailoverWhileAnEdgeNamesThePool(topology, lost, plan)).toBe(true)
      expect(plan.steps.filter((s) => s._tag === 'FailoverCentralManagementStore').length).toBeLessThanOrEqual(1)
      const nextHopMoves = plan.steps.flatMap((s) => (s._tag === 'SetEdgeNextHop' ? [s.edgePool] : []))
      expect(new Set(nextHopMoves).size).toBe(nextHopMoves.length)
      expect(validatePlan(topology, lost, plan)).toStrictEqual(E.right(plan))
      const after = right(applyPlan(topology, lost, plan))
      expect(pairsSafe(topology, after)).toBe(true)
      for (const p of topology.pools) if (p.site === site) expect(isFailedOver(after, p.fqdn)).toBe(true)
    },
  )

  test.prop([healthyDeployments])(
    'losing a healthy site, failing it over, repairing it and failing it back restores the initial serving map and Edge roles',
    ([{ topology, state }, site]) => {
      const lost = outage(topology, state, site)
      const over = planSiteFailover(topology, lost, { site })
      if (E.isLeft(over)) {
        // Only refusals a healthy deployment can give (one site: both pools of a pair in it; a lone unpaired pool).
        for (const v of over.left) expect(['NothingToFailOver', 'CentralManagementStoreUnrecoverable', 'BackupPoolUnreachable', 'PartnerInSameSite', 'NoBackupPool']).toContain(v._tag)
        return
      }
      const back = repair(topology, right(applyPlan(topology, lost, over.right)), site)
      const failback = planSiteFailback(topology, back, { site })
      const final = E.isRight(failback) ? right(applyPlan(topology, back, failback.right)) : back
      expect(servingMap(topology, final)).toStrictEqual(servingMap(topology, state))
      for (const e of topology.edgePools) {
        if (e.site !== site) continue
        const held = rolesHeldElsewhere(topology, final, e.fqdn)
        expect(held).toStrictEqual({ federation: false, xmpp: false })
      }
      expect(final.federationEdgePool).toBe(state.federationEdgePool)
      expect(final.xmppEdgePool).toBe(state.xmppEdgePool)
    },
  )
})
