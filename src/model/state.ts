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
import type { EdgePoolFqdn, Fqdn, PoolFqdn } from './identifiers.js'
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
  /**
   * The Front End servers that do not run, when the state names them (in topology order, never
   * empty; then `frontEndsRunning` is the pool's size minus their number). Naming them makes
   * quorum exact: pool-level quorum counts servers among the FIRST ones (contract §9).
   */
  readonly stoppedFrontEnds?: ReadonlyArray<Fqdn>
  /** Back End health; absent when every principal is the primary and nothing is down. */
  readonly backEnd?: BackEndStatus
}

/**
 * A Back End SQL server of a pool: the primary (the only one of a pool without a mirror) or its
 * mirror (`-NewPrincipal Primary|Mirror`, office-docs-powershell `Invoke-CsDatabaseFailover`).
 *
 * @category model
 * @since 0.2.0
 */
export type BackEndServer = 'Primary' | 'Mirror'

/**
 * A mirrored database the plans fail over: the users' data (`User`) and the Central Management
 * Store (`CentralMgmt`), the `-DatabaseType` of `Invoke-CsDatabaseFailover`.
 *
 * @category model
 * @since 0.2.0
 */
export type MirroredDatabase = 'User' | 'CentralMgmt'

/**
 * The Back End servers, in the order lists of them are kept (`Primary` before `Mirror`).
 *
 * @category model
 * @since 0.2.0
 */
export const backEndServers: ReadonlyArray<BackEndServer> = ['Primary', 'Mirror']

/**
 * The mirrored databases, in the order plans fail them over (`User`, then `CentralMgmt`).
 *
 * @category model
 * @since 0.2.0
 */
export const mirroredDatabases: ReadonlyArray<MirroredDatabase> = ['User', 'CentralMgmt']

/**
 * The principal Back End server of each mirrored database.
 *
 * @category model
 * @since 0.2.0
 */
export interface DatabasePrincipals {
  /** The users' data (`-DatabaseType User`). */
  readonly User: BackEndServer
  /** The Central Management Store (`-DatabaseType CentralMgmt`; only on the pool holding it). */
  readonly CentralMgmt: BackEndServer
}

