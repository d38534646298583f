/**
 * The Edge steps' rules, one by one (contract §10; Microsoft,
 * failing-over-failing-back-or-changing-the-edge-pool.md): which rule refuses a hand-edited or
 * stale Edge step, with the Edge pools and pools it names — what `validatePlan` tells the operator
 * — and what each step changes when it may run.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import { applyStep } from '../../src/plan/catalog.js'
import { withStepId } from '../../src/plan/draft.js'
import type { Step } from '../../src/plan/step.js'
import {
  associateEdgePool,
  moveFederationRoute,
  setEdgeNextHop,
  setXmppFederationRoute,
  updateXmppDns,
} from '../../src/plan/steps/edge.js'
import { contosoTopology, down, edge, failedOver, fqdn, healthy, site, stateOf } from '../support/builders.js'
import { EDGE1, EDGE2, EDGE9, P1, P2, P9, brokenRules } from './support.js'

const t = contosoTopology()
const REDMOND = site('Redmond')
const DUBLIN = site('Dublin')

/** The broken rules of one step in Contoso, each as `[rule, ...subjects]`; none when it applies. */
const broken = (state: State, step: Step): ReadonlyArray<ReadonlyArray<string>> => brokenRules(t, state, step)
const after = (state: State, step: Step): State => {
  const r = applyStep(t, state, step)
  if (E.isLeft(r)) throw new Error(`expected ${step._tag} to apply: ${JSON.stringify(r.left)}`)
  return r.right
}
const step = (draft: Parameters<typeof withStepId>[0]): Step => withStepId(draft, '1-edge')

describe('SetEdgeNextHop (Set-CsEdgeServer … -Registrar): any known Edge pool, onto a usable Front End pool', () => {
  it('re-points the Edge pool, reachable or not', () => {
    expect(after(healthy(t), step(setEdgeNextHop(EDGE1, P2))).edgePools.get(EDGE1)?.nextHop).toBe(P2)
    const dark = stateOf(t, edge('edge1.contoso.com', { reachable: false }))
    expect(after(dark, step(setEdgeNextHop(EDGE1, P2))).edgePools.get(EDGE1)).toStrictEqual({ reachable: false, nextHop: P2 })
  })

  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['an unknown Edge pool', healthy(t), step(setEdgeNextHop(EDGE9, P2)), [['UnknownEdgePool', EDGE9]]],
    ['onto an unknown pool', healthy(t), step(setEdgeNextHop(EDGE1, P9)), [['EdgeNextHopIsUsablePool', P9]]],
    ['onto an unreachable pool', stateOf(t, down('pool2.contoso.com')), step(setEdgeNextHop(EDGE1, P2)), [['EdgeNextHopIsUsablePool', P2]]],
    ['onto a failed-over pool', stateOf(t, failedOver('pool2.contoso.com')), step(setEdgeNextHop(EDGE1, P2)), [['EdgeNextHopIsUsablePool', P2]]],
  ])('refuses %s', (_what, state, s, rules) => {
    expect(broken(state, s)).toStrictEqual(rules)
  })
})

describe('MoveFederationRoute (Topology Builder, manual): from the Edge pool that has it to another running one', () => {
  it('moves the federation route', () => {
    expect(after(healthy(t), step(moveFederationRoute(EDGE1, EDGE2))).federationEdgePool).toBe(EDGE2)
  })

  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['onto the Edge pool it is on', healthy(t), step(moveFederationRoute(EDGE1, EDGE1)), [['DistinctEdgePools', EDGE1]]],
    ['from an Edge pool that does not have it', healthy(t), step(moveFederationRoute(EDGE2, EDGE1)), [['FederationOnSourceEdgePool', EDGE2]]],
    ['onto an unknown Edge pool', healthy(t), step(moveFederationRoute(EDGE1, EDGE9)), [['UnknownEdgePool', EDGE9]]],
    ['onto an Edge pool that is down', stateOf(t, edge('edge2.contoso.com', { reachable: false })), step(moveFederationRoute(EDGE1, EDGE2)), [['EdgePoolReachable', EDGE2]]],
  ])('refuses a move %s', (_what, state, s, rules) => {
    expect(broken(state, s)).toStrictEqual(rules)
  })
})

