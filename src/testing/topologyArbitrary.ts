/**
 * fast-check arbitraries of valid topologies (`sfb-dr/testing/arbitraries`).
 *
 * Laws:
 * - Every generated value is valid: it is built through the real constructors (`parseFqdn`,
 *   `parseSiteName`, …, `makeTopology`), so FQDNs and SIP addresses are lower-case, every reference
 *   resolves, pairings are 1:1, at most one Edge pool carries federation and SIP addresses are unique.
 * - Generation is deterministic for a given fast-check seed (no `Math.random`, no clock).
 *
 * @module
 */
import * as fc from 'fast-check'
import * as O from 'fp-ts/lib/Option.js'
import * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import {
  parseFqdn,
  parseSipAddress,
  parseSiteName,
  parseSqlInstanceName,
  type Fqdn,
  type PoolFqdn,
  type SipAddress,
  type SiteName,
  type SqlInstanceName,
} from '../model/identifiers.js'
import { makeUserDirectory } from '../model/userDirectory.js'
import {
  makeTopology,
  type BackEnd,
  type BackEndHa,
  type EdgePool,
  type Edition,
  type Hosting,
  type Pairing,
  type Pool,
  type ProductVersion,
  type Topology,
} from '../model/topology.js'

// -------------------------------------------------------------------------------------
// options
// -------------------------------------------------------------------------------------

/**
 * Size limits of generated topologies. Every limit is inclusive.
 *
 * @category arbitraries
 * @since 0.1.0
 */
export interface TopologyArbitraryOptions {
  /** Most pool pairings (default 3). */
  readonly maxPairs?: number
  /** Most unpaired pools (default 2). At least one pool is always generated. */
  readonly maxUnpaired?: number
  /** Most users homed on one pool (default 4). */
  readonly maxUsersPerPool?: number
  /** Most Edge pools (default 2). */
  readonly maxEdgePools?: number
  /** Most sites (default 3; at least one). */
  readonly maxSites?: number
  /**
   * Put the two pools of every pair in different sites whenever there are two sites or more, as
   * Microsoft's disaster recovery design has it (two data centers), so that whole sites can be
   * failed over (default `false`: sites are drawn freely, same-site pairs included).
   *
   * @since 0.2.0
   */
  readonly pairsAcrossSites?: boolean
}

// -------------------------------------------------------------------------------------
// identifiers (through the real parsers: a failure here is a bug of this module)
// -------------------------------------------------------------------------------------

const parsed =
  <A>(what: string, parse: (s: string) => O.Option<A>) =>
  (s: string): A => {
    const o = parse(s)
    if (O.isSome(o)) return o.value
    throw new TypeError(`sfb-dr/testing/arbitraries generated an invalid ${what}: ${JSON.stringify(s)}`)
  }
const fqdn = parsed('FQDN', parseFqdn)
const sip = parsed('SIP address', parseSipAddress)
const siteName = parsed('site name', parseSiteName)
const sqlInstance = parsed('SQL instance name', parseSqlInstanceName)

const labelArbitrary = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/)
const domainArbitrary = fc
  .tuple(labelArbitrary, fc.constantFrom('com', 'net', 'org', 'local', 'co.uk'))
  .map(([label, tld]) => `${label}.${tld}`)
const siteNameArbitrary = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,15}$/).map(siteName)
const instanceArbitrary = fc.oneof(
  { arbitrary: fc.constant('rtc'), weight: 3 },
  { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$]{0,15}$/), weight: 1 },
)
const osArbitrary = fc.option(
  fc.constantFrom('Windows Server 2012 R2', 'Windows Server 2016', 'Windows Server 2019', 'Windows Server 2022'),
  { nil: undefined },
)
/** Records with `Object.prototype`, like the objects the decoders build (fast-check may omit it). */
/** @internal */
export const plain = { noNullPrototype: true } as const
/** @internal */
export const weighted = <A>(likely: A, unlikely: ReadonlyArray<A>): fc.Arbitrary<A> =>
  fc.oneof({ arbitrary: fc.constant(likely), weight: 3 }, { arbitrary: fc.constantFrom(...unlikely), weight: 1 })

// -------------------------------------------------------------------------------------
// topology
// -------------------------------------------------------------------------------------

interface Shape {
  readonly pairs: number
  readonly unpaired: number
  readonly edges: number
  readonly sites: number
}

interface PoolSpec {
  readonly edition: Edition
  readonly version: ProductVersion
  readonly hosting: Hosting
  readonly os: string | undefined
  readonly frontEnds: number
  readonly ha: BackEndHa
  readonly mirror: boolean
  readonly instance: string
  readonly site: number
  readonly edgePool: number | undefined
  readonly users: number
}

