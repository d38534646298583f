/**
 * The JSON documents sfb-dr reads and writes (contract §4.1, §4.2), as plain TypeScript types.
 * Identifiers are plain strings here: decoding validates and normalizes them. Optional fields are
 * defaults when decoding; `encodeTopology` and `encodeState` write every field out.
 *
 * Unknown extra fields are ignored when decoding (a newer document still decodes) and never
 * written.
 *
 * @module
 */

/**
 * A topology site.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface SiteDocument {
  readonly name: string
}

/**
 * A SQL store: server FQDN and instance name.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface SqlStoreDocument {
  readonly sqlServer: string
  readonly instance: string
}

/**
 * A pool's Back End. `ha` defaults to `"none"`; `mirror` is allowed only with `"mirroring"`.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface BackEndDocument extends SqlStoreDocument {
  readonly mirror?: SqlStoreDocument
  readonly ha?: 'none' | 'mirroring' | 'alwaysOn' | 'failoverCluster'
}

/**
 * A Front End pool. `version` defaults to `"2015"`, `hosting` to `"physical"`; `backEnd` is
 * required for Enterprise pools and defaults to `{ sqlServer: fqdn, instance: "rtc" }` for a
 * Standard pool, whose single Front End is the pool's own FQDN.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface PoolDocument {
  readonly fqdn: string
  readonly site: string
  readonly edition: 'Enterprise' | 'Standard'
  readonly version?: '2015' | '2019'
  readonly hosting?: 'physical' | 'virtual'
  readonly os?: string
  readonly frontEnds: ReadonlyArray<string>
  readonly backEnd?: BackEndDocument
  readonly edgePool?: string
}

/**
 * An Edge pool. `federation` and `xmpp` default to `false`.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface EdgePoolDocument {
  readonly fqdn: string
  readonly site: string
  readonly nextHop: string
  readonly federation?: boolean
  readonly xmpp?: boolean
}

/**
 * A user and the pool it is homed on.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface UserDocument {
  readonly sipAddress: string
  readonly homePool: string
}

/**
 * The topology document (`decodeTopology`, `encodeTopology`). `edgePools` and `users` default to
 * empty lists.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface TopologyDocument {
  readonly sites: ReadonlyArray<SiteDocument>
  readonly pools: ReadonlyArray<PoolDocument>
  readonly pairings: ReadonlyArray<readonly [string, string]>
  readonly edgePools?: ReadonlyArray<EdgePoolDocument>
  readonly centralManagementStore: { readonly pool: string }
  readonly users?: ReadonlyArray<UserDocument>
}

/**
 * Observed status of a pool; a missing field means healthy (reachable, every Front End running).
 *
 * @category codecs
 * @since 0.1.0
 */
export interface PoolStatusDocument {
  readonly reachable?: boolean
  readonly frontEndsRunning?: number
}

/**
 * Observed status of an Edge pool; missing means reachable, forwarding to its topology next hop.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface EdgePoolStatusDocument {
  readonly reachable?: boolean
  readonly nextHop?: string
}

/**
 * A failed-over HOME pool; `mode` defaults to `"disaster"` (the cautious reading).
 *
 * @category codecs
 * @since 0.1.0
 */
export interface FailoverDocument {
  readonly pool: string
  readonly mode?: 'planned' | 'disaster'
}

/**
 * Backup Service status of the direction `pool` → its partner.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface BackupServiceDocument {
  readonly pool: string
  readonly exportState?: 'FinalState' | 'SteadyState' | 'NonSteadyState' | 'NotInitialized' | 'ErrorState'
  readonly importState?: 'NormalState' | 'ErrorState'
  /** ISO 8601 date-time with `Z` or an offset, such as `2026-11-25T10:00:00Z`. */
  readonly lastSyncAt?: string
}

/**
 * The state document (`decodeState`, `encodeState`). Every field is optional: what is missing is
 * as the topology configures it, healthy. `federationEdgePool: null` says that no Edge pool
 * carries federation now; leaving it out means the topology's federation Edge pool.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface StateDocument {
  readonly pools?: { readonly [fqdn: string]: PoolStatusDocument }
  readonly failovers?: ReadonlyArray<FailoverDocument>
  readonly centralManagementStore?: { readonly activeMaster?: string; readonly available?: boolean }
  readonly edgePools?: { readonly [fqdn: string]: EdgePoolStatusDocument }
  readonly federationEdgePool?: string | null
  readonly backupService?: ReadonlyArray<BackupServiceDocument>
}
