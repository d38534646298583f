/**
 * Sites (contract §11): a whole data center lost or back, one plan. Product rules: Microsoft's
 * "Failing over and failing back a pool" (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md: the CMS
 * first, Edge next hops off the failing pool) and "Failing over, failing back, or changing the
 * Edge pool" (…/failing-over-failing-back-or-changing-the-edge-pool.md).
 */
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { servingPoolOf } from '../../src/model/homing.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import type { Plan } from '../../src/plan/plan.js'
import { withPlanId } from '../../src/plan/planId.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { aTopology, cmsAt, contosoTopology, down, edge, failedOver, fqdn, healthy, stateOf } from '../support/builders.js'
import { left, outline, right, validates } from './support.js'

/**
 * Two data centers: A holds a1, a2 (CMS on a1), edge-a (federation, → a1); B holds b1, b2 and
 * edge-b (XMPP, → a2 unless `edgeBNextHop` says otherwise); pairs a1–b1 and a2–b2; b1 uses edge-b
 * for media, a1, a2 and b2 edge-a.
 */
const twoSites = (edgeBNextHop = 'a2.example.com'): Topology =>
  aTopology({
    pools: [
      { fqdn: 'a1.example.com', site: 'A', edgePool: 'edge-a.example.com' },
      { fqdn: 'a2.example.com', site: 'A', edgePool: 'edge-a.example.com' },
      { fqdn: 'b1.example.com', site: 'B', edgePool: 'edge-b.example.com' },
      { fqdn: 'b2.example.com', site: 'B', edgePool: 'edge-a.example.com' },
    ],
    pairings: [
      ['a1.example.com', 'b1.example.com'],
      ['a2.example.com', 'b2.example.com'],
    ],
    edgePools: [
      { fqdn: 'edge-a.example.com', site: 'A', nextHop: 'a1.example.com', federation: true },
      { fqdn: 'edge-b.example.com', site: 'B', nextHop: edgeBNextHop, xmpp: true },
    ],
    cms: 'a1.example.com',
    users: { 'a1.example.com': 20000, 'a2.example.com': 10, 'b1.example.com': 5 },
  })

const t = twoSites()
const siteADown = (): State =>
  stateOf(t, down('a1.example.com', 'a2.example.com'), edge('edge-a.example.com', { reachable: false }))

const serving = (topology: Topology, s: State): ReadonlyArray<string> =>
  topology.pools.map((p) => O.getOrElse(() => '-')(servingPoolOf(topology, s, p.fqdn)))

