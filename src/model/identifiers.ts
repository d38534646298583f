/**
 * Identifiers of a Skype for Business Server deployment, branded and normalized.
 *
 * Laws:
 * - `parseFqdn(s)` is `some(x)` iff `s` is a valid FQDN in any letter case, with or without one
 *   trailing dot; `x` is then lower-case with no trailing dot, and `parseFqdn(x)` is `some(x)`.
 * - Every branded value in this library was produced by a parser of this module.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** @internal */
export interface FqdnBrand {
  readonly Fqdn: unique symbol
}
/** @internal */
export interface SiteNameBrand {
  readonly SiteName: unique symbol
}
/** @internal */
export interface SqlInstanceNameBrand {
  readonly SqlInstanceName: unique symbol
}
/** @internal */
export interface SipAddressBrand {
  readonly SipAddress: unique symbol
}

/**
 * A fully qualified domain name of a pool, server or Edge pool: lower-case, no trailing dot,
 * 2+ labels of 1–63 `[a-z0-9-]` (not starting or ending with `-`), at most 253 characters.
 *
 * @category model
 * @since 0.1.0
 */
export type Fqdn = string & FqdnBrand

/**
 * The FQDN of a Front End pool (Enterprise pool or Standard Edition server).
 *
 * @category model
 * @since 0.1.0
 */
export type PoolFqdn = Fqdn

/**
 * The FQDN of an Edge pool.
 *
 * @category model
 * @since 0.1.0
 */
export type EdgePoolFqdn = Fqdn

/**
 * A topology site name: 1–64 letters, digits, spaces, `-`, `_` or `.`. Compared exactly.
 *
 * @category model
 * @since 0.1.0
 */
export type SiteName = string & SiteNameBrand

/**
 * A SQL Server instance name: 1–16 letters, digits, `_` or `$`, starting with a letter or `_`.
 *
 * @category model
 * @since 0.1.0
 */
export type SqlInstanceName = string & SqlInstanceNameBrand

/**
 * A SIP address, `sip:local@domain`, stored lower-case (SIP addresses compare case-insensitively).
 *
 * @category model
 * @since 0.1.0
 */
export type SipAddress = string & SipAddressBrand

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
/** Lower-case FQDN, no trailing dot; the length limit is checked separately. */
const FQDN_RE = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`)
const SITE_RE = /^[A-Za-z0-9 ._-]{1,64}$/
const SQL_INSTANCE_RE = /^[A-Za-z_][A-Za-z0-9_$]{0,15}$/
/** Lower-case SIP address: `sip:` + local part + `@` + an FQDN-shaped domain. */
const SIP_RE = new RegExp(`^sip:[^\\s@:;<>"'\`]{1,256}@(?:${LABEL}\\.)+${LABEL}$`)
const UPPER_RE = /[A-Z]/

/**
 * Whether `s` is already a normalized FQDN (lower-case, no trailing dot).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isFqdn = (s: unknown): s is Fqdn => typeof s === 'string' && s.length <= 253 && FQDN_RE.test(s)

/**
 * Whether `s` is a valid site name.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSiteName = (s: unknown): s is SiteName => typeof s === 'string' && SITE_RE.test(s)

/**
 * Whether `s` is a valid SQL Server instance name.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSqlInstanceName = (s: unknown): s is SqlInstanceName =>
  typeof s === 'string' && SQL_INSTANCE_RE.test(s)

/**
 * Whether `s` is an already-normalized (lower-case) SIP address.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSipAddress = (s: unknown): s is SipAddress =>
  typeof s === 'string' && s.length <= 512 && SIP_RE.test(s)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Lower-cases `s` only when it holds an upper-case ASCII letter, so that the common, already
 * lower-case input keeps its identity and costs no allocation.
 */
const lowerIfNeeded = (s: string): string => (UPPER_RE.test(s) ? s.toLowerCase() : s)

/**
 * Normalizes a pool, server or Edge FQDN as typed by a person: any letter case, one optional
 * trailing dot. Returns `none` when it is not a valid FQDN.
 *
 * @example
 * parseFqdn('Pool1.Contoso.COM.') // some('pool1.contoso.com')
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseFqdn = (s: string): O.Option<Fqdn> => {
  if (s.length > 254) return O.none
  const trimmed = s.endsWith('.') ? s.slice(0, -1) : s
  const lower = lowerIfNeeded(trimmed)
  return isFqdn(lower) ? O.some(lower) : O.none
}

/**
 * Validates a site name (compared exactly, case-sensitive as in Topology Builder).
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSiteName = (s: string): O.Option<SiteName> => (isSiteName(s) ? O.some(s) : O.none)

/**
 * Validates a SQL Server instance name.
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSqlInstanceName = (s: string): O.Option<SqlInstanceName> =>
  isSqlInstanceName(s) ? O.some(s) : O.none

/**
 * Normalizes a SIP address: the scheme and the whole address compare case-insensitively, so it is
 * stored lower-case. Returns `none` when it is not `sip:local@domain`.
 *
 * @example
 * parseSipAddress('SIP:Alice@Contoso.com') // some('sip:alice@contoso.com')
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSipAddress = (s: string): O.Option<SipAddress> => {
  if (s.length > 512) return O.none
  const lower = lowerIfNeeded(s)
  return isSipAddress(lower) ? O.some(lower) : O.none
}
