/**
 * The topology document codec (contract §4.1): `decodeTopology` and `encodeTopology`.
 *
 * Laws:
 * - `decodeTopology(encodeTopology(t))` deep-equals `right(t)` for every topology `t` whose users
 *   are a {@link UserDirectory} (which `decodeTopology` itself produces).
 * - `decodeTopology` never throws and never mutates its input; on failure it reports every
 *   problem it finds, each with the JSON path of the value concerned.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'
import type { PoolFqdn } from '../model/identifiers.js'
import type { DecodeProblem } from '../model/problem.js'
import { makeTopology, type Topology } from '../model/topology.js'
import type { TopologyDocument } from './documents.js'
import { field, isFields, itemAt, lengthOf, open, reject, type Errors, type Fields } from './fields.js'
import { PoolLookup } from './poolLookup.js'
import { decodePool, encodePool } from './pools.js'
import { decodeWith, problemError, UNREADABLE } from './problems.js'
import { itemsOf, readableEdgePool, readablePool, type PoolItem } from './readable.js'
import { checkReferences, poolsKnown } from './references.js'
import { decodeCentralManagementStore, decodeEdgePool, decodePair, decodeSite, encodeEdgePool } from './sections.js'
import { TOPOLOGY_FIELDS } from './shapes.js'
import { usersCodec } from './users.js'

/** The items that decoded; `list` itself when they all did (the valid path copies nothing). */
const present = <A>(list: ReadonlyArray<A | undefined>): ReadonlyArray<A> => {
  if (complete(list)) return list
  const out: Array<A> = []
  for (const x of list) if (x !== undefined) out.push(x)
  return out
}

const complete = <A>(list: ReadonlyArray<A | undefined>): list is ReadonlyArray<A> => {
  for (let i = 0; i < list.length; i++) if (list[i] === undefined) return false
  return true
}

/** The `fqdn` a raw pool item spells out (own field only), if it can be read. */
const writtenFqdn = (item: unknown): unknown => (isFields(item) ? field(item, 'fqdn') : undefined)

/** Pools by slot for the user lookup, and the other spellings the document uses for them. */
const lookupOf = (raw: ReadonlyArray<unknown>, items: ReadonlyArray<PoolItem>): PoolLookup => {
  const pools = new Array<PoolFqdn>(items.length)
  let count = 0
  const spellings: Array<readonly [string, number]> = []
  for (let i = 0; i < items.length; i++) {
    const name = items[i]?.fqdn
    if (name === undefined) continue
    const written = writtenFqdn(itemAt(raw, i))
    if (typeof written === 'string' && written !== name) spellings.push([written, count])
    pools[count++] = name
  }
  if (count < pools.length) pools.length = count
  return new PoolLookup(pools, spellings)
}

type ItemDecoder<A> = (errors: Errors, u: unknown, c: t.Context, i: number) => A | undefined

const section = <A>(
  errors: Errors,
  doc: Fields,
  c: t.Context,
  key: string,
  decode: ItemDecoder<A>,
  expected: string,
): ReadonlyArray<A | undefined> | undefined => {
  const raw = field(doc, key)
  const list: ReadonlyArray<unknown> | undefined = Array.isArray(raw) ? raw : undefined
  const n = list === undefined ? -1 : lengthOf(list)
  if (list === undefined || n < 0) {
    reject(errors, expected, list === undefined ? raw : UNREADABLE, c, key)
    return undefined
  }
  const here = t.appendContext(c, key, t.UnknownArray, raw)
  const out = new Array<A | undefined>(n)
  for (let i = 0; i < n; i++) out[i] = decode(errors, itemAt(list, i), here, i)
  return out
}

const validateTopology = (input: unknown, c: t.Context): t.Validation<Topology> => {
  if (!isFields(input)) return t.failure(input, c, 'a topology document (an object)')
  const errors: Errors = []
  const u = open(errors, input, TOPOLOGY_FIELDS, c)
  const sites = section(errors, u, c, 'sites', decodeSite, 'an array of sites { name }')
  const pools = section(errors, u, c, 'pools', decodePool, 'an array of pools')
  const pairings = section(errors, u, c, 'pairings', decodePair, 'an array of pairings (pairs of pool FQDNs; may be empty)')
  const edgePools =
    field(u, 'edgePools') === undefined ? [] : section(errors, u, c, 'edgePools', decodeEdgePool, 'an array of Edge pools')
  const centralManagementStore = decodeCentralManagementStore(errors, field(u, 'centralManagementStore'), c)
  const givenPools = field(u, 'pools')
  const givenEdges = field(u, 'edgePools')
  const rawPools: ReadonlyArray<unknown> = Array.isArray(givenPools) ? givenPools : []
  const rawEdges: ReadonlyArray<unknown> = Array.isArray(givenEdges) ? givenEdges : []
  const poolItems = pools === undefined ? undefined : complete(pools) ? pools : itemsOf(pools, rawPools, readablePool)
  const sections = {
    sites,
    pools: poolItems,
    pairings,
    edgePools:
      edgePools === undefined ? undefined : complete(edgePools) ? edgePools : itemsOf(edgePools, rawEdges, readableEdgePool),
    centralManagementStore,
  }
  for (const problem of checkReferences(sections)) errors.push(problemError(problem, undefined, c))
  const lookup = poolItems !== undefined && poolsKnown(sections) ? lookupOf(rawPools, poolItems) : undefined
  const usersType = usersCodec(lookup)
  const users = usersType.validate(field(u, 'users'), t.appendContext(c, 'users', usersType, field(u, 'users')))
  if (users._tag === 'Left') for (const e of users.left) errors.push(e)
  if (errors.length > 0 || users._tag === 'Left') return t.failures(errors)
  if (sites === undefined || pools === undefined || pairings === undefined || edgePools === undefined) return t.failures(errors)
  if (centralManagementStore === undefined) return t.failures(errors)
  const parts = {
    sites: present(sites),
    pools: present(pools),
    pairings: present(pairings),
    edgePools: present(edgePools),
    centralManagementStore,
    users: users.right.users,
  }
  return t.success(makeTopology(parts, users.right.userCounts))
}

