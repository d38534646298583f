/**
 * assessBackupService: every rule of contract §8. Sources: OfficeDocs-SkypeForBusiness
 * configuring-and-monitoring-the-backup-service.md (the status is directional; "steady" and
 * "final" mean in sync), disaster-recovery.md (RPO 5 minutes), office-docs-powershell
 * Get-CsBackupServiceStatus and Set-CsBackupServiceConfiguration.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { assessBackupService, type BackupDirection, type BackupServiceReport } from '../../src/assess/backupService.js'
import type { ExportState, ImportState, State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { deploymentArbitrary } from '../../src/testing/arbitraries.js'
import { aTopology, backup, contosoTopology, down, healthy, stateOf, syncIntervalOf, type StateChange } from '../support/builders.js'
import { deepFreeze } from '../support/deepFreeze.js'

const t = contosoTopology()
const NOW = '2026-11-25T10:10:00Z'

const report = (topology: Topology, state: State, now: unknown = NOW): BackupServiceReport => {
  const r = assessBackupService(topology, state, deepFreeze({ now }) as { readonly now: string })
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const direction = (r: BackupServiceReport, from: string): BackupDirection => {
  const d = r.directions.find((x) => x.from === from)
  if (d === undefined) throw new Error(`no direction from ${from}`)
  return d
}

const healthOf = (status: { readonly exportState?: ExportState; readonly importState?: ImportState }, ...changes: ReadonlyArray<StateChange>) =>
  direction(report(t, stateOf(t, backup('pool1.contoso.com', status), ...changes)), 'pool1.contoso.com').health

describe('assessBackupService: directions', () => {
  it('gives one direction per direction of every pairing, in pairing order: first → second, then second → first', () => {
    const u = aTopology({
      pools: [
        { fqdn: 'a1.example.com', site: 'A' },
        { fqdn: 'b1.example.com', site: 'B' },
        { fqdn: 'a2.example.com', site: 'A' },
        { fqdn: 'b2.example.com', site: 'B' },
        { fqdn: 'solo.example.com', site: 'A' },
      ],
      pairings: [
        ['b2.example.com', 'a2.example.com'],
        ['a1.example.com', 'b1.example.com'],
      ],
      cms: 'a1.example.com',
    })
    expect(report(u, healthy(u)).directions.map((d) => `${d.from} -> ${d.to}`)).toStrictEqual([
      'b2.example.com -> a2.example.com',
      'a2.example.com -> b2.example.com',
      'a1.example.com -> b1.example.com',
      'b1.example.com -> a1.example.com',
    ])
  })

  it('says unknown for a direction the state records nothing about, with no other field', () => {
    expect(report(t, healthy(t)).directions).toStrictEqual([
      { from: 'pool1.contoso.com', to: 'pool2.contoso.com', health: 'unknown' },
      { from: 'pool2.contoso.com', to: 'pool1.contoso.com', health: 'unknown' },
    ])
  })

  it('repeats what the state records, and the lag', () => {
    const s = stateOf(t, backup('pool2.contoso.com', { exportState: 'FinalState', importState: 'NormalState', lastSyncAt: '2026-11-25T10:08:30Z' }))
    expect(direction(report(t, s), 'pool2.contoso.com')).toStrictEqual({
      from: 'pool2.contoso.com',
      to: 'pool1.contoso.com',
      health: 'healthy',
      exportState: 'FinalState',
      importState: 'NormalState',
      lastSyncAt: '2026-11-25T10:08:30Z',
      lagSeconds: 90,
    })
  })
})

describe('assessBackupService: health', () => {
  it.each<[string, { readonly exportState?: ExportState; readonly importState?: ImportState }, string]>([
    // error: either side ErrorState
    ['export ErrorState', { exportState: 'ErrorState', importState: 'NormalState' }, 'error'],
    ['import ErrorState', { exportState: 'SteadyState', importState: 'ErrorState' }, 'error'],
    ['import ErrorState over a backlog', { exportState: 'NonSteadyState', importState: 'ErrorState' }, 'error'],
    ['import ErrorState, export not recorded (decisive)', { importState: 'ErrorState' }, 'error'],
    // backlog: export NonSteadyState ("change rate exceeds capacity")
    ['export NonSteadyState', { exportState: 'NonSteadyState', importState: 'NormalState' }, 'backlog'],
    ['export NonSteadyState, import not recorded (decisive)', { exportState: 'NonSteadyState' }, 'backlog'],
    // notInitialized
    ['export NotInitialized', { exportState: 'NotInitialized', importState: 'NormalState' }, 'notInitialized'],
    ['export NotInitialized, import not recorded', { exportState: 'NotInitialized' }, 'notInitialized'],
    // healthy: export SteadyState or FinalState, import NormalState
    ['SteadyState / NormalState', { exportState: 'SteadyState', importState: 'NormalState' }, 'healthy'],
    ['FinalState / NormalState', { exportState: 'FinalState', importState: 'NormalState' }, 'healthy'],
    // unknown: a side not recorded when what is recorded does not decide it
    ['SteadyState, import not recorded', { exportState: 'SteadyState' }, 'unknown'],
    ['FinalState, import not recorded', { exportState: 'FinalState' }, 'unknown'],
    ['NormalState, export not recorded', { importState: 'NormalState' }, 'unknown'],
    ['nothing but the pool', {}, 'unknown'],
  ])('%s → %s', (_name, status, expected) => {
    expect(healthOf(status)).toBe(expected)
  })

  it('says unknown for a healthy record of an unreachable source (it cannot replicate now), but keeps a recorded fault', () => {
    expect(healthOf({ exportState: 'SteadyState', importState: 'NormalState' }, down('pool1.contoso.com'))).toBe('unknown')
    expect(healthOf({ exportState: 'ErrorState', importState: 'NormalState' }, down('pool1.contoso.com'))).toBe('error')
    expect(healthOf({ exportState: 'NonSteadyState', importState: 'NormalState' }, down('pool1.contoso.com'))).toBe('backlog')
    // Only `from` matters: the direction pool2 → pool1 with pool1 down is judged on what is recorded.
    const s = stateOf(t, backup('pool2.contoso.com', { exportState: 'SteadyState', importState: 'NormalState' }), down('pool1.contoso.com'))
    expect(direction(report(t, s), 'pool2.contoso.com').health).toBe('healthy')
  })
})

describe('assessBackupService: lag', () => {
  const lagOf = (lastSyncAt: string, now = NOW): number | undefined =>
    direction(report(t, stateOf(t, backup('pool1.contoso.com', { lastSyncAt })), now), 'pool1.contoso.com').lagSeconds

  it('counts whole seconds from lastSyncAt to now, rounding down', () => {
    expect(lagOf('2026-11-25T10:05:00Z')).toBe(300)
    expect(lagOf('2026-11-25T10:04:59.999Z')).toBe(300)
    expect(lagOf('2026-11-25T10:04:59.000000001Z')).toBe(300)
    expect(lagOf('2026-11-25T10:04:59Z')).toBe(301)
    expect(lagOf('2026-11-25T10:00:00.5Z', '2026-11-25T10:00:05.25Z')).toBe(4)
  })

  it('reads offsets: the same instant written in another zone has the same lag', () => {
    expect(lagOf('2026-11-25T05:05:00-05:00')).toBe(300)
    expect(lagOf('2026-11-25T11:05+01:00')).toBe(300)
    expect(lagOf('2026-11-24T23:59:59Z', '2026-11-25T00:00:00+00:00')).toBe(1)
    expect(lagOf('2024-02-28T10:10:00Z', '2024-03-01T10:10:00Z')).toBe(2 * 86400)
  })

  it('is 0 when lastSyncAt is later than now (a clock ahead of the caller)', () => {
    expect(lagOf('2026-11-25T10:10:01Z')).toBe(0)
    expect(lagOf('2027-01-01T00:00:00Z')).toBe(0)
  })

  it('is absent when no last sync is recorded', () => {
    const d = direction(report(t, stateOf(t, backup('pool1.contoso.com', { exportState: 'SteadyState' }))), 'pool1.contoso.com')
    expect('lagSeconds' in d).toBe(false)
    expect('lastSyncAt' in d).toBe(false)
  })
})

describe('assessBackupService: findings', () => {
  // disaster-recovery.md: "the engineering target for recovery point objective (RPO) is 5 minutes".
  it('warns BackupServiceLagging (pools [from, to], lagSeconds) when the lag exceeds 300 s, not at 300 s', () => {
    const at = (lastSyncAt: string) =>
      report(t, stateOf(t, backup('pool1.contoso.com', { exportState: 'SteadyState', importState: 'NormalState', lastSyncAt }))).findings
    expect(at('2026-11-25T10:05:00Z')).toStrictEqual([])
    expect(at('2026-11-25T10:04:59Z')).toStrictEqual([
      { _tag: 'BackupServiceLagging', severity: 'warning', pools: ['pool1.contoso.com', 'pool2.contoso.com'], lagSeconds: 301 },
    ])
  })

  it('advises BackupServiceUnhealthy (pools [from], the recorded states, as plan warnings do) for backlog and error only', () => {
    const findingsOf = (status: { readonly exportState?: ExportState; readonly importState?: ImportState }) =>
      report(t, stateOf(t, backup('pool1.contoso.com', status))).findings
    expect(findingsOf({ exportState: 'NonSteadyState', importState: 'NormalState' })).toStrictEqual([
      { _tag: 'BackupServiceUnhealthy', severity: 'advice', pools: ['pool1.contoso.com'], exportState: 'NonSteadyState', importState: 'NormalState' },
    ])
    expect(findingsOf({ importState: 'ErrorState' })).toStrictEqual([
      { _tag: 'BackupServiceUnhealthy', severity: 'advice', pools: ['pool1.contoso.com'], importState: 'ErrorState' },
    ])
    expect(findingsOf({ exportState: 'NotInitialized' })).toStrictEqual([])
    expect(findingsOf({ exportState: 'SteadyState' })).toStrictEqual([])
  })

  // Set-CsBackupServiceConfiguration allows up to 03:00:00; above 00:05:00 the RPO is not met.
  it('advises SyncIntervalAboveRpo (pools [], interval) when the interval exceeds 00:05:00, not at it', () => {
    expect(report(t, stateOf(t, syncIntervalOf('00:05:00'))).findings).toStrictEqual([])
    const r = report(t, stateOf(t, syncIntervalOf('00:05:01')))
    expect(r.syncInterval).toBe('00:05:01')
    expect(r.findings).toStrictEqual([{ _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: '00:05:01' }])
    expect(report(t, healthy(t)).syncInterval).toBe('00:02:00')
  })

  it('lists warnings first (lagging directions), then advice (unhealthy directions, then the interval)', () => {
    const s = stateOf(
      t,
      backup('pool1.contoso.com', { exportState: 'ErrorState', lastSyncAt: '2026-11-25T09:00:00Z' }),
      backup('pool2.contoso.com', { exportState: 'SteadyState', importState: 'NormalState', lastSyncAt: '2026-11-25T10:00:00Z' }),
      syncIntervalOf('03:00:00'),
    )
    expect(report(t, s).findings.map((f) => `${f._tag} ${f.pools.join(' ')}`)).toStrictEqual([
      'BackupServiceLagging pool1.contoso.com pool2.contoso.com',
      'BackupServiceLagging pool2.contoso.com pool1.contoso.com',
      'BackupServiceUnhealthy pool1.contoso.com',
      'SyncIntervalAboveRpo ',
    ])
  })
})

describe('assessBackupService: now', () => {
  it.each<unknown>([undefined, null, 1732528800000, '', 'now', '2026-11-25', '2026-11-25T10:00:00', '2026-02-29T10:00:00Z', '2026-11-25T25:00:00Z', ` ${NOW}`])(
    'refuses now = %j with one InvalidInput at path now (the core reads no clock)',
    (now) => {
      expect(assessBackupService(t, healthy(t), { now } as never)).toStrictEqual(
        E.left([expect.objectContaining({ _tag: 'InvalidInput', path: 'now' })]),
      )
    },
  )

  it('refuses a request that is not an object, or whose now getter throws, without throwing', () => {
    expect(E.isLeft(assessBackupService(t, healthy(t), null as never))).toBe(true)
    const hostile = Object.defineProperty({}, 'now', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(E.isLeft(assessBackupService(t, healthy(t), hostile as never))).toBe(true)
    expect(E.isLeft(assessBackupService(t, healthy(t), Object.create({ now: NOW }) as never))).toBe(true)
  })
})

const deployment = deploymentArbitrary({ maxPairs: 4, maxUnpaired: 1, maxEdgePools: 1 })

describe('assessBackupService: properties', () => {
  test.prop([deployment, fc.date({ min: new Date('2014-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })])(
    'one entry per direction, whole non-negative lags, and findings that follow from the directions',
    ({ topology, state }, date) => {
      const r = report(topology, state, date.toISOString())
      expect(r.directions).toHaveLength(2 * topology.pairings.length)
      for (const d of r.directions) {
        expect(topology.index.partners.get(d.from)).toBe(d.to)
        expect(d.lagSeconds === undefined).toBe(d.lastSyncAt === undefined)
        if (d.lagSeconds !== undefined) expect(Number.isSafeInteger(d.lagSeconds) && d.lagSeconds >= 0).toBe(true)
        if (d.health === 'healthy') expect(state.pools.get(d.from)?.reachable).toBe(true)
      }
      const lagging = r.directions.filter((d) => (d.lagSeconds ?? 0) > 300).map((d) => [d.from, d.to])
      expect(r.findings.filter((f) => f._tag === 'BackupServiceLagging').map((f) => f.pools)).toStrictEqual(lagging)
      const unhealthy = r.directions.filter((d) => d.health === 'backlog' || d.health === 'error').map((d) => [d.from])
      expect(r.findings.filter((f) => f._tag === 'BackupServiceUnhealthy').map((f) => f.pools)).toStrictEqual(unhealthy)
      // Same inputs, same report.
      expect(report(topology, state, date.toISOString())).toStrictEqual(r)
    },
  )

  test.prop([deployment, fc.anything()])('never throws, whatever now is', ({ topology, state }, now) => {
    expect(() => assessBackupService(topology, state, { now } as never)).not.toThrow()
  })
})
