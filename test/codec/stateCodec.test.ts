import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeState, encodeState } from '../../src/codec/stateCodec.js'
import { initialState } from '../../src/model/state.js'
import { contosoTopologyDocument, pool1FailedOverStateDocument, redmondDownStateDocument } from '../support/fixtures.js'
import { baseDocument, edit, stateOf, stateProblems, topologyOf } from './support.js'
import { contosoTopology, fqdn } from '../support/builders.js'

const contoso = topologyOf(contosoTopologyDocument())
const base = topologyOf(baseDocument())
const FQDN = 'an FQDN (two or more dot-separated labels of letters, digits and inner hyphens)'

describe('decodeState: what is missing is as configured, healthy', () => {
  it('decodes an empty document to the initial state', () => {
    expect(decodeState(contoso, {})).toStrictEqual(E.right(initialState(contoso)))
  })

  it('decodes Redmond going dark: only what the document says changes', () => {
    const s = stateOf(contoso, redmondDownStateDocument())
    expect([...s.pools]).toEqual([
      ['pool1.contoso.com', { reachable: false, frontEndsRunning: 3 }],
      ['pool2.contoso.com', { reachable: true, frontEndsRunning: 3 }],
      ['se1.contoso.com', { reachable: false, frontEndsRunning: 1 }],
    ])
    expect([...s.edgePools]).toEqual([
      ['edge1.contoso.com', { reachable: false, nextHop: 'pool1.contoso.com' }],
      ['edge2.contoso.com', { reachable: true, nextHop: 'pool2.contoso.com' }],
    ])
    expect(s.failovers.size).toBe(0)
    expect(s.centralManagementStore).toEqual({ activeMaster: 'pool1.contoso.com', available: true })
    expect(s.federationEdgePool).toBe('edge1.contoso.com')
  })

  it('decodes pool1 failed over onto pool2 with the CMS and edge1 moved', () => {
    const s = stateOf(contoso, pool1FailedOverStateDocument())
    expect([...s.failovers]).toEqual([['pool1.contoso.com', 'disaster']])
    expect(s.centralManagementStore).toEqual({ activeMaster: 'pool2.contoso.com', available: true })
    expect(s.edgePools.get('edge1.contoso.com' as never)).toEqual({ reachable: true, nextHop: 'pool2.contoso.com' })
  })

  it('normalizes FQDNs, map keys included, and fills each entry from its pool', () => {
    const s = stateOf(contoso, {
      pools: { 'POOL2.Contoso.com.': { frontEndsRunning: 1 } },
      failovers: [{ pool: 'Pool1.contoso.com', mode: 'planned' }],
      centralManagementStore: { activeMaster: 'POOL2.contoso.com', available: false },
      edgePools: { 'EDGE2.contoso.com': { nextHop: 'Pool1.Contoso.com.' } },
      federationEdgePool: 'Edge2.Contoso.com',
    })
    expect(s.pools.get('pool2.contoso.com' as never)).toEqual({ reachable: true, frontEndsRunning: 1 })
    expect([...s.failovers]).toEqual([['pool1.contoso.com', 'planned']])
    expect(s.centralManagementStore).toEqual({ activeMaster: 'pool2.contoso.com', available: false })
    expect(s.edgePools.get('edge2.contoso.com' as never)).toEqual({ reachable: true, nextHop: 'pool1.contoso.com' })
    expect(s.federationEdgePool).toBe('edge2.contoso.com')
  })

  it('reads a failover without a mode as a disaster, and federationEdgePool: null as none', () => {
    const s = stateOf(contoso, { failovers: [{ pool: 'pool2.contoso.com' }], federationEdgePool: null })
    expect([...s.failovers]).toEqual([['pool2.contoso.com', 'disaster']])
    expect('federationEdgePool' in s).toBe(false)
  })

  it('keeps Backup Service statuses as observed', () => {
    const s = stateOf(contoso, {
      backupService: [
        { pool: 'pool2.contoso.com', exportState: 'NonSteadyState', lastSyncAt: '2026-11-25T11:00:00+01:00' },
        { pool: 'pool1.contoso.com', importState: 'ErrorState' },
      ],
    })
    expect([...s.backupService]).toEqual([
      ['pool1.contoso.com', { pool: 'pool1.contoso.com', importState: 'ErrorState' }],
      ['pool2.contoso.com', { pool: 'pool2.contoso.com', exportState: 'NonSteadyState', lastSyncAt: '2026-11-25T11:00:00+01:00' }],
    ])
  })

  it('refuses unknown extra fields instead of ignoring them', () => {
    expect(stateProblems(contoso, { note: 'from the NOC', pools: { 'pool1.contoso.com': { reachable: false, rack: 4 } } })).toEqual([
      { _tag: 'UnknownField', path: 'note', field: 'note' },
      { _tag: 'UnknownField', path: 'pools["pool1.contoso.com"].rack', field: 'rack' },
    ])
  })
})

