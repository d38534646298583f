/**
 * The JSON documents sfb-dr reads and writes (contract §4.1, §4.2), as plain TypeScript types.
 * Identifiers are plain strings here: decoding validates and normalizes them. Optional fields are
 * defaults when decoding; `encodeTopology` and `encodeState` write every field out.
 *
 * Fields these types do not define are refused when decoding (`UnknownField`, with the nearest
 * known name), never ignored; only a top-level `$schema` string is allowed.
 *
 * @module
 */
import type { BackEndServer, ExportState, FailoverMode, ImportState } from '../model/state.js'
import type { BackEndHa, Edition, Hosting, ProductVersion } from '../model/topology.js'

/**
 * A topology site.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface SiteDocument {
  /** Site name, 1–64 letters, digits, spaces, `-`, `_`, `.`; unique. */
  readonly name: string
}

/**
 * A SQL store: server FQDN and instance name.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface SqlStoreDocument {
  /** FQDN of the SQL server. */
  readonly sqlServer: string
  /** SQL instance name, such as `rtc`. */
  readonly instance: string
}

/**
 * A pool's Back End. `ha` defaults to `"none"`; `mirror` is allowed only with `"mirroring"`.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface BackEndDocument extends SqlStoreDocument {
  /** The mirror store (only with `ha: "mirroring"`). */
  readonly mirror?: SqlStoreDocument
  /** Back End high-availability mode; `"none"` when absent. */
  readonly ha?: BackEndHa
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
  /** Pool FQDN (any case, optional trailing dot). */
  readonly fqdn: string
  /** Name of a site of `sites`. */
  readonly site: string
  /** Enterprise pool or Standard Edition server. */
  readonly edition: Edition
  /** Product version; `"2015"` when absent. */
  readonly version?: ProductVersion
  /** Physical or virtual servers; `"physical"` when absent. */
  readonly hosting?: Hosting
  /** Base operating system, free text, compared between paired pools. */
  readonly os?: string
  /** Front End server FQDNs in Topology Builder order; one (the pool itself) for Standard. */
  readonly frontEnds: ReadonlyArray<string>
  /** Back End store; required for Enterprise pools. */
  readonly backEnd?: BackEndDocument
  /** Edge pool associated for media, an FQDN of `edgePools`. */
  readonly edgePool?: string
}

/**
 * An Edge pool. `federation` and `xmpp` default to `false`.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface EdgePoolDocument {
  /** Edge pool FQDN. */
  readonly fqdn: string
  /** Name of a site of `sites`. */
  readonly site: string
  /** The Front End pool it forwards to (the `-Registrar` of `Set-CsEdgeServer`). */
  readonly nextHop: string
  /** Whether it carries SfB federation (port 5061); at most one Edge pool does. */
  readonly federation?: boolean
  /** Whether it carries XMPP federation. */
  readonly xmpp?: boolean
}

/**
 * A user and the pool it is homed on.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface UserDocument {
  /** `sip:local@domain`, compared case-insensitively; unique. */
  readonly sipAddress: string
  /** FQDN of the pool the user is homed on (`RegistrarPool`). */
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
  /** Sites (data centers). */
  readonly sites: ReadonlyArray<SiteDocument>
  /** Front End pools. */
  readonly pools: ReadonlyArray<PoolDocument>
  /** Pairs of Front End pools backing each other up; may be empty. */
  readonly pairings: ReadonlyArray<readonly [string, string]>
  /** Edge pools; none when absent. */
  readonly edgePools?: ReadonlyArray<EdgePoolDocument>
  /** The pool whose Back End hosts the Central Management Store. */
  readonly centralManagementStore: {
    /** FQDN of the CMS pool. */
    readonly pool: string
  }
  /** Users and their home pools; none when absent. */
  readonly users?: ReadonlyArray<UserDocument>
}

/**
 * Observed status of a pool; a missing field means healthy (reachable, every Front End running).
 *
 * @category codecs
 * @since 0.1.0
 */
export interface PoolStatusDocument {
  /** Whether the pool is up; `true` when absent. */
  readonly reachable?: boolean
  /** Front End servers running; all of them when absent. */
  readonly frontEndsRunning?: number
  /** The Front End servers (of this pool) that do not run: another way to say `frontEndsRunning`. */
  readonly stoppedFrontEnds?: ReadonlyArray<string>
  /** Back End health (contract §9); principal `Primary` and nothing down when absent. */
  readonly backEnd?: BackEndStatusDocument
}

