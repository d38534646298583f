import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { planFailover, type FailoverRequest } from '../../src/plan/planFailover.js'
import { deepFreeze } from '../support/deepFreeze.js'
import {
  aPairedDeployment,
  aTopology,
  cmsAt,
  contosoTopology,
  down,
  edge,
  failedOver,
  fqdn,
  healthy,
  lastSync,
  pool1FailedOver,
  redmondDown,
  redmondDownChanges,
  stateOf,
} from '../support/builders.js'
import { formatProblem } from '../../src/model/formatProblem.js'
import { left, outline, right, validates } from './support.js'

const plan = (t: Topology, s: State, request: FailoverRequest) => planFailover(t, s, deepFreeze(request))

describe('planFailover — Contoso', () => {
  const t = contosoTopology()

  it('Redmond down: fails the CMS over to pool2 (disaster, mirrored Back End), checks it, then fails pool1 over', () => {
    const s = redmondDown(t)
    const p = right(plan(t, s, { pool: 'pool1.contoso.com' }))
    expect(p.intent).toEqual({ _tag: 'Failover', pool: 'pool1.contoso.com', mode: 'disaster' })
    expect(p.steps).toStrictEqual([
      {
        _tag: 'FailoverCentralManagementStore',
        id: '1-failover-cms',
        kind: 'action',
        from: 'pool1.contoso.com',
        to: 'pool2.contoso.com',
        sqlServer: 'be2.contoso.com',
        instance: 'rtc',
        mirrorSqlServer: 'be2m.contoso.com',
        mirrorInstance: 'rtc',
        mode: 'disaster',
      },
      { _tag: 'CheckCentralManagementStore', id: '2-check-cms', kind: 'check', activeMaster: 'pool2.contoso.com' },
      // edge1 is down with pool1, yet the topology still names pool1 as its next hop, which
      // Invoke-CsPoolFailOver refuses: Set-CsEdgeServer writes topology, so it runs anyway.
      { _tag: 'SetEdgeNextHop', id: '3-set-edge-next-hop', kind: 'action', edgePool: 'edge1.contoso.com', nextHop: 'pool2.contoso.com' },
      {
        _tag: 'FailoverPool',
        id: '4-failover-pool',
        kind: 'action',
        pool: 'pool1.contoso.com',
        backupPool: 'pool2.contoso.com',
        disasterMode: true,
      },
    ])
    expect(p.impact).toEqual({ usersMoved: 2, pools: ['pool1.contoso.com', 'pool2.contoso.com'] })
    expect(p.warnings).toEqual([{ _tag: 'PossibleDataLoss', severity: 'warning', pools: ['pool1.contoso.com', 'pool2.contoso.com'] }])
    const after = validates(t, s, p)
    expect(after.edgePools.get(fqdn('edge1.contoso.com'))).toEqual({ reachable: false, nextHop: 'pool2.contoso.com' })
    expect(after.failovers.get(fqdn('pool1.contoso.com'))).toBe('disaster')
    expect(after.centralManagementStore).toEqual({ activeMaster: 'pool2.contoso.com', available: true })
  })

  it('normalizes the requested pool: any case, trailing dot', () => {
    const s = redmondDown(t)
    const reference = right(plan(t, s, { pool: 'pool1.contoso.com' }))
    expect(right(plan(t, s, { pool: 'POOL1.Contoso.COM.' }))).toStrictEqual(reference)
  })

  it('planned (pool reachable): checks the Backup Service first, fails the CMS over in planned mode, re-points edge1 to pool2 (se1 is unpaired: no refuge)', () => {
    const s = healthy(t)
    const p = right(plan(t, s, { pool: 'pool1.contoso.com' }))
    expect(p.intent).toMatchObject({ _tag: 'Failover', mode: 'planned' })
    expect(outline(p)).toEqual([
      'CheckBackupService pool1.contoso.com',
      'FailoverCentralManagementStore pool1.contoso.com -> pool2.contoso.com (planned)',
      'CheckCentralManagementStore pool2.contoso.com',
      'SetEdgeNextHop edge1.contoso.com -> pool2.contoso.com',
      'FailoverPool pool1.contoso.com -> pool2.contoso.com',
    ])
    expect(p.steps.map((x) => x.id)).toEqual(['1-check-backup-service', '2-failover-cms', '3-check-cms', '4-set-edge-next-hop', '5-failover-pool'])
    // No data-loss warning in planned mode; se1 is not touched.
    expect(p.warnings).toEqual([])
    validates(t, s, p)
  })

  it('PartnerFailedOver: pool1 is failed over onto pool2, so pool2 cannot fail over', () => {
    expect(left(plan(t, pool1FailedOver(t), { pool: 'pool2.contoso.com' }))).toEqual([
      { _tag: 'PartnerFailedOver', pool: 'pool2.contoso.com', partner: 'pool1.contoso.com' },
    ])
  })
})

