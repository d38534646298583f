import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { hashString, isPlainSipAddress } from '../../src/model/hashing.js'
import { PoolLookup } from '../../src/codec/poolLookup.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import { pathOf } from '../../src/codec/problems.js'
import { describeFound } from '../../src/model/found.js'
import { fqdnMap } from '../../src/codec/stateEntries.js'
import { StringIndex } from '../../src/codec/stringIndex.js'
import { UserDirectory, UserDirectoryBuilder, makeUserDirectory } from '../../src/model/userDirectory.js'
import { isSipAddress, parseFqdn, parseSipAddress, type PoolFqdn, type SipAddress } from '../../src/model/identifiers.js'

const sip = (s: string): SipAddress => O.getOrElseW(() => expect.unreachable(s))(parseSipAddress(s))
const pool = (s: string): PoolFqdn => O.getOrElseW(() => expect.unreachable(s))(parseFqdn(s))

/** Strings shaped like SIP addresses, valid or nearly so: the edges the fast path must not get wrong. */
const sipLike = fc
  .tuple(
    fc.constantFrom('sip:', 'SIP:', 'sip', 'sips:', 'Sip:', ''),
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '-', '_', '+', '@', ':', ' ', '"', 'é', '\\', ';'), maxLength: 12 }),
    fc.constantFrom('@', '', '@@'),
    fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'Q', '0', '9', '-', '_', 'é'), maxLength: 64 }), { maxLength: 4 }),
  )
  .map(([scheme, local, at, labels]) => `${scheme}${local}${at}${labels.join('.')}`)

describe('isPlainSipAddress (the hot path of the user list)', () => {
  test.prop([fc.oneof(sipLike, fc.string(), fc.emailAddress().map((e) => `sip:${e}`))], { numRuns: 2000 })(
    'accepts only what the model accepts, and then hashes like hashString',
    (s) => {
      const out = { hash: 0 }
      if (isPlainSipAddress(s, out)) {
        expect(isSipAddress(s)).toBe(true)
        expect(out.hash).toBe(hashString(s))
      }
    },
  )

  test.prop([fc.emailAddress()])('accepts every lower-case ASCII address the model accepts', (email) => {
    const s = `sip:${email}`
    if (isSipAddress(s) && s === s.toLowerCase()) expect(isPlainSipAddress(s, { hash: 0 })).toBe(true)
  })

  it.each(['sip:alice@contoso.com', 'sip:a.b+c@x-y.contoso.co.uk', `sip:${'a'.repeat(256)}@contoso.com`])('accepts %s', (s) => {
    expect(isPlainSipAddress(s, { hash: 0 })).toBe(true)
  })

  it.each([
    'SIP:alice@contoso.com',
    'sip:Alice@contoso.com',
    'sip:@contoso.com',
    'sip:alice@contoso',
    'sip:alice@-contoso.com',
    'sip:alice@contoso-.com',
    'sip:alice@contoso..com',
    'sip:al ice@contoso.com',
    `sip:${'a'.repeat(257)}@contoso.com`,
    `sip:alice@${'a'.repeat(64)}.com`,
  ])('leaves %s to the normalizing path', (s) => {
    expect(isPlainSipAddress(s, { hash: 0 })).toBe(false)
  })
})

