import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as O from 'fp-ts/lib/Option.js'
import type { State } from '../../src/model/state.js'
import { parseSyncInterval, type SyncInterval } from '../../src/model/syncInterval.js'
import { applyStep, catalog, isStepTag, type StepCatalog } from '../../src/plan/catalog.js'
import { checks } from '../../src/plan/checks.js'
import type { Step } from '../../src/plan/step.js'
import { aTopology, cmsAt, contosoTopology, down, edge, failedOver, fqdn, healthy, instance, stateOf } from '../support/builders.js'
import { EDGE1, P1, P2, SE1, contosoCmsFailover, left, right } from './support.js'

const t = contosoTopology()

const rules = (state: State, step: Step): ReadonlyArray<string> => {
  const r = applyStep(t, state, step)
  return E.isLeft(r) ? r.left.map((v) => (v._tag === 'StepPreconditionFailed' ? v.rule : v._tag)) : []
}

describe('the catalog', () => {
  it('has exactly one definition per step tag (a missing one does not compile)', () => {
    // @ts-expect-error — a catalog without FailbackPool is not a StepCatalog
    const incomplete: StepCatalog = {
      CheckBackupService: catalog.CheckBackupService,
      FailoverCentralManagementStore: catalog.FailoverCentralManagementStore,
      CheckCentralManagementStore: catalog.CheckCentralManagementStore,
      SetEdgeNextHop: catalog.SetEdgeNextHop,
      FailoverPool: catalog.FailoverPool,
    }
    expect(Object.keys(incomplete)).not.toContain('FailbackPool')
    expect(Object.keys(catalog).sort()).toEqual([
      'AssociateEdgePool',
      'CheckBackupService',
      'CheckCentralManagementStore',
      'CheckDatabaseMirrorState',
      'FailbackPool',
      'FailoverCentralManagementStore',
      'FailoverDatabase',
      'FailoverPool',
      'MoveFederationRoute',
      'ResetPoolRegistrarState',
      'SetBackupServiceSyncInterval',
      'SetEdgeNextHop',
      'SetXmppFederationRoute',
      'SyncBackupService',
      'UpdateXmppDns',
    ])
  })

  it('gives every tag its contract kind', () => {
    expect(Object.fromEntries(Object.entries(catalog).map(([k, d]) => [k, d.kind]))).toEqual({
      CheckBackupService: 'check',
      FailoverCentralManagementStore: 'action',
      CheckCentralManagementStore: 'check',
      SetEdgeNextHop: 'action',
      FailoverPool: 'action',
      FailbackPool: 'action',
      SyncBackupService: 'action',
      SetBackupServiceSyncInterval: 'action',
      ResetPoolRegistrarState: 'action',
      FailoverDatabase: 'action',
      CheckDatabaseMirrorState: 'check',
      MoveFederationRoute: 'manual',
      SetXmppFederationRoute: 'action',
      UpdateXmppDns: 'manual',
      AssociateEdgePool: 'manual',
    })
  })

  it('isStepTag knows exactly the catalog\'s own tags: not inherited names, not other letter cases, not values that only print as a tag', () => {
    expect(Object.keys(catalog).every(isStepTag)).toBe(true)
    for (const other of ['toString', '__proto__', 'failoverPool', '', 5, null, undefined, { toString: () => 'FailoverPool' }, ['FailoverPool']])
      expect(isStepTag(other)).toBe(false)
  })
})