describe('planFailover — refusals', () => {
  const t = contosoTopology()

  it.each([
    [{ pool: '' }, '""'],
    [{ pool: 'not a pool' }, '"not a pool"'],
    [{ pool: 'pool1..contoso.com' }, '"pool1..contoso.com"'],
    [{ pool: '-pool1.contoso.com' }, '"-pool1.contoso.com"'],
    [{ pool: 'pool1' }, '"pool1"'],
    [{ pool: `${'a'.repeat(64)}.contoso.com` }, `"${'a'.repeat(40)}"… (76 characters)`],
  ])('InvalidInput for a junk pool %j', (request, found) => {
    expect(left(plan(t, healthy(t), request))).toEqual([{ _tag: 'InvalidInput', path: 'pool', expected: 'a pool FQDN', found }])
  })

  it('InvalidInput, never an exception, for untyped junk requests', () => {
    for (const junk of [null, undefined, 42, 'pool1.contoso.com', [], { pool: 7 }, { pool: null }, JSON.parse('{"__proto__":{"pool":"pool1.contoso.com"}}')]) {
      const request: unknown = junk
      const r = planFailover(t, healthy(t), request as FailoverRequest)
      expect(left(r)[0]).toMatchObject({ _tag: 'InvalidInput', path: 'pool' })
    }
  })

  it('reports a bad pool and a bad mode together', () => {
    const request: unknown = { pool: 'x', mode: 'hot' }
    expect(left(planFailover(t, healthy(t), request as FailoverRequest))).toEqual([
      { _tag: 'InvalidInput', path: 'pool', expected: 'a pool FQDN', found: '"x"' },
      { _tag: 'InvalidInput', path: 'mode', expected: '"planned" or "disaster"', found: '"hot"' },
    ])
  })

  it('a pool that is no text is InvalidInput at "pool"; a good pool with a bad mode is the mode alone', () => {
    expect(left(planFailover(t, healthy(t), { pool: 7 } as unknown as FailoverRequest))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'pool', expected: 'a pool FQDN', found: '7' },
    ])
    expect(left(planFailover(t, healthy(t), { pool: 'pool1.contoso.com', mode: 'hot' } as unknown as FailoverRequest))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'mode', expected: '"planned" or "disaster"', found: '"hot"' },
    ])
  })

  it('UnknownPool, with the pool as given', () => {
    expect(left(plan(t, healthy(t), { pool: 'Pool9.Contoso.com' }))).toEqual([{ _tag: 'UnknownPool', pool: 'Pool9.Contoso.com' }])
  })

  it('NoBackupPool for an unpaired pool', () => {
    expect(left(plan(t, healthy(t), { pool: 'se1.contoso.com' }))).toEqual([{ _tag: 'NoBackupPool', pool: 'se1.contoso.com' }])
  })

  it('AlreadyFailedOver', () => {
    expect(left(plan(t, pool1FailedOver(t), { pool: 'pool1.contoso.com' }))).toEqual([
      { _tag: 'AlreadyFailedOver', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
    ])
  })

  it('BackupPoolUnreachable, and the CMS (on the failing pool) has nowhere to go', () => {
    expect(left(plan(t, stateOf(t, down('pool2.contoso.com')), { pool: 'pool1.contoso.com' }))).toEqual([
      { _tag: 'BackupPoolUnreachable', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'pool1.contoso.com', standby: 'pool2.contoso.com', reason: 'standbyUnreachable' },
    ])
  })

  it('the CMS has nowhere to go when the standby\'s principal CentralMgmt server is down (Microsoft fails the CMS over onto the server running its principal instance: failing-over-and-failing-back-a-pool.md, step 5)', () => {
    const P2 = fqdn('pool2.contoso.com')
    const standbyCmsDown = stateOf(t, ...redmondDownChanges, (x) => {
      const pools = new Map(x.pools)
      pools.set(P2, { ...pools.get(P2)!, backEnd: { principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: ['Primary'] } })
      return { ...x, pools }
    })
    const refused = left(plan(t, standbyCmsDown, { pool: 'pool1.contoso.com' }))
    expect(refused).toContainEqual({
      _tag: 'CentralManagementStoreUnrecoverable',
      activeMaster: 'pool1.contoso.com',
      standby: 'pool2.contoso.com',
      reason: 'standbyBackEndDown',
    })
    expect(refused.map(formatProblem).join('\n')).toContain('fail that Back End over to its mirror with planBackEndFailover')
  })

  it('the CMS has nowhere to go when the standby\'s CentralMgmt principal is its MIRROR and the mirror is down, even with the User database up on the primary (failing-over-and-failing-back-a-pool.md, step 5: Get-CsDatabaseMirrorState -DatabaseType Centralmgmt)', () => {
    const P2 = fqdn('pool2.contoso.com')
    const standbyCmsOnDownMirror = stateOf(t, ...redmondDownChanges, (x) => {
      const pools = new Map(x.pools)
      pools.set(P2, { ...pools.get(P2)!, backEnd: { principal: { User: 'Primary', CentralMgmt: 'Mirror' }, down: ['Mirror'] } })
      return { ...x, pools }
    })
    expect(left(plan(t, standbyCmsOnDownMirror, { pool: 'pool1.contoso.com' }))).toStrictEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'pool1.contoso.com', standby: 'pool2.contoso.com', reason: 'standbyBackEndDown' },
    ])
  })

  it('a planned failover with the Back End down names the User database\'s principal and whether the other server is up (only then is planBackEndFailover a remedy)', () => {
    const P2 = fqdn('pool2.contoso.com')
    const backEnd = (principal: 'Primary' | 'Mirror', down: ReadonlyArray<'Primary' | 'Mirror'>): State =>
      stateOf(t, (x) => {
        const pools = new Map(x.pools)
        pools.set(P2, { ...pools.get(P2)!, backEnd: { principal: { User: principal, CentralMgmt: principal }, down } })
        return { ...x, pools }
      })
    const refusal = (s: State) => left(plan(t, s, { pool: 'pool2.contoso.com', mode: 'planned' }))
    expect(refusal(backEnd('Mirror', ['Mirror']))).toStrictEqual([
      { _tag: 'PlannedFailoverWithBackEndDown', pool: 'pool2.contoso.com', principal: 'Mirror', mirrorUp: true },
    ])
    expect(refusal(backEnd('Primary', ['Primary', 'Mirror']))).toStrictEqual([
      { _tag: 'PlannedFailoverWithBackEndDown', pool: 'pool2.contoso.com', principal: 'Primary', mirrorUp: false },
    ])
    expect(refusal(backEnd('Mirror', ['Mirror', 'Primary']))).toStrictEqual([
      { _tag: 'PlannedFailoverWithBackEndDown', pool: 'pool2.contoso.com', principal: 'Mirror', mirrorUp: false },
    ])
  })

  it('a planned failover of a pool whose unmirrored Back End is down has no mirror to offer (mirrorUp: false)', () => {
    const d = aPairedDeployment()
    const P2 = fqdn('p2.example.com')
    const s = stateOf(d, (x) => {
      const pools = new Map(x.pools)
      pools.set(P2, { ...pools.get(P2)!, backEnd: { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] } })
      return { ...x, pools }
    })
    expect(left(plan(d, s, { pool: 'p2.example.com', mode: 'planned' }))).toStrictEqual([
      { _tag: 'PlannedFailoverWithBackEndDown', pool: 'p2.example.com', principal: 'Primary', mirrorUp: false },
    ])
  })

  it('PlannedFailoverOfUnreachablePool', () => {
    expect(left(plan(t, redmondDown(t), { pool: 'pool1.contoso.com', mode: 'planned' }))).toEqual([
      { _tag: 'PlannedFailoverOfUnreachablePool', pool: 'pool1.contoso.com' },
    ])
  })

  it('reports every reason at once', () => {
    const d = aPairedDeployment()
    const s = stateOf(d, failedOver('p1.example.com', 'planned'), down('p1.example.com', 'p2.example.com'))
    expect(left(plan(d, s, { pool: 'p1.example.com', mode: 'planned' }))).toEqual([
      { _tag: 'AlreadyFailedOver', pool: 'p1.example.com', backupPool: 'p2.example.com' },
      { _tag: 'BackupPoolUnreachable', pool: 'p1.example.com', backupPool: 'p2.example.com' },
      { _tag: 'PlannedFailoverOfUnreachablePool', pool: 'p1.example.com' },
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p1.example.com', standby: 'p2.example.com', reason: 'standbyUnreachable' },
    ])
  })

  it('reports PartnerFailedOver with the other reasons', () => {
    const d = aPairedDeployment()
    const s = stateOf(d, failedOver('p1.example.com'), down('p1.example.com', 'p2.example.com'))
    expect(left(plan(d, s, { pool: 'p2.example.com', mode: 'planned' })).map((v) => v._tag)).toEqual([
      'PartnerFailedOver',
      'BackupPoolUnreachable',
      'PlannedFailoverOfUnreachablePool',
      'CentralManagementStoreUnrecoverable',
    ])
  })
})

