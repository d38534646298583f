import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import {
  isFqdn,
  isSipAddress,
  isSiteName,
  isSqlInstanceName,
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

/** Values a JavaScript caller may pass where a string belongs. */
const revoked = Proxy.revocable({}, {})
revoked.revoke()
const throwing = new Proxy(
  {},
  {
    get: () => {
      throw new Error('get')
    },
    getPrototypeOf: () => {
      throw new Error('getPrototypeOf')
    },
  },
)
const NON_STRINGS: Readonly<Record<string, unknown>> = {
  undefined,
  null: null,
  zero: 0,
  true: true,
  'an object': {},
  'an array of a valid name': ['pool1.contoso.com'],
  'a symbol': Symbol('x'),
  'a bigint': 10n,
  'a function': () => 'pool1.contoso.com',
  'a revoked proxy': revoked.proxy,
  'a proxy that throws': throwing,
  'a String object': new String('pool1.contoso.com'),
}

describe('contract §3: letters are checked before case folding', () => {
  // The Kelvin sign K (U+212A) lower-cases to k, the long s ſ (U+017F) upper-cases to S, the
  // dotless ı (U+0131) upper-cases to I: none of them is an ASCII letter.
  it.each([
    ['Kelvin sign beside an upper-case letter', 'Poo\u212A1.Contoso.com'],
    ['Kelvin sign, all upper-case', 'POOL\u212A.CONTOSO.COM'],
    ['Kelvin sign, all lower-case', 'pool\u212A.contoso.com'],
    ['long s beside an upper-case letter', 'Pool1.Contoso.\u017Fe'],
    ['dotless i beside an upper-case letter', 'Pool1.Contoso.com\u0131'],
    ['fullwidth letters', 'Ｐool1.contoso.com'],
  ])('parseFqdn refuses a %s', (_, s) => {
    expect(parseFqdn(s)).toStrictEqual(O.none)
    expect(parseFqdn(`${s}.`)).toStrictEqual(O.none)
  })
  it('site and SQL instance names refuse the same look-alikes', () => {
    for (const s of ['Redmond\u212A', 'RED\u017FMOND', 'Redmond\u0131'])
      expect(parseSiteName(s)).toStrictEqual(O.none)
    for (const s of ['rtc\u212A', 'RTC\u017F', '\u212Artc'])
      expect(parseSqlInstanceName(s)).toStrictEqual(O.none)
  })
  it('SIP addresses: the scheme and the domain are ASCII, checked before folding', () => {
    expect(parseSipAddress('sip:Alice@\u212Aontoso.COM')).toStrictEqual(O.none)
    expect(parseSipAddress('SIP:alice@contoso.\u212Aom')).toStrictEqual(O.none)
    expect(parseSipAddress('\u017FIP:alice@contoso.com')).toStrictEqual(O.none)
    expect(parseSipAddress('SIP:Alice@CONTOSO.com')).toStrictEqual(O.some('sip:alice@contoso.com'))
  })
})

describe('contract §3: SIP addresses compare case-insensitively as a whole, with Unicode case folding', () => {
  it('sip:Åsa@… and sip:ÅSA@… are one user', () => {
    const a = parseSipAddress('sip:Åsa@contoso.com')
    expect(a).toStrictEqual(O.some('sip:åsa@contoso.com'))
    for (const s of ['sip:ÅSA@contoso.com', 'SIP:åsa@CONTOSO.COM', 'sip:A\u030Asa@contoso.com', 'sip:\u212BSA@contoso.com'])
      expect(parseSipAddress(s)).toStrictEqual(a)
  })
  it('folds beyond toLowerCase: ß and SS, final sigma, the Kelvin sign in the local part', () => {
    expect(parseSipAddress('sip:STRASSE@contoso.com')).toStrictEqual(parseSipAddress('sip:straße@contoso.com'))
    expect(parseSipAddress('sip:ΟΔΥΣΣΕΥΣ@contoso.com')).toStrictEqual(parseSipAddress('sip:οδυσσευς@contoso.com'))
    expect(parseSipAddress('sip:\u212Aim@contoso.com')).toStrictEqual(O.some('sip:kim@contoso.com'))
  })
  it('only normalized addresses are SIP addresses (isSipAddress)', () => {
    expect(isSipAddress('sip:åsa@contoso.com')).toBe(true)
    expect(isSipAddress('sip:Åsa@contoso.com')).toBe(false)
    expect(isSipAddress('sip:Alice@contoso.com')).toBe(false)
    expect(isSipAddress('sip:alice@Contoso.com')).toBe(false)
  })
  it('canonically equivalent spellings get one answer: ≮ is < + U+0338, refused in both spellings', () => {
    expect(parseSipAddress('sip:a\u226Eb@contoso.com')).toStrictEqual(O.none)
    expect(parseSipAddress('sip:a<\u0338b@contoso.com')).toStrictEqual(O.none)
  })
  it('upper-casing is compared on the canonical decomposition (Unicode D145), where JavaScript moves no mark', () => {
    // JavaScript upper-cases the precomposed ᾀ (U+1F80) to Ἀ + Ι, which moves a following mark
    // (Tibetan U+0F7A) from the alpha to the iota: not the same text. Upper-casing the decomposed
    // spelling keeps the mark where it was, and folds to the same address.
    const a = 'sip:\u1F80\u0F7A@contoso.com'
    expect(parseSipAddress(a.normalize('NFD').toUpperCase())).toStrictEqual(parseSipAddress(a))
  })
  test.prop([fc.string({ unit: 'binary', maxLength: 40 }), fc.domain()], { numRuns: 500 })(
    'normalization is idempotent, ignores letter case and canonical equivalence',
    (local, domain) => {
      const once = parseSipAddress(`sip:${local}@${domain}`)
      for (const form of ['NFC', 'NFD'] as const)
        expect(parseSipAddress(`sip:${local.normalize(form)}@${domain}`)).toStrictEqual(once)
      if (O.isNone(once)) return
      const decomposed = local.normalize('NFD')
      expect(isSipAddress(once.value)).toBe(true)
      expect(parseSipAddress(once.value)).toStrictEqual(once)
      expect(parseSipAddress(`SIP:${decomposed.toUpperCase()}@${domain.toUpperCase()}`)).toStrictEqual(once)
      expect(parseSipAddress(`sip:${decomposed.toLowerCase()}@${domain}`)).toStrictEqual(once)
    },
  )
})

describe('contract §3: parsers and refinements answer none/false for a non-string, never throw', () => {
  it.each(Object.keys(NON_STRINGS))('%s', (name) => {
    const u = NON_STRINGS[name]
    for (const parse of [parseFqdn, parseSiteName, parseSqlInstanceName, parseSipAddress]) expect(parse(u)).toStrictEqual(O.none)
    for (const is of [isFqdn, isSiteName, isSqlInstanceName, isSipAddress]) expect(is(u)).toBe(false)
  })
})
