/**
 * What is true now: reachability, which pools are failed over, where the CMS active master is,
 * Edge next hops and Backup Service health. A `State` is always complete for its topology (every
 * pool and Edge pool has an entry), so two states that mean the same thing are equal.
 *
 * Laws:
 * - `initialState(t)` is the healthy state: everything reachable, nothing failed over, the CMS
 *   active master on its topology pool, every Edge next hop as configured, the Backup Service
 *   syncing every `00:02:00` (Microsoft's default).
 * - `failovers` holds HOME pools (the pool named by `-PoolFqdn`); the partner services their users.
 * - The queries (`isPoolReachable`, `isFailedOver`, `isCentralManagementStoreAvailable`) never
 *   throw: they answer `false` for a state that is not a decoded one (raw JSON, `null`, a proxy).
 *
 * @module
 */
import type { EdgePoolFqdn, PoolFqdn } from './identifiers.js'
import { DEFAULT_SYNC_INTERVAL, type BackupServiceConfiguration } from './syncInterval.js'
import type { Topology } from './topology.js'
import { orElse } from './total.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Observed health of a Front End pool.
 *
 * @category model
 * @since 0.1.0
 */
export interface PoolStatus {
  /** Whether the pool is up and reachable. */
  readonly reachable: boolean
  /** How many of its Front End servers run. */
  readonly frontEndsRunning: number
}

/**
 * Failover mode: `planned` (pool still reachable) or `disaster` (`-DisasterMode`).
 *
 * @category model
 * @since 0.1.0
 */
export type FailoverMode = 'planned' | 'disaster'

/**
 * Observed Central Management Store status.
 *
 * @category model
 * @since 0.1.0
 */
export interface CentralManagementStoreStatus {
  /** The pool whose Back End holds the active master database. */
  readonly activeMaster: PoolFqdn
  /** `false` when the CMS is known to be unavailable (empty `ActiveMasterFqdn`). */
  readonly available: boolean
}

/**
 * Observed Edge pool status.
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgePoolStatus {
  /** Whether the Edge pool is up. */
  readonly reachable: boolean
  /** The Front End pool it currently forwards to. */
  readonly nextHop: PoolFqdn
}

/**
 * Backup Service export state of one direction (`Get-CsBackupServiceStatus`).
 *
 * @category model
 * @since 0.1.0
 */
export type ExportState = 'FinalState' | 'SteadyState' | 'NonSteadyState' | 'NotInitialized' | 'ErrorState'

/**
 * Backup Service import state of one direction.
 *
 * @category model
 * @since 0.1.0
 */
export type ImportState = 'NormalState' | 'ErrorState'

/**
 * A Backup Service module (`Get-CsBackupServiceStatus` lists them in `BackupModules`; the
 * `-BackupModule` of `Invoke-CsBackupServiceSync`).
 *
 * @category model
 * @since 0.2.0
 */
export type BackupModule =
  | 'UserServices.PresenceFocus'
  | 'ConfServices.DataConf'
  | 'CentralMgmt.CMSMaster'
  | 'ApplicationServer.RGSDataStore'
  | 'ApplicationServer.RGSFileStore'

/**
 * The `-Category` of `Get-CsBackupServiceStatus` that reports each module: `UserData` (user data
 * and conference content), `CMS`, `RGS` (Skype for Business Server 2019, July 2019 CU).
 * Source: office-docs-powershell `Get-CsBackupServiceStatus` (-Category) and the 2019 RGS
 * Backup Service page (domain-facts §1.8).
 *
 * @category model
 * @since 0.2.0
 */
export const backupModuleCategories: { readonly [M in BackupModule]: 'UserData' | 'CMS' | 'RGS' } = {
  'UserServices.PresenceFocus': 'UserData',
  'ConfServices.DataConf': 'UserData',
  'CentralMgmt.CMSMaster': 'CMS',
  'ApplicationServer.RGSDataStore': 'RGS',
  'ApplicationServer.RGSFileStore': 'RGS',
}

/**
 * Every Backup Service module, in the order above.
 *
 * @category model
 * @since 0.2.0
 */
