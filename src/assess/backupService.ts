/**
 * `assessBackupService`: how each direction of each pool pair replicates, read from a decoded
 * state and the caller's clock (contract §8). Read-only and pure: the core reads no clock, so
 * `now` is data.
 *
 * Sources (cited where each rule is applied): office-docs-powershell `Get-CsBackupServiceStatus`;
 * OfficeDocs-SkypeForBusiness `configuring-and-monitoring-the-backup-service.md` (the status is
 * directional, "steady" and "final" are both in sync); `disaster-recovery.md` (RPO 5 minutes);
 * `Set-CsBackupServiceConfiguration` (SyncInterval 00:00:05–03:00:00, default 00:02:00).
 *
 * Laws:
 * - One direction per direction of every pairing, in pairing order: first → second, then
 *   second → first.
 * - `health` is `error` when either side records `ErrorState`; else `backlog` when the export
 *   records `NonSteadyState`; else `notInitialized` when it records `NotInitialized`; else
 *   `healthy` when the export records `SteadyState` or `FinalState` and the import `NormalState`
 *   and `from` is reachable; else `unknown` (no entry, `from` unreachable, or a side not recorded
 *   when what is recorded does not decide it).
 * - `lagSeconds` is the whole seconds from `lastSyncAt` to `now` (0 when `lastSyncAt` is later),
 *   present exactly when `lastSyncAt` is.
 * - The same inputs give the same report; a bad `now` gives `left([InvalidInput])`, never a throw.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { instantOrUndefined, readInstantInto, wholeSecondsBetween, type Instant } from '../model/dateTime.js'
import type { BackupServiceLagging, BackupServiceUnhealthy, SyncIntervalAboveRpo } from '../model/findings.js'
import { describeFound } from '../model/found.js'
import { guardDeployment } from '../model/guard.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { InvalidInput } from '../model/problem.js'
import { isPoolReachable, type BackupServiceStatus, type ExportState, type ImportState, type State } from '../model/state.js'
import { isAboveRpo, RPO_SECONDS, type SyncInterval } from '../model/syncInterval.js'
import type { Topology } from '../model/topology.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How one direction replicates: `healthy`, `backlog` (the export cannot keep up), `error`,
 * `notInitialized` (no first export yet) or `unknown` (nothing decisive recorded, or the source
 * pool is down).
 *
 * @category model
 * @since 0.2.0
 */
export type BackupHealth = 'healthy' | 'backlog' | 'error' | 'notInitialized' | 'unknown'

/**
 * One direction `from` → `to` of a pool pair, as the state records it.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupDirection {
  /** The source pool (`Get-CsBackupServiceStatus -PoolFqdn`). */
  readonly from: PoolFqdn
  /** Its partner, which receives the data. */
  readonly to: PoolFqdn
  /** The judgement. */
  readonly health: BackupHealth
  /** The recorded export state, if any. */
  readonly exportState?: ExportState
  /** The recorded import state, if any. */
  readonly importState?: ImportState
  /** The recorded last sync, as written in the state. */
  readonly lastSyncAt?: string
  /** Whole seconds from `lastSyncAt` to `now` (0 when `lastSyncAt` is later); with `lastSyncAt` only. */
  readonly lagSeconds?: number
}

/**
 * A finding of `assessBackupService`.
 *
 * @category model
 * @since 0.2.0
 */
export type BackupServiceFinding = BackupServiceLagging | BackupServiceUnhealthy | SyncIntervalAboveRpo

/**
 * What `assessBackupService` reports.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupServiceReport {
  /** The global sync interval the state records (`00:02:00` by default). */
  readonly syncInterval: SyncInterval
  /** Every direction of every pairing, in pairing order (first → second, then second → first). */
  readonly directions: ReadonlyArray<BackupDirection>
  /** `warning`s first (lagging directions), then `advice` (unhealthy directions, then the interval). */
  readonly findings: ReadonlyArray<BackupServiceFinding>
}

/**
 * What `assessBackupService` is asked.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupServiceAssessmentRequest {
  /**
   * The caller's clock: an ISO 8601 date-time with `Z` (UTC) or an offset, as
   * `new Date().toISOString()` writes it.
   */
  readonly now: string
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

/**
 * The health of a direction. Export `SteadyState` (in sync within the interval) and `FinalState`
 * (nothing left to sync) are both healthy, import `NormalState` is (OfficeDocs-SkypeForBusiness
 * configuring-and-monitoring-the-backup-service.md; the 2019 RGS page: "export Final or Steady,
 * import Normal"). A status recorded for an unreachable source may be stale: only a decisive
 * fault (`ErrorState`, a backlog, no first export) is still reported for it.
 */
const healthOf = (state: State, from: PoolFqdn, status: BackupServiceStatus | undefined): BackupHealth => {
  if (status === undefined) return 'unknown'
  const { exportState, importState } = status
  if (exportState === 'ErrorState' || importState === 'ErrorState') return 'error'
  if (exportState === 'NonSteadyState') return 'backlog'
  if (exportState === 'NotInitialized') return 'notInitialized'
  if ((exportState === 'SteadyState' || exportState === 'FinalState') && importState === 'NormalState')
    return isPoolReachable(state, from) ? 'healthy' : 'unknown'
  return 'unknown'
}

/** A direction under construction (its optional fields are added in declaration order). */
type Building = { -readonly [K in keyof BackupDirection]: BackupDirection[K] }

