import { describe, expect, it } from 'vitest'
import * as O from 'fp-ts/lib/Option.js'
import { servingPoolOf } from '../../src/model/homing.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { planFailback, type FailbackRequest } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { deepFreeze } from '../support/deepFreeze.js'
import {
  aTopology,
  cmsAt,
  contosoTopology,
  down,
  failedOver,
  fqdn,
  healthy,
  lastSync,
  pool1FailedOver,
  pool1FailedOverChanges,
  stateOf,
} from '../support/builders.js'
import { left, outline, right, validates } from './support.js'

const P1 = fqdn('pool1.contoso.com')

const plan = (t: Topology, s: State, request: FailbackRequest) => planFailback(t, s, deepFreeze(request))

describe('planFailback', () => {
  const t = contosoTopology()

  // restoring-conference-contents-using-the-backup-service.md: "You must also perform this task if
  // an entire pool has failed and you have to fail over its users to a backup pool. When these users
  // are failed back over to their original pool, you must use this procedure to copy their
  // conference content back" — Invoke-CsBackupServiceSync -PoolFqdn <backup pool> -BackupModule
  // ConfServices.DataConf, then wait for the DataConf module to report a steady state.
  it('planned failback after a DISASTER failover: checks backup → home, fails back, then copies the conference content back from the backup pool (restoring-conference-contents-using-the-backup-service)', () => {
    const s = pool1FailedOver(t)
    expect(s.failovers.get(P1)).toBe('disaster')
    const p = right(plan(t, s, { pool: 'Pool1.Contoso.com.' }))
    expect(p.intent).toEqual({ _tag: 'Failback', pool: 'pool1.contoso.com', mode: 'planned' })
    expect(p.steps).toStrictEqual([
      { _tag: 'CheckBackupService', id: '1-check-backup-service', kind: 'check', pool: 'pool2.contoso.com' },
      { _tag: 'FailbackPool', id: '2-failback-pool', kind: 'action', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com', disasterMode: false },
      { _tag: 'SyncBackupService', id: '3-sync-backup-service', kind: 'action', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf' },
      {
        _tag: 'CheckBackupService',
        id: '4-check-backup-service',
        kind: 'check',
        pool: 'pool2.contoso.com',
        module: 'ConfServices.DataConf',
        waitSeconds: 1800,
      },
    ])
    expect(p.impact).toEqual({ usersMoved: 2, pools: ['pool2.contoso.com', 'pool1.contoso.com'] })
    const after = validates(t, s, p)
    expect(after.failovers.size).toBe(0)
    expect(after.centralManagementStore.activeMaster).toBe('pool2.contoso.com')
  })

  it('after a PLANNED failover the pool kept its content: no conference content restore', () => {
    const s = stateOf(t, failedOver('pool1.contoso.com', 'planned'), cmsAt('pool2.contoso.com'))
    const p = right(plan(t, s, { pool: 'pool1.contoso.com' }))
    expect(outline(p)).toEqual(['CheckBackupService pool2.contoso.com', 'FailbackPool pool1.contoso.com <- pool2.contoso.com'])
    expect(p.warnings.map((w) => w._tag)).not.toContain('ConferenceContentNotRestored')
  })

  it('warns that edge1 still forwards to the backup pool', () => {
    const p = right(plan(t, pool1FailedOver(t), { pool: 'pool1.contoso.com' }))
    expect(p.warnings).toEqual([
      {
        _tag: 'EdgeNextHopNotRestored',
        severity: 'advice',
        pools: ['pool2.contoso.com', 'pool1.contoso.com'],
        edgePool: 'edge1.contoso.com',
        configuredNextHop: 'pool1.contoso.com',
      },
    ])
  })

  it('backup unreachable: disaster by default, no Backup Service check, the CMS (on the backup pool) fails over home first', () => {
    // both directions recorded: the failed-over users' data travels backup → home, so that one counts
    const s = stateOf(
      t,
      ...pool1FailedOverChanges,
      down('pool2.contoso.com'),
      lastSync('pool2.contoso.com', '2026-11-25T10:00:00Z'),
      lastSync('pool1.contoso.com', '2026-11-25T09:30:00Z'),
    )
    const p = right(plan(t, s, { pool: 'pool1.contoso.com' }))
    expect(outline(p)).toEqual([
      'FailoverCentralManagementStore pool2.contoso.com -> pool1.contoso.com (disaster)',
      'CheckCentralManagementStore pool1.contoso.com',
      'FailbackPool pool1.contoso.com <- pool2.contoso.com (disaster)',
    ])
    // A disaster failback loses what the failed-over users created on the backup pool since its last sync.
    expect(p.warnings[0]).toStrictEqual({
      _tag: 'PossibleDataLoss',
      severity: 'warning',
      pools: ['pool2.contoso.com', 'pool1.contoso.com'],
      lastSyncAt: '2026-11-25T10:00:00Z',
      operation: 'failback',
    })
    expect(p.warnings.filter((w) => w._tag === 'PossibleDataLoss')).toHaveLength(1)
    // The content cannot come back from an unreachable backup pool: no sync, a warning instead.
    expect(p.steps.map((step) => step._tag)).not.toContain('SyncBackupService')
    expect(p.warnings).toContainEqual({
      _tag: 'ConferenceContentNotRestored',
      severity: 'warning',
      pools: ['pool1.contoso.com', 'pool2.contoso.com'],
    })
    validates(t, s, p)
  })

  it('disaster mode may be asked with the backup reachable (the check stays)', () => {
    const p = right(plan(t, pool1FailedOver(t), { pool: 'pool1.contoso.com', mode: 'disaster' }))
    expect(outline(p)).toEqual([
      'CheckBackupService pool2.contoso.com',
      'FailbackPool pool1.contoso.com <- pool2.contoso.com (disaster)',
      'SyncBackupService pool2.contoso.com ConfServices.DataConf',
      'CheckBackupService pool2.contoso.com ConfServices.DataConf (wait 1800 s)',
    ])
    expect(p.warnings.map((w) => w._tag)).not.toContain('ConferenceContentNotRestored')
  })

  it('refuses: InvalidInput, UnknownPool, NotFailedOver', () => {
    expect(left(plan(t, healthy(t), { pool: 'pool 1' }))).toEqual([{ _tag: 'InvalidInput', path: 'pool', expected: 'a pool FQDN', found: '"pool 1"' }])
    expect(left(plan(t, healthy(t), { pool: 'nope.contoso.com' }))).toEqual([{ _tag: 'UnknownPool', pool: 'nope.contoso.com' }])
    expect(left(plan(t, healthy(t), { pool: 'pool1.contoso.com' }))).toEqual([{ _tag: 'NotFailedOver', pool: 'pool1.contoso.com' }])
    expect(left(plan(t, healthy(t), { pool: 'se1.contoso.com' }))).toEqual([{ _tag: 'NotFailedOver', pool: 'se1.contoso.com' }])
  })

  it('refuses HomePoolUnreachable', () => {
    const s = stateOf(t, ...pool1FailedOverChanges, down('pool1.contoso.com'))
    expect(left(plan(t, s, { pool: 'pool1.contoso.com' }))).toEqual([{ _tag: 'HomePoolUnreachable', pool: 'pool1.contoso.com' }])
  })

  it('refuses PlannedFailbackWithUnreachableBackup', () => {
    const s = stateOf(t, ...pool1FailedOverChanges, down('pool2.contoso.com'))
    expect(left(plan(t, s, { pool: 'pool1.contoso.com', mode: 'planned' }))).toEqual([
      { _tag: 'PlannedFailbackWithUnreachableBackup', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
    ])
  })

  it('refuses a planned failback of a pool that is not failed over with NotFailedOver alone, even with its partner down (no failback, so no backup to reach)', () => {
    expect(left(plan(t, stateOf(t, down('pool2.contoso.com')), { pool: 'pool1.contoso.com', mode: 'planned' }))).toStrictEqual([
      { _tag: 'NotFailedOver', pool: 'pool1.contoso.com' },
    ])
  })

  it('refuses with several reasons at once', () => {
    const s = stateOf(t, ...pool1FailedOverChanges, down('pool1.contoso.com', 'pool2.contoso.com'))
    expect(left(plan(t, s, { pool: 'pool1.contoso.com', mode: 'planned' }))).toEqual([
      { _tag: 'HomePoolUnreachable', pool: 'pool1.contoso.com' },
      { _tag: 'PlannedFailbackWithUnreachableBackup', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'pool2.contoso.com', standby: 'pool1.contoso.com', reason: 'standbyUnreachable' },
    ])
    expect(left(plan(t, stateOf(t, down('pool1.contoso.com')), { pool: 'pool1.contoso.com' })).map((v) => v._tag)).toEqual([
      'NotFailedOver',
      'HomePoolUnreachable',
    ])
  })

  it('refuses CentralManagementStoreUnrecoverable when the CMS is down and cannot move', () => {
    const u = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
        { fqdn: 'p3.example.com', site: 'C' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      cms: 'p3.example.com',
    })
    const s = stateOf(u, failedOver('p1.example.com'), cmsAt('p3.example.com', false))
    expect(left(plan(u, s, { pool: 'p1.example.com' }))).toEqual([
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p3.example.com', reason: 'cmsPoolUnpaired' },
    ])
  })

  it('undoes a planned failover: who services whom is as before', () => {
    const s0 = healthy(t)
    const s1 = validates(t, s0, right(planFailover(t, s0, { pool: 'pool1.contoso.com' })))
    const s2 = validates(t, s1, right(plan(t, s1, { pool: 'pool1.contoso.com' })))
    for (const pool of t.pools) expect(servingPoolOf(t, s2, pool.fqdn)).toEqual(servingPoolOf(t, s0, pool.fqdn))
    expect(servingPoolOf(t, s1, t.pools[0]!.fqdn)).toEqual(O.some('pool2.contoso.com'))
  })
})
