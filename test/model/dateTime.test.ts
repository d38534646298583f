/** ISO 8601 date-times read by hand, checked against the grammar (a regular expression) and Date.parse. */
import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { instantOf, isDateTime, wholeSecondsBetween } from '../../src/model/dateTime.js'

/** The grammar as the state document states it, independent of the hand-written reader. */
const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

const two = (n: number): string => String(n).padStart(2, '0')

const dateTime = fc
  .record({
    y: fc.integer({ min: 1970, max: 2200 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
    zone: fc.oneof(fc.constant('Z'), fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })),
  })
  .map(({ y, mo, d, h, mi, s, ms, zone }) => {
    const seconds = s === undefined ? '' : `:${two(s)}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}`
    const z = typeof zone === 'string' ? zone : `${zone.sign}${two(zone.h)}:${two(zone.m)}`
    return `${String(y)}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${seconds}${z}`
  })

describe('instantOf', () => {
  test.prop([dateTime])('agrees with Date.parse on every well-formed date-time (to the millisecond)', (s) => {
    const i = instantOf(s)
    if (O.isNone(i)) throw new Error(`refused ${s}`)
    expect(i.value.seconds * 1000 + Math.floor(i.value.nanos / 1e6)).toBe(Date.parse(s))
  })

  test.prop([fc.oneof(dateTime, fc.string(), fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '-', 'T', ':', '.', 'Z', '+', ' ') }))])(
    'refuses exactly what the grammar refuses (and impossible calendar days and times)',
    (s) => {
      if (!GRAMMAR.test(s)) expect(isDateTime(s)).toBe(false)
    },
  )

  it.each(['2026-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-11-25T24:00:00Z', '2026-11-25T10:60Z', '2026-11-25T10:00:60Z', '2026-11-25T10:00:00+24:00', '2026-11-25T10:00:00.Z', '2026-11-25T10:00:00.1234567890Z', '2026-11-25T10:00:', '２026-11-25T10:00:00Z'])(
    'refuses %j',
    (s) => {
      expect(isDateTime(s)).toBe(false)
    },
  )

  it('keeps nine fraction digits exactly', () => {
    expect(instantOf('1970-01-01T00:00:01.000000001Z')).toStrictEqual(O.some({ seconds: 1, nanos: 1 }))
    expect(instantOf('1970-01-01T00:00:01.9Z')).toStrictEqual(O.some({ seconds: 1, nanos: 900_000_000 }))
    expect(instantOf('2000-02-29T00:00Z')).toStrictEqual(O.some({ seconds: 951_782_400, nanos: 0 }))
  })

  it('counts whole seconds between instants, rounding down', () => {
    const at = (s: string) => O.getOrElseW(() => ({ seconds: Number.NaN, nanos: 0 }))(instantOf(s))
    expect(wholeSecondsBetween(at('2026-11-25T10:00:00.999Z'), at('2026-11-25T10:00:01Z'))).toBe(0)
    expect(wholeSecondsBetween(at('2026-11-25T10:00:00.5Z'), at('2026-11-25T10:00:01.5Z'))).toBe(1)
    expect(wholeSecondsBetween(at('2026-11-25T10:00:01Z'), at('2026-11-25T10:00:00Z'))).toBe(-1)
  })
})