describe('decodeState: refusals, each with its path', () => {
  const invalid = (path: string, expected: string, found: string) => ({ _tag: 'InvalidInput', path, expected, found })

  it.each([null, [], 'state', 3])('refuses a document that is not an object: %j', (doc) => {
    expect(stateProblems(contoso, doc)).toEqual([expect.objectContaining({ _tag: 'InvalidInput', path: '' })])
  })

  it.each([
    [{ pools: { 'pool1.contoso.com': { reachable: 'no' } } }, invalid('pools["pool1.contoso.com"].reachable', 'true or false', '"no"')],
    [{ pools: { 'pool1.contoso.com': { frontEndsRunning: 4 } } }, invalid('pools["pool1.contoso.com"].frontEndsRunning', 'an integer from 0 to 3', '4')],
    [{ pools: { 'se1.contoso.com': { frontEndsRunning: 0.5 } } }, invalid('pools["se1.contoso.com"].frontEndsRunning', 'an integer from 0 to 1', '0.5')],
    [{ pools: { 'pool1.contoso.com': true } }, invalid('pools["pool1.contoso.com"]', 'a pool status { reachable?, frontEndsRunning? }', 'true')],
    [{ pools: { 'pool 1': {} } }, invalid('pools["pool 1"]', 'a pool FQDN as the key', '"pool 1"')],
    [{ pools: [] }, invalid('pools', 'an object keyed by pool FQDN', 'an array of 0 items')],
    [{ failovers: [{ pool: 'pool1.contoso.com', mode: 'panic' }] }, invalid('failovers[0].mode', '"planned" | "disaster"', '"panic"')],
    [{ failovers: [{ mode: 'planned' }] }, invalid('failovers[0].pool', FQDN, 'nothing')],
    [{ centralManagementStore: { available: 'yes' } }, invalid('centralManagementStore.available', 'true or false', '"yes"')],
    [{ edgePools: { 'edge1.contoso.com': { nextHop: 'pool1' } } }, invalid('edgePools["edge1.contoso.com"].nextHop', FQDN, '"pool1"')],
    [{ federationEdgePool: 5 }, invalid('federationEdgePool', FQDN, '5')],
    [{ backupService: [{ pool: 'pool1.contoso.com', exportState: 'Steady' }] }, invalid('backupService[0].exportState', '"FinalState" | "SteadyState" | "NonSteadyState" | "NotInitialized" | "ErrorState"', '"Steady"')],
    [{ backupService: [{ pool: 'pool1.contoso.com', importState: 'Normal' }] }, invalid('backupService[0].importState', '"NormalState" | "ErrorState"', '"Normal"')],
  ])('reports %j', (doc, problem) => {
    expect(stateProblems(contoso, doc)).toEqual([problem])
  })

  it.each([
    '2026-11-25 10:00:00Z',
    '2026-11-25T10:00:00',
    '2026-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25T10:60:00Z',
    '2026-11-25T10:00:00+25:00',
    'yesterday',
  ])('refuses lastSyncAt %j', (lastSyncAt) => {
    expect(stateProblems(contoso, { backupService: [{ pool: 'pool1.contoso.com', lastSyncAt }] })).toEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: 'backupService[0].lastSyncAt' }),
    ])
  })

  it.each(['2028-02-29T10:00:00Z', '2026-11-25T10:00Z', '2026-11-25T10:00:00.123Z', '2026-11-25T05:00:00-05:00'])(
    'accepts lastSyncAt %j',
    (lastSyncAt) => {
      expect(stateOf(contoso, { backupService: [{ pool: 'pool1.contoso.com', lastSyncAt }] }).backupService.size).toBe(1)
    },
  )

  // office-docs-powershell Set-CsBackupServiceConfiguration: SyncInterval "any value between 5
  // seconds (00:00:05) and 3 hours (03:00:00), inclusive"; default 00:02:00.
  it.each(['00:00:04', '03:00:01', '3:00:00', '00:2:00', '00:60:00', '00:00:60', '120', '00:02:00.5', ' 00:02:00', ''])(
    'refuses the sync interval %j, with its path and the bounds (Set-CsBackupServiceConfiguration -SyncInterval)',
    (syncInterval) => {
      expect(stateProblems(contoso, { backupServiceConfiguration: { syncInterval } })).toEqual([
        invalid('backupServiceConfiguration.syncInterval', 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"', JSON.stringify(syncInterval)),
      ])
    },
  )

  it('refuses Backup Service settings that are not an object, and a sync interval that is not a string', () => {
    expect(stateProblems(contoso, { backupServiceConfiguration: '00:02:00' })).toEqual([
      invalid('backupServiceConfiguration', 'the Backup Service settings { syncInterval? }', '"00:02:00"'),
    ])
    expect(stateProblems(contoso, { backupServiceConfiguration: { syncInterval: 120 } })).toEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: 'backupServiceConfiguration.syncInterval' }),
    ])
  })

  it.each(['00:00:05', '00:02:00', '00:05:01', '03:00:00'])('accepts the sync interval %j, inclusive bounds', (syncInterval) => {
    expect(stateOf(contoso, { backupServiceConfiguration: { syncInterval } }).backupServiceConfiguration).toStrictEqual({ syncInterval })
  })

  it('takes Microsoft\'s default sync interval 00:02:00 when the document says nothing', () => {
    expect(stateOf(contoso, {}).backupServiceConfiguration).toStrictEqual({ syncInterval: '00:02:00' })
    expect(stateOf(contoso, { backupServiceConfiguration: {} }).backupServiceConfiguration).toStrictEqual({ syncInterval: '00:02:00' })
  })

  it('reports pools and Edge pools the topology does not have', () => {
    expect(stateProblems(contoso, { pools: { 'pool9.contoso.com': {} }, edgePools: { 'fe1.contoso.com': {} } })).toEqual([
      { _tag: 'UnknownReference', path: 'pools["pool9.contoso.com"]', kind: 'pool', name: 'pool9.contoso.com' },
      { _tag: 'UnknownReference', path: 'edgePools["fe1.contoso.com"]', kind: 'edgePool', name: 'fe1.contoso.com' },
    ])
    expect(stateProblems(contoso, { failovers: [{ pool: 'edge1.contoso.com' }], federationEdgePool: 'pool1.contoso.com' })).toEqual([
      { _tag: 'UnknownReference', path: 'failovers[0].pool', kind: 'pool', name: 'edge1.contoso.com' },
      { _tag: 'UnknownReference', path: 'federationEdgePool', kind: 'edgePool', name: 'pool1.contoso.com' },
    ])
  })

  it('reports a pool given twice, whatever its spelling', () => {
    expect(stateProblems(contoso, { pools: { 'pool1.contoso.com': {}, 'POOL1.contoso.com.': { reachable: false } } })).toEqual([
      { _tag: 'DuplicateName', path: 'pools["POOL1.contoso.com."]', firstPath: 'pools["pool1.contoso.com"]', kind: 'pool', name: 'pool1.contoso.com' },
    ])
    expect(stateProblems(contoso, { backupService: [{ pool: 'pool1.contoso.com' }, { pool: 'Pool1.contoso.com' }] })).toEqual([
      { _tag: 'DuplicateName', path: 'backupService[1].pool', firstPath: 'backupService[0].pool', kind: 'pool', name: 'pool1.contoso.com' },
    ])
  })

  it('reports a failover of an unpaired pool and both pools of a pair failed over', () => {
    expect(stateProblems(contoso, { failovers: [{ pool: 'se1.contoso.com' }] })).toEqual([
      { _tag: 'FailoverOfUnpairedPool', path: 'failovers[0]', pool: 'se1.contoso.com' },
    ])
    expect(stateProblems(contoso, { failovers: [{ pool: 'pool2.contoso.com' }, { pool: 'pool1.contoso.com' }] })).toEqual([
      { _tag: 'BothPoolsOfPairFailedOver', path: 'failovers[1]', pools: ['pool2.contoso.com', 'pool1.contoso.com'] },
    ])
  })

  it('reports an active CMS master outside the CMS pool and its partner', () => {
    expect(stateProblems(contoso, { centralManagementStore: { activeMaster: 'se1.contoso.com' } })).toEqual([
      {
        _tag: 'ActiveMasterOutsideCmsPair',
        path: 'centralManagementStore.activeMaster',
        activeMaster: 'se1.contoso.com',
        allowed: ['pool1.contoso.com', 'pool2.contoso.com'],
      },
    ])
    const unpairedCms = topologyOf(edit(baseDocument(), ['centralManagementStore', 'pool'], 'se1.contoso.com'))
    expect(stateProblems(unpairedCms, { centralManagementStore: { activeMaster: 'pool1.contoso.com' } })).toEqual([
      { _tag: 'ActiveMasterOutsideCmsPair', path: 'centralManagementStore.activeMaster', activeMaster: 'pool1.contoso.com', allowed: ['se1.contoso.com'] },
    ])
  })

  it('reports an Edge next hop that is not a pool', () => {
    expect(stateProblems(contoso, { edgePools: { 'edge1.contoso.com': { nextHop: 'fe1.contoso.com' } } })).toEqual([
      { _tag: 'EdgeNextHopNotPool', path: 'edgePools["edge1.contoso.com"].nextHop', edgePool: 'edge1.contoso.com', nextHop: 'fe1.contoso.com' },
    ])
  })

  it('reports every problem at once', () => {
    const problems = stateProblems(base, {
      pools: { 'pool9.contoso.com': {} },
      failovers: [{ pool: 'se1.contoso.com' }],
      centralManagementStore: { activeMaster: 'se1.contoso.com' },
      federationEdgePool: 'edge9.contoso.com',
    })
    expect(problems.map((p) => p._tag)).toEqual([
      'UnknownReference',
      'FailoverOfUnpairedPool',
      'ActiveMasterOutsideCmsPair',
      'UnknownReference',
    ])
  })
})

