/**
 * A pool or Edge pool item that fails to decode still takes part in the rules across items through
 * what is readable in it: one bad field does not hide the item's other problems, and one
 * unreadable name does not turn the references to it into more problems.
 */
import { describe, expect, it } from 'vitest'
import type { DecodeProblem } from '../../src/model/problem.js'
import { baseDocument, edit, topologyProblems } from './support.js'

const FQDN = 'an FQDN (two or more dot-separated labels of letters, digits and inner hyphens)'
const invalid = (path: string, expected: string, found: string) => ({ _tag: 'InvalidInput', path, expected, found })
const unknown = (path: string, kind: string, name: string) => ({ _tag: 'UnknownReference', path, kind, name })

type Edit = readonly [ReadonlyArray<string | number>, unknown]
const editAll = (doc: unknown, edits: ReadonlyArray<Edit>): unknown => edits.reduce((d, [at, value]) => edit(d, at, value), doc)

describe('decodeTopology: a pool that fails to decode', () => {
  it('reports its unknown site along with its own problems (the frontEnds: [] example)', () => {
    const doc = {
      sites: [{ name: 'Redmond' }],
      pools: [
        { fqdn: 'pool1.contoso.com', site: 'Redmond', edition: 'Standard', frontEnds: ['pool1.contoso.com'] },
        {
          fqdn: 'pool2.contoso.com',
          site: 'Paris',
          edition: 'Enterprise',
          frontEnds: [],
          backEnd: { sqlServer: 'be', instance: '1x' },
        },
      ],
      pairings: [],
      centralManagementStore: { pool: 'pool1.contoso.com' },
    }
    expect(topologyProblems(doc)).toEqual([
      invalid('pools[1].frontEnds', 'a non-empty array of Front End server FQDNs', 'an array of 0 items'),
      invalid('pools[1].backEnd.sqlServer', FQDN, '"be"'),
      invalid('pools[1].backEnd.instance', 'a SQL instance name (1 to 16 letters, digits, "_" or "$", starting with a letter or "_")', '"1x"'),
      unknown('pools[1].site', 'site', 'Paris'),
    ])
  })

  it('reports its Edge pool when no Edge pool has that name', () => {
    const doc = editAll(baseDocument(), [
      [['pools', 1, 'frontEnds'], []],
      [['pools', 1, 'edgePool'], 'EDGE9.contoso.com'],
    ])
    expect(topologyProblems(doc)).toEqual([
      invalid('pools[1].frontEnds', 'a non-empty array of Front End server FQDNs', 'an array of 0 items'),
      unknown('pools[1].edgePool', 'edgePool', 'edge9.contoso.com'),
    ])
  })

  it('reports its readable Front End servers that are already defined, even with its FQDN unreadable', () => {
    const doc = editAll(baseDocument(), [
      [['pools', 1, 'fqdn'], 'pool_2.contoso.com'],
      [['pools', 1, 'frontEnds'], ['fe 9', 'FE2.contoso.com']],
    ])
    expect(topologyProblems(doc)).toEqual([
      invalid('pools[1].fqdn', FQDN, '"pool_2.contoso.com"'),
      invalid('pools[1].frontEnds[0]', FQDN, '"fe 9"'),
      { _tag: 'DuplicateName', path: 'pools[1].frontEnds[1]', firstPath: 'pools[0].frontEnds[1]', kind: 'server', name: 'fe2.contoso.com' },
    ])
  })

  it('defines its readable servers, so that a later duplicate of one is reported', () => {
    const doc = editAll(baseDocument(), [
      [['pools', 0, 'backEnd', 'instance'], '1rtc'],
      [['pools', 1, 'frontEnds', 0], 'fe1.contoso.com'],
    ])
    expect(topologyProblems(doc)).toEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: 'pools[0].backEnd.instance' }),
      { _tag: 'DuplicateName', path: 'pools[1].frontEnds[0]', firstPath: 'pools[0].frontEnds[0]', kind: 'server', name: 'fe1.contoso.com' },
    ])
  })

  it('does not take the server of a pool whose edition is unreadable for a duplicate of the pool', () => {
    const doc = edit(baseDocument(), ['pools', 2, 'edition'], 'standard')
    expect(topologyProblems(doc)).toEqual([invalid('pools[2].edition', '"Enterprise" | "Standard"', '"standard"')])
  })
})