describe('planFailover — the Central Management Store', () => {
  /** Two pairs: p1 (A) ↔ p2 (B) hosting the CMS, p3 (A) ↔ p4 (B); p5 (C) unpaired. */
  const twoPairs = (cms = 'p1.example.com'): Topology =>
    aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A', backEnd: { sqlServer: 'sql1.example.com' } },
        { fqdn: 'p2.example.com', site: 'B', backEnd: { sqlServer: 'sql2.example.com' } },
        { fqdn: 'p3.example.com', site: 'A' },
        { fqdn: 'p4.example.com', site: 'B' },
        { fqdn: 'p5.example.com', site: 'C' },
      ],
      pairings: [
        ['p1.example.com', 'p2.example.com'],
        ['p3.example.com', 'p4.example.com'],
      ],
      cms,
      users: { 'p1.example.com': 1, 'p3.example.com': 4 },
    })

  it('an unavailable CMS is failed over (disaster) before ANY pool failover, not only its own pool', () => {
    const t = twoPairs()
    const s = stateOf(t, cmsAt('p1.example.com', false))
    const p = right(plan(t, s, { pool: 'p3.example.com' }))
    expect(outline(p)).toEqual([
      'CheckBackupService p3.example.com',
      'FailoverCentralManagementStore p1.example.com -> p2.example.com (disaster)',
      'CheckCentralManagementStore p2.example.com',
      'FailoverPool p3.example.com -> p4.example.com',
    ])
    expect(p.steps[1]).toEqual({
      _tag: 'FailoverCentralManagementStore',
      id: '2-failover-cms',
      kind: 'action',
      from: 'p1.example.com',
      to: 'p2.example.com',
      sqlServer: 'sql2.example.com',
      instance: 'rtc',
      mode: 'disaster',
    })
    validates(t, s, p)
  })

  it('BackupPoolUnreachable alone (the CMS is elsewhere and fine)', () => {
    const t = twoPairs()
    expect(left(plan(t, stateOf(t, down('p4.example.com')), { pool: 'p3.example.com' }))).toEqual([
      { _tag: 'BackupPoolUnreachable', pool: 'p3.example.com', backupPool: 'p4.example.com' },
    ])
  })

  it('an available CMS elsewhere is left alone', () => {
    const t = twoPairs()
    expect(outline(right(plan(t, healthy(t), { pool: 'p3.example.com' })))).toEqual([
      'CheckBackupService p3.example.com',
      'FailoverPool p3.example.com -> p4.example.com',
    ])
  })

  it('"the other pool" is relative to the active master: from the CMS pool\'s partner it goes back to the CMS pool', () => {
    const t = twoPairs()
    const s = stateOf(t, cmsAt('p2.example.com'))
    expect(outline(right(plan(t, s, { pool: 'p2.example.com' })))).toEqual([
      'CheckBackupService p2.example.com',
      'FailoverCentralManagementStore p2.example.com -> p1.example.com (planned)',
      'CheckCentralManagementStore p1.example.com',
      'FailoverPool p2.example.com -> p1.example.com',
    ])
  })

  it('unrecoverable: the other pool of the CMS pair is the failing pool', () => {
    const t = twoPairs()
    const s = stateOf(t, cmsAt('p1.example.com', false))
    expect(left(plan(t, s, { pool: 'p2.example.com' }))).toEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p1.example.com', standby: 'p2.example.com', reason: 'standbyIsFailingPool' },
    ])
  })

  it('unrecoverable: the other pool of the CMS pair is unreachable', () => {
    const t = twoPairs()
    const s = stateOf(t, down('p1.example.com', 'p2.example.com'))
    expect(left(plan(t, s, { pool: 'p3.example.com' }))).toEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p1.example.com', standby: 'p2.example.com', reason: 'standbyUnreachable' },
    ])
  })

  it('unrecoverable: the CMS pool is unpaired', () => {
    const t = twoPairs('p5.example.com')
    const s = stateOf(t, down('p5.example.com'))
    expect(left(plan(t, s, { pool: 'p3.example.com' }))).toEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p5.example.com', reason: 'cmsPoolUnpaired' },
    ])
  })
})