interface EdgeSpec {
  readonly site: number
  readonly nextHop: number
  readonly xmpp: boolean
}

interface TopologySpec {
  readonly domain: string
  readonly sites: ReadonlyArray<SiteName>
  readonly pools: ReadonlyArray<PoolSpec>
  readonly flips: ReadonlyArray<boolean>
  readonly pairingOrder: ReadonlyArray<number>
  readonly poolOrder: ReadonlyArray<number>
  readonly edges: ReadonlyArray<EdgeSpec>
  readonly federation: number | undefined
  readonly cms: number
  readonly pairsAcrossSites: boolean
}

const indexBelow = (n: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: Math.max(0, n - 1) })
const optionalIndexBelow = (n: number): fc.Arbitrary<number | undefined> =>
  n === 0 ? fc.constant(undefined) : fc.option(indexBelow(n), { nil: undefined })
const permutation = (n: number): fc.Arbitrary<ReadonlyArray<number>> =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  )

const poolSpecArbitrary = (shape: Shape, maxUsers: number): fc.Arbitrary<PoolSpec> =>
  fc.record({
    edition: weighted<Edition>('Enterprise', ['Standard']),
    version: fc.constantFrom<ProductVersion>('2015', '2019'),
    hosting: weighted<Hosting>('physical', ['virtual']),
    os: osArbitrary,
    frontEnds: fc.integer({ min: 1, max: 16 }),
    ha: fc.constantFrom<BackEndHa>('none', 'mirroring', 'alwaysOn', 'failoverCluster'),
    mirror: fc.boolean(),
    instance: instanceArbitrary,
    site: indexBelow(shape.sites),
    edgePool: optionalIndexBelow(shape.edges),
    users: fc.integer({ min: 0, max: maxUsers }),
  })

const specArbitrary = (shape: Shape, maxUsers: number, pairsAcrossSites: boolean): fc.Arbitrary<TopologySpec> => {
  const poolCount = shape.pairs * 2 + shape.unpaired
  return fc.record({
    domain: domainArbitrary,
    sites: fc.uniqueArray(siteNameArbitrary, { minLength: shape.sites, maxLength: shape.sites }),
    pools: fc.array(poolSpecArbitrary(shape, maxUsers), { minLength: poolCount, maxLength: poolCount }),
    flips: fc.array(fc.boolean(), { minLength: shape.pairs, maxLength: shape.pairs }),
    pairingOrder: permutation(shape.pairs),
    poolOrder: permutation(poolCount),
    edges: fc.array(fc.record({ site: indexBelow(shape.sites), nextHop: indexBelow(poolCount), xmpp: fc.boolean() }), {
      minLength: shape.edges,
      maxLength: shape.edges,
    }),
    federation: optionalIndexBelow(shape.edges),
    cms: indexBelow(poolCount),
    pairsAcrossSites: fc.constant(pairsAcrossSites),
  })
}

const siteAt = (spec: TopologySpec, i: number): SiteName => spec.sites[i % spec.sites.length] ?? siteName('Site')

const backEndOf = (spec: PoolSpec, i: number, self: PoolFqdn, domain: string): BackEnd => {
  if (spec.edition === 'Standard') return { sqlServer: self, instance: sqlInstance('rtc'), ha: 'none' }
  const instance: SqlInstanceName = sqlInstance(spec.instance)
  return spec.ha === 'mirroring' && spec.mirror
    ? { sqlServer: fqdn(`sql${i}.${domain}`), instance, mirror: { sqlServer: fqdn(`sql${i}m.${domain}`), instance }, ha: spec.ha }
    : { sqlServer: fqdn(`sql${i}.${domain}`), instance, ha: spec.ha }
}

/**
 * The site index of pool `i`: as drawn, except that with `pairsAcrossSites` the second pool of a
 * pair moves to another site than the first (when there are two sites or more).
 */
const siteIndexOf = (spec: TopologySpec, i: number, pairs: number): number => {
  const own = spec.pools[i]?.site ?? 0
  const n = spec.sites.length
  if (!spec.pairsAcrossSites || n < 2 || i >= pairs * 2 || i % 2 === 0) return own
  const first = (spec.pools[i - 1]?.site ?? 0) % n
  return (first + 1 + (own % (n - 1))) % n
}

