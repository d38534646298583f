import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeTopology, encodeTopology } from '../../src/codec/topologyCodec.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { REMOVE, baseDocument, edit, topologyOf, topologyProblems } from './support.js'

const invalid = (path: string, expected: string, found: string) => ({ _tag: 'InvalidInput', path, expected, found })
const FQDN = 'an FQDN (two or more dot-separated labels of letters, digits and inner hyphens)'

describe('decodeTopology: the Contoso sample', () => {
  const t = topologyOf(contosoTopologyDocument())

  it('decodes pools, pairings, Edge pools and the CMS as written', () => {
    expect(t.pools.map((p) => p.fqdn)).toEqual(['pool1.contoso.com', 'pool2.contoso.com', 'se1.contoso.com'])
    expect(t.pools[0]?.backEnd).toEqual({
      sqlServer: 'be1.contoso.com',
      instance: 'rtc',
      mirror: { sqlServer: 'be1m.contoso.com', instance: 'rtc' },
      ha: 'mirroring',
    })
    expect(t.pairings).toEqual([['pool1.contoso.com', 'pool2.contoso.com']])
    expect(t.index.partners.get('pool2.contoso.com' as never)).toBe('pool1.contoso.com')
    expect(t.edgePools.map((e) => [e.fqdn, e.nextHop, e.federation, e.xmpp])).toEqual([
      ['edge1.contoso.com', 'pool1.contoso.com', true, false],
      ['edge2.contoso.com', 'pool2.contoso.com', false, true],
    ])
    expect(t.centralManagementStore).toEqual({ pool: 'pool1.contoso.com' })
  })

  it('fills the defaults of the Standard Edition server', () => {
    expect(t.pools[2]).toEqual({
      fqdn: 'se1.contoso.com',
      site: 'Redmond',
      edition: 'Standard',
      version: '2015',
      hosting: 'physical',
      frontEnds: ['se1.contoso.com'],
      backEnd: { sqlServer: 'se1.contoso.com', instance: 'rtc', ha: 'none' },
    })
  })

  it('indexes the users and counts them per home pool', () => {
    expect([...t.users]).toEqual([
      ['sip:alice@contoso.com', 'pool1.contoso.com'],
      ['sip:bob@contoso.com', 'pool1.contoso.com'],
      ['sip:carol@contoso.com', 'pool2.contoso.com'],
      ['sip:dave@contoso.com', 'se1.contoso.com'],
    ])
    expect(t.users.get('sip:carol@contoso.com' as never)).toBe('pool2.contoso.com')
    expect(t.index.userCounts).toEqual(
      new Map([
        ['pool1.contoso.com', 2],
        ['pool2.contoso.com', 1],
        ['se1.contoso.com', 1],
      ]),
    )
  })

  it('encodes back to a document that decodes to the same topology', () => {
    const doc = encodeTopology(t)
    expect(decodeTopology(JSON.parse(JSON.stringify(doc)))).toStrictEqual(E.right(t))
  })
})

