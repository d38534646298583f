/**
 * ISO 8601 date-times as the state document and the callers' clocks write them: read without
 * `Date` (no clock, no locale, no time zone database), exactly, in whole seconds plus nanoseconds.
 *
 * Laws:
 * - `isDateTime(s)` iff `instantOf(s)` is `some`.
 * - Two spellings of one instant (`2026-11-25T10:00:00Z`, `2026-11-25T11:00:00+01:00`) have equal
 *   instants.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An instant: whole seconds since 1970-01-01T00:00:00Z and the nanoseconds of the second
 * (0 ≤ nanos < 10⁹), so that differences are exact whatever the fraction's length.
 *
 * @category model
 * @since 0.2.0
 */
export interface Instant {
  /** Whole seconds since the Unix epoch (negative before 1970). */
  readonly seconds: number
  /** Nanoseconds within that second. */
  readonly nanos: number
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

const daysIn = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The two decimal digits of `s` at `at` as a number, or -1 when either is not a digit. */
const twoDigits = (s: string, at: number): number => {
  const a = s.charCodeAt(at) - 48
  const b = s.charCodeAt(at + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

const DASH = 45
const COLON = 58
const DOT = 46
const PLUS = 43
const T = 84
const Z = 90

/**
 * Reads `YYYY-MM-DDTHH:MM[:SS[.fffffffff]](Z|±HH:MM)` by hand into `out` (the assessment reads
 * thousands of them: no regular expression, captures or allocation); `false` when `s` is not one.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const readInstantInto = (s: string, out: { seconds: number; nanos: number }): boolean => {
  const n = s.length
  if (n < 17 || n > 40) return false
  if (s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH || s.charCodeAt(10) !== T || s.charCodeAt(13) !== COLON) return false
  const century = twoDigits(s, 0)
  const yearOfCentury = twoDigits(s, 2)
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const hour = twoDigits(s, 11)
  const minute = twoDigits(s, 14)
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return false
  const year = century * 100 + yearOfCentury
  if (day > daysIn(year, month)) return false
  let i = 16
  let second = 0
  let nanos = 0
  let c = s.charCodeAt(i)
  if (c === COLON) {
    second = twoDigits(s, i + 1)
    if (second < 0 || second > 59) return false
    i += 3
    c = s.charCodeAt(i)
    if (c === DOT) {
      let count = 0
      i++
      for (;;) {
        const d = s.charCodeAt(i) - 48
        if (!(d >= 0 && d <= 9) || count === 10) break
        nanos = nanos * 10 + d
        count++
        i++
      }
      if (count === 0 || count > 9) return false
      for (let k = count; k < 9; k++) nanos *= 10
      c = s.charCodeAt(i)
    }
  }
  let offset = 0
  if (c === Z) {
    if (i + 1 !== n) return false
  } else if (c === PLUS || c === DASH) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== COLON) return false
    const offsetHours = twoDigits(s, i + 1)
    const offsetMinutes = twoDigits(s, i + 4)
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return false
    offset = (c === DASH ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
  } else return false
  out.seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset
  out.nanos = nanos
  return true
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The instant an ISO 8601 date-time names: seconds optional, a fraction of up to nine digits,
 * and a `Z` or `±hh:mm` offset, on a real calendar day (`2026-11-25T10:00:00Z`,
 * `2026-11-25T11:00+01:00`); `none` for anything else, including non-strings.
 *
 * @example
 * instantOf('1970-01-01T00:01:00.5Z') // some({ seconds: 60, nanos: 500000000 })
 *
 * @category constructors
 * @since 0.2.0
 */
export const instantOf = (s: unknown): O.Option<Instant> => O.fromNullable(instantOrUndefined(s))

/**
 * {@link instantOf} without the `Option`, for hot loops: the instant, or `undefined`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const instantOrUndefined = (s: unknown): Instant | undefined => {
  const out = { seconds: 0, nanos: 0 }
  return typeof s === 'string' && readInstantInto(s, out) ? out : undefined
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether `s` is an ISO 8601 date-time {@link instantOf} reads.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isDateTime = (s: unknown): s is string => instantOrUndefined(s) !== undefined

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Whole seconds from `from` to `to`, rounded down (negative when `to` is earlier).
 *
 * @example
 * wholeSecondsBetween({ seconds: 0, nanos: 900 }, { seconds: 1, nanos: 0 }) // 0
 *
 * @category operations
 * @since 0.2.0
 */
export const wholeSecondsBetween = (from: Instant, to: Instant): number =>
  to.seconds - from.seconds - (to.nanos < from.nanos ? 1 : 0)
