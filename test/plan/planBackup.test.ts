/**
 * The Backup Service planners (contract §8). Sources: office-docs-powershell
 * Invoke-CsBackupServiceSync and Set-CsBackupServiceConfiguration; OfficeDocs-SkypeForBusiness
 * restoring-conference-contents-using-the-backup-service.md and
 * configuring-and-monitoring-the-backup-service.md.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { describeFound } from '../../src/model/found.js'
import type { PoolFqdn } from '../../src/model/identifiers.js'
import { isPoolReachable } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { planBackupSync, planConferenceContentRestore, planSyncInterval } from '../../src/plan/planBackup.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { withPlanId } from '../../src/plan/planId.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { resumePlan } from '../../src/run/resumePlan.js'
import { executePlan } from '../../src/run/executePlan.js'
import { deploymentArbitrary, syncIntervalArbitrary } from '../../src/testing/arbitraries.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { invocations, skeleton } from '../render/lexers.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { backup, contosoTopology, down, failedOver, fqdn, healthy, stateOf, syncIntervalOf } from '../support/builders.js'
import { freezeFresh, left, outline, right, validates } from './support.js'

const t = contosoTopology()

describe('planBackupSync (Invoke-CsBackupServiceSync, then a check that waits for the direction)', () => {
  // office-docs-powershell Invoke-CsBackupServiceSync: -PoolFqdn is the pool "where backup service
  // synchronization is being invoked", synchronizing it with its backup pool.
  it('syncs the SOURCE pool, then waits up to 1800 s for that direction to be steady', () => {
    const s = healthy(t)
    const p = right(planBackupSync(t, s, deepFreeze({ pool: 'POOL1.contoso.com.' })))
    expect(p.intent).toStrictEqual({ _tag: 'BackupSync', pool: 'pool1.contoso.com' })
    expect(p.steps).toStrictEqual([
      { _tag: 'SyncBackupService', id: '1-sync-backup-service', kind: 'action', pool: 'pool1.contoso.com' },
      { _tag: 'CheckBackupService', id: '2-check-backup-service', kind: 'check', pool: 'pool1.contoso.com', waitSeconds: 1800 },
    ])
    expect(p.impact).toStrictEqual({ usersMoved: 0, pools: ['pool1.contoso.com'] })
    expect(validates(t, s, p)).toBe(s)
  })

  it('syncs and checks the same one module when given (-BackupModule)', () => {
    const p = right(planBackupSync(t, healthy(t), { pool: 'pool2.contoso.com', module: 'CentralMgmt.CMSMaster' }))
    expect(outline(p)).toStrictEqual([
      'SyncBackupService pool2.contoso.com CentralMgmt.CMSMaster',
      'CheckBackupService pool2.contoso.com CentralMgmt.CMSMaster (wait 1800 s)',
    ])
    expect(p.intent).toStrictEqual({ _tag: 'BackupSync', pool: 'pool2.contoso.com', module: 'CentralMgmt.CMSMaster' })
    expect(renderPowerShell(p)).toContain("Invoke-CsBackupServiceSync -PoolFqdn 'pool2.contoso.com' -BackupModule 'CentralMgmt.CMSMaster'")
    expect(renderPowerShell(p)).toContain("Get-CsBackupServiceStatus -PoolFqdn 'pool2.contoso.com' -Category CMS")
  })

  // Invoke-CsBackupServiceSync lists exactly these five modules (office-docs-powershell).
  it.each(['UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster', 'ApplicationServer.RGSDataStore', 'ApplicationServer.RGSFileStore'])(
    'accepts the module %s as Invoke-CsBackupServiceSync lists it',
    (module) => {
      expect(E.isRight(planBackupSync(t, healthy(t), { pool: 'pool1.contoso.com', module }))).toBe(true)
    },
  )

  it('refuses an unknown module (InvalidInput) with every other reason at once', () => {
    expect(left(planBackupSync(t, stateOf(t, down('pool1.contoso.com', 'pool2.contoso.com')), { pool: 'pool1.contoso.com', module: 'DataConf' }))).toStrictEqual([
      {
        _tag: 'InvalidInput',
        path: 'module',
        expected:
          'one of "UserServices.PresenceFocus", "ConfServices.DataConf", "CentralMgmt.CMSMaster", "ApplicationServer.RGSDataStore", "ApplicationServer.RGSFileStore"',
        found: '"DataConf"',
      },
      { _tag: 'SourcePoolUnreachable', pool: 'pool1.contoso.com' },
      { _tag: 'BackupPoolUnreachable', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
    ])
    expect(left(planBackupSync(t, healthy(t), { pool: 'nope.contoso.com', module: 'x' })).map((v) => v._tag)).toStrictEqual([
      'UnknownPool',
      'InvalidInput',
    ])
  })

  it('refuses NoBackupPool, SourcePoolUnreachable and BackupPoolUnreachable', () => {
    expect(left(planBackupSync(t, healthy(t), { pool: 'se1.contoso.com' }))).toStrictEqual([{ _tag: 'NoBackupPool', pool: 'se1.contoso.com' }])
    expect(left(planBackupSync(t, stateOf(t, down('pool1.contoso.com')), { pool: 'pool1.contoso.com' }))).toStrictEqual([
      { _tag: 'SourcePoolUnreachable', pool: 'pool1.contoso.com' },
    ])
    expect(left(planBackupSync(t, stateOf(t, down('pool2.contoso.com')), { pool: 'pool1.contoso.com' }))).toStrictEqual([
      { _tag: 'BackupPoolUnreachable', pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com' },
    ])
    expect(left(planBackupSync(t, healthy(t), { pool: 'pool 1' }))[0]).toMatchObject({ _tag: 'InvalidInput', path: 'pool' })
  })

  it('warns when the state records the direction unhealthy: the check will stop the plan unless it recovers', () => {
    const s = stateOf(t, backup('pool1.contoso.com', { exportState: 'NonSteadyState', importState: 'NormalState' }))
    const p = right(planBackupSync(t, s, { pool: 'pool1.contoso.com' }))
    expect(p.warnings).toContainEqual({
      _tag: 'BackupServiceUnhealthy',
      severity: 'advice',
      pools: ['pool1.contoso.com'],
      exportState: 'NonSteadyState',
      importState: 'NormalState',
    })
  })

  // Contract §8: SyncBackupService changes no recorded state; a recorded backlog stays until
  // observed otherwise, so in simulatedHandlers the check after a sync of a lagging direction fails.
  it('a simulated run of a sync of a lagging direction fails at the check (the recorded backlog stays)', async () => {
    const s = stateOf(t, backup('pool1.contoso.com', { exportState: 'NonSteadyState', importState: 'NormalState' }))
    const p = right(planBackupSync(t, s, { pool: 'pool1.contoso.com' }))
    const sim = simulatedHandlers(t, s)
    const journal = await executePlan(p, sim.handlers)
    expect(journal.outcome).toBe('failed')
    expect(journal.entries.map((e) => e.status)).toStrictEqual(['succeeded', 'failed'])
    expect(journal.entries[1]?.observed).toStrictEqual({ exportState: 'NonSteadyState', importState: 'NormalState' })
    expect(sim.state()).toBe(s)
    // …and of a healthy one completes.
    const ok = await executePlan(right(planBackupSync(t, healthy(t), { pool: 'pool1.contoso.com' })), simulatedHandlers(t, healthy(t)).handlers)
    expect(ok.outcome).toBe('completed')
  })

  it('what is left after the sync ran (the check) still achieves the intent', async () => {
    const s = stateOf(t, backup('pool1.contoso.com', { exportState: 'NonSteadyState' }))
    const p = right(planBackupSync(t, s, { pool: 'pool1.contoso.com' }))
    const journal = await executePlan(p, simulatedHandlers(t, s).handlers)
    const rest = right(resumePlan(t, s, p, journal))
    expect(outline(rest)).toStrictEqual(['CheckBackupService pool1.contoso.com (wait 1800 s)'])
  })

  it('intent: a plan that syncs but never waits for the direction after its last sync does not achieve it', () => {
    const s = healthy(t)
    const p = right(planBackupSync(t, s, { pool: 'pool1.contoso.com' }))
    const [sync, check] = p.steps
    if (check?._tag !== 'CheckBackupService') throw new Error('two steps expected')
    const swapped: Plan = { ...p, steps: [check, sync] }
    expect(left(validatePlan(t, s, resealed(swapped)))).toStrictEqual([{ _tag: 'IntentNotAchieved', intent: p.intent }])
    const { waitSeconds: _dropped, ...once } = check
    const noWait: Plan = { ...p, steps: [sync, once] }
    expect(left(validatePlan(t, s, resealed(noWait)))).toContainEqual({ _tag: 'IntentNotAchieved', intent: p.intent })
  })
})

describe('planConferenceContentRestore (restoring-conference-contents-using-the-backup-service)', () => {
  // "Assume that Pool1 is paired with Pool2, and the conference data in Pool1 is lost …
  //  Invoke-CsBackupServiceSync -PoolFqdn <Pool2 FQDN> -BackupModule ConfServices.DataConf"
  it('syncs ConfServices.DataConf FROM THE PARTNER that still has the content, then waits for that module on the partner', () => {
    const s = healthy(t)
    const p = right(planConferenceContentRestore(t, s, deepFreeze({ pool: 'pool1.contoso.com' })))
    expect(p.intent).toStrictEqual({ _tag: 'ConferenceContentRestore', pool: 'pool1.contoso.com' })
    expect(p.steps).toStrictEqual([
      { _tag: 'SyncBackupService', id: '1-sync-backup-service', kind: 'action', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf' },
      {
        _tag: 'CheckBackupService',
        id: '2-check-backup-service',
        kind: 'check',
        pool: 'pool2.contoso.com',
        module: 'ConfServices.DataConf',
        waitSeconds: 1800,
      },
    ])
    const script = renderPowerShell(p)
    expect(script).toContain("Invoke-CsBackupServiceSync -PoolFqdn 'pool2.contoso.com' -BackupModule 'ConfServices.DataConf'")
    expect(script).not.toContain("-PoolFqdn 'pool1.contoso.com'")
    validates(t, s, p)
  })

  it('refuses UnknownPool, NoBackupPool, SourcePoolUnreachable (the partner) and HomePoolUnreachable (the pool)', () => {
    expect(left(planConferenceContentRestore(t, healthy(t), { pool: 'x.contoso.com' }))).toStrictEqual([{ _tag: 'UnknownPool', pool: 'x.contoso.com' }])
    expect(left(planConferenceContentRestore(t, healthy(t), { pool: 'se1.contoso.com' }))).toStrictEqual([{ _tag: 'NoBackupPool', pool: 'se1.contoso.com' }])
    expect(left(planConferenceContentRestore(t, stateOf(t, down('pool1.contoso.com', 'pool2.contoso.com')), { pool: 'pool1.contoso.com' }))).toStrictEqual([
      { _tag: 'SourcePoolUnreachable', pool: 'pool2.contoso.com' },
      { _tag: 'HomePoolUnreachable', pool: 'pool1.contoso.com' },
    ])
  })

  it('intent: a sync from the pool itself does not restore it', () => {
    const s = healthy(t)
    const p = right(planConferenceContentRestore(t, s, { pool: 'pool1.contoso.com' }))
    const [sync, check] = p.steps
    if (sync._tag !== 'SyncBackupService' || check?._tag !== 'CheckBackupService') throw new Error('sync and check expected')
    const fromItself: Plan = { ...p, steps: [{ ...sync, pool: fqdn('pool1.contoso.com') }, { ...check, pool: fqdn('pool1.contoso.com') }] }
    expect(left(validatePlan(t, s, resealed(fromItself)))).toStrictEqual([
      { _tag: 'IntentNotAchieved', intent: p.intent },
      // the edit also changes the pools the plan touches, which its impact no longer says
      { _tag: 'PlanContentMismatch', field: 'impact', expected: { usersMoved: 0, pools: ['pool1.contoso.com'] }, found: p.impact },
    ])
  })
})

describe('planSyncInterval (Set-CsBackupServiceConfiguration -SyncInterval)', () => {
  it('sets the interval; applyPlan records it', () => {
    const s = healthy(t)
    const p = right(planSyncInterval(t, s, deepFreeze({ interval: '00:03:00' })))
    expect(p.steps).toStrictEqual([
      { _tag: 'SetBackupServiceSyncInterval', id: '1-set-backup-service-sync-interval', kind: 'action', interval: '00:03:00' },
    ])
    expect(p.warnings).toStrictEqual([])
    expect(renderPowerShell(p)).toContain("Set-CsBackupServiceConfiguration -Identity 'global' -SyncInterval '00:03:00'")
    expect(right(applyPlan(t, s, p)).backupServiceConfiguration).toStrictEqual({ syncInterval: '00:03:00' })
  })

  // disaster-recovery.md: the RPO engineering target is 5 minutes.
  it('warns SyncIntervalAboveRpo above 00:05:00 (not at it)', () => {
    expect(right(planSyncInterval(t, healthy(t), { interval: '00:05:00' })).warnings).toStrictEqual([])
    expect(right(planSyncInterval(t, healthy(t), { interval: '00:05:01' })).warnings).toStrictEqual([
      { _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: '00:05:01' },
    ])
  })

  // Set-CsBackupServiceConfiguration: "any value between 5 seconds (00:00:05) and 3 hours (03:00:00), inclusive".
  it.each(['00:00:04', '03:00:01', '0:02:00', '2', '00:02', '00:02:00 ', 120, null])('refuses %j (InvalidInput, naming the bounds)', (interval) => {
    expect(left(planSyncInterval(t, healthy(t), { interval } as never))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'interval', expected: 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"', found: describeFound(interval) },
    ])
  })

  it('intent: achieved exactly when the state ends with that interval', () => {
    const s = stateOf(t, syncIntervalOf('00:10:00'))
    const p = right(planSyncInterval(t, s, { interval: '00:01:00' }))
    const other = right(planSyncInterval(t, s, { interval: '00:02:00' }))
    expect(left(validatePlan(t, s, resealed({ ...p, steps: other.steps })))).toStrictEqual([{ _tag: 'IntentNotAchieved', intent: p.intent }])
  })
})

describe('planFailback after a disaster failover restores the conference content from the backup pool', () => {
  it('a simulated failback after a disaster completes: the failback, then the DataConf sync from the backup pool and its check', async () => {
    const s = stateOf(t, failedOver('pool1.contoso.com', 'disaster'))
    const p = right(planFailback(t, s, { pool: 'pool1.contoso.com' }))
    const journal = await executePlan(p, simulatedHandlers(t, s).handlers)
    expect(journal.outcome).toBe('completed')
    expect(p.steps.map((step) => step._tag).slice(-3)).toStrictEqual(['FailbackPool', 'SyncBackupService', 'CheckBackupService'])
  })
})

// -------------------------------------------------------------------------------------
// properties
// -------------------------------------------------------------------------------------

const deployment = deploymentArbitrary({ maxPairs: 3, maxUnpaired: 2, maxEdgePools: 2 }).map(({ topology, state }) => ({
  topology: freezeFresh(topology),
  state: freezeFresh(state),
}))

const poolOf = (topology: Topology, i: number): PoolFqdn => {
  const pool = topology.pools[i % topology.pools.length]
  if (pool === undefined) throw new Error('a topology without pools')
  return pool.fqdn
}

/** The script's code parses with the test lexer, and calls only the cmdlets of the plan's steps. */
const scriptParses = (script: string): boolean => {
  const cmdlets = skeleton(script).flatMap((line) => invocations(line).map((c) => c.cmdlet))
  return cmdlets.every((c) => /^[A-Z][a-z]+-[A-Za-z]+$/.test(c))
}