describe('planFailover — Edge next hops (Invoke-CsPoolFailOver checks the TOPOLOGY: "…is specified in topology as the next hop for the Edge server", domain-facts §3.2, §6.2)', () => {
  /** p1 (A) ↔ p2 (B), p3 (A) ↔ p4 (B), p5 (A) unpaired; edge-a (A) → p1, edge-b (B) → p2. */
  const d = aTopology({
    pools: [
      { fqdn: 'p1.example.com', site: 'A' },
      { fqdn: 'p2.example.com', site: 'B' },
      { fqdn: 'p5.example.com', site: 'A' },
      { fqdn: 'p3.example.com', site: 'A' },
      { fqdn: 'p4.example.com', site: 'B' },
    ],
    pairings: [
      ['p1.example.com', 'p2.example.com'],
      ['p3.example.com', 'p4.example.com'],
    ],
    edgePools: [
      { fqdn: 'edge-a.example.com', site: 'A', nextHop: 'p1.example.com' },
      { fqdn: 'edge-b.example.com', site: 'B', nextHop: 'p2.example.com' },
    ],
    cms: 'p2.example.com',
    users: { 'p1.example.com': 2 },
  })

  it('an Edge pool forwarding to the failing pool goes to the first PAIRED pool of its site (an unpaired pool is no refuge)', () => {
    expect(outline(right(plan(d, healthy(d), { pool: 'p1.example.com' })))).toEqual([
      'CheckBackupService p1.example.com',
      'SetEdgeNextHop edge-a.example.com -> p3.example.com',
      'FailoverPool p1.example.com -> p2.example.com',
    ])
  })

  it('an UNREACHABLE Edge pool is re-pointed too: Set-CsEdgeServer writes topology to the CMS, not to the Edge server', () => {
    const s = stateOf(d, edge('edge-a.example.com', { reachable: false }))
    const p = right(plan(d, s, { pool: 'p1.example.com' }))
    expect(outline(p)).toContain('SetEdgeNextHop edge-a.example.com -> p3.example.com')
    expect(validates(d, s, p).edgePools.get(fqdn('edge-a.example.com'))).toEqual({ reachable: false, nextHop: 'p3.example.com' })
  })

  it('the CURRENT next hop counts: an Edge pool of another site now forwarding to the failing pool goes to a paired pool of its own site', () => {
    const s = stateOf(d, edge('edge-b.example.com', { nextHop: 'p1.example.com' }))
    expect(outline(right(plan(d, s, { pool: 'p1.example.com' })))).toEqual([
      'CheckBackupService p1.example.com',
      'SetEdgeNextHop edge-a.example.com -> p3.example.com',
      'SetEdgeNextHop edge-b.example.com -> p2.example.com',
      'FailoverPool p1.example.com -> p2.example.com',
    ])
  })

  it('with no usable paired pool in its site (down, failed over), the Edge pool goes to the backup pool of the pool it points at', () => {
    for (const s of [stateOf(d, down('p3.example.com')), stateOf(d, failedOver('p3.example.com', 'planned'))])
      expect(outline(right(plan(d, s, { pool: 'p1.example.com' })))).toContain('SetEdgeNextHop edge-a.example.com -> p2.example.com')
  })

  it('picks in topology order, not the configured next hop', () => {
    const t = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
        { fqdn: 'p5.example.com', site: 'A' },
        { fqdn: 'p6.example.com', site: 'B' },
        { fqdn: 'p3.example.com', site: 'A' },
        { fqdn: 'p4.example.com', site: 'B' },
      ],
      pairings: [
        ['p1.example.com', 'p2.example.com'],
        ['p5.example.com', 'p6.example.com'],
        ['p3.example.com', 'p4.example.com'],
      ],
      edgePools: [{ fqdn: 'edge-a.example.com', site: 'A', nextHop: 'p3.example.com' }],
      cms: 'p2.example.com',
    })
    const s = stateOf(t, edge('edge-a.example.com', { nextHop: 'p1.example.com' }))
    expect(outline(right(plan(t, s, { pool: 'p1.example.com' })))).toContain('SetEdgeNextHop edge-a.example.com -> p5.example.com')
  })
})