describe('planSiteFailover', () => {
  it('orders: Backup Service checks, ONE CMS failover, Edge roles, every next hop into the site, then each FailoverPool', () => {
    const s = siteADown()
    const p = right(planSiteFailover(t, s, deepFreeze({ site: 'A' })))
    expect(p.intent).toStrictEqual({ _tag: 'SiteFailover', site: 'A' })
    expect(outline(p)).toStrictEqual([
      'FailoverCentralManagementStore a1.example.com -> b1.example.com (disaster)',
      'CheckCentralManagementStore b1.example.com',
      'MoveFederationRoute edge-a.example.com -> edge-b.example.com',
      'AssociateEdgePool b2.example.com -> edge-b.example.com',
      'SetEdgeNextHop edge-a.example.com -> b1.example.com',
      'SetEdgeNextHop edge-b.example.com -> b1.example.com',
      'FailoverPool a1.example.com -> b1.example.com (disaster)',
      'FailoverPool a2.example.com -> b2.example.com (disaster)',
    ])
    const after = validates(t, s, p)
    expect(serving(t, after)).toStrictEqual(['b1.example.com', 'b2.example.com', 'b1.example.com', 'b2.example.com'])
    expect(p.warnings.filter((w) => w._tag === 'PossibleDataLoss')).toHaveLength(2)
  })

  it('planned mode checks the Backup Service of every pool first', () => {
    const p = right(planSiteFailover(t, healthy(t), { site: 'A', mode: 'planned' }))
    expect(outline(p).slice(0, 2)).toStrictEqual(['CheckBackupService a1.example.com', 'CheckBackupService a2.example.com'])
    expect(outline(p).filter((line) => line.startsWith('FailoverCentralManagementStore'))).toHaveLength(1)
    expect(p.intent).toStrictEqual({ _tag: 'SiteFailover', site: 'A', mode: 'planned' })
  })

  it('moves the XMPP route with Set-CsSite for the surviving site and skips pools already failed over', () => {
    const s = stateOf(t, down('b1.example.com', 'b2.example.com'), edge('edge-b.example.com', { reachable: false }), failedOver('b2.example.com'), cmsAt('a1.example.com'))
    const p = right(planSiteFailover(t, s, { site: 'B' }))
    expect(outline(p)).toStrictEqual([
      'SetXmppFederationRoute A: edge-a.example.com',
      'UpdateXmppDns edge-a.example.com',
      'FailoverPool b1.example.com -> a1.example.com (disaster)',
    ])
  })

  it('warns NoSurvivingEdgePool when no running Edge pool of another site can take over', () => {
    const s = stateOf(t, down('a1.example.com', 'a2.example.com'), edge('edge-a.example.com', { reachable: false }), edge('edge-b.example.com', { reachable: false }))
    const p = right(planSiteFailover(t, s, { site: 'A' }))
    expect(p.warnings[0]).toStrictEqual({
      _tag: 'NoSurvivingEdgePool',
      severity: 'warning',
      pools: ['b2.example.com'],
      site: 'A',
      edgePools: ['edge-a.example.com'],
    })
    expect(outline(p).some((line) => line.startsWith('MoveFederationRoute'))).toBe(false)
  })

  it('validating that plan against a hand-built topology whose index lists no pool answers with the broken rules instead of throwing while it recomputes NoSurvivingEdgePool', () => {
    const s = stateOf(t, down('a1.example.com', 'a2.example.com'), edge('edge-a.example.com', { reachable: false }), edge('edge-b.example.com', { reachable: false }))
    const p = right(planSiteFailover(t, s, { site: 'A' }))
    const noIndexedPools: Topology = { ...t, index: { ...t.index, pools: new Map() } }
    expect(left(validatePlan(noIndexedPools, s, p))).toContainEqual({
      _tag: 'StepPreconditionFailed',
      stepId: '1-failover-cms',
      step: 'FailoverCentralManagementStore',
      rule: 'UnknownPool',
      subjects: ['b1.example.com'],
    })
  })

  it('fails the CMS over at most once: a standby whose CentralMgmt server is down is refused, not used and left again (found by a random site outage)', () => {
    // The CMS of site A is unavailable and its standby b1's only Back End server is down: failing the
    // CMS over onto b1 would leave it unavailable there, and each pool failover would then fail it back.
    const s = stateOf(t, down('a1.example.com', 'a2.example.com'), (x) => {
      const pools = new Map(x.pools)
      const b1 = t.pools[2]!.fqdn
      pools.set(b1, { ...pools.get(b1)!, backEnd: { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] } })
      return { ...x, pools }
    })
    expect(left(planSiteFailover(t, s, { site: 'A' }))).toContainEqual({
      _tag: 'CentralManagementStoreUnrecoverable',
      activeMaster: 'a1.example.com',
      standby: 'b1.example.com',
      reason: 'standbyBackEndDown',
    })
  })

  it('reports every refusal of every pool at once', () => {
    const s = stateOf(t, down('b1.example.com'), failedOver('b2.example.com'), down('a1.example.com'))
    expect(left(planSiteFailover(t, s, { site: 'A', mode: 'planned' }))).toStrictEqual(
      expect.arrayContaining([
        { _tag: 'BackupPoolUnreachable', pool: 'a1.example.com', backupPool: 'b1.example.com' },
        { _tag: 'PlannedFailoverOfUnreachablePool', pool: 'a1.example.com' },
        { _tag: 'PartnerFailedOver', pool: 'a2.example.com', partner: 'b2.example.com' },
        expect.objectContaining({ _tag: 'CentralManagementStoreUnrecoverable' }),
      ]),
    )
    expect(left(planSiteFailover(t, healthy(t), { site: 'Nowhere' }))).toStrictEqual([{ _tag: 'UnknownSite', site: 'Nowhere' }])
    expect(left(planSiteFailover(t, healthy(t), { site: 'A', mode: 'soon' as never }))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'mode', expected: '"planned" or "disaster"', found: '"soon"' },
    ])
  })

  it('refuses a site with an unpaired pool (NoBackupPool) and a site holding both pools of a pair (PartnerInSameSite)', () => {
    const contoso = contosoTopology()
    expect(left(planSiteFailover(contoso, healthy(contoso), { site: 'Redmond' }))).toStrictEqual([
      { _tag: 'NoBackupPool', pool: 'se1.contoso.com' },
    ])
    const same = aTopology({
      pools: [
        { fqdn: 'x1.example.com', site: 'X' },
        { fqdn: 'x2.example.com', site: 'X' },
        { fqdn: 'y1.example.com', site: 'Y' },
      ],
      pairings: [['x1.example.com', 'x2.example.com']],
      cms: 'y1.example.com',
    })
    expect(left(planSiteFailover(same, healthy(same), { site: 'X' }))).toStrictEqual([
      { _tag: 'PartnerInSameSite', site: 'X', pools: ['x1.example.com', 'x2.example.com'] },
    ])
  })

  it('refuses NothingToFailOver when every paired pool of the site is failed over', () => {
    const s = stateOf(t, failedOver('a1.example.com'), failedOver('a2.example.com'), cmsAt('b1.example.com'))
    expect(left(planSiteFailover(t, s, { site: 'A' }))).toStrictEqual([{ _tag: 'NothingToFailOver', site: 'A' }])
  })
})

