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

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

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

const group = (m: RegExpExecArray, i: number): number => {
  const g = m[i]
  return g === undefined ? 0 : Number(g)
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
export const instantOf = (s: unknown): O.Option<Instant> => {
  if (typeof s !== 'string' || s.length > 40) return O.none
  const m = DATE_TIME.exec(s)
  if (m === null) return O.none
  const year = group(m, 1)
  const month = group(m, 2)
  const day = group(m, 3)
  const hour = group(m, 4)
  const minute = group(m, 5)
  const second = group(m, 6)
  const offsetHours = group(m, 9)
  const offsetMinutes = group(m, 10)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return O.none
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return O.none
  const fraction = m[7] ?? ''
  const nanos = fraction === '' ? 0 : Number(fraction.padEnd(9, '0'))
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset
  return O.some({ seconds, nanos })
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
export const isDateTime = (s: unknown): s is string => O.isSome(instantOf(s))

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