describe('properties of the Backup Service planners', () => {
  test.prop([deployment, fc.nat()])('a conference content restore never syncs from the pool that lost the content', ({ topology, state }, i) => {
    const pool = poolOf(topology, i)
    const r = planConferenceContentRestore(topology, state, { pool })
    if (E.isLeft(r)) return
    const syncs = r.right.steps.filter((step) => step._tag === 'SyncBackupService')
    expect(syncs).toHaveLength(1)
    for (const step of syncs) {
      expect(step.pool).not.toBe(pool)
      expect(step.pool).toBe(topology.index.partners.get(pool))
    }
  })

  test.prop([deployment, fc.nat()])('a failback never syncs from the pool it fails back, and syncs only after a disaster failover', ({ topology, state }, i) => {
    const pool = poolOf(topology, i)
    const r = planFailback(topology, state, { pool })
    if (E.isLeft(r)) return
    const syncs = r.right.steps.filter((step) => step._tag === 'SyncBackupService')
    for (const step of syncs) expect(step.pool).not.toBe(pool)
    if (state.failovers.get(pool) !== 'disaster') expect(syncs).toStrictEqual([])
  })

  test.prop([deployment, fc.nat(), fc.option(fc.constantFrom('UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster'), { nil: undefined }), syncIntervalArbitrary])(
    'every plan of the three planners validates, applies, and renders a script that parses with the test lexer',
    ({ topology, state }, i, module, interval) => {
      const pool = poolOf(topology, i)
      const results = [
        planBackupSync(topology, state, { pool, ...(module === undefined ? {} : { module }) }),
        planConferenceContentRestore(topology, state, { pool }),
        planSyncInterval(topology, state, { interval }),
      ]
      for (const r of results) {
        if (E.isLeft(r)) continue
        expect(validatePlan(topology, state, r.right)).toStrictEqual(E.right(r.right))
        expect(E.isRight(applyPlan(topology, state, r.right))).toBe(true)
        expect(scriptParses(renderPowerShell(r.right))).toBe(true)
      }
      // The interval planner refuses nothing within Microsoft's bounds.
      expect(E.isRight(results[2]!)).toBe(true)
    },
  )

  test.prop([deployment, fc.nat()])('planBackupSync refuses exactly when the pool is unpaired or an end is down', ({ topology, state }, i) => {
    const pool = poolOf(topology, i)
    const partner = topology.index.partners.get(pool)
    const up = (p: PoolFqdn): boolean => isPoolReachable(state, p)
    const r = planBackupSync(topology, state, { pool })
    expect(E.isRight(r)).toBe(partner !== undefined && up(pool) && up(partner))
  })
})

/** A plan re-sealed with the id of its (edited) content, so that only the rules speak. */
const resealed = (p: Plan): Plan => withPlanId({ formatVersion: p.formatVersion, intent: p.intent, steps: p.steps, warnings: p.warnings, impact: p.impact })
