/**
 * Move what `edgePool` carries now (federation, XMPP federation, media of running pools) to `to`.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeFailoverIntent {
  /** Discriminant. */
  readonly _tag: 'EdgeFailover'
  /** The Edge pool losing its roles. */
  readonly edgePool: EdgePoolFqdn
  /** The Edge pool taking them. */
  readonly to: EdgePoolFqdn
}

/**
 * Give back to `edgePool` the roles the topology gives it and another Edge pool holds now.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeFailbackIntent {
  /** Discriminant. */
  readonly _tag: 'EdgeFailback'
  /** The restored Edge pool. */
  readonly edgePool: EdgePoolFqdn
}

/**
 * Fail over every paired Front End pool of a site, and what its Edge pools carry.
 *
 * @category model
 * @since 0.2.0
 */
export interface SiteFailoverIntent {
  /** Discriminant. */
  readonly _tag: 'SiteFailover'
  /** The site. */
  readonly site: SiteName
  /** The mode asked for every pool; absent: each pool's default. */
  readonly mode?: FailoverMode
}

/**
 * Fail back the site's Edge pools and every failed-over pool of the site.
 *
 * @category model
 * @since 0.2.0
 */
export interface SiteFailbackIntent {
  /** Discriminant. */
  readonly _tag: 'SiteFailback'
  /** The site. */
  readonly site: SiteName
}

/**
 * What a plan is for.
 *
 * @module
 */
import type { EdgePoolFqdn, PoolFqdn, SiteName } from './identifiers.js'
import type { BackEndServer, BackupModule, FailoverMode } from './state.js'
import type { SyncInterval } from './syncInterval.js'

/**
 * Fail over the users homed on `pool` onto its partner.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverIntent {
  /** Discriminant. */
  readonly _tag: 'Failover'
  /** The pool whose home users move (the disaster pool, `-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** Planned or disaster mode. */
  readonly mode: FailoverMode
}

/**
 * Fail back the users homed on `pool` from its partner.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailbackIntent {
  /** Discriminant. */
  readonly _tag: 'Failback'
  /** The home pool (the same `-PoolFqdn` as its failover). */
  readonly pool: PoolFqdn
  /** Planned or disaster mode. */
  readonly mode: FailoverMode
}

/**
 * Have everyone now serviced by `from` serviced by its partner `to`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MoveServiceIntent {
  /** Discriminant. */
  readonly _tag: 'MoveService'
  /** The pool now servicing the users. */
  readonly from: PoolFqdn
  /** Its partner, which will service them. */
  readonly to: PoolFqdn
}

/**
 * Push `pool`'s Backup Service data (all modules, or `module`) to its partner now and wait until
 * that direction reports a steady state.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupSyncIntent {
  /** Discriminant. */
  readonly _tag: 'BackupSync'
  /** The source pool (`Invoke-CsBackupServiceSync -PoolFqdn`). */
  readonly pool: PoolFqdn
  /** The one module synced; without it, all of them. */
  readonly module?: BackupModule
}

/**
 * Copy the conference content `pool` lost back from its partner (`ConfServices.DataConf`).
 *
 * @category model
 * @since 0.2.0
 */
export interface ConferenceContentRestoreIntent {
  /** Discriminant. */
  readonly _tag: 'ConferenceContentRestore'
  /** The pool that lost its conference content (never the source of the sync). */
  readonly pool: PoolFqdn
}

/**
 * Set the global Backup Service sync interval.
 *
 * @category model
 * @since 0.2.0
 */
export interface SetSyncIntervalIntent {
  /** Discriminant. */
  readonly _tag: 'SetSyncInterval'
  /** The new interval, `hh:mm:ss`. */
  readonly interval: SyncInterval
}

/**
 * Recover `pool` from routing-group quorum loss (`Reset-CsPoolRegistrarState -ResetType
 * QuorumLossRecovery`).
 *
 * @category model
 * @since 0.2.0
 */
export interface QuorumRecoveryIntent {
  /** Discriminant. */
  readonly _tag: 'QuorumRecovery'
  /** The Front End pool. */
  readonly pool: PoolFqdn
}

/**
 * Make `newPrincipal` the principal of `pool`'s mirrored Back End databases.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackEndFailoverIntent {
  /** Discriminant. */
  readonly _tag: 'BackEndFailover'
  /** The Front End pool whose Back End fails over. */
  readonly pool: PoolFqdn
  /** The server that becomes principal. */
  readonly newPrincipal: BackEndServer
}

/**
 * What a plan is for.
 *
 * @category model
 * @since 0.1.0
 */
export type Intent =
  | FailoverIntent
  | FailbackIntent
  | MoveServiceIntent
  | BackupSyncIntent
  | ConferenceContentRestoreIntent
  | SetSyncIntervalIntent
  | QuorumRecoveryIntent
  | BackEndFailoverIntent
  | EdgeFailoverIntent
  | EdgeFailbackIntent
  | SiteFailoverIntent
  | SiteFailbackIntent
