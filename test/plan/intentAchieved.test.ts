/**
 * `validatePlan` holds every plan to its intent (contract §5): a plan whose steps were edited so
 * that they no longer do what the intent says is refused with `IntentNotAchieved`, for every kind
 * of intent — whatever else the edit breaks.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import type { Plan } from '../../src/plan/plan.js'
import { planEdgeFailback, planEdgeFailover } from '../../src/plan/planEdge.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planBackEndFailover } from '../../src/plan/planHighAvailability.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import type { Step } from '../../src/plan/step.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { contosoTopology, down, edge, healthy, pool1FailedOver, stateOf } from '../support/builders.js'
import { right } from './support.js'

const t = contosoTopology()

/** The plan's steps without those `drop` matches (the intent, id and claims unchanged). */
const without = (plan: Plan, drop: (s: Step) => boolean): Plan => {
  const steps = plan.steps.filter((s) => !drop(s))
  return { ...plan, steps: steps as unknown as Plan['steps'] }
}
const intentNotAchieved = (state: State, plan: Plan): boolean => {
  const r = validatePlan(t, state, plan)
  return E.isLeft(r) && r.left.some((v) => v._tag === 'IntentNotAchieved' && JSON.stringify(v.intent) === JSON.stringify(plan.intent))
}
const stateAfter = (state: State, plan: Plan): State => right(applyPlan(t, state, plan))

const dublinDown = stateOf(t, down('pool2.contoso.com'), edge('edge2.contoso.com', { reachable: false }))

describe('IntentNotAchieved, intent by intent', () => {
  it('Failover: the pool failed over in another mode than the intent says', () => {
    const plan = right(planFailover(t, healthy(t), { pool: 'pool1.contoso.com' }))
    expect(intentNotAchieved(healthy(t), plan)).toBe(false)
    if (plan.intent._tag !== 'Failover') throw new Error('a failover plan')
    expect(intentNotAchieved(healthy(t), { ...plan, intent: { ...plan.intent, mode: 'disaster' } })).toBe(true)
  })

  it('Failback: the FailbackPool step dropped', () => {
    const state = pool1FailedOver(t)
    const plan = right(planFailback(t, state, { pool: 'pool1.contoso.com' }))
    expect(intentNotAchieved(state, without(plan, (s) => s._tag === 'FailbackPool'))).toBe(true)
  })

  it('BackEndFailover on the pool holding the CMS: the CentralMgmt database left on the old principal', () => {
    const plan = right(planBackEndFailover(t, healthy(t), { pool: 'pool1.contoso.com', newPrincipal: 'Mirror' }))
    const central = (s: Step): boolean => 'databaseType' in s && s.databaseType === 'CentralMgmt'
    expect(plan.steps.some(central)).toBe(true)
    expect(intentNotAchieved(healthy(t), without(plan, central))).toBe(true)
  })

  it('EdgeFailover: the federation route left on the Edge pool', () => {
    const plan = right(planEdgeFailover(t, healthy(t), { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))
    expect(intentNotAchieved(healthy(t), without(plan, (s) => s._tag === 'MoveFederationRoute'))).toBe(true)
  })

  it('EdgeFailback: the federation route left on the other Edge pool', () => {
    const moved = stateAfter(healthy(t), right(planEdgeFailover(t, healthy(t), { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' })))
    const plan = right(planEdgeFailback(t, moved, { edgePool: 'edge1.contoso.com' }))
    expect(intentNotAchieved(moved, without(plan, (s) => s._tag === 'MoveFederationRoute'))).toBe(true)
  })

  it('SiteFailover: a paired pool of the site left in service', () => {
    const plan = right(planSiteFailover(t, dublinDown, { site: 'Dublin' }))
    expect(intentNotAchieved(dublinDown, without(plan, (s) => s._tag === 'FailoverPool'))).toBe(true)
  })

  it('SiteFailback: the XMPP route of the site’s running Edge pool left elsewhere', () => {
    const failed = stateAfter(dublinDown, right(planSiteFailover(t, dublinDown, { site: 'Dublin' })))
    const repaired: State = { ...failed, pools: healthy(t).pools, edgePools: new Map([...failed.edgePools].map(([k, v]) => [k, { ...v, reachable: true }])) }
    const plan = right(planSiteFailback(t, repaired, { site: 'Dublin' }))
    expect(intentNotAchieved(repaired, plan)).toBe(false)
    expect(intentNotAchieved(repaired, without(plan, (s) => s._tag === 'SetXmppFederationRoute'))).toBe(true)
  })
})