describe('decodeTopology: an Edge pool that fails to decode', () => {
  it('reports its unknown site and a next hop that is not a pool along with its own problem', () => {
    const doc = editAll(baseDocument(), [
      [['edgePools', 0, 'xmpp'], 'yes'],
      [['edgePools', 0, 'site'], 'Paris'],
      [['edgePools', 0, 'nextHop'], 'FE1.contoso.com'],
    ])
    expect(topologyProblems(doc)).toEqual([
      invalid('edgePools[0].xmpp', 'true or false', '"yes"'),
      unknown('edgePools[0].site', 'site', 'Paris'),
      { _tag: 'EdgeNextHopNotPool', path: 'edgePools[0].nextHop', edgePool: 'edge1.contoso.com', nextHop: 'fe1.contoso.com' },
    ])
  })

  it('names itself by its path when its own FQDN is unreadable', () => {
    const doc = editAll(baseDocument(), [
      [['edgePools', 0, 'fqdn'], 'edge_1.contoso.com'],
      [['edgePools', 0, 'nextHop'], 'pool9.contoso.com'],
    ])
    expect(topologyProblems(doc)).toEqual([
      invalid('edgePools[0].fqdn', FQDN, '"edge_1.contoso.com"'),
      { _tag: 'EdgeNextHopNotPool', path: 'edgePools[0].nextHop', edgePool: 'edgePools[0]', nextHop: 'pool9.contoso.com' },
    ])
  })

  it('counts its federation flag for the one-federation-Edge-pool rule', () => {
    const second = { fqdn: 'edge2.contoso.com', site: 'Dublin', nextHop: 'pool2.contoso.com', federation: true, xmpp: 1 }
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 1], second))).toEqual([
      invalid('edgePools[1].xmpp', 'true or false', '1'),
      { _tag: 'MultipleFederationEdgePools', path: 'edgePools[1].federation', edgePools: ['edge1.contoso.com', 'edge2.contoso.com'] },
    ])
  })

  it('is reported as a duplicate of a name defined earlier, whatever else is wrong with it', () => {
    const second = { fqdn: 'POOL2.contoso.com', site: 'Dublin', nextHop: 'pool2' }
    expect(topologyProblems(edit(baseDocument(), ['edgePools', 1], second))).toEqual([
      invalid('edgePools[1].nextHop', FQDN, '"pool2"'),
      { _tag: 'DuplicateName', path: 'edgePools[1].fqdn', firstPath: 'pools[1].fqdn', kind: 'edgePool', name: 'pool2.contoso.com' },
    ])
  })
})

describe('decodeTopology: still no cascades from an unreadable definition', () => {
  it.each([
    ['a site name', [['sites', 0, 'name'], 'Red;mond'], [['pools', 1, 'site'], 'Paris']],
    ['a pool FQDN', [['pools', 0, 'fqdn'], 'pool_1.contoso.com'], [['edgePools', 0, 'nextHop'], 'pool9.contoso.com']],
    ['an Edge pool FQDN', [['edgePools', 0, 'fqdn'], 'edge_1.contoso.com'], [['pools', 1, 'edgePool'], 'edge9.contoso.com']],
  ] as const)('does not judge the references of a broken item while %s is unreadable', (_, definition, reference) => {
    const breakPool = [['pools', 1, 'frontEnds'], []] as const
    const breakEdge = [['edgePools', 0, 'xmpp'], 'yes'] as const
    const own = topologyProblems(editAll(baseDocument(), [definition, breakPool, breakEdge]))
    expect(topologyProblems(editAll(baseDocument(), [definition, breakPool, breakEdge, reference]))).toEqual(own)
    expect(own.every((p) => p._tag === 'InvalidInput')).toBe(true)
  })
})

describe('decodeTopology: a bad field never hides the other problems of its item', () => {
  const poolBreaks: ReadonlyArray<Edit> = [
    [['pools', 1, 'frontEnds'], []],
    [['pools', 1, 'frontEnds'], 'fe3.contoso.com'],
    [['pools', 1, 'backEnd'], null],
    [['pools', 1, 'backEnd', 'instance'], '1x'],
    [['pools', 1, 'edition'], 'Premium'],
    [['pools', 1, 'version'], 2019],
    [['pools', 1, 'os'], ''],
  ]
  const poolReferences: ReadonlyArray<Edit> = [
    [['pools', 1, 'site'], 'Paris'],
    [['pools', 1, 'edgePool'], 'edge9.contoso.com'],
    [['pools', 1, 'frontEnds', 0], 'fe1.contoso.com'],
  ]
  const edgeBreaks: ReadonlyArray<Edit> = [
    [['edgePools', 0, 'xmpp'], 'yes'],
    [['edgePools', 0, 'site'], 7],
    [['edgePools', 0, 'nextHop'], 'pool 1'],
  ]
  const edgeReferences: ReadonlyArray<Edit> = [
    [['edgePools', 0, 'site'], 'Paris'],
    [['edgePools', 0, 'nextHop'], 'se2.contoso.com'],
    [['edgePools', 1], { fqdn: 'edge2.contoso.com', site: 'Dublin', nextHop: 'pool2.contoso.com', federation: true }],
  ]
  const sameField = ([a]: Edit, [b]: Edit): boolean => a.join('.').startsWith(b.join('.')) || b.join('.').startsWith(a.join('.'))
  const cases = [
    ...poolBreaks.flatMap((b) => poolReferences.map((r) => [b, r] as const)),
    ...edgeBreaks.flatMap((b) => edgeReferences.map((r) => [b, r] as const)),
  ].filter(([b, r]) => !sameField(b, r))

  it.each(cases)('breaking %j keeps the problem of %j', (broken, reference) => {
    const own: ReadonlyArray<DecodeProblem> = topologyProblems(editAll(baseDocument(), [broken]))
    const referenced: ReadonlyArray<DecodeProblem> = topologyProblems(editAll(baseDocument(), [reference]))
    expect(own.every((p) => p._tag === 'InvalidInput') && referenced.every((p) => p._tag !== 'InvalidInput')).toBe(true)
    expect(topologyProblems(editAll(baseDocument(), [broken, reference]))).toEqual([...own, ...referenced])
  })
})