describe('SetXmppFederationRoute (Set-CsSite -XmppFederationRoute): the site of the Edge pool, which must run', () => {
  it('moves the XMPP route', () => {
    expect(after(healthy(t), step(setXmppFederationRoute(REDMOND, EDGE1))).xmppEdgePool).toBe(EDGE1)
  })

  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['naming another site than the Edge pool’s', healthy(t), step(setXmppFederationRoute(DUBLIN, EDGE1)), [['XmppSiteIsEdgePoolSite', EDGE1, DUBLIN]]],
    ['onto an unknown Edge pool (no site rule then)', healthy(t), step(setXmppFederationRoute(REDMOND, EDGE9)), [['UnknownEdgePool', EDGE9]]],
    ['onto an Edge pool that is down', stateOf(t, edge('edge1.contoso.com', { reachable: false })), step(setXmppFederationRoute(REDMOND, EDGE1)), [['EdgePoolReachable', EDGE1]]],
  ])('refuses a route %s', (_what, state, s, rules) => {
    expect(broken(state, s)).toStrictEqual(rules)
  })
})

describe('UpdateXmppDns (manual): only once the XMPP route is on that Edge pool', () => {
  it('applies when the route is there, changing no recorded state', () => {
    const state = healthy(t)
    expect(after(state, step(updateXmppDns(EDGE2)))).toBe(state)
  })

  it('refuses it before the route moved, and for an unknown Edge pool', () => {
    expect(broken(healthy(t), step(updateXmppDns(EDGE1)))).toStrictEqual([['XmppRouteOnEdgePool', EDGE1]])
    expect(broken(healthy(t), step(updateXmppDns(EDGE9)))).toStrictEqual([['UnknownEdgePool', EDGE9], ['XmppRouteOnEdgePool', EDGE9]])
  })
})

describe('AssociateEdgePool (Topology Builder, manual): a known pool onto a running Edge pool for media', () => {
  it('records the Edge pool the pool uses for media', () => {
    expect(after(healthy(t), step(associateEdgePool(P1, EDGE2))).mediaEdgePools.get(P1)).toBe(EDGE2)
  })

  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['of an unknown pool', healthy(t), step(associateEdgePool(P9, EDGE2)), [['UnknownPool', P9]]],
    ['onto an unknown Edge pool', healthy(t), step(associateEdgePool(P1, EDGE9)), [['UnknownEdgePool', EDGE9]]],
    ['onto an Edge pool that is down', stateOf(t, edge('edge2.contoso.com', { reachable: false })), step(associateEdgePool(P1, EDGE2)), [['EdgePoolReachable', EDGE2]]],
  ])('refuses an association %s', (_what, state, s, rules) => {
    expect(broken(state, s)).toStrictEqual(rules)
  })
})

describe('FailbackPool waits for the Edge pool of its site only when another Edge pool holds one of its routes', () => {
  const failback = (pool: string, backupPool: string): Step =>
    step({ _tag: 'FailbackPool', kind: 'action', pool: fqdn(pool), backupPool: fqdn(backupPool), disasterMode: false })
  const without = (s: State, key: 'federationEdgePool' | 'xmppEdgePool'): State => {
    const { [key]: _dropped, ...rest } = s
    return rest
  }
  const pool1Back = stateOf(t, failedOver('pool1.contoso.com'), (s) => ({ ...s, centralManagementStore: { activeMaster: P2, available: true } }))
  const pool2Back = stateOf(t, failedOver('pool2.contoso.com'))

  it('federation: edge1 (Redmond) first while edge2 holds it; not when no Edge pool does', () => {
    expect(broken({ ...pool1Back, federationEdgePool: EDGE2 }, failback('pool1.contoso.com', 'pool2.contoso.com'))).toStrictEqual([['EdgeFailedBackFirst', EDGE1, P1]])
    expect(broken(without(pool1Back, 'federationEdgePool'), failback('pool1.contoso.com', 'pool2.contoso.com'))).toStrictEqual([])
  })

  it('XMPP: edge2 (Dublin) first while edge1 holds it; not when no Edge pool does', () => {
    expect(broken({ ...pool2Back, xmppEdgePool: EDGE1 }, failback('pool2.contoso.com', 'pool1.contoso.com'))).toStrictEqual([['EdgeFailedBackFirst', EDGE2, P2]])
    expect(broken(without(pool2Back, 'xmppEdgePool'), failback('pool2.contoso.com', 'pool1.contoso.com'))).toStrictEqual([])
  })
})