describe('decodeTopology: normalization and defaults', () => {
  it('lower-cases FQDNs and SIP addresses and drops one trailing dot, everywhere', () => {
    const shouting = {
      sites: [{ name: 'Redmond' }],
      pools: [
        { fqdn: 'POOL1.Contoso.COM.', site: 'Redmond', edition: 'Enterprise', frontEnds: ['FE1.CONTOSO.COM'], backEnd: { sqlServer: 'BE1.contoso.com.', instance: 'RTC' }, edgePool: 'Edge1.Contoso.com' },
        { fqdn: 'Pool2.contoso.com', site: 'Redmond', edition: 'Enterprise', frontEnds: ['fe2.contoso.com.'], backEnd: { sqlServer: 'be2.contoso.com', instance: 'rtc' } },
        { fqdn: 'SE1.contoso.com', site: 'Redmond', edition: 'Standard', frontEnds: ['se1.CONTOSO.com.'] },
      ],
      pairings: [['pool1.CONTOSO.com', 'POOL2.contoso.com.']],
      edgePools: [{ fqdn: 'EDGE1.contoso.com.', site: 'Redmond', nextHop: 'Pool1.Contoso.Com' }],
      centralManagementStore: { pool: 'POOL1.contoso.com' },
      users: [
        { sipAddress: 'SIP:Alice@Contoso.COM', homePool: 'pool1.contoso.com.' },
        { sipAddress: 'sip:bob@contoso.com', homePool: 'SE1.CONTOSO.COM' },
      ],
    }
    const t = topologyOf(shouting)
    expect(t.pools.map((p) => p.fqdn)).toEqual(['pool1.contoso.com', 'pool2.contoso.com', 'se1.contoso.com'])
    expect(t.pools[0]?.frontEnds).toEqual(['fe1.contoso.com'])
    expect(t.pools[0]?.backEnd.sqlServer).toBe('be1.contoso.com')
    expect(t.pools[0]?.backEnd.instance).toBe('RTC')
    expect(t.pools[0]?.edgePool).toBe('edge1.contoso.com')
    expect(t.pools[2]?.backEnd.sqlServer).toBe('se1.contoso.com')
    expect(t.pairings).toEqual([['pool1.contoso.com', 'pool2.contoso.com']])
    expect(t.edgePools[0]?.nextHop).toBe('pool1.contoso.com')
    expect(t.centralManagementStore.pool).toBe('pool1.contoso.com')
    expect([...t.users]).toEqual([
      ['sip:alice@contoso.com', 'pool1.contoso.com'],
      ['sip:bob@contoso.com', 'se1.contoso.com'],
    ])
    expect(t.index.userCounts).toEqual(new Map([['pool1.contoso.com', 1], ['se1.contoso.com', 1]]))
  })

  it('keeps site names as written and compares them exactly', () => {
    const renamed = edit(baseDocument(), ['sites', 0, 'name'], 'redmond')
    expect(topologyProblems(renamed)).toEqual([
      { _tag: 'UnknownReference', path: 'pools[0].site', kind: 'site', name: 'Redmond' },
      { _tag: 'UnknownReference', path: 'pools[2].site', kind: 'site', name: 'Redmond' },
      { _tag: 'UnknownReference', path: 'edgePools[0].site', kind: 'site', name: 'Redmond' },
    ])
    const t = topologyOf(edit(edit(edit(renamed, ['pools', 0, 'site'], 'redmond'), ['pools', 2, 'site'], 'redmond'), ['edgePools', 0, 'site'], 'redmond'))
    expect(t.sites.map((s) => s.name)).toEqual(['redmond', 'Dublin'])
    expect(t.pools[0]?.site).toBe('redmond')
  })

  it('defaults version, hosting, Back End HA, Edge flags and the optional lists', () => {
    const doc = edit(edit(baseDocument(), ['users'], REMOVE), ['edgePools', 0, 'federation'], REMOVE)
    const t = topologyOf(edit(doc, ['pools', 0, 'edgePool'], REMOVE))
    expect(t.pools[0]).toMatchObject({ version: '2015', hosting: 'physical', backEnd: { ha: 'none' } })
    expect(t.edgePools[0]).toMatchObject({ federation: false, xmpp: false })
    expect(t.users.size).toBe(0)
    expect(t.index.userCounts.size).toBe(0)
    expect(topologyOf(edit(baseDocument(), ['edgePools'], REMOVE)).edgePools).toEqual([])
  })

  it('refuses unknown extra fields instead of ignoring them, and allows a top-level $schema', () => {
    const doc = edit(edit(baseDocument(), ['comment'], 'exported by TB'), ['pools', 0, 'futureField'], { a: 1 })
    expect(topologyProblems(doc)).toEqual([
      { _tag: 'UnknownField', path: 'comment', field: 'comment' },
      { _tag: 'UnknownField', path: 'pools[0].futureField', field: 'futureField' },
    ])
    const withSchema = edit(baseDocument(), ['$schema'], 'https://example.com/topology.schema.json')
    expect(decodeTopology(withSchema)).toStrictEqual(decodeTopology(baseDocument()))
  })

  it('writes every default out when encoding', () => {
    const doc = encodeTopology(topologyOf(baseDocument()))
    expect(doc.pools[2]).toEqual({
      fqdn: 'se1.contoso.com',
      site: 'Redmond',
      edition: 'Standard',
      version: '2015',
      hosting: 'physical',
      frontEnds: ['se1.contoso.com'],
      backEnd: { sqlServer: 'se1.contoso.com', instance: 'rtc', ha: 'none' },
    })
    expect(doc.edgePools).toEqual([
      { fqdn: 'edge1.contoso.com', site: 'Redmond', nextHop: 'pool1.contoso.com', federation: true, xmpp: false },
    ])
    expect(doc.users).toEqual([
      { sipAddress: 'sip:alice@contoso.com', homePool: 'pool1.contoso.com' },
      { sipAddress: 'sip:bob@contoso.com', homePool: 'se1.contoso.com' },
    ])
  })
})