describe('planSiteFailback', () => {
  it('fails back the site Edge pools first, then each pool; the whole site comes back to the initial serving map', () => {
    const start = healthy(t)
    const lost = siteADown()
    const failover = right(planSiteFailover(t, lost, { site: 'A' }))
    const afterFailover = validates(t, lost, failover)
    const repaired: State = { ...afterFailover, pools: start.pools, edgePools: new Map([...afterFailover.edgePools].map(([k, v]) => [k, { ...v, reachable: true }])) }
    const failback = right(planSiteFailback(t, repaired, { site: 'A' }))
    expect(failback.intent).toStrictEqual({ _tag: 'SiteFailback', site: 'A' })
    // After a DISASTER failover each failback also restores the conference content (contract §8).
    expect(failback.steps.filter((step) => step._tag === 'SyncBackupService')).toHaveLength(2)
    expect(outline({ ...failback, steps: failback.steps.filter((step) => step._tag !== 'SyncBackupService' && !(step._tag === 'CheckBackupService' && step.module !== undefined)) } as unknown as typeof failback)).toStrictEqual([
      'MoveFederationRoute edge-b.example.com -> edge-a.example.com',
      'AssociateEdgePool b2.example.com -> edge-a.example.com',
      'CheckBackupService b1.example.com',
      'FailbackPool a1.example.com <- b1.example.com',
      'CheckBackupService b2.example.com',
      'FailbackPool a2.example.com <- b2.example.com',
    ])
    const after = validates(t, repaired, failback)
    expect(serving(t, after)).toStrictEqual(serving(t, start))
    expect(after.federationEdgePool).toBe(start.federationEdgePool)
    expect(after.mediaEdgePools).toStrictEqual(start.mediaEdgePools)
  })

  it('refuses NothingToFailBack, UnknownSite, and each pool failback refusal', () => {
    expect(left(planSiteFailback(t, healthy(t), { site: 'A' }))).toStrictEqual([{ _tag: 'NothingToFailBack', site: 'A' }])
    expect(left(planSiteFailback(t, healthy(t), { site: 'Z' }))).toStrictEqual([{ _tag: 'UnknownSite', site: 'Z' }])
    const stillDown = stateOf(t, down('a1.example.com'), failedOver('a1.example.com'), cmsAt('b1.example.com'))
    expect(left(planSiteFailback(t, stillDown, { site: 'A' }))).toStrictEqual([{ _tag: 'HomePoolUnreachable', pool: 'a1.example.com' }])
  })

  it('validates as one plan: dropping the Edge steps makes FailbackPool break rule EdgeFailedBackFirst', () => {
    const lost = siteADown()
    const afterFailover = validates(t, lost, right(planSiteFailover(t, lost, { site: 'A' })))
    const repaired: State = { ...afterFailover, pools: healthy(t).pools, edgePools: healthy(t).edgePools }
    const failback = right(planSiteFailback(t, repaired, { site: 'A' }))
    const poolStepsOnly = failback.steps.filter((step) => step._tag !== 'MoveFederationRoute' && step._tag !== 'AssociateEdgePool')
    const edited = withPlanId({ ...failback, steps: poolStepsOnly as unknown as Plan['steps'] })
    expect(left(validatePlan(t, repaired, edited))).toContainEqual(
      expect.objectContaining({ _tag: 'StepPreconditionFailed', step: 'FailbackPool', rule: 'EdgeFailedBackFirst', subjects: ['edge-a.example.com', 'a1.example.com'] }),
    )
  })
})