describe('planFailover — modes, warnings, impact', () => {
  const d = aPairedDeployment()

  it('disaster mode asked for a reachable pool: no Backup Service check, a data-loss warning with the last sync', () => {
    const s = stateOf(d, cmsAt('p2.example.com'), lastSync('p1.example.com', '2026-11-25T10:00:00Z'), lastSync('p2.example.com', '2026-11-25T09:00:00Z'))
    const p = right(plan(d, s, { pool: 'p1.example.com', mode: 'disaster' }))
    expect(p.steps[0]._tag).toBe('SetEdgeNextHop')
    expect(p.warnings).toContainEqual({
      _tag: 'PossibleDataLoss',
      severity: 'warning',
      pools: ['p1.example.com', 'p2.example.com'],
      lastSyncAt: '2026-11-25T10:00:00Z',
    })
  })

  it('repeats the topology findings touching the plan\'s pools, and only those', () => {
    const t = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'A', edition: 'Standard' },
        { fqdn: 'p3.example.com', site: 'B' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      cms: 'p3.example.com',
    })
    const p = right(plan(t, healthy(t), { pool: 'p1.example.com' }))
    expect(p.warnings.map((w) => w._tag)).toEqual(['PairingEditionMismatch', 'PairedPoolsSameSite'])
  })

  it('counts moved users from the per-pool counts and lists touched pools in order of first appearance', () => {
    const p = right(plan(d, healthy(d), { pool: 'p1.example.com' }))
    // edge-a's site has no other paired pool: it goes to the backup pool p2.
    expect(p.impact).toEqual({ usersMoved: 2, pools: ['p1.example.com', 'p2.example.com'] })
  })

  it('is deterministic', () => {
    const s = redmondDown(contosoTopology())
    const a = plan(contosoTopology(), s, { pool: 'pool1.contoso.com' })
    const b = plan(contosoTopology(), s, { pool: 'pool1.contoso.com' })
    expect(a).toStrictEqual(b)
    expect(E.isRight(a)).toBe(true)
  })
})

