/**
 * The deployment as configured in Topology Builder: sites, Front End pools, pairings, Edge pools,
 * the Central Management Store and user homing.
 *
 * Laws:
 * - Pairing is symmetric and 1:1: `partnerOf(t, a) = some(b)` iff `partnerOf(t, b) = some(a)`.
 * - `index.userCounts.get(p)` is the number of users whose home pool is `p` (absent means 0);
 *   it is computed once, when the topology is built, and nothing afterwards walks the users.
 * - The queries (`findPool`, `findEdgePool`, `partnerOf`, `usersHomedOn`) never throw: they
 *   answer `none` or `0` for a topology that is not a decoded one (raw JSON, `null`, a proxy).
 *
 * @module
 */
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type { EdgePoolFqdn, Fqdn, PoolFqdn, SipAddress, SiteName, SqlInstanceName } from './identifiers.js'
import { countOf, orElse } from './total.js'
import { makeUserDirectory, UserDirectory } from './userDirectory.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A topology site (usually one data center).
 *
 * @category model
 * @since 0.1.0
 */
export interface Site {
  /** The site name as in Topology Builder. */
  readonly name: SiteName
}

/**
 * Front End pool edition: an Enterprise pool (Front Ends + separate Back End SQL) or a Standard
 * Edition server (one server with local SQL Express).
 *
 * @category model
 * @since 0.1.0
 */
export type Edition = 'Enterprise' | 'Standard'

/**
 * Product version of a pool.
 *
 * @category model
 * @since 0.1.0
 */
export type ProductVersion = '2015' | '2019'

/**
 * Whether the pool's servers are physical or virtual machines.
 *
 * @category model
 * @since 0.1.0
 */
export type Hosting = 'physical' | 'virtual'

/**
 * Back End high-availability mode.
 *
 * @category model
 * @since 0.1.0
 */
export type BackEndHa = 'none' | 'mirroring' | 'alwaysOn' | 'failoverCluster'

/**
 * A SQL Server instance: server FQDN and instance name.
 *
 * @category model
 * @since 0.1.0
 */
export interface SqlStore {
  /** FQDN of the SQL server. */
  readonly sqlServer: Fqdn
  /** SQL instance name (for example `rtc`). */
  readonly instance: SqlInstanceName
}

/**
 * A pool's Back End store, with its mirror when `ha` is `mirroring`.
 *
 * @category model
 * @since 0.1.0
 */
export interface BackEnd extends SqlStore {
  /** The mirror, present only with `ha: "mirroring"`. */
  readonly mirror?: SqlStore
  /** The Back End HA mode. */
  readonly ha: BackEndHa
}

/**
 * A Front End pool (Enterprise pool or Standard Edition server).
 *
 * @category model
 * @since 0.1.0
 */
export interface Pool {
  /** Pool FQDN, also its Registrar identity. */
  readonly fqdn: PoolFqdn
  /** The site the pool belongs to. */
  readonly site: SiteName
  /** Enterprise or Standard Edition. */
  readonly edition: Edition
  /** Product version; `"2015"` when the document does not say. */
  readonly version: ProductVersion
  /** Physical or virtual; `"physical"` when the document does not say. */
  readonly hosting: Hosting
  /** Base operating system, free text, compared exactly between paired pools. */
  readonly os?: string
  /** Front End servers in Topology Builder order (the order matters for quorum). */
  readonly frontEnds: RNEA.ReadonlyNonEmptyArray<Fqdn>
  /** Back End store; a Standard Edition server's defaults to itself, instance `rtc`. */
  readonly backEnd: BackEnd
  /** Edge pool associated for media, if any. */
  readonly edgePool?: EdgePoolFqdn
}

/**
 * Two paired Front End pools that back each other up.
 *
 * @category model
 * @since 0.1.0
 */
export type Pairing = readonly [PoolFqdn, PoolFqdn]

/**
 * An Edge pool.
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgePool {
  /** Edge pool FQDN. */
  readonly fqdn: EdgePoolFqdn
  /** The site the Edge pool belongs to. */
  readonly site: SiteName
  /** The Front End pool the Edge forwards to, as configured in the topology. */
  readonly nextHop: PoolFqdn
  /** Whether this Edge pool carries SfB federation (port 5061); at most one does. */
  readonly federation: boolean
  /** Whether this Edge pool carries XMPP federation. */
  readonly xmpp: boolean
}

/**
 * Where the Central Management Store lives: the pool whose Back End hosts it.
 *
 * @category model
 * @since 0.1.0
 */
export interface CentralManagementStore {
  /** The pool hosting the CMS (its partner, if any, holds the standby). */
  readonly pool: PoolFqdn
}

/**
 * Lookup tables derived from the topology when it is built. They are pure functions of the
 * other fields, so two topologies with equal fields have equal indexes.
 *
 * @category model
 * @since 0.1.0
 */
export interface TopologyIndex {
  /** Pools by FQDN. */
  readonly pools: ReadonlyMap<PoolFqdn, Pool>
  /** Each paired pool's partner. */
  readonly partners: ReadonlyMap<PoolFqdn, PoolFqdn>
  /** Edge pools by FQDN. */
  readonly edgePools: ReadonlyMap<EdgePoolFqdn, EdgePool>
  /** Number of users homed on each pool (pools without users are absent). */
  readonly userCounts: ReadonlyMap<PoolFqdn, number>
}

/**
 * A decoded, validated deployment. Build one with `decodeTopology` (from JSON) or
 * {@link makeTopology} (from already-valid parts).
 *
 * @category model
 * @since 0.1.0
 */
