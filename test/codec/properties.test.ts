import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect } from 'vitest'
import { decodeState, encodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology, encodeTopology } from '../../src/codec/topologyCodec.js'
import { deploymentArbitrary, topologyArbitrary, topologyDocumentArbitrary } from '../../src/testing/arbitraries.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { baseDocument, topologyOf } from './support.js'

const viaJson = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

describe('round trips', () => {
  test.prop([topologyArbitrary({ maxPairs: 4, maxUsersPerPool: 6, maxEdgePools: 3 })])(
    'decodeTopology(encodeTopology(t)) is right(t), also through JSON text',
    (t) => {
      expect(decodeTopology(encodeTopology(t))).toStrictEqual(E.right(t))
      expect(decodeTopology(viaJson(encodeTopology(t)))).toStrictEqual(E.right(t))
    },
  )

  test.prop([topologyDocumentArbitrary()])('any spelling of a document decodes to the topology it spells', ({ topology, document }) => {
    expect(decodeTopology(viaJson(document))).toStrictEqual(E.right(topology))
  })

  test.prop([deploymentArbitrary()])('decodeState(t, encodeState(s)) is right(s), also through JSON text', ({ topology, state }) => {
    expect(decodeState(topology, encodeState(state))).toStrictEqual(E.right(state))
    expect(decodeState(topology, viaJson(encodeState(state)))).toStrictEqual(E.right(state))
  })

  test.prop([deploymentArbitrary()])('encodeState is deterministic: equal states give identical JSON', ({ topology, state }) => {
    const decoded = decodeState(topology, viaJson(encodeState(state)))
    expect(E.isRight(decoded) && JSON.stringify(encodeState(decoded.right))).toBe(JSON.stringify(encodeState(state)))
  })
})

describe('decoders are total', () => {
  const contoso = topologyOf(baseDocument())

  test.prop([fc.jsonValue()])('any JSON value gives right or a non-empty list of problems, never a throw', (u) => {
    for (const r of [decodeTopology(u), decodeState(contoso, u)]) {
      if (E.isLeft(r)) expect(r.left.length).toBeGreaterThan(0)
    }
  })

  test.prop([fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true })])(
    'any JavaScript value is refused with problems, never a throw',
    (u) => {
      expect(E.isLeft(decodeTopology(u))).toBe(true)
      const s = decodeState(contoso, u)
      if (E.isLeft(s)) expect(s.left.length).toBeGreaterThan(0)
    },
  )

  const documentWithNoise = topologyDocumentArbitrary({ maxPairs: 2 }).chain(({ document }) =>
    fc.tuple(fc.constant(viaJson(document)), fc.array(fc.tuple(fc.nat(), fc.anything()), { minLength: 1, maxLength: 4 })),
  )

  /** Replaces the `pick`-th value of a JSON tree (in depth-first order) by `value`. */
  const replaceAt = (doc: unknown, pick: number, value: unknown): unknown => {
    let n = 0
    const total = (u: unknown): number =>
      1 + (typeof u === 'object' && u !== null ? Object.values(u).reduce((a: number, v) => a + total(v), 0) : 0)
    const target = pick % total(doc)
    const walk = (u: unknown): unknown => {
      if (n++ === target) return value
      if (Array.isArray(u)) return u.map(walk)
      if (typeof u === 'object' && u !== null) return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, walk(v)]))
      return u
    }
    return walk(doc)
  }

  test.prop([documentWithNoise])('a valid document with arbitrary values planted anywhere never makes a decoder throw', ([doc, plants]) => {
    const noisy = plants.reduce((d, [pick, value]) => replaceAt(d, pick, value), doc)
    const r = decodeTopology(noisy)
    if (E.isRight(r)) expect(decodeState(r.right, noisy)).toBeDefined()
    else for (const p of r.left) expect(typeof p.path).toBe('string')
  })

  test.prop([topologyDocumentArbitrary()])('a deep-frozen document decodes without being modified', ({ topology, document }) => {
    const frozen = deepFreeze(viaJson(document))
    const before = JSON.stringify(frozen)
    expect(decodeTopology(frozen)).toStrictEqual(E.right(topology))
    expect(JSON.stringify(frozen)).toBe(before)
  })

  test.prop([deploymentArbitrary()])('a deep-frozen state document decodes without being modified', ({ topology, state }) => {
    const frozen = deepFreeze(viaJson(encodeState(state)))
    const before = JSON.stringify(frozen)
    expect(decodeState(deepFreeze(topology), frozen)).toStrictEqual(E.right(state))
    expect(JSON.stringify(frozen)).toBe(before)
  })
})