describe('decodeTopology: invalid values (InvalidInput with path, expected and found)', () => {
  it.each([null, 42, 'topology', [], true])('refuses a document that is not an object: %j', (doc) => {
    expect(topologyProblems(doc)).toEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: '', expected: 'a topology document (an object)' }),
    ])
  })

  it.each(['sites', 'pools', 'pairings'])('requires %s to be an array', (section) => {
    expect(topologyProblems(edit(baseDocument(), [section], REMOVE))).toContainEqual(
      expect.objectContaining({ _tag: 'InvalidInput', path: section, found: 'nothing' }),
    )
  })

  it('requires the Central Management Store', () => {
    expect(topologyProblems(edit(baseDocument(), ['centralManagementStore'], REMOVE))).toEqual([
      invalid('centralManagementStore', 'the Central Management Store { pool }', 'nothing'),
    ])
  })

  it.each([
    [['pools', 0, 'fqdn'], 'pool_1.contoso.com', 'pools[0].fqdn', FQDN, '"pool_1.contoso.com"'],
    [['pools', 0, 'edition'], 'Premium', 'pools[0].edition', '"Enterprise" | "Standard"', '"Premium"'],
    [['pools', 0, 'version'], 2019, 'pools[0].version', '"2015" | "2019"', '2019'],
    [['pools', 0, 'hosting'], 'cloud', 'pools[0].hosting', '"physical" | "virtual"', '"cloud"'],
    [['pools', 0, 'site'], 'Red;mond', 'pools[0].site', 'a site name (1 to 64 letters, digits, spaces, "-", "_" or ".")', '"Red;mond"'],
    [['pools', 0, 'frontEnds', 1], 'fe2', 'pools[0].frontEnds[1]', FQDN, '"fe2"'],
    [['pools', 0, 'frontEnds'], [], 'pools[0].frontEnds', 'a non-empty array of Front End server FQDNs', 'an array of 0 items'],
    [['pools', 0, 'backEnd', 'instance'], '1rtc', 'pools[0].backEnd.instance', 'a SQL instance name (1 to 16 letters, digits, "_" or "$", starting with a letter or "_")', '"1rtc"'],
    [['pools', 0, 'backEnd', 'ha'], 'raid', 'pools[0].backEnd.ha', '"none" | "mirroring" | "alwaysOn" | "failoverCluster"', '"raid"'],
    [['pools', 0, 'backEnd'], 'be1.contoso.com', 'pools[0].backEnd', 'a Back End { sqlServer, instance, ha?, mirror? }', '"be1.contoso.com"'],
    [['pools', 0, 'os'], '', 'pools[0].os', 'a text of 1 to 256 characters', '""'],
    [['pairings', 0], ['pool1.contoso.com'], 'pairings[0]', 'a pairing: an array of two pool FQDNs', 'an array of 1 item'],
    [['pairings', 0, 1], 'pool2', 'pairings[0][1]', FQDN, '"pool2"'],
    [['edgePools', 0, 'federation'], 'yes', 'edgePools[0].federation', 'true or false', '"yes"'],
    [['edgePools', 0, 'nextHop'], null, 'edgePools[0].nextHop', FQDN, 'null'],
    [['centralManagementStore', 'pool'], 7, 'centralManagementStore.pool', FQDN, '7'],
    [['users', 1, 'sipAddress'], 'bob@contoso.com', 'users[1].sipAddress', 'a SIP address such as "sip:alice@contoso.com"', '"bob@contoso.com"'],
    [['users', 1, 'homePool'], 'se1', 'users[1].homePool', FQDN, '"se1"'],
    [['users', 0], 'sip:alice@contoso.com', 'users[0]', 'a user { sipAddress, homePool }', '"sip:alice@contoso.com"'],
    [['users'], {}, 'users', 'an array of users { sipAddress, homePool }', 'an object'],
  ])('reports %j = %j at %s', (at, value, path, expected, found) => {
    expect(topologyProblems(edit(baseDocument(), at, value))).toEqual([invalid(path, expected, found)])
  })

  it('requires a Back End for an Enterprise pool, and defaults it for a Standard one', () => {
    expect(topologyProblems(edit(baseDocument(), ['pools', 0, 'backEnd'], REMOVE))).toEqual([
      invalid('pools[0].backEnd', 'a Back End { sqlServer, instance }: an Enterprise pool needs one', 'nothing'),
    ])
  })

  it('allows a mirror only with "ha": "mirroring"', () => {
    const mirror = { sqlServer: 'be1m.contoso.com', instance: 'rtc' }
    expect(topologyProblems(edit(baseDocument(), ['pools', 0, 'backEnd', 'mirror'], mirror))).toEqual([
      invalid('pools[0].backEnd.mirror', 'no mirror: a mirror needs "ha": "mirroring"', 'an object'),
    ])
    const mirrored = edit(edit(baseDocument(), ['pools', 0, 'backEnd', 'mirror'], mirror), ['pools', 0, 'backEnd', 'ha'], 'mirroring')
    expect(topologyOf(mirrored).pools[0]?.backEnd).toEqual({ sqlServer: 'be1.contoso.com', instance: 'rtc', mirror, ha: 'mirroring' })
  })

  it('requires a Standard Edition pool to be exactly one server with the pool FQDN', () => {
    expect(topologyProblems(edit(baseDocument(), ['pools', 2, 'frontEnds'], ['se1.contoso.com', 'se2.contoso.com']))).toEqual([
      invalid('pools[2].frontEnds', 'exactly one server: a Standard Edition pool is a single server', 'an array of 2 items'),
    ])
    expect(topologyProblems(edit(baseDocument(), ['pools', 2, 'frontEnds', 0], 'se2.contoso.com'))).toEqual([
      invalid('pools[2].frontEnds[0]', 'the pool\'s own FQDN "se1.contoso.com" (a Standard Edition server is its own pool)', '"se2.contoso.com"'),
    ])
  })

  it('reports every problem of a document at once', () => {
    let doc = edit(baseDocument(), ['pools', 0, 'edition'], 'Premium')
    doc = edit(doc, ['pools', 1, 'frontEnds', 0], 'FE 3')
    doc = edit(doc, ['users', 1, 'homePool'], 'nowhere.contoso.com')
    doc = edit(doc, ['sites', 1, 'name'], '')
    const paths = topologyProblems(doc).map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(['pools[0].edition', 'pools[1].frontEnds[0]', 'users[1].homePool', 'sites[1].name']))
  })

  it('keeps a broken pool defined, so that its users and pairing are not reported again', () => {
    const problems = topologyProblems(edit(baseDocument(), ['pools', 0, 'edition'], 'Premium'))
    expect(problems).toEqual([invalid('pools[0].edition', '"Enterprise" | "Standard"', '"Premium"')])
  })

  it('does not judge references to pools while a pool FQDN is unreadable', () => {
    const problems = topologyProblems(edit(baseDocument(), ['pools', 0, 'fqdn'], 'pool_1.contoso.com'))
    expect(problems).toEqual([invalid('pools[0].fqdn', FQDN, '"pool_1.contoso.com"')])
  })
})