export const backupModules: ReadonlyArray<BackupModule> = Object.keys(backupModuleCategories) as ReadonlyArray<BackupModule>

/**
 * Whether `u` is a Backup Service module name (exact spelling).
 *
 * @category refinements
 * @since 0.2.0
 */
export const isBackupModule = (u: unknown): u is BackupModule =>
  typeof u === 'string' && Object.prototype.hasOwnProperty.call(backupModuleCategories, u)

/**
 * Backup Service status of the direction `pool` → its partner.
 *
 * @category model
 * @since 0.1.0
 */
export interface BackupServiceStatus {
  /** The source pool of the direction. */
  readonly pool: PoolFqdn
  /** Last observed export state. */
  readonly exportState?: ExportState
  /** Last observed import state. */
  readonly importState?: ImportState
  /** Last known successful sync, an ISO 8601 date-time with an offset (as observed; never a clock read). */
  readonly lastSyncAt?: string
}

/**
 * What is true now. Build one with `decodeState` (from JSON) or {@link initialState}.
 *
 * @category model
 * @since 0.1.0
 */
export interface State {
  /** Every Front End pool's status. */
  readonly pools: ReadonlyMap<PoolFqdn, PoolStatus>
  /** Failed-over HOME pools and the mode they were failed over in. */
  readonly failovers: ReadonlyMap<PoolFqdn, FailoverMode>
  /** The CMS status. */
  readonly centralManagementStore: CentralManagementStoreStatus
  /** Every Edge pool's status. */
  readonly edgePools: ReadonlyMap<EdgePoolFqdn, EdgePoolStatus>
  /** The Edge pool now carrying SfB federation, if any. */
  readonly federationEdgePool?: EdgePoolFqdn
  /** Backup Service status per direction, keyed by source pool. */
  readonly backupService: ReadonlyMap<PoolFqdn, BackupServiceStatus>
  /** The global Backup Service settings (`Get-CsBackupServiceConfiguration`). */
  readonly backupServiceConfiguration: BackupServiceConfiguration
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The healthy state of a topology: every pool and Edge pool reachable with all servers running,
 * nothing failed over, the CMS active master on its topology pool and available, every Edge next
 * hop as configured, federation on the Edge pool the topology marks.
 *
 * @category constructors
 * @since 0.1.0
 */
export const initialState = (topology: Topology): State => {
  const federation = topology.edgePools.find((e) => e.federation)
  return {
    pools: new Map(topology.pools.map((p) => [p.fqdn, { reachable: true, frontEndsRunning: p.frontEnds.length }])),
    failovers: new Map(),
    centralManagementStore: { activeMaster: topology.centralManagementStore.pool, available: true },
    edgePools: new Map(topology.edgePools.map((e) => [e.fqdn, { reachable: true, nextHop: e.nextHop }])),
    ...(federation === undefined ? {} : { federationEdgePool: federation.fqdn }),
    backupService: new Map(),
    backupServiceConfiguration: { syncInterval: DEFAULT_SYNC_INTERVAL },
  }
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Whether `pool` is reachable (unknown pools are not).
 *
 * @category operations
 * @since 0.1.0
 */
export const isPoolReachable = (state: State, pool: PoolFqdn): boolean =>
  orElse(() => state.pools.get(pool)?.reachable === true, false)

/**
 * Whether the users homed on `pool` are failed over onto its partner.
 *
 * @category operations
 * @since 0.1.0
 */
export const isFailedOver = (state: State, pool: PoolFqdn): boolean => orElse(() => state.failovers.has(pool), false)

/**
 * Whether the CMS is available: the state does not mark it unavailable and its active master's
 * pool is reachable.
 *
 * @category operations
 * @since 0.1.0
 */
export const isCentralManagementStoreAvailable = (state: State): boolean =>
  orElse(() => {
    // Read as unknown: a state from an untyped caller may hold anything there.
    const available: unknown = state.centralManagementStore.available
    return available === true && isPoolReachable(state, state.centralManagementStore.activeMaster)
  }, false)
