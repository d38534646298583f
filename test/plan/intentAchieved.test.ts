/**
 * `validatePlan` holds every plan to its intent (contract §5): a plan whose steps were edited so
 * that they no longer do what the intent says is refused with `IntentNotAchieved`, for every kind
 * of intent — whatever else the edit breaks.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { PoolFqdn, SiteName } from '../../src/model/identifiers.js'
import type { Intent } from '../../src/model/intent.js'
import { withDatabasePrincipal, type BackupModule, type State } from '../../src/model/state.js'
import { checkBackupService, resetPoolRegistrarState, syncBackupService, withStepId, type StepDraft } from '../../src/plan/draft.js'
import type { Plan } from '../../src/plan/plan.js'
import { planEdgeFailback, planEdgeFailover } from '../../src/plan/planEdge.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planBackEndFailover } from '../../src/plan/planHighAvailability.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import type { Step } from '../../src/plan/step.js'
import { applyPlan, intentAchieved, validatePlan } from '../../src/plan/validatePlan.js'
import { contosoTopology, down, edge, fqdn, healthy, pool1FailedOver, stateOf } from '../support/builders.js'
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

describe('intentAchieved, condition by condition', () => {
  const p1 = fqdn('pool1.contoso.com')
  const p2 = fqdn('pool2.contoso.com')
  const e1 = fqdn('edge1.contoso.com')
  const e2 = fqdn('edge2.contoso.com')
  const step = (d: StepDraft, id: string): Step => withStepId(d, id)
  const waitFor = (pool: PoolFqdn, module?: BackupModule): Step =>
    step(checkBackupService(pool, { ...(module === undefined ? {} : { module }), waitSeconds: 600 }), `wait-${pool}-${module ?? 'all'}`)
  const sync = (pool: PoolFqdn, module?: BackupModule): Step => step(syncBackupService(pool, module), `sync-${pool}-${module ?? 'all'}`)

  it('BackupSync: a wait for the direction after the last sync of that pool and module, both pools up', () => {
    const intent: Intent = { _tag: 'BackupSync', pool: p1 }
    const achieved = (state: State, steps: ReadonlyArray<Step>): boolean => intentAchieved(t, state, intent, steps)
    expect(achieved(healthy(t), [sync(p1), waitFor(p1)])).toBe(true)
    // a later sync of another pool, or of one module only, is not the last sync of this direction
    expect(achieved(healthy(t), [waitFor(p1), sync(p2)])).toBe(true)
    expect(achieved(healthy(t), [waitFor(p1), sync(p1, 'ConfServices.DataConf')])).toBe(true)
    // ...but a later sync of it is, and a wait for one module is no wait for all of them
    expect(achieved(healthy(t), [waitFor(p1), sync(p1)])).toBe(false)
    expect(achieved(healthy(t), [sync(p1), waitFor(p1, 'ConfServices.DataConf')])).toBe(false)
    // the direction cannot replicate when either end is down
    expect(achieved(stateOf(t, down('pool1.contoso.com')), [sync(p1), waitFor(p1)])).toBe(false)
    expect(achieved(stateOf(t, down('pool2.contoso.com')), [sync(p1), waitFor(p1)])).toBe(false)
  })

  it('ConferenceContentRestore: a wait for partner → pool with ConfServices.DataConf, both pools up', () => {
    const intent: Intent = { _tag: 'ConferenceContentRestore', pool: p1 }
    const steps = [sync(p2, 'ConfServices.DataConf'), waitFor(p2, 'ConfServices.DataConf')]
    expect(intentAchieved(t, healthy(t), intent, steps)).toBe(true)
    expect(intentAchieved(t, stateOf(t, down('pool1.contoso.com')), intent, steps)).toBe(false)
    expect(intentAchieved(t, stateOf(t, down('pool2.contoso.com')), intent, steps)).toBe(false)
  })

  it('QuorumRecovery: some step is the reset of that pool (another step of the pool is not)', () => {
    const intent: Intent = { _tag: 'QuorumRecovery', pool: p1 }
    const other = step(checkBackupService(p1), 'check')
    expect(intentAchieved(t, healthy(t), intent, [other])).toBe(false)
    expect(intentAchieved(t, healthy(t), intent, [other, step(resetPoolRegistrarState(p1), 'reset')])).toBe(true)
  })

  it('BackEndFailover of a pool without the CMS: its User database on the new principal', () => {
    const intent: Intent = { _tag: 'BackEndFailover', pool: p2, newPrincipal: 'Mirror' }
    expect(intentAchieved(t, healthy(t), intent)).toBe(false)
    expect(intentAchieved(t, withDatabasePrincipal(healthy(t), p2, 'User', 'Mirror'), intent)).toBe(true)
  })

  it('EdgeFailover: the Edge pool keeps neither the XMPP route nor the media of a running pool', () => {
    const intent: Intent = { _tag: 'EdgeFailover', edgePool: e2, to: e1 }
    const mediaMoved: State = { ...healthy(t), mediaEdgePools: new Map([...healthy(t).mediaEdgePools, [p2, e1]]) }
    expect(intentAchieved(t, mediaMoved, intent)).toBe(false)
    expect(intentAchieved(t, { ...healthy(t), xmppEdgePool: e1 }, intent)).toBe(false)
    expect(intentAchieved(t, { ...mediaMoved, xmppEdgePool: e1 }, intent)).toBe(true)
  })

  it('EdgeFailback: no running pool’s media is left on another Edge pool', () => {
    const intent: Intent = { _tag: 'EdgeFailback', edgePool: e2 }
    expect(intentAchieved(t, healthy(t), intent)).toBe(true)
    expect(intentAchieved(t, { ...healthy(t), mediaEdgePools: new Map([...healthy(t).mediaEdgePools, [p2, e1]]) }, intent)).toBe(false)
  })

  it('SiteFailback: a failed-over pool of the site fails it; another site’s Edge roles do not', () => {
    const intent: Intent = { _tag: 'SiteFailback', site: 'Redmond' as SiteName }
    expect(intentAchieved(t, pool1FailedOver(t), intent)).toBe(false)
    // edge2 (Dublin) is the topology's XMPP Edge pool; its route held by edge1 is Dublin's business
    expect(intentAchieved(t, { ...healthy(t), xmppEdgePool: e1 }, intent)).toBe(true)
  })
})