const direction = (
  state: State,
  now: Instant,
  scratch: { seconds: number; nanos: number },
  from: PoolFqdn,
  to: PoolFqdn,
  findings: { readonly lagging: Array<BackupServiceLagging>; readonly unhealthy: Array<BackupServiceUnhealthy> },
): BackupDirection => {
  const status = state.backupService.get(from)
  const health = healthOf(state, from, status)
  const d: Building = { from, to, health }
  if (status === undefined) return d
  const { exportState, importState, lastSyncAt } = status
  if (exportState !== undefined) d.exportState = exportState
  if (importState !== undefined) d.importState = importState
  if (lastSyncAt !== undefined) {
    d.lastSyncAt = lastSyncAt
    if (readInstantInto(lastSyncAt, scratch)) {
      const lag = wholeSecondsBetween(scratch, now)
      const lagSeconds = lag > 0 ? lag : 0
      d.lagSeconds = lagSeconds
      // Microsoft's RPO for a pool failover is 5 minutes (disaster-recovery.md): a direction whose
      // last sync is older than that would lose more than the RPO promises.
      if (lagSeconds > RPO_SECONDS)
        findings.lagging.push({ _tag: 'BackupServiceLagging', severity: 'warning', pools: [from, to], lagSeconds })
    }
  }
  // Reported like the plans' warning of the same tag: the source pool, the recorded states.
  if (health === 'backlog' || health === 'error') {
    const finding: { -readonly [K in keyof BackupServiceUnhealthy]: BackupServiceUnhealthy[K] } = {
      _tag: 'BackupServiceUnhealthy',
      severity: 'advice',
      pools: [from],
    }
    if (exportState !== undefined) finding.exportState = exportState
    if (importState !== undefined) finding.importState = importState
    findings.unhealthy.push(finding)
  }
  return d
}

/** The request's own `now` (untyped callers may pass anything; a throwing getter reads as nothing). */
const ownNow = (request: unknown): unknown => {
  try {
    return typeof request === 'object' && request !== null && Object.prototype.hasOwnProperty.call(request, 'now')
      ? (request as { readonly now?: unknown }).now
      : undefined
  } catch {
    return undefined
  }
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Judges how the Backup Service replicates each direction of each pool pair, from what the state
 * records and the caller's clock.
 *
 * **When to use**
 *
 * Before a planned failover (is every direction in sync?), during a disaster (how much may be
 * lost?), or on a schedule, to catch a direction that stopped replicating long before it matters.
 *
 * **Details**
 *
 * One entry per direction, in pairing order (first → second, then second → first): the Backup
 * Service status is directional (`Get-CsBackupServiceStatus -PoolFqdn` reports `pool` → its
 * backup pool). `health` is `error` (either side `ErrorState`), else `backlog` (export
 * `NonSteadyState`), `notInitialized`, `healthy` (export `SteadyState` or `FinalState`, import
 * `NormalState`), else `unknown` (no entry, `from` unreachable, or a side not recorded when what is
 * recorded does not decide it). `lagSeconds` counts whole seconds from `lastSyncAt` to `now` (0
 * when the sync is later than `now`). Findings: `BackupServiceLagging` (`warning`) when the lag
 * exceeds 300 seconds, Microsoft's 5-minute RPO; `BackupServiceUnhealthy` (`advice`, the source
 * pool) for `backlog` and `error`; `SyncIntervalAboveRpo` (`advice`) when the global interval
 * exceeds `00:05:00`.
 *
 * **Gotchas**
 *
 * The core reads no clock: pass `now` (`new Date().toISOString()`). Anything but an ISO 8601
 * date-time with `Z` or an offset is refused with one `InvalidInput` (path `now`). The report is
 * as good as the state: record what `Get-CsBackupServiceStatus` said and when.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { assessBackupService } from 'sfb-dr'
 *
 * pipe(
 *   assessBackupService(contoso, backupLagging, { now: '2026-11-25T10:12:00Z' }),
 *   E.map((report) => report.directions.map((d) => [d.from, d.health, d.lagSeconds])),
 * ) // => right([['pool1.contoso.com', 'backlog', 720], ['pool2.contoso.com', 'healthy', 150]])
 * pipe(assessBackupService(contoso, backupLagging, { now: '2026-11-25T10:12:00Z' }), E.map((report) => report.findings.map((f) => f._tag)))
 * // => right(['BackupServiceLagging', 'BackupServiceUnhealthy', 'SyncIntervalAboveRpo'])
 *
 * @see {@link planBackupSync} to force a sync of a direction.
 * @category assessing
 * @since 0.2.0
 */
export const assessBackupService = (
  topology: Topology,
  state: State,
  request: BackupServiceAssessmentRequest,
): E.Either<ReadonlyNonEmptyArray<InvalidInput>, BackupServiceReport> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const raw = ownNow(request)
  const now = instantOrUndefined(raw)
  if (now === undefined)
    return E.left([
      {
        _tag: 'InvalidInput',
        path: 'now',
        expected: 'an ISO 8601 date-time with "Z" or an offset, such as "2026-11-25T10:00:00Z"',
        found: describeFound(raw),
      },
    ])
  const findings = { lagging: [] as Array<BackupServiceLagging>, unhealthy: [] as Array<BackupServiceUnhealthy> }
  const directions: Array<BackupDirection> = []
  // Each last sync is read into this one record (a local, never shared): no allocation per direction.
  const scratch = { seconds: 0, nanos: 0 }
  for (const [first, second] of topology.pairings) {
    directions.push(direction(state, now, scratch, first, second, findings))
    directions.push(direction(state, now, scratch, second, first, findings))
  }
  const syncInterval = state.backupServiceConfiguration.syncInterval
  const interval: ReadonlyArray<SyncIntervalAboveRpo> = isAboveRpo(syncInterval)
    ? [{ _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: syncInterval }]
    : []
  return E.right({ syncInterval, directions, findings: [...findings.lagging, ...findings.unhealthy, ...interval] })
}
