/**
 * Issue 13: decoders read own properties only (a polluted prototype is no field of any document),
 * a field whose read throws is reported at its path beside every other problem, and `-0` does
 * not survive decoding (it would break `decode(encode(x))` and JSON round trips).
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeState, encodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology, encodeTopology } from '../../src/codec/topologyCodec.js'
import { initialState } from '../../src/model/state.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { baseDocument, edit, stateOf, topologyOf, topologyProblems } from './support.js'

const contoso = topologyOf(contosoTopologyDocument())
const objectProto = Object.prototype as unknown as Record<string, unknown>
const arrayProto = Array.prototype as unknown as Record<number, unknown>

afterEach(() => {
  for (const key of ['failovers', 'reachable', 'pools', 'edition', 'homePool', 'federationEdgePool', 'mirror', 'ha'])
    Reflect.deleteProperty(Object.prototype, key)
  Reflect.deleteProperty(Array.prototype, 1)
})

describe('inherited properties are never read', () => {
  it('does not fail a pool over because Object.prototype.failovers is polluted', () => {
    objectProto['failovers'] = [{ pool: 'pool1.contoso.com', mode: 'disaster' }]
    objectProto['reachable'] = false
    const s = stateOf(contoso, { pools: { 'pool1.contoso.com': {} } })
    expect(s).toEqual(initialState(contoso))
  })

  it('does not take a polluted federationEdgePool for the state', () => {
    Object.defineProperty(Object.prototype, 'federationEdgePool', { value: null, configurable: true, enumerable: false })
    expect(stateOf(contoso, {}).federationEdgePool).toBe(initialState(contoso).federationEdgePool)
  })

  it('does not complete a topology document from a polluted prototype', () => {
    objectProto['edition'] = 'Standard'
    objectProto['homePool'] = 'pool1.contoso.com'
    objectProto['ha'] = 'mirroring'
    objectProto['mirror'] = { sqlServer: 'x.contoso.com', instance: 'rtc' }
    const doc = edit(edit(baseDocument(), ['pools', 0, 'edition'], undefined), ['users', 0, 'homePool'], undefined)
    const paths = topologyProblems(JSON.parse(JSON.stringify(doc))).map((p) => p.path)
    expect(paths).toEqual(['pools[0].edition', 'users[0].homePool'])
    expect(E.isRight(decodeTopology(baseDocument()))).toBe(true)
  })

  it('reads a hole of a list as nothing even when Array.prototype has that index', () => {
    arrayProto[1] = { sipAddress: 'sip:mallory@contoso.com', homePool: 'pool1.contoso.com' }
    // eslint-disable-next-line no-sparse-arrays -- the point of the test
    const users = [{ sipAddress: 'sip:alice@contoso.com', homePool: 'pool1.contoso.com' }, , { sipAddress: 'sip:bob@contoso.com', homePool: 'pool1.contoso.com' }]
    expect(topologyProblems(edit(baseDocument(), ['users'], users)).map((p) => p.path)).toEqual(['users[1]'])
    // eslint-disable-next-line no-sparse-arrays -- the point of the test
    expect(topologyProblems(edit(baseDocument(), ['sites'], [{ name: 'Redmond' }, , { name: 'Dublin' }])).map((p) => p.path)).toEqual(['sites[1]'])
  })
})

describe('a field whose read throws', () => {
  const throwing = <A extends object>(target: A, key: string): A =>
    Object.defineProperty(target, key, {
      enumerable: true,
      get: () => {
        throw new Error('getter')
      },
    })

  it('is reported at its own path, and every other problem of the document still is', () => {
    const doc = edit(edit(baseDocument(), ['users', 1, 'sipAddress'], 'bob'), ['sites', 0, 'colour'], 'red') as Record<string, unknown>
    const pools = doc['pools'] as Array<Record<string, unknown>>
    throwing(pools[1]!, 'site')
    const users = doc['users'] as Array<Record<string, unknown>>
    throwing(users[0]!, 'homePool')
    const problems = topologyProblems(doc)
    expect(problems).toEqual([
      { _tag: 'UnknownField', path: 'sites[0].colour', field: 'colour' },
      expect.objectContaining({ _tag: 'InvalidInput', path: 'pools[1].site', found: expect.stringContaining('cannot be read') as unknown }),
      expect.objectContaining({ _tag: 'InvalidInput', path: 'users[0].homePool', found: expect.stringContaining('cannot be read') as unknown }),
      expect.objectContaining({ _tag: 'InvalidInput', path: 'users[1].sipAddress', found: '"bob"' }),
    ])
  })

  it('is reported at its path in a state document, and an unreadable item of a list too', () => {
    const failovers: Array<unknown> = [{ pool: 'pool1.contoso.com' }]
    throwing(failovers, '0')
    const r = decodeState(contoso, { failovers, pools: throwing({}, 'pool2.contoso.com'), federationEdgePool: 'nowhere' })
    expect(E.isLeft(r) ? r.left.map((p) => p.path) : []).toEqual(['pools["pool2.contoso.com"]', 'failovers[0]', 'federationEdgePool'])
  })
})

describe('-0', () => {
  it('decodes to 0, so that decode(encode(x)) deep-equals and JSON round-trips', () => {
    const s = stateOf(contoso, JSON.parse('{"pools":{"pool1.contoso.com":{"frontEndsRunning":-0}}}'))
    const running = s.pools.get('pool1.contoso.com' as never)?.frontEndsRunning
    expect(Object.is(running, 0)).toBe(true)
    expect(stateOf(contoso, JSON.parse(JSON.stringify(encodeState(s))))).toStrictEqual(s)
    expect(stateOf(contoso, encodeState(s))).toStrictEqual(s)
    expect(decodeTopology(encodeTopology(contoso))).toStrictEqual(E.right(contoso))
  })
})
