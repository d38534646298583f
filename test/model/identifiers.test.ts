import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import {
  isFqdn,
  parseFqdn,
  parseSipAddress,
  parseSiteName,
  parseSqlInstanceName,
} from '../../src/model/identifiers.js'

describe('parseFqdn', () => {
  it('lower-cases and drops one trailing dot', () => {
    expect(parseFqdn('Pool1.Contoso.COM.')).toStrictEqual(O.some('pool1.contoso.com'))
  })
  it.each([
    ['single label', 'localhost'],
    ['empty label', 'a..b'],
    ['leading hyphen', '-a.contoso.com'],
    ['trailing hyphen', 'a-.contoso.com'],
    ['underscore', 'a_b.contoso.com'],
    ['space', 'a b.contoso.com'],
    ['two trailing dots', 'a.contoso.com..'],
    ['label of 64', `${'a'.repeat(64)}.com`],
    ['over 253 characters', `${'a.'.repeat(127)}com`],
    ['empty', ''],
  ])('rejects %s', (_, s) => {
    expect(parseFqdn(s)).toStrictEqual(O.none)
  })
  it('accepts labels of 63 and names of exactly 253 characters', () => {
    expect(O.isSome(parseFqdn(`${'a'.repeat(63)}.com`))).toBe(true)
    const name = `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.com`
    expect(name.length).toBe(251)
    expect(O.isSome(parseFqdn(`${name}xx`))).toBe(true)
    expect(O.isSome(parseFqdn(`${name}xxx`))).toBe(false)
  })
  test.prop([fc.domain()])('every generated domain normalizes to an idempotent lower-case FQDN', (d) => {
    const once = parseFqdn(d.toUpperCase())
    if (O.isSome(once)) {
      expect(once.value).toBe(once.value.toLowerCase())
      expect(parseFqdn(once.value)).toStrictEqual(once)
      expect(isFqdn(once.value)).toBe(true)
    } else {
      // fc.domain() may produce single-label names, which are not FQDNs here
      expect(d.includes('.')).toBe(false)
    }
  })
})

describe('other identifiers', () => {
  it('site names: 1–64 letters, digits, space, - _ .', () => {
    expect(parseSiteName('Redmond DC-1_a.b')).toStrictEqual(O.some('Redmond DC-1_a.b'))
    expect(parseSiteName('')).toStrictEqual(O.none)
    expect(parseSiteName('a'.repeat(65))).toStrictEqual(O.none)
    expect(parseSiteName('Redmond;rm')).toStrictEqual(O.none)
  })
  it('SQL instance names: 1–16, first a letter or _', () => {
    expect(parseSqlInstanceName('rtc')).toStrictEqual(O.some('rtc'))
    expect(parseSqlInstanceName('_Rtc$2')).toStrictEqual(O.some('_Rtc$2'))
    expect(parseSqlInstanceName('1rtc')).toStrictEqual(O.none)
    expect(parseSqlInstanceName('a'.repeat(17))).toStrictEqual(O.none)
    expect(parseSqlInstanceName("rtc'")).toStrictEqual(O.none)
  })
  it('SIP addresses compare case-insensitively, scheme included', () => {
    expect(parseSipAddress('SIP:Alice@Contoso.com')).toStrictEqual(O.some('sip:alice@contoso.com'))
    expect(parseSipAddress('alice@contoso.com')).toStrictEqual(O.none)
    expect(parseSipAddress('sip:alice')).toStrictEqual(O.none)
    expect(parseSipAddress('sip:a@b@contoso.com')).toStrictEqual(O.none)
    expect(parseSipAddress('sip:@contoso.com')).toStrictEqual(O.none)
  })
})