describe('encodeState', () => {
  it('writes a complete document, sorted by FQDN, that decodes back to the state', () => {
    const s = stateOf(contoso, {
      pools: { 'se1.contoso.com': { reachable: false } },
      failovers: [{ pool: 'pool1.contoso.com' }],
      backupService: [{ pool: 'pool2.contoso.com' }, { pool: 'pool1.contoso.com', exportState: 'SteadyState' }],
      federationEdgePool: null,
    })
    const doc = encodeState(s)
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        pools: {
          'pool1.contoso.com': { reachable: true, frontEndsRunning: 3 },
          'pool2.contoso.com': { reachable: true, frontEndsRunning: 3 },
          'se1.contoso.com': { reachable: false, frontEndsRunning: 1 },
        },
        failovers: [{ pool: 'pool1.contoso.com', mode: 'disaster' }],
        centralManagementStore: { activeMaster: 'pool1.contoso.com', available: true },
        edgePools: {
          'edge1.contoso.com': { reachable: true, nextHop: 'pool1.contoso.com' },
          'edge2.contoso.com': { reachable: true, nextHop: 'pool2.contoso.com' },
        },
        federationEdgePool: null,
        xmppEdgePool: 'edge2.contoso.com',
        // Every pool, null for one without a media Edge pool (se1 has no edgePool in the topology).
        mediaEdgePools: {
          'pool1.contoso.com': 'edge1.contoso.com',
          'pool2.contoso.com': 'edge2.contoso.com',
          'se1.contoso.com': null,
        },
        backupService: [{ pool: 'pool1.contoso.com', exportState: 'SteadyState' }, { pool: 'pool2.contoso.com' }],
        backupServiceConfiguration: { syncInterval: '00:02:00' },
      }),
    )
    expect(decodeState(contoso, JSON.parse(JSON.stringify(doc)))).toStrictEqual(E.right(s))
  })

  it('writes the sync interval and reads it back', () => {
    const s = stateOf(contoso, { backupServiceConfiguration: { syncInterval: '00:10:00' } })
    expect(encodeState(s).backupServiceConfiguration).toStrictEqual({ syncInterval: '00:10:00' })
    expect(decodeState(contoso, JSON.parse(JSON.stringify(encodeState(s))))).toStrictEqual(E.right(s))
  })

  it('gives the same document for the same state whatever order its maps were built in', () => {
    const s = initialState(base)
    const reversed = { ...s, pools: new Map([...s.pools].reverse()), edgePools: new Map([...s.edgePools].reverse()) }
    expect(JSON.stringify(encodeState(reversed))).toBe(JSON.stringify(encodeState(s)))
  })

  it('keeps a missing federation Edge pool missing after a round trip', () => {
    const healthy = initialState(contoso)
    const none = {
      pools: healthy.pools,
      failovers: healthy.failovers,
      centralManagementStore: healthy.centralManagementStore,
      edgePools: healthy.edgePools,
      mediaEdgePools: healthy.mediaEdgePools,
      backupService: healthy.backupService,
      backupServiceConfiguration: healthy.backupServiceConfiguration,
    }
    expect(encodeState(none).federationEdgePool).toBeNull()
    expect(decodeState(contoso, encodeState(none))).toStrictEqual(E.right(none))
  })
})

