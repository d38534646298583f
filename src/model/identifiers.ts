/**
 * Identifiers of a Skype for Business Server deployment, branded and normalized.
 *
 * Laws:
 * - `parseFqdn(s)` is `some(x)` iff `s` is a valid FQDN in any ASCII letter case, with or without
 *   one trailing dot; `x` is then lower-case with no trailing dot, and `parseFqdn(x)` is `some(x)`.
 *   Letters are checked before folding: only ASCII letters, digits and `-` are valid, so the
 *   Kelvin sign `K` (U+212A), which `toLowerCase` turns into `k`, is refused.
 * - `parseSipAddress(a)` and `parseSipAddress(b)` are the same `some(x)` iff `a` and `b` are the
 *   same address up to Unicode case folding and canonical equivalence (`sip:Åsa@…` and
 *   `sip:ÅSA@…` are one user); `parseSipAddress(x)` is then `some(x)`.
 * - Every parser answers `none` and every refinement `false` for a non-string: they never throw.
 * - Every branded value in this library was produced by a parser of this module.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import { foldCase } from './caseFolding.js'

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
 * A SIP address, `sip:local@domain`, stored case-folded (SIP addresses compare case-insensitively
 * as a whole, with Unicode case folding: see `parseSipAddress`).
 *
 * @category model
 * @since 0.1.0
 */
export type SipAddress = string & SipAddressBrand

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/** A DNS label in any ASCII letter case: 1–63 of `[A-Za-z0-9-]`, no hyphen at either end. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
/**
 * An FQDN in any ASCII letter case, no trailing dot; the length limit is checked separately. No
 * `i` flag: with it (and the `u` flag) the Kelvin sign and the long s would match `k` and `s`.
 */
const FQDN_ANY_CASE_RE = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`)
const UPPER_RE = /[A-Z]/
const SITE_RE = /^[A-Za-z0-9 ._-]{1,64}$/
const SQL_INSTANCE_RE = /^[A-Za-z_][A-Za-z0-9_$]{0,15}$/
/** The characters a SIP local part may not hold (white space and SIP/URI delimiters). */
const LOCAL_PART = '[^\\s@:;<>"\'`]{1,256}'
/** A SIP address as typed: `sip:` in any ASCII letter case + local part + `@` + an FQDN. */
const LOCAL_PART_RE = new RegExp(`^${LOCAL_PART}$`)
const SIP_ANY_CASE_RE = new RegExp(`^[Ss][Ii][Pp]:(${LOCAL_PART})@(${LABEL}(?:\\.${LABEL})+)$`)
const MAX_SIP = 512

/** Whether `s` is a string of at most `max` code units. */
const isShortString = (s: unknown, max: number): s is string => typeof s === 'string' && s.length <= max

/** Whether `s` is an FQDN in any ASCII letter case without a trailing dot (letters checked as they are). */
const isFqdnAnyCase = (s: string): boolean => s.length <= 253 && FQDN_ANY_CASE_RE.test(s)

/**
 * Whether `s` is already a normalized FQDN (lower-case ASCII, no trailing dot). `false` for a
 * non-string.
 *
 * @example
 * import { isFqdn } from 'sfb-dr'
 *
 * isFqdn('pool1.contoso.com') // => true
 * isFqdn('Pool1.contoso.com') // => false: not normalized (parseFqdn normalizes it)
 * isFqdn('pool1') // => false: one label
 *
 * @category refinements
 * @since 0.1.0
 */
export const isFqdn = (s: unknown): s is Fqdn => isShortString(s, 253) && !UPPER_RE.test(s) && isFqdnAnyCase(s)