export interface Topology {
  /** Sites, in document order. */
  readonly sites: ReadonlyArray<Site>
  /** Front End pools, in document order. */
  readonly pools: ReadonlyArray<Pool>
  /** Pool pairings, in document order. */
  readonly pairings: ReadonlyArray<Pairing>
  /** Edge pools, in document order. */
  readonly edgePools: ReadonlyArray<EdgePool>
  /** The Central Management Store. */
  readonly centralManagementStore: CentralManagementStore
  /**
   * Users: SIP address → home pool, in document order. A compact read-only map (a million users
   * fit in a fraction of what a `Map` takes to build); `new Map(topology.users)` copies it.
   */
  readonly users: UserDirectory
  /** Derived lookup tables. */
  readonly index: TopologyIndex
}

/**
 * The parts of a topology, without its derived index; `users` may be any read-only map (it is
 * turned into a {@link UserDirectory}).
 *
 * @category model
 * @since 0.1.0
 */
export type TopologyParts = Omit<Topology, 'index' | 'users'> & {
  /** Users: SIP address → home pool. */
  readonly users: ReadonlyMap<SipAddress, PoolFqdn>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Counts the users homed on each pool (one pass over the users).
 *
 * @example
 * import { countUsersPerPool } from 'sfb-dr'
 *
 * countUsersPerPool(contoso.users)
 * // => Map { 'pool1.contoso.com' => 2, 'pool2.contoso.com' => 1, 'se1.contoso.com' => 1 }
 *
 * @category constructors
 * @since 0.1.0
 */
export const countUsersPerPool = (users: ReadonlyMap<SipAddress, PoolFqdn>): ReadonlyMap<PoolFqdn, number> => {
  const counts = new Map<PoolFqdn, number>()
  for (const pool of users.values()) counts.set(pool, (counts.get(pool) ?? 0) + 1)
  return counts
}

/**
 * Builds a topology from parts that are already valid (every reference resolves, no duplicates),
 * computing its index. `decodeTopology` is the checked way in; use this one for data you built
 * yourself. `userCounts` may be passed when already known, to skip the pass over the users.
 *
 * @example
 * import { makeTopology, partnerOf } from 'sfb-dr'
 *
 * // Contoso without its pairing: the index is computed again from the parts
 * const unpaired = makeTopology({ ...contoso, pairings: [] })
 * contoso.pools.map((p) => partnerOf(unpaired, p.fqdn)) // => [none, none, none]
 * unpaired.index.userCounts.get(contoso.centralManagementStore.pool) // => 2 (pool1's users)
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeTopology = (parts: TopologyParts, userCounts?: ReadonlyMap<PoolFqdn, number>): Topology => {
  const partners = new Map<PoolFqdn, PoolFqdn>()
  for (const [a, b] of parts.pairings) {
    partners.set(a, b)
    partners.set(b, a)
  }
  const users = parts.users instanceof UserDirectory ? parts.users : makeUserDirectory(parts.users)
  // Plain loops, no intermediate [key, value] tuples: this runs right after JSON.parse on large
  // documents, where every young-generation allocation risks a scavenge of the parsed document.
  const pools = new Map<PoolFqdn, Pool>()
  for (const p of parts.pools) pools.set(p.fqdn, p)
  const edgePools = new Map<EdgePoolFqdn, EdgePool>()
  for (const e of parts.edgePools) edgePools.set(e.fqdn, e)
  return {
    ...parts,
    users,
    index: {
      pools,
      partners,
      edgePools,
      userCounts: userCounts ?? countUsersPerPool(users),
    },
  }
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The pool with this (normalized) FQDN.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { findPool, parseFqdn } from 'sfb-dr'
 *
 * pipe(parseFqdn('Pool2.Contoso.com'), O.chain((fqdn) => findPool(contoso, fqdn)), O.map((pool) => pool.site))
 * // => some('Dublin')
 *
 * @category operations
 * @since 0.1.0
 */
export const findPool = (topology: Topology, fqdn: PoolFqdn): O.Option<Pool> =>
  orElse(() => O.fromNullable(topology.index.pools.get(fqdn)), O.none)

/**
 * The Edge pool with this (normalized) FQDN.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { findEdgePool, parseFqdn } from 'sfb-dr'
 *
 * pipe(parseFqdn('edge1.contoso.com'), O.chain((fqdn) => findEdgePool(contoso, fqdn)), O.map((edge) => edge.nextHop))
 * // => some('pool1.contoso.com')
 *
 * @category operations
 * @since 0.1.0
 */
export const findEdgePool = (topology: Topology, fqdn: EdgePoolFqdn): O.Option<EdgePool> =>
  orElse(() => O.fromNullable(topology.index.edgePools.get(fqdn)), O.none)

/**
 * The backup pool paired with `pool`, if any.
 *
 * @example
 * import { partnerOf } from 'sfb-dr'
 *
 * contoso.pools.map((p) => partnerOf(contoso, p.fqdn))
 * // => [some('pool2.contoso.com'), some('pool1.contoso.com'), none]: pool1, pool2, se1 (unpaired)
 *
 * @category operations
 * @since 0.1.0
 */
export const partnerOf = (topology: Topology, pool: PoolFqdn): O.Option<PoolFqdn> =>
  orElse(() => O.fromNullable(topology.index.partners.get(pool)), O.none)

/**
 * Number of users homed on `pool` (0 for unknown pools). Constant time.
 *
 * @example
 * import { usersHomedOn } from 'sfb-dr'
 *
 * contoso.pools.map((p) => usersHomedOn(contoso, p.fqdn)) // => [2, 1, 1]: pool1, pool2, se1
 *
 * @category operations
 * @since 0.1.0
 */
export const usersHomedOn = (topology: Topology, pool: PoolFqdn): number =>
  orElse(() => countOf(topology.index.userCounts.get(pool)), 0)