describe('UserDirectory', () => {
  const entries = fc.uniqueArray(
    fc.tuple(fc.emailAddress().map((e) => parseSipAddress(`sip:${e}`)), fc.constantFrom('p1.contoso.com', 'p2.contoso.com', 'p3.contoso.com')),
    { selector: ([s]) => (O.isSome(s) ? s.value : ''), maxLength: 60 },
  ).map((list) => list.flatMap(([s, p]) => (O.isSome(s) ? [[s.value, pool(p)] as const] : [])))

  test.prop([entries])('behaves as a Map of the same entries, in the same order', (list) => {
    const dir = makeUserDirectory(list)
    const map = new Map(list)
    expect(dir.size).toBe(map.size)
    expect([...dir]).toEqual([...map])
    expect([...dir.keys()]).toEqual([...map.keys()])
    expect([...dir.values()]).toEqual([...map.values()])
    for (const [k, v] of map) {
      expect(dir.get(k)).toBe(v)
      expect(dir.has(k)).toBe(true)
    }
    const seen: Array<[SipAddress, PoolFqdn]> = []
    dir.forEach((v, k, m) => {
      seen.push([k, v])
      expect(m).toBe(dir)
    })
    expect(seen).toEqual([...map])
  })

  it('answers nothing for unknown, un-normalized and non-string keys', () => {
    const dir = makeUserDirectory([[sip('sip:alice@contoso.com'), pool('pool1.contoso.com')]])
    expect(dir.get(sip('sip:bob@contoso.com'))).toBeUndefined()
    expect(dir.get('SIP:alice@contoso.com' as SipAddress)).toBeUndefined()
    expect(dir.has(42 as unknown as SipAddress)).toBe(false)
    expect(makeUserDirectory([]).get(sip('sip:alice@contoso.com'))).toBeUndefined()
  })

  it('lets a later entry replace an earlier one, like a Map', () => {
    const a = sip('sip:alice@contoso.com')
    const dir = makeUserDirectory([[a, pool('pool1.contoso.com')], [a, pool('pool2.contoso.com')]])
    expect([...dir]).toEqual([[a, 'pool2.contoso.com']])
  })

  it('shows its entries to util.inspect and names itself', () => {
    const dir = makeUserDirectory([[sip('sip:alice@contoso.com'), pool('pool1.contoso.com')]])
    expect(inspect(dir)).toContain("'sip:alice@contoso.com' => 'pool1.contoso.com'")
    expect(Object.prototype.toString.call(dir)).toBe('[object UserDirectory]')
    expect(dir).toBeInstanceOf(UserDirectory)
  })

  it('finds duplicates and keeps working after switching to a Map on colliding input', () => {
    const pools = [pool('pool1.contoso.com'), pool('pool2.contoso.com')]
    const build = (budget: number) => {
      const b = new UserDirectoryBuilder(3000, pools, budget)
      const firsts: Array<number> = []
      for (let row = 0; row < 3000; row++) {
        const s = sip(`sip:user${String(row % 2000)}@contoso.com`)
        firsts.push(b.add(s, hashString(s), row % 2, row))
      }
      return { dir: b.build(), firsts }
    }
    const normal = build(1_000_000)
    const forced = build(0)
    expect(forced.firsts).toEqual(normal.firsts)
    expect(normal.firsts.slice(2000, 2003)).toEqual([0, 1, 2])
    expect(normal.firsts.slice(0, 2000).every((f) => f === -1)).toBe(true)
    expect([...forced.dir]).toEqual([...normal.dir])
    expect(forced.dir.get(sip('sip:user1999@contoso.com'))).toBe('pool2.contoso.com')
  })
})

describe('StringIndex and PoolLookup', () => {
  test.prop([fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 })])('numbers strings in insertion order, once each', (list) => {
    const index = new StringIndex(2)
    const numbers = new Map<string, number>()
    for (const s of list) {
      const known = numbers.get(s)
      expect(index.add(s)).toBe(known ?? -1)
      if (known === undefined) numbers.set(s, numbers.size)
    }
    for (const [s, n] of numbers) {
      expect(index.indexOf(s)).toBe(n)
      expect(index.at(n)).toBe(s)
    }
    expect(index.size).toBe(numbers.size)
    expect(index.indexOf('\u0000never')).toBe(-1)
  })

  it('resolves any spelling of a pool, and nothing else', () => {
    const pools = ['pool1.contoso.com', 'pool2.contoso.com', 'se1.fabrikam.net'].map(pool)
    const lookup = new PoolLookup(pools, [['Pool2.Contoso.com', 1]])
    expect(lookup.slotOf('pool1.contoso.com')).toBe(0)
    expect(lookup.slotOf('Pool2.Contoso.com')).toBe(1)
    expect(lookup.slotOf('POOL1.CONTOSO.COM.')).toBe(0)
    expect(lookup.slotOf('POOL1.CONTOSO.COM.')).toBe(0)
    expect(lookup.slotOf('se1.fabrikam.net.')).toBe(2)
    expect(lookup.slotOf('pool3.contoso.com')).toBe(-1)
    expect(lookup.slotOf('pool1')).toBe(-1)
    expect(lookup.slotOf('')).toBe(-1)
  })

  test.prop([fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 200 })])('resolves every pool of a large set', (domains) => {
    const pools = [...new Set(domains.flatMap((d) => (O.isSome(parseFqdn(d)) ? [pool(d)] : [])))]
    const lookup = new PoolLookup(pools)
    pools.forEach((p, i) => {
      expect(lookup.slotOf(p)).toBe(i)
      expect(lookup.slotOf(p.toUpperCase())).toBe(i)
    })
  })
})

