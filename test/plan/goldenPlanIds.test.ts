/**
 * Golden plan ids. A plan id is the SHA-256 of the canonical JSON of the plan's content
 * (src/plan/planId.ts); users save plans, sign them off and run them later, and `validatePlan`
 * refuses a plan whose id does not match its content. So the id of a given plan is a promise:
 * the same topology, state and request give the same id in every release.
 *
 * CHANGING A VALUE BELOW IS A VERSIONED DECISION: every plan saved with an earlier version stops
 * validating. Do it only on purpose (a change of the id scheme, of the canonical JSON, or of what
 * a planner plans for the Contoso documents), in the same commit, with a CHANGELOG line that says
 * saved plans must be made again.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { decodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { canonicalJson, computePlanId, hasValidPlanId } from '../../src/plan/planId.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { readFileSync } from 'node:fs'
import { right } from './support.js'

const decoded = <A>(r: E.Either<unknown, A>, what: string): A => {
  if (E.isLeft(r)) throw new Error(`${what} does not decode: ${JSON.stringify(r.left)}`)
  return r.right
}

const topology = (): Topology => decoded(decodeTopology(contosoTopologyDocument()), 'the Contoso topology')

const state = (t: Topology, name: 'healthy' | 'redmond-down' | 'pool1-failed-over'): State =>
  decoded(
    decodeState(t, JSON.parse(readFileSync(new URL(`../fixtures/contoso.state.${name}.json`, import.meta.url), 'utf8')) as unknown),
    `contoso.state.${name}.json`,
  )

const golden = (plan: Plan): void => {
  // The id is the hash of the content, and the plan carries it.
  expect(hasValidPlanId(plan)).toBe(true)
  expect(computePlanId(plan)).toBe(plan.id)
}

describe('golden plan ids of the Contoso fixtures (changing one is a versioned decision: CHANGELOG)', () => {
  it('failover of pool1, redmond-down (disaster mode)', () => {
    const t = topology()
    const p = right(planFailover(t, state(t, 'redmond-down'), { pool: 'pool1.contoso.com' }))
    golden(p)
    expect(p.id).toBe('26b1b670b58b7b09908ad68b19aa9b9ea33aa68e86305feae671f46a3c877fe7')
  })

  it('planned failover of pool1, healthy', () => {
    const t = topology()
    const p = right(planFailover(t, state(t, 'healthy'), { pool: 'pool1.contoso.com' }))
    golden(p)
    expect(p.id).toBe('40081bd3d9c42ea2f6b0446ef60f590fc13707ac502a90933998c381c9748e62')
  })

  it('failback of pool1, pool1-failed-over', () => {
    const t = topology()
    const p = right(planFailback(t, state(t, 'pool1-failed-over'), { pool: 'pool1.contoso.com' }))
    golden(p)
    // Since 0.2: pool1 was failed over in disaster mode, so its conference content is restored
    // after the failback (restoring-conference-contents-using-the-backup-service.md).
    expect(p.id).toBe('cfb763bf4486369139606995ab615d526a0d29c774d46b7494970e7739e95908')
  })

  it('move of pool2’s service to pool1, pool1-failed-over', () => {
    const t = topology()
    const p = right(planMoveService(t, state(t, 'pool1-failed-over'), { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    golden(p)
    expect(p.id).toBe('4c37543f4e9d48d5f043686dc5261af826fd9573371edc652a15846d930f2e6f')
  })
})

describe('golden canonical JSON and hashes (the bytes a plan id is computed from)', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['false', false, 'false'],
    ['true', true, 'true'],
    ['zero and -0', [0, -0], '[0,0]'],
    ['an empty object and array', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['null and false as object values (kept, unlike undefined)', { z: null, y: false, x: undefined }, '{"y":false,"z":null}'],
    ['null and false in arrays', [null, false, [null, [false]]], '[null,false,[null,[false]]]'],
    [
      'nested objects, keys sorted at every depth',
      { b: { d: [{ f: null, e: false }], c: 'x' }, a: 1.5 },
      '{"a":1.5,"b":{"c":"x","d":[{"e":false,"f":null}]}}',
    ],
  ])('%s', (_, value, json) => {
    expect(canonicalJson(value)).toEqual(O.some(json))
  })

  it.each<[string, unknown, string]>([
    ['{"v":null}', { v: null }, 'aae9e223dcdc02dfd8149da8c25b9536533a7232b0c9137ee6b2cd5c2a2629eb'],
    ['{"v":false}', { v: false }, 'eeb0deb9cb259a55fdff2c5ed5d0a08dba3ff585aafa0821cc51889f7660739e'],
    ['{"a":[null,false],"b":{"c":{}}}', { b: { c: {} }, a: [null, false] }, '4f723dbad5cecc45a0493f03e577489f13e38a8789198ceaccc5781fdb685bcf'],
  ])('the id of the content %s', (_, content, id) => {
    expect(computePlanId(content as never)).toBe(id)
  })
})

describe('what the canonical JSON leaves out, and ids that cannot be read', () => {
  it('leaves functions and symbols out of objects, as JSON.stringify does (a plan with a method has the id of its data)', () => {
    expect(canonicalJson({ b: 1, f: () => 1, s: Symbol('s'), u: undefined })).toEqual(O.some('{"b":1}'))
    expect(canonicalJson({ b: 1, f: () => 1 })).toEqual(O.some(JSON.stringify({ b: 1, f: () => 1 })))
    expect(canonicalJson([() => 1, Symbol('s'), undefined])).toEqual(O.some(JSON.stringify([() => 1, Symbol('s'), undefined])))
    expect(canonicalJson([() => 1, Symbol('s'), undefined])).toEqual(O.some('[null,null,null]'))
    expect(computePlanId({ v: null, helper: () => 'x' } as never)).toBe('aae9e223dcdc02dfd8149da8c25b9536533a7232b0c9137ee6b2cd5c2a2629eb')
  })

  it('hasValidPlanId is false, never throwing, when the id cannot be read (a throwing getter, a revoked proxy)', () => {
    const t = topology()
    const p = right(planFailover(t, state(t, 'redmond-down'), { pool: 'pool1.contoso.com' }))
    const { id: _, ...content } = p
    const throwing = Object.defineProperty({ ...content }, 'id', {
      enumerable: true,
      get: () => {
        throw new Error('no id')
      },
    })
    expect(hasValidPlanId(throwing as Plan)).toBe(false)
    const revoked = Proxy.revocable({ ...p }, {})
    revoked.revoke()
    expect(hasValidPlanId(revoked.proxy)).toBe(false)
  })
})
