/**
 * Decoding and encoding of the small items of a topology document: sites, pairings, Edge pools
 * and the Central Management Store. Shapes and defaults only; references are resolved in
 * `references.ts`.
 *
 * @module
 */
import type * as t from 'io-ts'
import type { Fqdn } from '../model/identifiers.js'
import type { CentralManagementStore, EdgePool, Site } from '../model/topology.js'
import type { EdgePoolDocument } from './documents.js'
import { field, isFields, itemAt, leaf, lengthOf, open, optionalLeaf, reject, type Errors } from './fields.js'
import { booleanCodec, fqdnCodec, siteNameCodec } from './primitives.js'
import { CMS_FIELDS, EDGE_POOL_FIELDS, SITE_FIELDS } from './shapes.js'

/**
 * Decodes item `i` of the `sites` array at `c`.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeSite = (errors: Errors, item: unknown, c: t.Context, i: number): Site | undefined => {
  if (!isFields(item)) {
    reject(errors, 'a site { name }', item, c, i)
    return undefined
  }
  const u = open(errors, item, SITE_FIELDS, c, i)
  const name = leaf(errors, siteNameCodec, field(u, 'name'), c, i, 'name')
  return name === undefined ? undefined : { name }
}

/**
 * Decodes item `i` of the `pairings` array at `c`: two FQDNs (that they name Front End pools is
 * checked later).
 *
 * @category internal
 * @since 0.1.0
 */
export const decodePair = (errors: Errors, u: unknown, c: t.Context, i: number): readonly [Fqdn, Fqdn] | undefined => {
  const pair: ReadonlyArray<unknown> | undefined = Array.isArray(u) ? u : undefined
  if (pair === undefined || lengthOf(pair) !== 2) {
    reject(errors, 'a pairing: an array of two pool FQDNs', u, c, i)
    return undefined
  }
  const a = leaf(errors, fqdnCodec, itemAt(pair, 0), c, i, 0)
  const b = leaf(errors, fqdnCodec, itemAt(pair, 1), c, i, 1)
  return a === undefined || b === undefined ? undefined : [a, b]
}

/**
 * Decodes item `k` of the `edgePools` array at `c`; `federation` and `xmpp` default to `false`.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeEdgePool = (errors: Errors, item: unknown, c: t.Context, k: number): EdgePool | undefined => {
  if (!isFields(item)) {
    reject(errors, 'an Edge pool { fqdn, site, nextHop, federation?, xmpp? }', item, c, k)
    return undefined
  }
  const u = open(errors, item, EDGE_POOL_FIELDS, c, k)
  const before = errors.length
  const fqdn = leaf(errors, fqdnCodec, field(u, 'fqdn'), c, k, 'fqdn')
  const site = leaf(errors, siteNameCodec, field(u, 'site'), c, k, 'site')
  const nextHop = leaf(errors, fqdnCodec, field(u, 'nextHop'), c, k, 'nextHop')
  const federation = optionalLeaf(errors, booleanCodec, field(u, 'federation'), c, k, 'federation') ?? false
  const xmpp = optionalLeaf(errors, booleanCodec, field(u, 'xmpp'), c, k, 'xmpp') ?? false
  return errors.length > before || fqdn === undefined || site === undefined || nextHop === undefined
    ? undefined
    : { fqdn, site, nextHop, federation, xmpp }
}

/**
 * Encodes an Edge pool with its flags written out.
 *
 * @category internal
 * @since 0.1.0
 */
export const encodeEdgePool = (e: EdgePool): EdgePoolDocument => ({
  fqdn: e.fqdn,
  site: e.site,
  nextHop: e.nextHop,
  federation: e.federation,
  xmpp: e.xmpp,
})

/**
 * Decodes the `centralManagementStore` field of the document at `c`.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeCentralManagementStore = (
  errors: Errors,
  given: unknown,
  c: t.Context,
): CentralManagementStore | undefined => {
  if (!isFields(given)) {
    reject(errors, 'the Central Management Store { pool }', given, c, 'centralManagementStore')
    return undefined
  }
  const u = open(errors, given, CMS_FIELDS, c, 'centralManagementStore')
  const pool = leaf(errors, fqdnCodec, field(u, 'pool'), c, 'centralManagementStore', 'pool')
  return pool === undefined ? undefined : { pool }
}
