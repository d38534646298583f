/**
 * Codecs of the leaf values of sfb-dr documents. Each codec's name is what an `InvalidInput`
 * reports as `expected`. Identifier codecs normalize (through the parsers of the model) and encode
 * to the normalized string.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import {
  isFqdn,
  isSipAddress,
  isSiteName,
  isSqlInstanceName,
  parseFqdn,
  parseSipAddress,
  parseSiteName,
  parseSqlInstanceName,
  type Fqdn,
  type SipAddress,
  type SiteName,
  type SqlInstanceName,
} from '../model/identifiers.js'
import { LeafType } from './fields.js'
import { isDateTime } from '../model/dateTime.js'
import { isSyncInterval, type SyncInterval } from '../model/syncInterval.js'

const normalizing = <A extends string>(
  name: string,
  is: (u: unknown) => u is A,
  parse: (s: string) => O.Option<A>,
): LeafType<A, string> =>
  new LeafType<A, string>(
    name,
    is,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c)
      if (is(u)) return t.success(u)
      const parsed = parse(u)
      return O.isSome(parsed) ? t.success(parsed.value) : t.failure(u, c)
    },
    String,
  )

/**
 * An FQDN in any letter case with an optional trailing dot, decoded lower-case without the dot.
 *
 * @category internal
 * @since 0.1.0
 */
export const fqdnCodec: LeafType<Fqdn, string> = normalizing(
  'an FQDN (two or more dot-separated labels of letters, digits and inner hyphens)',
  isFqdn,
  parseFqdn,
)

/**
 * A site name.
 *
 * @category internal
 * @since 0.1.0
 */
export const siteNameCodec: LeafType<SiteName, string> = normalizing(
  'a site name (1 to 64 letters, digits, spaces, "-", "_" or ".")',
  isSiteName,
  parseSiteName,
)

/**
 * A SQL Server instance name.
 *
 * @category internal
 * @since 0.1.0
 */
export const sqlInstanceCodec: LeafType<SqlInstanceName, string> = normalizing(
  'a SQL instance name (1 to 16 letters, digits, "_" or "$", starting with a letter or "_")',
  isSqlInstanceName,
  parseSqlInstanceName,
)

/**
 * A SIP address in any letter case, decoded lower-case.
 *
 * @category internal
 * @since 0.1.0
 */
export const sipAddressCodec: LeafType<SipAddress, string> = normalizing(
  'a SIP address such as "sip:alice@contoso.com"',
  isSipAddress,
  parseSipAddress,
)

/**
 * A codec of one of a fixed set of strings, which it keeps for the JSON Schemas.
 *
 * @category internal
 * @since 0.2.0
 */
export class OneOfType<K extends string> extends LeafType<K> {
  /** The strings accepted, in order. */
  readonly values: ReadonlyArray<K>
  /** @param values - the strings accepted */
  constructor(values: ReadonlyArray<K>) {
    const set: ReadonlySet<string> = new Set(values)
    const is = (u: unknown): u is K => typeof u === 'string' && set.has(u)
    super(
      values.map((v) => JSON.stringify(v)).join(' | '),
      is,
      (u, c) => (is(u) ? t.success(u) : t.failure(u, c)),
      t.identity,
    )
    this.values = values
  }
}

/**
 * One of a fixed set of strings; the name lists them: `"Enterprise" | "Standard"`.
 *
 * @category internal
 * @since 0.1.0
 */
export const oneOf = <K extends string>(...values: ReadonlyArray<K>): OneOfType<K> => new OneOfType(values)

/**
 * `true` or `false`.
 *
 * @category internal
 * @since 0.1.0
 */
export const booleanCodec: LeafType<boolean> = new LeafType<boolean>(
  'true or false',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => (typeof u === 'boolean' ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/**
 * Free text of 1 to 256 characters (an operating system name).
 *
 * @category internal
 * @since 0.1.0
 */
export const textCodec: LeafType<string> = new LeafType<string>(
  'a text of 1 to 256 characters',
  (u): u is string => typeof u === 'string' && u.length >= 1 && u.length <= 256,
  (u, c) => (typeof u === 'string' && u.length >= 1 && u.length <= 256 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/**
 * An integer from `min` to `max`. `-0` (which `JSON.parse("-0")` gives) decodes to `0`, so that
 * decoded values compare equal to their JSON round trip; the guard refuses `-0` so that `leaf`
 * takes the normalizing path.
 *
 * @category internal
 * @since 0.1.0
 */
export const integerCodec = (min: number, max: number): LeafType<number> => {
  const inRange = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max
  const is = (u: unknown): u is number => inRange(u) && !Object.is(u, -0)
  return new LeafType<number>(
    `an integer from ${String(min)} to ${String(max)}`,
    is,
    (u, c) => (inRange(u) ? t.success(u === 0 ? 0 : u) : t.failure(u, c)),
    t.identity,
  )
}

/**
 * An ISO 8601 date-time with an offset, kept as written.
 *
 * @category internal
 * @since 0.1.0
 */
export const dateTimeCodec: LeafType<string> = new LeafType<string>(
  'an ISO 8601 date-time with "Z" or an offset, such as "2026-11-25T10:00:00Z"',
  isDateTime,
  (u, c) => (isDateTime(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/**
 * A Backup Service sync interval: `hh:mm:ss` from `00:00:05` to `03:00:00` (office-docs-powershell
 * `Set-CsBackupServiceConfiguration`, -SyncInterval).
 *
 * @category internal
 * @since 0.2.0
 */
export const syncIntervalCodec: LeafType<SyncInterval> = new LeafType<SyncInterval>(
  'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"',
  isSyncInterval,
  (u, c) => (isSyncInterval(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)