/**
 * The io-ts decoder of topology documents (internal: io-ts stays out of the public API). Its
 * `encode` is the identity: encoding is {@link encodeTopology}, kept apart so that a bundle that
 * only decodes does not carry it.
 *
 * @category internal
 * @since 0.1.0
 */
export const topologyCodec = new t.Type<Topology, Topology>(
  'a topology document',
  (u): u is Topology => isFields(u) && isFields(u['index']),
  validateTopology,
  t.identity,
)

/**
 * Decodes a topology document (contract §4.1): validates every field, normalizes identifiers
 * (FQDNs and SIP addresses lower-case, no trailing dot), fills the defaults and checks every
 * reference, then indexes the users per home pool.
 *
 * **Details**: fields the document type does not define are refused (`UnknownField`, with the
 * nearest known name), never ignored; only a top-level `$schema` string is allowed. Every problem found is reported, each with the
 * JSON path of the value concerned (`pools[0].fqdn`, `pairings[1][0]`, `users[12].homePool`); a
 * pool or Edge pool with a bad field still has its readable site, Edge pool, next hop, federation
 * flag and servers checked against the rest of the document:
 * `InvalidInput` (with what was expected and a short rendering of what was found),
 * `UnknownReference`, `DuplicateName`, `PoolInTwoPairings`, `PoolPairedWithItself`,
 * `PairingMemberNotFrontEndPool`, `EdgeNextHopNotPool`, `MultipleFederationEdgePools`,
 * `UnknownField`. Only own fields are read (a polluted `Object.prototype` changes nothing); a
 * field whose read throws is reported at its path, with every other problem.
 *
 * **Gotchas**: never throws, whatever the input (`null`, cycles, huge strings, `__proto__` keys,
 * getters that throw); the input is only read, never modified. The users of the result are a
 * compact read-only map (a `UserDirectory`), not a built-in `Map`.
 *
 * @example
 * import { readFileSync } from 'node:fs'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeTopology, formatProblem, parseDocumentText } from 'sfb-dr'
 *
 * const topology = pipe(parseDocumentText(readFileSync('examples/data/contoso.topology.json')), E.chainW(decodeTopology))
 * pipe(topology, E.map((t) => [t.pools.length, t.edgePools.length, t.users.size])) // => right([3, 2, 4])
 * pipe(decodeTopology({ pools: [{ fqdn: 'pool1' }] }), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['sites: expected an array of sites { name }, found nothing.',
 * //          'pools[0].fqdn: expected an FQDN (two or more dot-separated labels of letters, digits and inner hyphens), found "pool1".',
 * //          …])
 * // (one sentence per problem, each with its JSON path)
 *
 * @see {@link encodeTopology} for the inverse.
 * @category codecs
 * @since 0.1.0
 */
export const decodeTopology = (input: unknown): E.Either<ReadonlyNonEmptyArray<DecodeProblem>, Topology> =>
  decodeWith(topologyCodec, input)

/**
 * Encodes a topology as a plain JSON-safe document with every default written out; decoding it
 * gives the topology back.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeTopology, encodeTopology } from 'sfb-dr'
 *
 * encodeTopology(contoso).pools[2] // se1, with its defaults written out
 * // => { fqdn: 'se1.contoso.com', site: 'Redmond', edition: 'Standard', version: '2015', hosting: 'physical',
 * //      frontEnds: ['se1.contoso.com'], backEnd: { sqlServer: 'se1.contoso.com', instance: 'rtc', ha: 'none' } }
 * pipe(decodeTopology(encodeTopology(contoso)), E.map((t) => t.users.size)) // => right(4)
 *
 * @see {@link decodeTopology} for the inverse.
 * @category codecs
 * @since 0.1.0
 */
export const encodeTopology = (topology: Topology): TopologyDocument => ({
  sites: topology.sites.map((s) => ({ name: s.name })),
  pools: topology.pools.map(encodePool),
  pairings: topology.pairings.map(([a, b]): readonly [string, string] => [a, b]),
  edgePools: topology.edgePools.map(encodeEdgePool),
  centralManagementStore: { pool: topology.centralManagementStore.pool },
  users: Array.from(topology.users, ([sipAddress, homePool]) => ({ sipAddress, homePool })),
})