const poolOf = (spec: TopologySpec, p: PoolSpec, i: number, edges: ReadonlyArray<EdgePool>): Pool => {
  const self = fqdn(p.edition === 'Standard' ? `se${i}.${spec.domain}` : `pool${i}.${spec.domain}`)
  const servers: RNEA.ReadonlyNonEmptyArray<Fqdn> =
    p.edition === 'Standard'
      ? [self]
      : RNEA.makeBy((j) => fqdn(`fe${i}-${j}.${spec.domain}`))(Math.max(1, p.frontEnds))
  const edge = p.edgePool === undefined ? undefined : edges[p.edgePool]
  return {
    fqdn: self,
    site: siteAt(spec, siteIndexOf(spec, i, spec.flips.length)),
    edition: p.edition,
    version: p.version,
    hosting: p.hosting,
    ...(p.os === undefined ? {} : { os: p.os }),
    frontEnds: servers,
    backEnd: backEndOf(p, i, self, spec.domain),
    ...(edge === undefined ? {} : { edgePool: edge.fqdn }),
  }
}

const poolNameOf = (spec: TopologySpec, i: number): PoolFqdn =>
  fqdn(spec.pools[i]?.edition === 'Standard' ? `se${i}.${spec.domain}` : `pool${i}.${spec.domain}`)

const topologyOf = (spec: TopologySpec): Topology => {
  const edges: ReadonlyArray<EdgePool> = spec.edges.map((e, k) => ({
    fqdn: fqdn(`edge${k}.${spec.domain}`),
    site: siteAt(spec, e.site),
    nextHop: poolNameOf(spec, e.nextHop),
    federation: spec.federation === k,
    xmpp: e.xmpp,
  }))
  const generated = spec.pools.map((p, i) => poolOf(spec, p, i, edges))
  const pools = spec.poolOrder.flatMap((i) => (generated[i] === undefined ? [] : [generated[i]]))
  const pairings = spec.pairingOrder.map((k): Pairing => {
    const a = poolNameOf(spec, 2 * k)
    const b = poolNameOf(spec, 2 * k + 1)
    return spec.flips[k] === true ? [b, a] : [a, b]
  })
  const users: Array<readonly [SipAddress, PoolFqdn]> = []
  spec.pools.forEach((p, i) => {
    for (let j = 0; j < p.users; j++) users.push([sip(`sip:user${String(i)}.${String(j)}@${spec.domain}`), poolNameOf(spec, i)])
  })
  return makeTopology({
    sites: spec.sites.map((name) => ({ name })),
    pools,
    pairings,
    edgePools: edges,
    centralManagementStore: { pool: poolNameOf(spec, spec.cms) },
    users: makeUserDirectory(users),
  })
}

/**
 * Valid topologies: 1+ sites, Enterprise and Standard pools (2015/2019, physical/virtual, 1–16
 * Front Ends, every Back End HA mode, mirrors only with mirroring), pairings with some pools left
 * unpaired, Edge pools with a next hop (at most one with federation), a CMS pool and users with
 * unique SIP addresses. Names are lower-case; site names and SQL instance names vary in case. The
 * users are a `UserDirectory`, as `decodeTopology` gives them, so that decoded topologies compare
 * equal to generated ones.
 *
 * @example
 * import fc from 'fast-check'
 * import * as O from 'fp-ts/lib/Option.js'
 * import { partnerOf } from 'sfb-dr'
 * import { topologyArbitrary } from 'sfb-dr/testing/arbitraries'
 *
 * // Pairing is symmetric, in every generated topology
 * fc.assert(
 *   fc.property(topologyArbitrary({ maxPairs: 2 }), (t) =>
 *     t.pairings.every(([a, b]) => O.exists((p) => p === a)(partnerOf(t, b)) && O.exists((p) => p === b)(partnerOf(t, a))),
 *   ),
 * )
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const topologyArbitrary = (options: TopologyArbitraryOptions = {}): fc.Arbitrary<Topology> => {
  const maxUsers = options.maxUsersPerPool ?? 4
  return fc
    .record({
      pairs: fc.integer({ min: 0, max: options.maxPairs ?? 3 }),
      unpaired: fc.integer({ min: 0, max: options.maxUnpaired ?? 2 }),
      edges: fc.integer({ min: 0, max: options.maxEdgePools ?? 2 }),
      sites: fc.integer({ min: 1, max: Math.max(1, options.maxSites ?? 3) }),
    })
    .map((s): Shape => (s.pairs + s.unpaired === 0 ? { ...s, unpaired: 1 } : s))
    .chain((shape) => specArbitrary(shape, maxUsers, options.pairsAcrossSites ?? false))
    .map(topologyOf)
}