describe('decodeTopology: references, duplicates, pairings', () => {
  it('reports undefined sites and Edge pools', () => {
    expect(topologyProblems(edit(baseDocument(), ['pools', 1, 'site'], 'Paris'))).toEqual([
      { _tag: 'UnknownReference', path: 'pools[1].site', kind: 'site', name: 'Paris' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['pools', 1, 'edgePool'], 'edge9.contoso.com'))).toEqual([
      { _tag: 'UnknownReference', path: 'pools[1].edgePool', kind: 'edgePool', name: 'edge9.contoso.com' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 0, 'site'], 'Paris'))).toEqual([
      { _tag: 'UnknownReference', path: 'edgePools[0].site', kind: 'site', name: 'Paris' },
    ])
  })

  it('reports a CMS on something that is not a Front End pool', () => {
    expect(topologyProblems(edit(baseDocument(), ['centralManagementStore', 'pool'], 'FE1.contoso.com'))).toEqual([
      { _tag: 'UnknownReference', path: 'centralManagementStore.pool', kind: 'pool', name: 'fe1.contoso.com' },
    ])
  })

  it('reports duplicate FQDNs across pools, servers and Edge pools, and duplicate site names', () => {
    expect(topologyProblems(edit(baseDocument(), ['pools', 1, 'fqdn'], 'POOL1.contoso.com'))).toContainEqual({
      _tag: 'DuplicateName',
      path: 'pools[1].fqdn',
      firstPath: 'pools[0].fqdn',
      kind: 'pool',
      name: 'pool1.contoso.com',
    })
    expect(topologyProblems(edit(baseDocument(), ['pools', 1, 'frontEnds', 0], 'fe2.contoso.com'))).toEqual([
      { _tag: 'DuplicateName', path: 'pools[1].frontEnds[0]', firstPath: 'pools[0].frontEnds[1]', kind: 'server', name: 'fe2.contoso.com' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['pools', 0, 'frontEnds', 0], 'pool1.contoso.com'))).toEqual([
      { _tag: 'DuplicateName', path: 'pools[0].frontEnds[0]', firstPath: 'pools[0].fqdn', kind: 'server', name: 'pool1.contoso.com' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 0, 'fqdn'], 'fe3.contoso.com'))).toEqual([
      { _tag: 'DuplicateName', path: 'edgePools[0].fqdn', firstPath: 'pools[1].frontEnds[0]', kind: 'edgePool', name: 'fe3.contoso.com' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['sites', 1, 'name'], 'Redmond'))).toContainEqual({
      _tag: 'DuplicateName',
      path: 'sites[1].name',
      firstPath: 'sites[0].name',
      kind: 'site',
      name: 'Redmond',
    })
  })

  it('does not count a Standard Edition server named like its pool as a duplicate', () => {
    expect(topologyOf(baseDocument()).pools[2]?.frontEnds).toEqual(['se1.contoso.com'])
  })

  it('reports a pool paired with itself or in two pairings', () => {
    expect(topologyProblems(edit(baseDocument(), ['pairings', 0, 1], 'Pool1.contoso.com.'))).toEqual([
      { _tag: 'PoolPairedWithItself', path: 'pairings[0]', pool: 'pool1.contoso.com' },
    ])
    const twice = edit(baseDocument(), ['pairings', 1], ['se1.contoso.com', 'pool2.contoso.com'])
    expect(topologyProblems(twice)).toEqual([
      { _tag: 'PoolInTwoPairings', path: 'pairings[1][1]', firstPath: 'pairings[0][1]', pool: 'pool2.contoso.com' },
    ])
  })

  it.each([
    ['edge1.contoso.com', 'edgePool'],
    ['fe1.contoso.com', 'server'],
    ['pool9.contoso.com', 'unknown'],
  ] as const)('reports a pairing member %s that is not a Front End pool (%s)', (name, actualKind) => {
    expect(topologyProblems(edit(baseDocument(), ['pairings', 0, 1], name))).toEqual([
      { _tag: 'PairingMemberNotFrontEndPool', path: 'pairings[0][1]', name, actualKind },
    ])
  })

  it('reports an Edge next hop that is not a pool and a second federation Edge pool', () => {
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 0, 'nextHop'], 'fe1.contoso.com'))).toEqual([
      { _tag: 'EdgeNextHopNotPool', path: 'edgePools[0].nextHop', edgePool: 'edge1.contoso.com', nextHop: 'fe1.contoso.com' },
    ])
    const second = { fqdn: 'edge2.contoso.com', site: 'Dublin', nextHop: 'pool2.contoso.com', federation: true }
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 1], second))).toEqual([
      { _tag: 'MultipleFederationEdgePools', path: 'edgePools[1].federation', edgePools: ['edge1.contoso.com', 'edge2.contoso.com'] },
    ])
  })

  it('reports users on unknown pools and duplicate users, comparing SIP addresses case-insensitively', () => {
    expect(topologyProblems(edit(baseDocument(), ['users', 1, 'homePool'], 'EDGE1.contoso.com'))).toEqual([
      { _tag: 'UnknownReference', path: 'users[1].homePool', kind: 'pool', name: 'edge1.contoso.com' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['users', 2], { sipAddress: 'SIP:Alice@contoso.com', homePool: 'pool2.contoso.com' }))).toEqual([
      { _tag: 'DuplicateName', path: 'users[2].sipAddress', firstPath: 'users[0].sipAddress', kind: 'user', name: 'sip:alice@contoso.com' },
    ])
  })

  it('reports every bad user of a long list, each with its index', () => {
    const users = Array.from({ length: 1000 }, (_, i) => ({ sipAddress: `sip:user${String(i)}@contoso.com`, homePool: i % 250 === 7 ? 'gone.contoso.com' : 'pool2.contoso.com' }))
    expect(topologyProblems(edit(baseDocument(), ['users'], users)).map((p) => p.path)).toEqual([
      'users[7].homePool',
      'users[257].homePool',
      'users[507].homePool',
      'users[757].homePool',
    ])
  })
})