describe('decodeState: the XMPP route and media Edge pools (contract §10)', () => {
  const contoso = contosoTopology()

  it('defaults to the topology: XMPP on the Edge pool with xmpp: true, each pool on its topology edgePool', () => {
    const s = initialState(contoso)
    expect(s.xmppEdgePool).toBe('edge2.contoso.com')
    expect([...s.mediaEdgePools]).toStrictEqual([
      ['pool1.contoso.com', 'edge1.contoso.com'],
      ['pool2.contoso.com', 'edge2.contoso.com'],
    ])
    expect(decodeState(contoso, {})).toStrictEqual(E.right(s))
  })

  it('reads where the roles are now; null means none; FQDNs are normalized', () => {
    const decoded = decodeState(contoso, {
      xmppEdgePool: 'EDGE1.contoso.com.',
      mediaEdgePools: { 'Pool1.Contoso.com': 'edge2.contoso.com', 'pool2.contoso.com': null },
    })
    expect(E.isRight(decoded)).toBe(true)
    if (E.isLeft(decoded)) return
    expect(decoded.right.xmppEdgePool).toBe('edge1.contoso.com')
    expect([...decoded.right.mediaEdgePools]).toStrictEqual([['pool1.contoso.com', 'edge2.contoso.com']])
    expect(decodeState(contoso, { xmppEdgePool: null })).toStrictEqual(
      E.right((({ xmppEdgePool: _, ...rest }) => rest)(initialState(contoso))),
    )
  })

  it('reports unknown pools and Edge pools and wrong values with their paths, all at once', () => {
    const decoded = decodeState(contoso, {
      xmppEdgePool: 'edge9.contoso.com',
      mediaEdgePools: { 'pool9.contoso.com': 'edge1.contoso.com', 'pool1.contoso.com': 'edge9.contoso.com', 'pool2.contoso.com': 7 },
    })
    expect(E.isLeft(decoded)).toBe(true)
    if (E.isRight(decoded)) return
    const paths = decoded.left.map((p) => ('path' in p ? p.path : ''))
    expect(paths).toStrictEqual(
      expect.arrayContaining([
        'xmppEdgePool',
        'mediaEdgePools["pool9.contoso.com"]',
        'mediaEdgePools["pool1.contoso.com"]',
        'mediaEdgePools["pool2.contoso.com"]',
      ]),
    )
    expect(decoded.left).toHaveLength(4)
  })

  it('round trips a state whose roles moved: decodeState(t, encodeState(s)) deep-equals s', () => {
    const s = { ...initialState(contoso), xmppEdgePool: fqdn('edge1.contoso.com'), mediaEdgePools: new Map([[fqdn('pool2.contoso.com'), fqdn('edge1.contoso.com')]]) }
    expect(decodeState(contoso, JSON.parse(JSON.stringify(encodeState(s))))).toStrictEqual(E.right(s))
  })
})