describe('planFailover — Backup Service health recorded in the state', () => {
  const t = contosoTopology()
  const withBackup = (s: State, exportState: 'ErrorState' | 'SteadyState', importState: 'NormalState' | 'ErrorState'): State => ({
    ...s,
    backupService: new Map([[fqdn('pool1.contoso.com'), { pool: fqdn('pool1.contoso.com'), exportState, importState }]]),
  })

  it('warns before a planned failover whose Backup Service check would fail', () => {
    const p = right(plan(t, withBackup(healthy(t), 'ErrorState', 'NormalState'), { pool: 'pool1.contoso.com' }))
    expect(p.steps[0]._tag).toBe('CheckBackupService')
    expect(p.warnings).toContainEqual({
      _tag: 'BackupServiceUnhealthy',
      severity: 'advice',
      pools: ['pool1.contoso.com'],
      exportState: 'ErrorState',
      importState: 'NormalState',
    })
  })

  it('does not warn when the recorded status is healthy, nor in disaster mode (no check)', () => {
    const ok = right(plan(t, withBackup(healthy(t), 'SteadyState', 'NormalState'), { pool: 'pool1.contoso.com' }))
    expect(ok.warnings.map((w) => w._tag)).not.toContain('BackupServiceUnhealthy')
    const disaster = right(plan(t, withBackup(healthy(t), 'ErrorState', 'ErrorState'), { pool: 'pool1.contoso.com', mode: 'disaster' }))
    expect(disaster.steps.map((s) => s._tag)).not.toContain('CheckBackupService')
    expect(disaster.warnings.map((w) => w._tag)).not.toContain('BackupServiceUnhealthy')
  })
})
