/**
 * Decoding and encoding of one Front End pool of a topology document: shape, defaults and the
 * rules that concern a single pool (a Standard pool is one server named like the pool; Enterprise
 * pools need a Back End; a mirror only with `ha: "mirroring"`). Rules across pools live in
 * `references.ts`.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import { isNonEmpty } from 'fp-ts/lib/ReadonlyArray.js'
import type * as t from 'io-ts'
import { parseSqlInstanceName, type Fqdn } from '../model/identifiers.js'
import type { BackEnd, BackEndHa, Edition, Pool, SqlStore } from '../model/topology.js'
import type { BackEndDocument, PoolDocument, SqlStoreDocument } from './documents.js'
import { field, isFields, itemAt, leaf, lengthOf, open, optionalLeaf, reject, type Errors, type Fields } from './fields.js'
import { fqdnCodec, oneOf, siteNameCodec, sqlInstanceCodec, textCodec } from './primitives.js'
import { UNREADABLE } from './problems.js'
import { BACK_END_FIELDS, POOL_FIELDS, SQL_STORE_FIELDS } from './shapes.js'

/**
 * The edition of a pool: `"Enterprise" | "Standard"`.
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export const editionCodec = oneOf<Edition>('Enterprise', 'Standard')

/**
 * The product version of a pool.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const versionCodec = oneOf('2015', '2019')
/**
 * Physical or virtual servers.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const hostingCodec = oneOf('physical', 'virtual')
/**
 * The Back End high-availability mode.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const haCodec = oneOf<BackEndHa>('none', 'mirroring', 'alwaysOn', 'failoverCluster')
const defaultInstance = parseSqlInstanceName('rtc')

const POOL = 'a pool { fqdn, site, edition, frontEnds, … }'
const SERVERS = 'a non-empty array of Front End server FQDNs'
const BACK_END = 'a Back End { sqlServer, instance, ha?, mirror? }'
const SQL_STORE = 'a SQL store { sqlServer, instance }'

const decodeMirror = (errors: Errors, given: unknown, c: t.Context, i: number): SqlStore | undefined => {
  if (!isFields(given)) {
    reject(errors, SQL_STORE, given, c, i, 'backEnd', 'mirror')
    return undefined
  }
  const u = open(errors, given, SQL_STORE_FIELDS, c, i, 'backEnd', 'mirror')
  const sqlServer = leaf(errors, fqdnCodec, field(u, 'sqlServer'), c, i, 'backEnd', 'mirror', 'sqlServer')
  const instance = leaf(errors, sqlInstanceCodec, field(u, 'instance'), c, i, 'backEnd', 'mirror', 'instance')
  return sqlServer === undefined || instance === undefined ? undefined : { sqlServer, instance }
}

const decodeBackEnd = (errors: Errors, given: unknown, c: t.Context, i: number): BackEnd | undefined => {
  if (!isFields(given)) {
    reject(errors, BACK_END, given, c, i, 'backEnd')
    return undefined
  }
  const u = open(errors, given, BACK_END_FIELDS, c, i, 'backEnd')
  const sqlServer = leaf(errors, fqdnCodec, field(u, 'sqlServer'), c, i, 'backEnd', 'sqlServer')
  const instance = leaf(errors, sqlInstanceCodec, field(u, 'instance'), c, i, 'backEnd', 'instance')
  const ha = optionalLeaf(errors, haCodec, field(u, 'ha'), c, i, 'backEnd', 'ha') ?? 'none'
  const givenMirror = field(u, 'mirror')
  const mirror = givenMirror === undefined ? undefined : decodeMirror(errors, givenMirror, c, i)
  if (givenMirror !== undefined && ha !== 'mirroring')
    reject(errors, 'no mirror: a mirror needs "ha": "mirroring"', givenMirror, c, i, 'backEnd', 'mirror')
  if (sqlServer === undefined || instance === undefined || (givenMirror !== undefined && mirror === undefined)) return undefined
  return mirror === undefined ? { sqlServer, instance, ha } : { sqlServer, instance, mirror, ha }
}

const decodeFrontEnds = (
  errors: Errors,
  u: Fields,
  c: t.Context,
  i: number,
  edition: Edition | undefined,
  self: Fqdn | undefined,
): ReadonlyArray<Fqdn> | undefined => {
  const given = field(u, 'frontEnds')
  const list: ReadonlyArray<unknown> | undefined = Array.isArray(given) ? given : undefined
  const n = list === undefined ? -1 : lengthOf(list)
  if (list === undefined || n <= 0) {
    reject(errors, SERVERS, n < 0 && list !== undefined ? UNREADABLE : given, c, i, 'frontEnds')
    return undefined
  }
  if (edition === 'Standard' && n !== 1) {
    reject(errors, 'exactly one server: a Standard Edition pool is a single server', given, c, i, 'frontEnds')
    return undefined
  }
  // Exact size up front: one small allocation, no growth of a pushed-to array.
  const servers = new Array<Fqdn>(n)
  let read = 0
  for (let j = 0; j < n; j++) {
    const server = leaf(errors, fqdnCodec, itemAt(list, j), c, i, 'frontEnds', j)
    if (server !== undefined) servers[read++] = server
  }
  if (read !== n) return undefined
  if (edition === 'Standard' && self !== undefined && servers[0] !== self) {
    const expected = `the pool's own FQDN "${self}" (a Standard Edition server is its own pool)`
    reject(errors, expected, itemAt(list, 0), c, i, 'frontEnds', 0)
    return undefined
  }
  return servers
}

const defaultBackEnd = (self: Fqdn): BackEnd | undefined =>
  O.isSome(defaultInstance) ? { sqlServer: self, instance: defaultInstance.value, ha: 'none' } : undefined

/**
 * Decodes item `i` of the `pools` array at context `c`, with its defaults; `undefined` (with the
 * errors collected) when it is invalid.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodePool = (errors: Errors, item: unknown, c: t.Context, i: number): Pool | undefined => {
  if (!isFields(item)) {
    reject(errors, POOL, item, c, i)
    return undefined
  }
  const u = open(errors, item, POOL_FIELDS, c, i)
  const before = errors.length
  const fqdn = leaf(errors, fqdnCodec, field(u, 'fqdn'), c, i, 'fqdn')
  const site = leaf(errors, siteNameCodec, field(u, 'site'), c, i, 'site')
  const edition = leaf(errors, editionCodec, field(u, 'edition'), c, i, 'edition')
  const version = optionalLeaf(errors, versionCodec, field(u, 'version'), c, i, 'version') ?? '2015'
  const hosting = optionalLeaf(errors, hostingCodec, field(u, 'hosting'), c, i, 'hosting') ?? 'physical'
  const os = optionalLeaf(errors, textCodec, field(u, 'os'), c, i, 'os')
  const frontEnds = decodeFrontEnds(errors, u, c, i, edition, fqdn)
  const given = field(u, 'backEnd')
  if (given === undefined && edition === 'Enterprise')
    reject(errors, 'a Back End { sqlServer, instance }: an Enterprise pool needs one', given, c, i, 'backEnd')
  const backEnd =
    given !== undefined ? decodeBackEnd(errors, given, c, i) : fqdn === undefined ? undefined : defaultBackEnd(fqdn)
  const edgePool = optionalLeaf(errors, fqdnCodec, field(u, 'edgePool'), c, i, 'edgePool')
  if (errors.length > before || fqdn === undefined || site === undefined || edition === undefined) return undefined
  if (frontEnds === undefined || !isNonEmpty(frontEnds) || backEnd === undefined) return undefined
  // One literal per shape: properties added later would each cost a property-array allocation.
  const pool: Pool =
    os === undefined
      ? edgePool === undefined
        ? { fqdn, site, edition, version, hosting, frontEnds, backEnd }
        : { fqdn, site, edition, version, hosting, frontEnds, backEnd, edgePool }
      : edgePool === undefined
        ? { fqdn, site, edition, version, hosting, os, frontEnds, backEnd }
        : { fqdn, site, edition, version, hosting, os, frontEnds, backEnd, edgePool }
  return pool
}

const encodeStore = (s: SqlStore): SqlStoreDocument => ({ sqlServer: s.sqlServer, instance: s.instance })

const encodeBackEnd = (b: BackEnd): BackEndDocument =>
  b.mirror === undefined
    ? { sqlServer: b.sqlServer, instance: b.instance, ha: b.ha }
    : { sqlServer: b.sqlServer, instance: b.instance, mirror: encodeStore(b.mirror), ha: b.ha }

/**
 * Encodes a pool with every default written out.
 *
 * @category internal
 * @since 0.1.0
 */
export const encodePool = (p: Pool): PoolDocument => {
  const doc: { -readonly [K in keyof PoolDocument]: PoolDocument[K] } = {
    fqdn: p.fqdn,
    site: p.site,
    edition: p.edition,
    version: p.version,
    hosting: p.hosting,
    frontEnds: [...p.frontEnds],
    backEnd: encodeBackEnd(p.backEnd),
  }
  if (p.os !== undefined) doc.os = p.os
  if (p.edgePool !== undefined) doc.edgePool = p.edgePool
  return doc
}