/**
 * Whether `s` is a valid site name. `false` for a non-string.
 *
 * @example
 * import { isSiteName } from 'sfb-dr'
 *
 * isSiteName('Redmond') // => true
 * isSiteName('') // => false
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSiteName = (s: unknown): s is SiteName => isShortString(s, 64) && SITE_RE.test(s)

/**
 * Whether `s` is a valid SQL Server instance name. `false` for a non-string.
 *
 * @example
 * import { isSqlInstanceName } from 'sfb-dr'
 *
 * isSqlInstanceName('rtc') // => true
 * isSqlInstanceName('1rtc') // => false: starts with a digit
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSqlInstanceName = (s: unknown): s is SqlInstanceName => isShortString(s, 16) && SQL_INSTANCE_RE.test(s)

/**
 * Whether `s` is an already-normalized SIP address: lower-case scheme and domain, and a local
 * part that case folding leaves unchanged (`parseSipAddress(s)` is `some(s)`). `false` for a
 * non-string.
 *
 * @example
 * import { isSipAddress } from 'sfb-dr'
 *
 * isSipAddress('sip:alice@contoso.com') // => true
 * isSipAddress('SIP:Alice@contoso.com') // => false: not normalized (parseSipAddress normalizes it)
 *
 * @category refinements
 * @since 0.1.0
 */
export const isSipAddress = (s: unknown): s is SipAddress => O.exists((x) => x === s)(parseSipAddress(s))

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Normalizes a pool, server or Edge FQDN as typed by a person: any ASCII letter case, one
 * optional trailing dot. Returns `none` when it is not a valid FQDN, letters checked before
 * folding (so a Kelvin sign `K` is refused, whatever the other letters), and for a non-string.
 *
 * @example
 * import { parseFqdn } from 'sfb-dr'
 *
 * parseFqdn('Pool1.Contoso.COM.') // => some('pool1.contoso.com')
 * parseFqdn('pool1') // => none
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseFqdn = (s: unknown): O.Option<Fqdn> => {
  if (!isShortString(s, 254)) return O.none
  const trimmed = s.endsWith('.') ? s.slice(0, -1) : s
  if (!isFqdnAnyCase(trimmed)) return O.none
  // Only ASCII is left: toLowerCase is exact. Keep the identity of already lower-case input.
  return O.some((UPPER_RE.test(trimmed) ? trimmed.toLowerCase() : trimmed) as Fqdn)
}

/**
 * Validates a site name (compared exactly, case-sensitive as in Topology Builder). `none` for a
 * non-string.
 *
 * @example
 * import { parseSiteName } from 'sfb-dr'
 *
 * parseSiteName('Dublin') // => some('Dublin')
 * parseSiteName('Dublin/North') // => none
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSiteName = (s: unknown): O.Option<SiteName> => (isSiteName(s) ? O.some(s) : O.none)

/**
 * Validates a SQL Server instance name. `none` for a non-string.
 *
 * @example
 * import { parseSqlInstanceName } from 'sfb-dr'
 *
 * parseSqlInstanceName('rtc') // => some('rtc')
 * parseSqlInstanceName('rtc-2') // => none
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSqlInstanceName = (s: unknown): O.Option<SqlInstanceName> =>
  isSqlInstanceName(s) ? O.some(s) : O.none

/**
 * Normalizes a SIP address: the scheme and the domain are ASCII, checked before folding and
 * lower-cased; the local part is case-folded (Unicode case folding and canonical equivalence: `Å`, `A` + combining ring and the
 * Angstrom sign are one letter; `ß`, `ẞ` and `SS` are one), so the address compares
 * case-insensitively as a whole. Returns `none` when it is not `sip:local@domain`, and for a
 * non-string.
 *
 * @example
 * import { parseSipAddress } from 'sfb-dr'
 *
 * parseSipAddress('SIP:Alice@Contoso.com') // => some('sip:alice@contoso.com')
 * parseSipAddress('sip:ÅSA@contoso.com') // => some('sip:åsa@contoso.com')
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSipAddress = (s: unknown): O.Option<SipAddress> => {
  const m = isShortString(s, MAX_SIP) ? SIP_ANY_CASE_RE.exec(s) : null
  // The local part is checked on its canonical decomposition too, so that canonically equivalent
  // spellings get one answer: `≮` (U+226E) decomposes to `<` + U+0338 and is refused either way.
  // (Not the domain: the Kelvin sign decomposes to `K`, and the domain is checked before folding.)
  if (m === null || !LOCAL_PART_RE.test((m[1] ?? '').normalize('NFD'))) return O.none
  const folded = `sip:${foldCase(m[1] ?? '')}@${(m[2] ?? '').toLowerCase()}`
  // Folding may lengthen the local part (ß → ss): check the folded address again.
  return folded.length <= MAX_SIP && SIP_ANY_CASE_RE.test(folded) ? O.some(folded as SipAddress) : O.none
}
