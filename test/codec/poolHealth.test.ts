/**
 * The high-availability fields of the state document (contract §9): `stoppedFrontEnds` and
 * `backEnd`, decoded with paths, encoded, and round-tripped.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeState, encodeState } from '../../src/codec/stateCodec.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { stateOf, stateProblems, topologyOf } from './support.js'

const contoso = topologyOf(contosoTopologyDocument())
const at = (pool: string, rest: string): string => `pools["${pool}"].${rest}`
const P1 = 'pool1.contoso.com'

describe('stoppedFrontEnds', () => {
  it('names the stopped servers, decoded in topology order, normalized, with the count derived', () => {
    const s = stateOf(contoso, { pools: { [P1]: { stoppedFrontEnds: ['FE3.contoso.com.', 'fe1.contoso.com'] } } })
    expect(s.pools.get(P1 as never)).toStrictEqual({
      reachable: true,
      frontEndsRunning: 1,
      stoppedFrontEnds: ['fe1.contoso.com', 'fe3.contoso.com'],
    })
  })

  it('agrees with frontEndsRunning when both are given, and an empty list says all run', () => {
    expect(stateOf(contoso, { pools: { [P1]: { frontEndsRunning: 2, stoppedFrontEnds: ['fe2.contoso.com'] } } }).pools.get(P1 as never)).toStrictEqual({
      reachable: true,
      frontEndsRunning: 2,
      stoppedFrontEnds: ['fe2.contoso.com'],
    })
    expect(stateOf(contoso, { pools: { [P1]: { stoppedFrontEnds: [] } } }).pools.get(P1 as never)).toStrictEqual({ reachable: true, frontEndsRunning: 3 })
  })

  it('refuses a count that disagrees with the names, at frontEndsRunning', () => {
    expect(stateProblems(contoso, { pools: { [P1]: { frontEndsRunning: 3, stoppedFrontEnds: ['fe2.contoso.com'] } } })).toStrictEqual([
      { _tag: 'InvalidInput', path: at(P1, 'frontEndsRunning'), expected: '2 (3 Front End servers, 1 named in stoppedFrontEnds)', found: '3' },
    ])
  })

  it('refuses a server of another pool, an unknown server, a duplicate and a non-FQDN, each at its path', () => {
    expect(
      stateProblems(contoso, {
        pools: { [P1]: { stoppedFrontEnds: ['fe4.contoso.com', 'fe9.contoso.com', 'fe1.contoso.com', 'FE1.contoso.com', 'x'] } },
      }),
    ).toStrictEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: at(P1, 'stoppedFrontEnds[0]'), expected: 'a Front End server of pool1.contoso.com (not of pool2.contoso.com)' }),
      { _tag: 'UnknownReference', path: at(P1, 'stoppedFrontEnds[1]'), kind: 'server', name: 'fe9.contoso.com' },
      { _tag: 'DuplicateName', path: at(P1, 'stoppedFrontEnds[3]'), firstPath: at(P1, 'stoppedFrontEnds[2]'), kind: 'server', name: 'fe1.contoso.com' },
      expect.objectContaining({ _tag: 'InvalidInput', path: at(P1, 'stoppedFrontEnds[4]') }),
    ])
  })

  it('refuses a value that is not a list', () => {
    expect(stateProblems(contoso, { pools: { [P1]: { stoppedFrontEnds: 'fe1.contoso.com' } } })).toStrictEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: at(P1, 'stoppedFrontEnds') }),
    ])
  })
})

describe('backEnd', () => {
  it('reads a principal for every database, or per database, and the servers down in a fixed order', () => {
    const s = stateOf(contoso, {
      pools: {
        [P1]: { backEnd: { principal: 'Mirror', down: ['Mirror', 'Primary'] } },
        'pool2.contoso.com': { backEnd: { principal: { CentralMgmt: 'Mirror' } } },
      },
    })
    expect(s.pools.get(P1 as never)?.backEnd).toStrictEqual({ principal: { User: 'Mirror', CentralMgmt: 'Mirror' }, down: ['Primary', 'Mirror'] })
    expect(s.pools.get('pool2.contoso.com' as never)?.backEnd).toStrictEqual({ principal: { User: 'Primary', CentralMgmt: 'Mirror' }, down: [] })
  })

  it('drops a Back End status that says only the defaults, so equal meanings give equal states', () => {
    expect(stateOf(contoso, { pools: { [P1]: { backEnd: { principal: 'Primary', down: [] } } } })).toStrictEqual(stateOf(contoso, {}))
  })

  it('accepts "Primary" down on a pool without a mirror, and refuses "Mirror" there', () => {
    expect(stateOf(contoso, { pools: { 'se1.contoso.com': { backEnd: { down: ['Primary'] } } } }).pools.get('se1.contoso.com' as never)?.backEnd).toStrictEqual({
      principal: { User: 'Primary', CentralMgmt: 'Primary' },
      down: ['Primary'],
    })
    expect(stateProblems(contoso, { pools: { 'se1.contoso.com': { backEnd: { principal: 'Mirror', down: ['Mirror'] } } } })).toStrictEqual([
      expect.objectContaining({ path: at('se1.contoso.com', 'backEnd.principal'), expected: '"Primary" (the pool\'s Back End has no mirror)' }),
      expect.objectContaining({ path: at('se1.contoso.com', 'backEnd.down[0]'), expected: '"Primary" (the pool\'s Back End has no mirror)' }),
    ])
  })

  it('refuses duplicates, unknown server names and shapes, each at its path', () => {
    expect(
      stateProblems(contoso, { pools: { [P1]: { backEnd: { principal: { User: 'Witness' }, down: ['Primary', 'Primary'] } }, 'pool2.contoso.com': { backEnd: 3 } } }),
    ).toStrictEqual([
      expect.objectContaining({ _tag: 'InvalidInput', path: at(P1, 'backEnd.principal.User'), expected: '"Primary" | "Mirror"' }),
      { _tag: 'DuplicateName', path: at(P1, 'backEnd.down[1]'), firstPath: at(P1, 'backEnd.down[0]'), kind: 'server', name: 'Primary' },
      expect.objectContaining({ _tag: 'InvalidInput', path: at('pool2.contoso.com', 'backEnd') }),
    ])
  })
})

describe('unknown fields (a typo must not pass for "healthy")', () => {
  it('refuses misspelled fields of a pool status, its Back End and its per-database principal, with the nearest name', () => {
    expect(
      stateProblems(contoso, { pools: { [P1]: { stoppedFrontend: [], backEnd: { princpal: 'Mirror', principal: { Users: 'Mirror' } } } } }),
    ).toStrictEqual([
      expect.objectContaining({ _tag: 'UnknownField', path: at(P1, 'stoppedFrontend') }),
      expect.objectContaining({ _tag: 'UnknownField', path: at(P1, 'backEnd.princpal') }),
      expect.objectContaining({ _tag: 'UnknownField', path: at(P1, 'backEnd.principal.Users') }),
    ])
  })
})

describe('encodeState', () => {
  it('writes the named servers and the Back End status, and decodes back to the same state', () => {
    const doc = { pools: { [P1]: { stoppedFrontEnds: ['fe2.contoso.com'], backEnd: { principal: { User: 'Mirror' }, down: ['Primary'] } } } }
    const s = stateOf(contoso, doc)
    const encoded = encodeState(s)
    expect(encoded.pools?.[P1]).toStrictEqual({
      reachable: true,
      frontEndsRunning: 2,
      stoppedFrontEnds: ['fe2.contoso.com'],
      backEnd: { principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: ['Primary'] },
    })
    expect(decodeState(contoso, JSON.parse(JSON.stringify(encoded)))).toStrictEqual(E.right(s))
  })
})
