/**
 * What can still be read from a pool or Edge pool item that failed to decode: its name and the
 * references it makes, each field on its own. The rules across items (`references.ts`) judge a
 * readable reference of a broken item exactly like one of a decoded item, so that one bad field
 * does not hide the item's other problems.
 *
 * Laws:
 * - A field is readable when its own codec accepts it, whatever else is wrong with the item; it
 *   is then normalized as decoding would (FQDNs lower-case, no trailing dot).
 * - A decoded `Pool` is a {@link PoolItem} and a decoded `EdgePool` an {@link EdgePoolItem}, so
 *   the rules read both the same way.
 * - Only broken items are read here: the valid path never calls these functions. They report
 *   nothing (the item's own problems are reported by its decoder) and never throw for any plain
 *   value.
 *
 * @module
 * @internal
 */
import type { Fqdn, SiteName } from '../model/identifiers.js'
import type { Edition } from '../model/topology.js'
import { field, isFields, itemAt, lengthOf, type LeafType } from './fields.js'
import { editionCodec } from './pools.js'
import { booleanCodec, fqdnCodec, siteNameCodec } from './primitives.js'

/**
 * A pool item as the rules across items see it: the decoded pool, or the readable fields of a
 * broken one (`undefined` where unreadable; a `frontEnds` entry is `undefined` where that server
 * is unreadable).
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export interface PoolItem {
  /** The pool FQDN. */
  readonly fqdn?: Fqdn | undefined
  /** The site the pool names. */
  readonly site?: SiteName | undefined
  /** Enterprise or Standard Edition. */
  readonly edition?: Edition | undefined
  /** The Front End servers, by position in the document. */
  readonly frontEnds?: ReadonlyArray<Fqdn | undefined> | undefined
  /** The Edge pool the pool names. */
  readonly edgePool?: Fqdn | undefined
}

/**
 * An Edge pool item as the rules across items see it: the decoded Edge pool, or the readable
 * fields of a broken one (`undefined` where unreadable).
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export interface EdgePoolItem {
  /** The Edge pool FQDN. */
  readonly fqdn?: Fqdn | undefined
  /** The site the Edge pool names. */
  readonly site?: SiteName | undefined
  /** The next hop the Edge pool names. */
  readonly nextHop?: Fqdn | undefined
  /** Whether the Edge pool claims federation. */
  readonly federation?: boolean | undefined
}

/** `value` decoded by `codec`, or `undefined`: `leaf` without the report. */
const readable = <A>(codec: LeafType<A, unknown>, value: unknown): A | undefined => {
  if (codec.is(value)) return value
  const r = codec.validate(value, [])
  return r._tag === 'Right' ? r.right : undefined
}

const readableServers = (u: unknown): ReadonlyArray<Fqdn | undefined> | undefined => {
  if (!Array.isArray(u)) return undefined
  const list: ReadonlyArray<unknown> = u
  const servers: Array<Fqdn | undefined> = []
  for (let j = 0; j < lengthOf(list); j++) servers.push(readable(fqdnCodec, itemAt(list, j)))
  return servers
}

/**
 * The readable fields of a pool item that failed to decode.
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export const readablePool = (u: unknown): PoolItem => {
  if (!isFields(u)) return {}
  return {
    fqdn: readable(fqdnCodec, field(u, 'fqdn')),
    site: readable(siteNameCodec, field(u, 'site')),
    edition: readable(editionCodec, field(u, 'edition')),
    frontEnds: readableServers(field(u, 'frontEnds')),
    edgePool: readable(fqdnCodec, field(u, 'edgePool')),
  }
}

/**
 * The readable fields of an Edge pool item that failed to decode (`federation` defaults to
 * `false`, as when decoding).
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export const readableEdgePool = (u: unknown): EdgePoolItem => {
  if (!isFields(u)) return {}
  const federation = field(u, 'federation')
  return {
    fqdn: readable(fqdnCodec, field(u, 'fqdn')),
    site: readable(siteNameCodec, field(u, 'site')),
    nextHop: readable(fqdnCodec, field(u, 'nextHop')),
    federation: federation === undefined ? false : readable(booleanCodec, federation),
  }
}

/**
 * Every item of a section as the rules across items see it: the decoded item where there is one,
 * the readable fields of the raw item (`readableItem`) where it failed to decode.
 *
 * @category internal
 * @since 0.1.0
 * @internal
 */
export const itemsOf = <B>(
  decoded: ReadonlyArray<B | undefined>,
  raw: ReadonlyArray<unknown>,
  readableItem: (u: unknown) => B,
): ReadonlyArray<B> => {
  const items: Array<B> = []
  for (let i = 0; i < decoded.length; i++) items.push(decoded[i] ?? readableItem(itemAt(raw, i)))
  return items
}