describe('applyStep', () => {
  const s = healthy(t)

  describe('CheckBackupService', () => {
    const step: Step = { _tag: 'CheckBackupService', id: '1', kind: 'check', pool: P1 }
    it('changes nothing (same reference)', () => {
      expect(right(applyStep(t, s, step))).toBe(s)
    })
    it('needs the pool reachable and paired', () => {
      expect(rules(stateOf(t, down('pool1.contoso.com')), step)).toEqual(['PoolReachableForCheck'])
      expect(rules(s, { ...step, pool: SE1 })).toEqual(['PoolHasBackup'])
      expect(rules(s, { ...step, pool: fqdn('x.contoso.com') })).toEqual(['UnknownPool'])
    })
  })

  // office-docs-powershell Invoke-CsBackupServiceSync synchronizes "a Registrar pool and its
  // backup pool": the source needs a partner, and both must be up.
  describe('SyncBackupService', () => {
    const step: Step = { _tag: 'SyncBackupService', id: '1', kind: 'action', pool: P1, module: 'ConfServices.DataConf' }
    it('changes no recorded state, not even a recorded backlog (same reference)', () => {
      const lagging: State = {
        ...s,
        backupService: new Map([[P1, { pool: P1, exportState: 'NonSteadyState', importState: 'NormalState' }]]),
      }
      expect(right(applyStep(t, lagging, step))).toBe(lagging)
    })
    it('needs the source reachable, paired, and its partner reachable', () => {
      expect(rules(stateOf(t, down('pool1.contoso.com')), step)).toEqual(['PoolReachableForSync'])
      expect(rules(stateOf(t, down('pool2.contoso.com')), step)).toEqual(['PartnerReachableForSync'])
      expect(rules(s, { ...step, pool: SE1 })).toEqual(['PoolHasBackup'])
      expect(rules(s, { ...step, pool: fqdn('x.contoso.com') })).toEqual(['UnknownPool'])
    })
  })

  describe('SetBackupServiceSyncInterval', () => {
    const interval = (text: string): SyncInterval => {
      const parsed = parseSyncInterval(text)
      if (O.isNone(parsed)) throw new Error(text)
      return parsed.value
    }
    it('records the interval (Set-CsBackupServiceConfiguration -SyncInterval), and changes nothing when it is the same', () => {
      const step: Step = { _tag: 'SetBackupServiceSyncInterval', id: '1', kind: 'action', interval: interval('00:03:00') }
      expect(right(applyStep(t, s, step)).backupServiceConfiguration).toStrictEqual({ syncInterval: '00:03:00' })
      expect(right(applyStep(t, s, { ...step, interval: interval('00:02:00') }))).toBe(s)
    })
  })

  describe('FailoverCentralManagementStore', () => {
    const step = contosoCmsFailover('1')
    it('moves the active master and makes the CMS available', () => {
      expect(right(applyStep(t, s, step)).centralManagementStore).toEqual({ activeMaster: P2, available: true })
      const unavailable = stateOf(t, cmsAt('pool1.contoso.com', false))
      expect(right(applyStep(t, unavailable, { ...step, mode: 'disaster' })).centralManagementStore).toEqual({ activeMaster: P2, available: true })
    })
    it('checks source, target, reachability, mode and the target Back End', () => {
      expect(rules(s, { ...step, from: P2 })).toEqual(['CmsSourceIsActiveMaster'])
      expect(rules(s, { ...step, to: SE1 })).toEqual(['CmsTargetIsCmsPartner', 'CmsTargetBackEndMatchesTopology'])
      expect(rules(stateOf(t, down('pool2.contoso.com')), step)).toEqual(['CmsTargetReachable'])
      const targetCmsServerDown = stateOf(t, (x) => {
        const pools = new Map(x.pools)
        pools.set(P2, { ...pools.get(P2)!, backEnd: { principal: { User: 'Primary', CentralMgmt: 'Mirror' }, down: ['Mirror'] } })
        return { ...x, pools }
      })
      expect(rules(targetCmsServerDown, step)).toEqual(['CmsTargetBackEndUp'])
      expect(rules(s, { ...step, mode: 'disaster' })).toEqual(['CmsModeMatchesAvailability'])
      expect(rules(stateOf(t, down('pool1.contoso.com')), step)).toEqual(['CmsModeMatchesAvailability'])
      expect(rules(s, { ...step, sqlServer: fqdn('be1.contoso.com') })).toEqual(['CmsTargetBackEndMatchesTopology'])
      const unmirrored: Step = {
        _tag: 'FailoverCentralManagementStore',
        id: '1',
        kind: 'action',
        from: P1,
        to: P2,
        sqlServer: fqdn('be2.contoso.com'),
        instance: instance('rtc'),
        mode: 'planned',
      }
      expect(rules(s, unmirrored)).toEqual(['CmsTargetBackEndMatchesTopology'])
      expect(rules(s, { ...step, to: fqdn('nope.contoso.com') })).toEqual(['UnknownPool'])
    })
    it('a check of the wrong active master is a broken plan', () => {
      const check: Step = { _tag: 'CheckCentralManagementStore', id: '2', kind: 'check', activeMaster: P2 }
      expect(rules(s, check)).toEqual(['ActiveMasterMatches'])
      const after = right(applyStep(t, s, step))
      expect(right(applyStep(t, after, check))).toBe(after)
    })
  })

  describe('SetEdgeNextHop', () => {
    const step: Step = { _tag: 'SetEdgeNextHop', id: '1', kind: 'action', edgePool: EDGE1, nextHop: SE1 }
    it('sets the next hop', () => {
      expect(right(applyStep(t, s, step)).edgePools.get(EDGE1)).toEqual({ reachable: true, nextHop: SE1 })
    })
    it('needs a known Edge pool, reachable or not (Set-CsEdgeServer writes topology to the CMS), and a usable next hop', () => {
      expect(rules(s, { ...step, edgePool: fqdn('edge9.contoso.com') })).toEqual(['UnknownEdgePool'])
      expect(rules(stateOf(t, edge('edge1.contoso.com', { reachable: false })), step)).toEqual([])
      expect(rules(stateOf(t, down('se1.contoso.com')), step)).toEqual(['EdgeNextHopIsUsablePool'])
      expect(rules(stateOf(t, failedOver('pool1.contoso.com')), { ...step, nextHop: P1 })).toEqual(['EdgeNextHopIsUsablePool'])
      expect(rules(s, { ...step, nextHop: fqdn('edge2.contoso.com') })).toEqual(['EdgeNextHopIsUsablePool'])
    })
  })

  describe('FailoverPool', () => {
    const moved = stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }))
    const step: Step = { _tag: 'FailoverPool', id: '1', kind: 'action', pool: P1, backupPool: P2, disasterMode: false }
    it('records the failover and its mode', () => {
      expect(right(applyStep(t, moved, step)).failovers).toEqual(new Map([[P1, 'planned']]))
      expect(right(applyStep(t, stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), down('pool1.contoso.com')), { ...step, disasterMode: true })).failovers).toEqual(
        new Map([[P1, 'disaster']]),
      )
    })
    it('checks the pool, its partner and the four safety rules', () => {
      expect(rules(moved, { ...step, pool: SE1 })).toEqual(['PoolHasBackup'])
      expect(rules(moved, { ...step, backupPool: SE1 })).toEqual(['BackupPoolMatchesPartner'])
      expect(rules(stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), failedOver('pool1.contoso.com')), step)).toEqual(['PoolNotFailedOver'])
      expect(rules(stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), down('pool1.contoso.com')), step)).toEqual(['PlannedModeNeedsReachablePool'])
      expect(rules(stateOf(t, cmsAt('pool1.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), failedOver('pool2.contoso.com')), step)).toEqual([
        'CmsReadyForPoolFailover',
        'OnePoolOfPairFailedOver',
      ])
      expect(rules(stateOf(t, cmsAt('pool2.contoso.com', false), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), down('pool2.contoso.com')), step)).toEqual([
        'FailoverOntoReachablePartner',
        'CmsReadyForPoolFailover',
      ])
      expect(rules(stateOf(t, cmsAt('pool2.contoso.com')), step)).toEqual(['NoEdgeNextHopToFailingPool'])
      // Rule 4 holds whether the Edge pool runs or not: Invoke-CsPoolFailOver checks the topology.
      expect(rules(stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { reachable: false })), step)).toEqual(['NoEdgeNextHopToFailingPool'])
    })
  })

  describe('FailbackPool', () => {
    const failed = stateOf(t, failedOver('pool1.contoso.com'), cmsAt('pool2.contoso.com'))
    const step: Step = { _tag: 'FailbackPool', id: '1', kind: 'action', pool: P1, backupPool: P2, disasterMode: false }
    it('removes the failover', () => {
      expect(right(applyStep(t, failed, step)).failovers.size).toBe(0)
    })
    it('needs the pool failed over, both pools reachable (the backup only outside disaster mode) and the CMS', () => {
      expect(rules(s, step)).toEqual(['PoolFailedOver'])
      expect(rules(failed, { ...step, backupPool: SE1 })).toEqual(['BackupPoolMatchesPartner'])
      expect(rules(stateOf(t, failedOver('pool1.contoso.com'), cmsAt('pool2.contoso.com'), down('pool1.contoso.com')), step)).toEqual(['FailbackToReachablePools'])
      const backupDown = stateOf(t, failedOver('pool1.contoso.com'), down('pool2.contoso.com'))
      expect(rules(backupDown, step)).toEqual(['FailbackToReachablePools'])
      expect(rules(backupDown, { ...step, disasterMode: true })).toEqual([])
      expect(rules(stateOf(t, failedOver('pool1.contoso.com'), cmsAt('pool2.contoso.com', false)), step)).toEqual(['CmsAvailableForPoolFailback'])
    })
  })

  it('reports each violation with the step id, tag, rule and subjects', () => {
    const step: Step = { _tag: 'FailoverPool', id: '7-failover-pool', kind: 'action', pool: P1, backupPool: P2, disasterMode: false }
    expect(left(applyStep(t, s, step))).toEqual([
      { _tag: 'StepPreconditionFailed', stepId: '7-failover-pool', step: 'FailoverPool', rule: 'CmsReadyForPoolFailover', subjects: ['pool1.contoso.com'] },
      { _tag: 'StepPreconditionFailed', stepId: '7-failover-pool', step: 'FailoverPool', rule: 'NoEdgeNextHopToFailingPool', subjects: ['edge1.contoso.com', 'pool1.contoso.com'] },
    ])
  })

  it('only checks the pools the step touches: a second, unrelated disaster does not block it', () => {
    const u = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
        { fqdn: 'p3.example.com', site: 'C' },
        { fqdn: 'p4.example.com', site: 'D' },
      ],
      pairings: [
        ['p1.example.com', 'p2.example.com'],
        ['p3.example.com', 'p4.example.com'],
      ],
      edgePools: [{ fqdn: 'edge-c.example.com', site: 'C', nextHop: 'p3.example.com' }],
      cms: 'p2.example.com',
    })
    // p3 AND p4 are down (no failover possible there), edge-c still forwards to p3.
    const state = stateOf(u, down('p1.example.com', 'p3.example.com', 'p4.example.com'))
    const step: Step = { _tag: 'FailoverPool', id: '1', kind: 'action', pool: fqdn('p1.example.com'), backupPool: fqdn('p2.example.com'), disasterMode: true }
    expect(E.isRight(applyStep(u, state, step))).toBe(true)
  })
})

describe('the catalog and the checks agree', () => {
  it('every definition of kind check has a judge and simulator, and nothing else has one', () => {
    const checkKinds = Object.entries(catalog).filter(([, d]) => d.kind === 'check').map(([tag]) => tag).sort()
    expect(Object.keys(checks).sort()).toStrictEqual(checkKinds)
  })
})