describe('allocation-free fast paths agree with the model parsers', () => {
  /** Spellings of a pool name: letter case, a trailing dot, and characters that lower-case to ASCII. */
  const spelling = (name: string): fc.Arbitrary<string> =>
    fc
      .tuple(
        fc.array(fc.constantFrom('keep', 'upper', 'kelvin', 'dotless'), { minLength: name.length, maxLength: name.length }),
        fc.constantFrom('', '.', '..'),
      )
      .map(([how, dot]) => {
        let out = ''
        for (let i = 0; i < name.length; i++) {
          const ch = name.charAt(i)
          const op = how[i]
          out += op === 'upper' ? ch.toUpperCase() : op === 'kelvin' && ch === 'k' ? '\u212A' : op === 'dotless' && ch === 'i' ? '\u0130' : ch
        }
        return out + dot
      })

  test.prop([fc.constantFrom('pool1.contoso.com', 'sk1.kiwi.net', 'edge-k.fabrikam.com').chain((n) => spelling(n))])(
    'PoolLookup.slotOf(s) finds the pool parseFqdn(s) names',
    (raw) => {
      const pools = ['pool1.contoso.com', 'sk1.kiwi.net', 'edge-k.fabrikam.com'].map(pool)
      const lookup = new PoolLookup(pools)
      const normalized = O.toUndefined(parseFqdn(raw))
      expect(lookup.slotOf(raw)).toBe(normalized === undefined ? -1 : pools.indexOf(normalized))
    },
  )

  it.each(['sip:\u212Aate@contoso.com', 'SIP:\u212Aate@Contoso.com', 'sip:Kate@Contoso.COM', 'sip:kate@contoso.com'])(
    'keeps %s as parseSipAddress does (a Kelvin sign lower-cases to ASCII only with an ASCII capital)',
    (raw) => {
      const result = decodeTopology({
        sites: [{ name: 'S' }],
        pools: [{ fqdn: 'pool1.contoso.com', site: 'S', edition: 'Standard', frontEnds: ['pool1.contoso.com'] }],
        pairings: [],
        centralManagementStore: { pool: 'POOL1.contoso.com.' },
        users: [{ sipAddress: raw, homePool: 'Pool1.Contoso.com.' }],
      })
      expect(result._tag === 'Right' ? [...result.right.users] : result.left).toEqual([[sip(raw), 'pool1.contoso.com']])
    },
  )

  test.prop([sipLike, fc.constantFrom('', 'K', '\u212A', 'İ', 'É')])(
    'the user list normalizes a SIP address exactly as parseSipAddress',
    (s, extra) => {
      const raw = s.replace('a', `a${extra}`)
      const users = [{ sipAddress: raw, homePool: 'pool1.contoso.com' }]
      const result = decodeTopology({
        sites: [{ name: 'S' }],
        pools: [{ fqdn: 'pool1.contoso.com', site: 'S', edition: 'Standard', frontEnds: ['pool1.contoso.com'] }],
        pairings: [],
        centralManagementStore: { pool: 'pool1.contoso.com' },
        users,
      })
      const expected = O.toUndefined(parseSipAddress(raw))
      if (expected === undefined) expect(result._tag).toBe('Left')
      else expect(result._tag === 'Right' ? [...result.right.users.keys()] : result.left).toEqual([expected])
    },
  )
})

describe('problem rendering', () => {
  it.each([
    ['short', '"short"'],
    [42, '42'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'nothing'],
    [[1, 2], 'an array of 2 items'],
    [[1], 'an array of 1 item'],
    [{ a: 1 }, 'an object'],
    [10n, 'a bigint'],
    [Symbol('x'), 'a symbol'],
    [() => 1, 'a function'],
  ])('renders %o as %s', (u, found) => {
    expect(describeFound(u)).toBe(found)
  })

  it('cuts long strings and says how long they were', () => {
    expect(describeFound('x'.repeat(1000))).toBe(`"${'x'.repeat(40)}"… (1000 characters)`)
  })

  it('renders JSON paths: names, indexes, quoted odd keys and FQDN-keyed entries', () => {
    const root: t.Context = [{ key: '', type: t.unknown, actual: {} }]
    const at = (c: t.Context, key: string, type: t.Decoder<unknown, unknown> = t.unknown): t.Context => t.appendContext(c, key, type, undefined)
    expect(pathOf(root)).toBe('')
    expect(pathOf(at(at(at(root, 'pools'), '0'), 'fqdn'))).toBe('pools[0].fqdn')
    expect(pathOf(at(at(at(root, 'pairings'), '1'), '0'))).toBe('pairings[1][0]')
    expect(pathOf(at(root, 'odd key'))).toBe('["odd key"]')
    expect(pathOf(at(at(at(root, 'pools', fqdnMap), 'pool9.contoso.com'), 'reachable'))).toBe('pools["pool9.contoso.com"].reachable')
    expect(pathOf(at(at(root, 'pools', fqdnMap), '7'))).toBe('pools["7"]')
  })
})