/**
 * The principal Back End server per database; a database not named has `"Primary"`.
 *
 * @category codecs
 * @since 0.2.0
 */
export interface DatabasePrincipalsDocument {
  /** Principal of the User database. */
  readonly User?: BackEndServer
  /** Principal of the CentralMgmt database. */
  readonly CentralMgmt?: BackEndServer
}

/**
 * Observed Back End health of a pool: the principal server, for every database (a string) or per
 * database, and the servers that are down.
 *
 * @category codecs
 * @since 0.2.0
 */
export interface BackEndStatusDocument {
  /** `"Primary"` (default) or `"Mirror"` for all databases, or per database. */
  readonly principal?: BackEndServer | DatabasePrincipalsDocument
  /** The servers that are down (`"Mirror"` only with a mirror). */
  readonly down?: ReadonlyArray<BackEndServer>
}

/**
 * Observed status of an Edge pool; missing means reachable, forwarding to its topology next hop.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface EdgePoolStatusDocument {
  /** Whether the Edge pool is up; `true` when absent. */
  readonly reachable?: boolean
  /** The pool it forwards to now; its topology next hop when absent. */
  readonly nextHop?: string
}

/**
 * A failed-over HOME pool; `mode` defaults to `"disaster"` (the cautious reading).
 *
 * @category codecs
 * @since 0.1.0
 */
export interface FailoverDocument {
  /** The HOME pool whose users its partner now services (`-PoolFqdn`). */
  readonly pool: string
  /** How it was failed over; `"disaster"` when absent. */
  readonly mode?: FailoverMode
}

/**
 * Backup Service status of the direction `pool` → its partner.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface BackupServiceDocument {
  /** Source pool of the direction. */
  readonly pool: string
  /** Last observed export state. */
  readonly exportState?: ExportState
  /** Last observed import state. */
  readonly importState?: ImportState
  /** ISO 8601 date-time with `Z` or an offset, such as `2026-11-25T10:00:00Z`. */
  readonly lastSyncAt?: string
}

/**
 * The state document (`decodeState`, `encodeState`). Every field is optional: what is missing is
 * as the topology configures it, healthy. `federationEdgePool: null` says that no Edge pool
 * carries federation now; leaving it out means the topology's federation Edge pool (likewise
 * `xmppEdgePool` and each entry of `mediaEdgePools`).
 *
 * @category codecs
 * @since 0.1.0
 */
export interface StateDocument {
  /** Pool status by FQDN. */
  readonly pools?: { readonly [fqdn: string]: PoolStatusDocument }
  /** Failed-over home pools. */
  readonly failovers?: ReadonlyArray<FailoverDocument>
  /** CMS status: the active master pool and whether the CMS is available. */
  readonly centralManagementStore?: {
    /** The pool holding the active master; the topology's CMS pool when absent. */
    readonly activeMaster?: string
    /** `false` when the CMS is known to be unavailable; `true` when absent. */
    readonly available?: boolean
  }
  /** Edge pool status by FQDN. */
  readonly edgePools?: { readonly [fqdn: string]: EdgePoolStatusDocument }
  /** The Edge pool carrying federation now, or `null` for none. */
  readonly federationEdgePool?: string | null
  /**
   * The Edge pool the XMPP federation route points at now, or `null` for none; the topology's
   * Edge pool with `xmpp: true` when absent.
   *
   * @since 0.2.0
   */
  readonly xmppEdgePool?: string | null
  /**
   * The Edge pool each Front End pool uses for media now, by pool FQDN (`null`: none); a pool
   * left out uses its topology `edgePool`.
   *
   * @since 0.2.0
   */
  readonly mediaEdgePools?: { readonly [fqdn: string]: string | null }
  /** Backup Service status per direction. */
  readonly backupService?: ReadonlyArray<BackupServiceDocument>
  /** The global Backup Service settings; `syncInterval` `"00:02:00"` when absent. */
  readonly backupServiceConfiguration?: {
    /** `hh:mm:ss` from `00:00:05` to `03:00:00` (`Set-CsBackupServiceConfiguration -SyncInterval`). */
    readonly syncInterval?: string
  }
}
