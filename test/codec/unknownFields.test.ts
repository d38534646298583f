/**
 * Contract §4.1: unknown keys are problems, never ignored, in every document — a typo in
 * `reachable` must not yield a planned failover of a dead pool. Each carries its JSON path and the
 * nearest known key.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import { nearestField } from '../../src/model/fieldNames.js'
import { formatProblem } from '../../src/model/formatProblem.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { baseDocument, edit, stateProblems, topologyOf, topologyProblems } from './support.js'

const contoso = topologyOf(contosoTopologyDocument())

const mirrored = (): unknown =>
  edit(baseDocument(), ['pools', 0, 'backEnd'], {
    sqlServer: 'be1.contoso.com',
    instance: 'rtc',
    ha: 'mirroring',
    mirror: { sqlServer: 'be1m.contoso.com', instance: 'rtc' },
  })

describe('decodeTopology refuses unknown fields at every level', () => {
  it.each([
    [['edgepools'], 'edgepools', 'edgePools'],
    [['sites', 1, 'nmae'], 'sites[1].nmae', 'name'],
    [['pools', 0, 'frontEnd'], 'pools[0].frontEnd', 'frontEnds'],
    [['pools', 0, 'backEnd', 'instnace'], 'pools[0].backEnd.instnace', 'instance'],
    [['pools', 0, 'backEnd', 'mirror', 'sqlserver'], 'pools[0].backEnd.mirror.sqlserver', 'sqlServer'],
    [['edgePools', 0, 'federaton'], 'edgePools[0].federaton', 'federation'],
    [['centralManagementStore', 'pools'], 'centralManagementStore.pools', 'pool'],
    [['users', 1, 'homepool'], 'users[1].homepool', 'homePool'],
  ] as const)('%j → %s (did you mean %s?)', (at, path, suggestion) => {
    const problems = topologyProblems(edit(mirrored(), at, 'x'))
    expect(problems).toEqual([{ _tag: 'UnknownField', path, field: at[at.length - 1], suggestion }])
  })

  it('refuses `edgepools` with the suggestion `edgePools`, in words', () => {
    const [problem] = topologyProblems({ ...baseDocument(), edgepools: [] })
    expect(problem).toEqual({ _tag: 'UnknownField', path: 'edgepools', field: 'edgepools', suggestion: 'edgePools' })
    expect(formatProblem(problem!)).toBe(
      'edgepools: unknown field "edgepools"; did you mean `edgePools`? (fields sfb-dr does not know are refused, never ignored).',
    )
  })

  it('suggests nothing when no known field is close', () => {
    expect(topologyProblems(edit(baseDocument(), ['pools', 1, 'rackLocation'], 'B4'))).toEqual([
      { _tag: 'UnknownField', path: 'pools[1].rackLocation', field: 'rackLocation' },
    ])
  })

  it('reports unknown fields of many users, each at its row, with every other problem', () => {
    const doc = edit(edit(edit(baseDocument(), ['users', 0, 'sipaddress'], 'x'), ['users', 1, 'note'], 'y'), ['users', 1, 'homePool'], 'nowhere')
    expect(topologyProblems(doc)).toEqual([
      { _tag: 'UnknownField', path: 'users[0].sipaddress', field: 'sipaddress', suggestion: 'sipAddress' },
      { _tag: 'UnknownField', path: 'users[1].note', field: 'note' },
      expect.objectContaining({ _tag: 'InvalidInput', path: 'users[1].homePool' }),
    ])
  })

  it('keeps every other problem of the document beside an unknown field', () => {
    const doc = edit(edit(baseDocument(), ['pools', 0, 'sitee'], 'Redmond'), ['pools', 1, 'site'], 'Paris')
    expect(topologyProblems(doc)).toEqual([
      { _tag: 'UnknownField', path: 'pools[0].sitee', field: 'sitee', suggestion: 'site' },
      { _tag: 'UnknownReference', path: 'pools[1].site', kind: 'site', name: 'Paris' },
    ])
  })

  it('allows `$schema` only at the top level, and only as a string', () => {
    expect(E.isRight(decodeTopology(edit(baseDocument(), ['$schema'], 'sfb-dr/schemas/topology.schema.json')))).toBe(true)
    expect(topologyProblems(edit(baseDocument(), ['$schema'], 42))).toEqual([
      { _tag: 'InvalidInput', path: '$schema', expected: 'the URI of a JSON Schema (a string)', found: '42' },
    ])
    expect(topologyProblems(edit(baseDocument(), ['pools', 0, '$schema'], 'x'))).toEqual([
      { _tag: 'UnknownField', path: 'pools[0].$schema', field: '$schema' },
    ])
  })

  it('quotes a field name that is not an identifier in the path', () => {
    expect(topologyProblems(edit(baseDocument(), ['sites', 0, 'the name'], 'x'))).toEqual([
      { _tag: 'UnknownField', path: 'sites[0]["the name"]', field: 'the name' },
    ])
  })
})

describe('decodeState refuses unknown fields at every level', () => {
  it('refuses a misspelled `reachable` rather than taking a dead pool for healthy', () => {
    const doc: unknown = JSON.parse('{"pools":{"pool1.contoso.com":{"reachble":false}}}')
    expect(stateProblems(contoso, doc)).toEqual([
      { _tag: 'UnknownField', path: 'pools["pool1.contoso.com"].reachble', field: 'reachble', suggestion: 'reachable' },
    ])
  })

  it.each([
    [{ failover: [] }, 'failover', 'failovers'],
    [{ edgePools: { 'edge1.contoso.com': { nexthop: 'pool2.contoso.com' } } }, 'edgePools["edge1.contoso.com"].nexthop', 'nextHop'],
    [{ centralManagementStore: { activemaster: 'pool2.contoso.com' } }, 'centralManagementStore.activemaster', 'activeMaster'],
    [{ failovers: [{ pool: 'pool1.contoso.com', mdoe: 'planned' }] }, 'failovers[0].mdoe', 'mode'],
    [{ backupService: [{ pool: 'pool1.contoso.com', exportstate: 'SteadyState' }] }, 'backupService[0].exportstate', 'exportState'],
    [{ federationEdgePools: null }, 'federationEdgePools', 'federationEdgePool'],
  ])('%j → %s (did you mean %s?)', (doc, path, suggestion) => {
    expect(stateProblems(contoso, doc)).toEqual([expect.objectContaining({ _tag: 'UnknownField', path, suggestion })])
  })

  it('allows a top-level `$schema` string', () => {
    expect(decodeState(contoso, { $schema: 'sfb-dr/schemas/state.schema.json' })).toStrictEqual(decodeState(contoso, {}))
  })
})

describe('nearestField', () => {
  const known = ['reachable', 'frontEndsRunning']
  it('finds a typo within a small edit distance, letter case aside', () => {
    expect(nearestField('reachble', known)).toBe('reachable')
    expect(nearestField('REACHABLE', known)).toBe('reachable')
    expect(nearestField('raechable', known)).toBe('reachable') // two letters swapped
    expect(nearestField('frontendsrunnin', known)).toBe('frontEndsRunning')
  })
  it('suggests nothing far off, nothing for a known field, nothing for a huge name', () => {
    expect(nearestField('up', known)).toBeUndefined()
    expect(nearestField('reachable', known)).toBeUndefined()
    expect(nearestField('r'.repeat(100_000), known)).toBeUndefined()
  })
})
