import { createHash } from 'node:crypto'
import { fc, test as prop } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { planFailover } from '../../src/plan/planFailover.js'
import { canonicalJson, computePlanId, hasValidPlanId, sha256, withPlanId, type PlanContent } from '../../src/plan/planId.js'
import type { Plan } from '../../src/plan/plan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { contosoTopology, fqdn, healthy } from '../support/builders.js'

const nodeSha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('hashes the FIPS/NIST vector %j', (message, digest) => {
    expect(sha256(message)).toBe(digest)
  })

  it('hashes a million "a" (many blocks)', () => {
    expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
  })

  it('hashes messages around the 55/56/64-byte padding boundaries like node:crypto', () => {
    for (let n = 50; n <= 130; n++) expect(sha256('x'.repeat(n))).toBe(nodeSha256('x'.repeat(n)))
  })

  prop.prop([fc.string({ unit: 'binary', maxLength: 300 })])('agrees with node:crypto on any string, lone surrogates included', (s) => {
    expect(sha256(s)).toBe(nodeSha256(s))
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: undefined }], c: 'x' }, u: undefined })).toEqual(
      O.some('{"a":{"c":"x","d":[3,1,{"z":1}]},"b":1}'),
    )
  })

  it('writes like JSON.stringify for values in arrays, non-finite numbers and -0', () => {
    expect(canonicalJson([undefined, NaN, -0, Infinity, 'é\n'])).toEqual(O.some('[null,null,0,null,"é\\n"]'))
  })

  it('is none, never throwing, for cycles, bigints and throwing getters', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic['self'] = cyclic
    expect(canonicalJson(cyclic)).toEqual(O.none)
    expect(canonicalJson({ n: 1n })).toEqual(O.none)
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(canonicalJson(hostile)).toEqual(O.none)
  })

  it('accepts shared (non-cyclic) references', () => {
    const shared = { x: 1 }
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toEqual(O.some('{"a":{"x":1},"b":[{"x":1},{"x":1}]}'))
  })

  it('keeps an own "__proto__" key as data', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"polluted":true},"a":1}')
    expect(canonicalJson(parsed)).toEqual(O.some('{"__proto__":{"polluted":true},"a":1}'))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('plan id', () => {
  const t = contosoTopology()
  const plan = (): Plan => {
    const r = planFailover(t, healthy(t), { pool: 'pool1.contoso.com' })
    if (E.isLeft(r)) throw new Error('fixture plan refused')
    return deepFreeze(r.right)
  }

  it('is the SHA-256 of the canonical JSON of everything but the id', () => {
    const p = plan()
    const { id, ...content } = p
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    expect(computePlanId(content)).toBe(id)
    expect(id).toBe(sha256(O.getOrElse(() => '')(canonicalJson(content))))
    expect(computePlanId(p)).toBe(id) // an id field is ignored
  })

  it('does not depend on key order', () => {
    const { id, ...content } = plan()
    const reordered: PlanContent = { impact: content.impact, warnings: content.warnings, steps: content.steps, intent: content.intent, formatVersion: 1 }
    expect(computePlanId(reordered)).toBe(id)
  })

  it('withPlanId seals content so that hasValidPlanId holds', () => {
    const { formatVersion, intent, steps, warnings, impact } = plan()
    expect(hasValidPlanId(withPlanId({ formatVersion, intent, steps, warnings, impact }))).toBe(true)
  })

  it('survives a JSON round trip', () => {
    const reloaded: Plan = JSON.parse(JSON.stringify(plan()))
    expect(hasValidPlanId(reloaded)).toBe(true)
  })

  it('detects any edited field', () => {
    const p = plan()
    expect(hasValidPlanId({ ...p, impact: { ...p.impact, usersMoved: 3 } })).toBe(false)
    expect(hasValidPlanId({ ...p, intent: { _tag: 'Failover', pool: fqdn('pool2.contoso.com'), mode: 'planned' } })).toBe(false)
    expect(hasValidPlanId({ ...p, id: p.id.toUpperCase() })).toBe(false)
  })

  it('never throws on values that are not plans', () => {
    const cyclic: Record<string, unknown> = { formatVersion: 1, id: '' }
    cyclic['steps'] = [cyclic]
    for (const junk of [null, undefined, 42, 'plan', [], {}, cyclic, { id: 7 }, { id: 'x', n: 1n }]) {
      const value: unknown = junk
      expect(hasValidPlanId(value as Plan)).toBe(false)
    }
    expect(computePlanId(cyclic as unknown as PlanContent)).toBe('')
  })
})