describe('planSiteFailover and planSiteFailback: what they leave alone, and how they read the request', () => {
  it('does not repoint an Edge pool whose next hop is outside the site, even when another pool of its site would be chosen first', () => {
    const home = twoSites('b2.example.com')
    const p = right(planSiteFailover(home, stateOf(home, down('a1.example.com', 'a2.example.com')), { site: 'A' }))
    expect(outline(p).filter((line) => line.startsWith('SetEdgeNextHop'))).toStrictEqual(['SetEdgeNextHop edge-a.example.com -> b1.example.com'])
  })

  it('moves the media only of pools outside the site: a planned failover of a healthy site re-associates b2, not a1 or a2', () => {
    expect(outline(right(planSiteFailover(t, healthy(t), { site: 'A', mode: 'planned' })))).toStrictEqual([
      'CheckBackupService a1.example.com',
      'CheckBackupService a2.example.com',
      'FailoverCentralManagementStore a1.example.com -> b1.example.com (planned)',
      'CheckCentralManagementStore b1.example.com',
      'MoveFederationRoute edge-a.example.com -> edge-b.example.com',
      'AssociateEdgePool b2.example.com -> edge-b.example.com',
      'SetEdgeNextHop edge-a.example.com -> b1.example.com',
      'SetEdgeNextHop edge-b.example.com -> b1.example.com',
      'FailoverPool a1.example.com -> b1.example.com',
      'FailoverPool a2.example.com -> b2.example.com',
    ])
  })

  it('says an unrecoverable CMS once, though the site and its CMS pool both need it', () => {
    const s = stateOf(t, down('a1.example.com', 'a2.example.com', 'b1.example.com'))
    expect(left(planSiteFailover(t, s, { site: 'A' }))).toStrictEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'a1.example.com', standby: 'b1.example.com', reason: 'standbyUnreachable' },
      { _tag: 'BackupPoolUnreachable', pool: 'a1.example.com', backupPool: 'b1.example.com' },
    ])
  })

  it('refuses a site that is no site name with InvalidInput at "site", together with a bad mode', () => {
    expect(left(planSiteFailover(t, healthy(t), { site: 42, mode: 'soon' } as never))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'site', expected: 'a site name', found: '42' },
      { _tag: 'InvalidInput', path: 'mode', expected: '"planned" or "disaster"', found: '"soon"' },
    ])
    expect(left(planSiteFailback(t, healthy(t), {} as never))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'site', expected: 'a site name', found: 'nothing' },
    ])
  })

  it('fails back only the failed-over pools of the site: a pool of the site still at home and a failed-over pool of the other site are left alone', () => {
    const s = stateOf(t, failedOver('a1.example.com'), failedOver('b2.example.com'), cmsAt('b1.example.com'))
    expect(outline(right(planSiteFailback(t, s, { site: 'A' })))).toStrictEqual([
      'CheckBackupService b1.example.com',
      'FailbackPool a1.example.com <- b1.example.com',
      'SyncBackupService b1.example.com ConfServices.DataConf',
      'CheckBackupService b1.example.com ConfServices.DataConf (wait 1800 s)',
    ])
  })

  it("gives roles back only to the site's own Edge pools: another site's Edge pool whose XMPP route is elsewhere is left alone", () => {
    // site B's Edge pool lost its XMPP route to edge-a (an Edge failover of B); site A is failed back
    const s: State = { ...stateOf(t, failedOver('a1.example.com'), cmsAt('b1.example.com')), xmppEdgePool: fqdn('edge-a.example.com') }
    expect(outline(right(planSiteFailback(t, s, { site: 'A' }))).filter((line) => line.includes('Xmpp'))).toStrictEqual([])
  })

  it('gives no role back to an Edge pool of the site that is still down, and still fails the pools back', () => {
    const lost = siteADown()
    const afterFailover = validates(t, lost, right(planSiteFailover(t, lost, { site: 'A' })))
    const poolsRepaired: State = { ...afterFailover, pools: healthy(t).pools }
    const failback = right(planSiteFailback(t, poolsRepaired, { site: 'A' }))
    expect(failback.steps.filter((step) => step._tag === 'MoveFederationRoute' || step._tag === 'AssociateEdgePool')).toStrictEqual([])
    expect(failback.steps.filter((step) => step._tag === 'FailbackPool').map((step) => step.pool)).toStrictEqual([
      'a1.example.com',
      'a2.example.com',
    ])
  })
})
