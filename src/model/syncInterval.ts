/**
 * The Backup Service sync interval: one global setting (`Set-CsBackupServiceConfiguration
 * -SyncInterval`), written `hh:mm:ss`.
 *
 * Sources: office-docs-powershell `Set-CsBackupServiceConfiguration` (-SyncInterval: "any value
 * between 5 seconds (00:00:05) and 3 hours (03:00:00), inclusive", default 00:02:00; a single,
 * global collection of settings) and OfficeDocs-SkypeForBusiness
 * `configuring-and-monitoring-the-backup-service.md` (change it only if absolutely necessary: it
 * has a great impact on the Backup Service's performance and the recovery point objective).
 *
 * Laws:
 * - `parseSyncInterval(s)` is `some(s)` iff `s` is `hh:mm:ss` (two digits each, minutes and
 *   seconds below 60) from 00:00:05 to 03:00:00; the value is kept as written.
 * - `syncIntervalSeconds` orders intervals as time does.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** @internal */
export interface SyncIntervalBrand {
  readonly SyncInterval: unique symbol
}

/**
 * A Backup Service sync interval, `hh:mm:ss` from `00:00:05` to `03:00:00`.
 *
 * @category model
 * @since 0.2.0
 */
export type SyncInterval = string & SyncIntervalBrand

/**
 * The global Backup Service settings the state records.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupServiceConfiguration {
  /** How long the Backup Service waits between syncs of a pool with its backup pool. */
  readonly syncInterval: SyncInterval
}

/**
 * The shortest interval Microsoft allows, in seconds (00:00:05).
 *
 * @category model
 * @since 0.2.0
 */
export const MIN_SYNC_INTERVAL_SECONDS = 5

/**
 * The longest interval Microsoft allows, in seconds (03:00:00).
 *
 * @category model
 * @since 0.2.0
 */
export const MAX_SYNC_INTERVAL_SECONDS = 10_800

/**
 * Microsoft's engineering target for the recovery point objective of a pool failover, in seconds
 * (5 minutes: what the Backup Service's replication latency may lose). Source:
 * OfficeDocs-SkypeForBusiness `disaster-recovery.md` ("the engineering target for recovery point
 * objective (RPO) is 5 minutes").
 *
 * @category model
 * @since 0.2.0
 */
export const RPO_SECONDS = 300

/**
 * The default interval, `00:02:00` (Set-CsBackupServiceConfiguration, -SyncInterval).
 *
 * @category model
 * @since 0.2.0
 */
export const DEFAULT_SYNC_INTERVAL = '00:02:00' as SyncInterval

const HH_MM_SS = /^(\d{2}):([0-5]\d):([0-5]\d)$/

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The seconds an `hh:mm:ss` text stands for, or `NaN` when it is not `hh:mm:ss` (bounds not
 * checked).
 *
 * @category operations
 * @since 0.2.0
 */
export const hhmmssSeconds = (s: unknown): number => {
  if (typeof s !== 'string') return Number.NaN
  const m = HH_MM_SS.exec(s)
  return m === null ? Number.NaN : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

/**
 * The seconds of a sync interval.
 *
 * @example
 * import { DEFAULT_SYNC_INTERVAL, syncIntervalSeconds } from 'sfb-dr'
 *
 * syncIntervalSeconds(DEFAULT_SYNC_INTERVAL) // => 120
 *
 * @category operations
 * @since 0.2.0
 */
export const syncIntervalSeconds = (interval: SyncInterval): number => hhmmssSeconds(interval)

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether `u` is an `hh:mm:ss` sync interval from 00:00:05 to 03:00:00.
 *
 * @example
 * import { isSyncInterval } from 'sfb-dr'
 *
 * isSyncInterval('00:02:00') // => true
 * isSyncInterval('04:00:00') // => false: above 03:00:00
 * isSyncInterval('2:00') // => false: not hh:mm:ss
 *
 * @category refinements
 * @since 0.2.0
 */
export const isSyncInterval = (u: unknown): u is SyncInterval => {
  const seconds = hhmmssSeconds(u)
  return seconds >= MIN_SYNC_INTERVAL_SECONDS && seconds <= MAX_SYNC_INTERVAL_SECONDS
}

/**
 * Whether an interval exceeds Microsoft's 5-minute RPO: a disaster may then lose more than the
 * RPO promises, since changes wait up to one interval before they are replicated.
 *
 * @example
 * import { DEFAULT_SYNC_INTERVAL, isAboveRpo } from 'sfb-dr'
 *
 * isAboveRpo(DEFAULT_SYNC_INTERVAL) // => false: 2 minutes
 * isAboveRpo(backupLagging.backupServiceConfiguration.syncInterval) // => true: 10 minutes
 *
 * @category refinements
 * @since 0.2.0
 */
export const isAboveRpo = (interval: SyncInterval): boolean => syncIntervalSeconds(interval) > RPO_SECONDS

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Validates a sync interval as typed: `hh:mm:ss` from `00:00:05` to `03:00:00`, else `none`.
 *
 * @example
 * import { parseSyncInterval } from 'sfb-dr'
 *
 * parseSyncInterval('00:03:00') // => some('00:03:00')
 * parseSyncInterval('00:00:04') // => none (below 5 seconds)
 *
 * @category constructors
 * @since 0.2.0
 */
export const parseSyncInterval = (u: unknown): O.Option<SyncInterval> => (isSyncInterval(u) ? O.some(u) : O.none)