/**
 * Observed health of a pool's Back End: which server is principal for each database, and which
 * servers are down. Absent from a {@link PoolStatus} when every database's principal is the
 * primary and nothing is down.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackEndStatus {
  /** The principal server of each database (a pool without a mirror: always `Primary`). */
  readonly principal: DatabasePrincipals
  /** The servers that are down, a set in the order of {@link backEndServers}. */
  readonly down: ReadonlyArray<BackEndServer>
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
 * @example
 * import { isBackupModule } from 'sfb-dr'
 *
 * isBackupModule('ConfServices.DataConf') // => true
 * isBackupModule('confservices.dataconf') // => false: the exact spelling only
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
  /**
   * The Edge pool the XMPP federation route (`Set-CsSite -XmppFederationRoute`) points at now, if
   * any.
   *
   * @since 0.2.0
   */
  readonly xmppEdgePool?: EdgePoolFqdn
  /**
   * The Edge pool each Front End pool uses for media now ("Associate Edge Pool (for media
   * components)" in Topology Builder); a pool without an entry uses none.
   *
   * @since 0.2.0
   */
  readonly mediaEdgePools: ReadonlyMap<PoolFqdn, EdgePoolFqdn>
  /** Backup Service status per direction, keyed by source pool. */
  readonly backupService: ReadonlyMap<PoolFqdn, BackupServiceStatus>
  /** The global Backup Service settings (`Get-CsBackupServiceConfiguration`). */
  readonly backupServiceConfiguration: BackupServiceConfiguration
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The Edge pool the topology designates for XMPP federation: the first with `xmpp: true`, in
 * topology order (Microsoft: "there is one Edge pool designated as the pool to use for XMPP
 * federation", OfficeDocs-SkypeForBusiness failing-over-failing-back-or-changing-the-edge-pool.md).
 *
 * @example
 * import { topologyXmppEdgePool } from 'sfb-dr'
 *
 * topologyXmppEdgePool(contoso) // => 'edge2.contoso.com'
 *
 * @category constructors
 * @since 0.2.0
 */
export const topologyXmppEdgePool = (topology: Topology): EdgePoolFqdn | undefined =>
  topology.edgePools.find((e) => e.xmpp)?.fqdn

/**
 * The media Edge pool of every Front End pool as the topology associates it (`edgePool`), in
 * topology order.
 *
 * @example
 * import { topologyMediaEdgePools } from 'sfb-dr'
 *
 * topologyMediaEdgePools(contoso)
 * // => Map { 'pool1.contoso.com' => 'edge1.contoso.com', 'pool2.contoso.com' => 'edge2.contoso.com' } (se1 has none)
 *
 * @category constructors
 * @since 0.2.0
 */
export const topologyMediaEdgePools = (topology: Topology): ReadonlyMap<PoolFqdn, EdgePoolFqdn> => {
  const media = new Map<PoolFqdn, EdgePoolFqdn>()
  for (const p of topology.pools) if (p.edgePool !== undefined) media.set(p.fqdn, p.edgePool)
  return media
}

/**
 * The healthy state of a topology: every pool and Edge pool reachable with all servers running,
 * nothing failed over, the CMS active master on its topology pool and available, every Edge next
 * hop as configured, federation and XMPP on the Edge pools the topology marks, every Front End
 * pool's media on its topology Edge pool.
 *
 * @example
 * import { initialState } from 'sfb-dr'
 *
 * const state = initialState(contoso)
 * state.centralManagementStore // => { activeMaster: 'pool1.contoso.com', available: true }
 * state.federationEdgePool // => 'edge1.contoso.com'
 * state.failovers.size // => 0
 *
 * @category constructors
 * @since 0.1.0
 */
export const initialState = (topology: Topology): State => {
  const federation = topology.edgePools.find((e) => e.federation)
  const xmpp = topologyXmppEdgePool(topology)
  return {
    pools: new Map(topology.pools.map((p) => [p.fqdn, { reachable: true, frontEndsRunning: p.frontEnds.length }])),
    failovers: new Map(),
    centralManagementStore: { activeMaster: topology.centralManagementStore.pool, available: true },
    edgePools: new Map(topology.edgePools.map((e) => [e.fqdn, { reachable: true, nextHop: e.nextHop }])),
    ...(federation === undefined ? {} : { federationEdgePool: federation.fqdn }),
    ...(xmpp === undefined ? {} : { xmppEdgePool: xmpp }),
    mediaEdgePools: topologyMediaEdgePools(topology),
    backupService: new Map(),
    backupServiceConfiguration: { syncInterval: DEFAULT_SYNC_INTERVAL },
  }
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Whether `pool` can be worked with: the state says it is reachable AND at least one of its Front
 * End servers runs (unknown pools are not). A pool with no server running serves nothing, so it
 * fails over as if unreachable (disaster mode), cannot take a failover, a failback, the CMS or a
 * Backup Service check (contract §9). `assessPool`'s `unreachable` status reads `reachable` alone.
 *
 * @example
 * import { isPoolReachable } from 'sfb-dr'
 *
 * contoso.pools.map((p) => isPoolReachable(redmondDown, p.fqdn)) // => [false, true, false]: pool1, pool2, se1
 *
 * @category operations
 * @since 0.1.0
 */
export const isPoolReachable = (state: State, pool: PoolFqdn): boolean =>
  orElse(() => {
    // Read as unknown: a state from an untyped caller may hold anything there.
    const status: { readonly reachable?: unknown; readonly frontEndsRunning?: unknown } | undefined = state.pools.get(pool)
    return status?.reachable === true && typeof status.frontEndsRunning === 'number' && status.frontEndsRunning > 0
  }, false)

/**
 * Whether the users homed on `pool` are failed over onto its partner.
 *
 * @example
 * import { isFailedOver } from 'sfb-dr'
 *
 * contoso.pools.map((p) => isFailedOver(pool1FailedOver, p.fqdn)) // => [true, false, false]: pool1, pool2, se1
 *
 * @category operations
 * @since 0.1.0
 */
export const isFailedOver = (state: State, pool: PoolFqdn): boolean => orElse(() => state.failovers.has(pool), false)

/**
 * Whether the CMS is available: the state does not mark it unavailable, its active master's pool
 * is reachable, and the CURRENT principal of that pool's CentralMgmt database is not down
 * (contract §9).
 *
 * @example
 * import { isCentralManagementStoreAvailable } from 'sfb-dr'
 *
 * isCentralManagementStoreAvailable(healthy) // => true
 * isCentralManagementStoreAvailable(redmondDown) // => false: its active master, pool1, is unreachable
 * isCentralManagementStoreAvailable(pool1FailedOver) // => true: on pool2 now
 *
 * @category operations
 * @since 0.1.0
 */
export const isCentralManagementStoreAvailable = (state: State): boolean =>
  orElse(() => {
    // Read as unknown: a state from an untyped caller may hold anything there.
    const available: unknown = state.centralManagementStore.available
    const { activeMaster } = state.centralManagementStore
    return (
      available === true &&
      isPoolReachable(state, activeMaster) &&
      !isBackEndServerDown(state, activeMaster, databasePrincipal(state, activeMaster, 'CentralMgmt'))
    )
  }, false)

/**
 * The principal server of `pool`'s `database` (`Primary` unless the state says otherwise).
 *
 * @example
 * import { databasePrincipal, withDatabasePrincipal } from 'sfb-dr'
 *
 * const pool1 = contoso.centralManagementStore.pool // 'pool1.contoso.com'
 * const failedOver = withDatabasePrincipal(healthy, pool1, 'User', 'Mirror')
 * databasePrincipal(healthy, pool1, 'User') // => 'Primary'
 * databasePrincipal(failedOver, pool1, 'User') // => 'Mirror'
 * databasePrincipal(failedOver, pool1, 'CentralMgmt') // => 'Primary'
 *
 * @category operations
 * @since 0.2.0
 */
export const databasePrincipal = (state: State, pool: PoolFqdn, database: MirroredDatabase): BackEndServer =>
  orElse(() => (state.pools.get(pool)?.backEnd?.principal[database] === 'Mirror' ? 'Mirror' : 'Primary'), 'Primary')

/**
 * Whether the state records `server` of `pool`'s Back End as down.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeState, isBackEndServerDown } from 'sfb-dr'
 *
 * const pool1 = contoso.centralManagementStore.pool // 'pool1.contoso.com'
 * pipe(
 *   decodeState(contoso, { pools: { 'pool1.contoso.com': { reachable: true, backEnd: { down: ['Mirror'] } } } }),
 *   E.map((state) => [isBackEndServerDown(state, pool1, 'Primary'), isBackEndServerDown(state, pool1, 'Mirror')]),
 * ) // => right([false, true])
 *
 * @category operations
 * @since 0.2.0
 */
export const isBackEndServerDown = (state: State, pool: PoolFqdn, server: BackEndServer): boolean =>
  orElse(() => state.pools.get(pool)?.backEnd?.down.includes(server) === true, false)

/**
 * Whether `pool`'s Back End is down: the CURRENT principal of its User database is down (contract
 * §9). With a mirror up, `planBackEndFailover` makes it whole again.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeState, isBackEndDown, withDatabasePrincipal } from 'sfb-dr'
 *
 * const pool1 = contoso.centralManagementStore.pool // 'pool1.contoso.com'
 * pipe(
 *   decodeState(contoso, { pools: { 'pool1.contoso.com': { reachable: true, backEnd: { down: ['Primary'] } } } }),
 *   E.map((state) => [isBackEndDown(state, pool1), isBackEndDown(withDatabasePrincipal(state, pool1, 'User', 'Mirror'), pool1)]),
 * ) // => right([true, false]): down until the User database fails over to the mirror
 *
 * @category operations
 * @since 0.2.0
 */
export const isBackEndDown = (state: State, pool: PoolFqdn): boolean =>
  isBackEndServerDown(state, pool, databasePrincipal(state, pool, 'User'))

/**
 * `state` with `server` the principal of `pool`'s `database` (what `FailoverDatabase` records);
 * the same reference when nothing changes, and no `backEnd` entry when it says only defaults.
 *
 * @example
 * import { withDatabasePrincipal } from 'sfb-dr'
 *
 * const pool1 = contoso.centralManagementStore.pool // 'pool1.contoso.com'
 * withDatabasePrincipal(healthy, pool1, 'User', 'Mirror').pools.get(pool1)
 * // => { reachable: true, frontEndsRunning: 3, backEnd: { principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: [] } }
 * withDatabasePrincipal(healthy, pool1, 'User', 'Primary') === healthy // => true: nothing changes
 *
 * @category operations
 * @since 0.2.0
 */
export const withDatabasePrincipal = (
  state: State,
  pool: PoolFqdn,
  database: MirroredDatabase,
  server: BackEndServer,
): State => {
  const status = state.pools.get(pool)
  if (status === undefined || databasePrincipal(state, pool, database) === server) return state
  const backEnd = normalBackEnd({
    principal: { ...(status.backEnd?.principal ?? { User: 'Primary', CentralMgmt: 'Primary' }), [database]: server },
    down: status.backEnd?.down ?? [],
  })
  const { backEnd: _old, ...rest } = status
  const pools = new Map(state.pools)
  pools.set(pool, backEnd === undefined ? rest : { ...rest, backEnd })
  return { ...state, pools }
}

/**
 * A Back End status in its normal form: `undefined` when it says only the defaults (every
 * principal `Primary`, nothing down), so two states that mean the same thing are equal.
 *
 * @example
 * import { normalBackEnd } from 'sfb-dr'
 *
 * normalBackEnd({ principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: [] }) // => undefined: only defaults
 * normalBackEnd({ principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: ['Mirror', 'Primary'] })
 * // => { principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: ['Primary', 'Mirror'] }
 *
 * @category constructors
 * @since 0.2.0
 */
export const normalBackEnd = (status: BackEndStatus): BackEndStatus | undefined =>
  status.down.length === 0 && status.principal.User === 'Primary' && status.principal.CentralMgmt === 'Primary'
    ? undefined
    : {
        principal: { User: status.principal.User, CentralMgmt: status.principal.CentralMgmt },
        down: backEndServers.filter((server) => status.down.includes(server)),
      }
