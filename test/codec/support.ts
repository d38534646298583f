/** Helpers of the codec tests: a small valid document to break one thing at a time. */
import * as E from 'fp-ts/lib/Either.js'
import { decodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import type { DecodeProblem } from '../../src/model/problem.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'

/** A valid topology document: pool1 (Redmond) ↔ pool2 (Dublin), se1 unpaired, edge1 with federation. */
export const baseDocument = (): Record<string, unknown> => ({
  sites: [{ name: 'Redmond' }, { name: 'Dublin' }],
  pools: [
    {
      fqdn: 'pool1.contoso.com',
      site: 'Redmond',
      edition: 'Enterprise',
      frontEnds: ['fe1.contoso.com', 'fe2.contoso.com'],
      backEnd: { sqlServer: 'be1.contoso.com', instance: 'rtc' },
    },
    {
      fqdn: 'pool2.contoso.com',
      site: 'Dublin',
      edition: 'Enterprise',
      frontEnds: ['fe3.contoso.com'],
      backEnd: { sqlServer: 'be2.contoso.com', instance: 'rtc' },
    },
    { fqdn: 'se1.contoso.com', site: 'Redmond', edition: 'Standard', frontEnds: ['se1.contoso.com'] },
  ],
  pairings: [['pool1.contoso.com', 'pool2.contoso.com']],
  edgePools: [{ fqdn: 'edge1.contoso.com', site: 'Redmond', nextHop: 'pool1.contoso.com', federation: true }],
  centralManagementStore: { pool: 'pool1.contoso.com' },
  users: [
    { sipAddress: 'sip:alice@contoso.com', homePool: 'pool1.contoso.com' },
    { sipAddress: 'sip:bob@contoso.com', homePool: 'se1.contoso.com' },
  ],
})

/** Removes the value at a path (with {@link edit}). */
export const REMOVE: unique symbol = Symbol('remove')

/** A deep copy of `doc` with the value at `path` replaced by `value` (or removed). */
export const edit = (doc: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown => {
  const copy: unknown = structuredClone(doc)
  let here: unknown = copy
  path.slice(0, -1).forEach((k) => {
    here = (here as Record<string | number, unknown>)[k]
  })
  const last = path[path.length - 1]
  if (last === undefined) return value
  const target = here as Record<string | number, unknown>
  if (value === REMOVE) {
    if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1)
    else Reflect.deleteProperty(target, last)
  } else target[last] = value
  return copy
}

/** The problems of a document that must not decode. */
export const topologyProblems = (input: unknown): ReadonlyArray<DecodeProblem> => {
  const r = decodeTopology(input)
  if (E.isRight(r)) throw new Error('expected the document to be refused')
  return r.left
}

/** The topology of a document that must decode. */
export const topologyOf = (input: unknown): Topology => {
  const r = decodeTopology(input)
  if (E.isLeft(r)) throw new Error(`expected the document to decode: ${JSON.stringify(r.left)}`)
  return r.right
}

/** The problems of a state document that must not decode. */
export const stateProblems = (topology: Topology, input: unknown): ReadonlyArray<DecodeProblem> => {
  const r = decodeState(topology, input)
  if (E.isRight(r)) throw new Error('expected the state document to be refused')
  return r.left
}

/** The state of a document that must decode. */
export const stateOf = (topology: Topology, input: unknown): State => {
  const r = decodeState(topology, input)
  if (E.isLeft(r)) throw new Error(`expected the state document to decode: ${JSON.stringify(r.left)}`)
  return r.right
}
