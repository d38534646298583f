/** The registry of validated plans and the snapshots it registers. */
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it, vi } from 'vitest'
import { canonicalJson } from '../../src/plan/planId.js'
import type { Plan } from '../../src/plan/plan.js'
import { isRegisteredPlan, registerPlan, snapshotData } from '../../src/plan/registry.js'
import { scenarioNamed } from '../render/scenarios.js'

const some = <A>(o: O.Option<A>): A => {
  if (O.isNone(o)) throw new Error('expected some')
  return o.value
}

describe('snapshotData', () => {
  it('copies plain data deeply, in key order, as JSON carries it', () => {
    const value = { b: [1, undefined, () => 1, Number.NaN, -0], a: { c: 'x', u: undefined, f: () => 2 }, i: Number.POSITIVE_INFINITY }
    const copy = some(snapshotData(value))
    expect(copy).toStrictEqual({ b: [1, null, null, null, 0], a: { c: 'x' }, i: null })
    expect(Object.keys(copy as object)).toStrictEqual(['b', 'a', 'i'])
    expect(copy).toStrictEqual(JSON.parse(JSON.stringify(value)))
    expect(canonicalJson(copy)).toStrictEqual(canonicalJson(value))
    expect((copy as { a: unknown }).a).not.toBe(value.a)
  })

  it('keeps an own __proto__ key as a plain field, never as a prototype', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"polluted":true},"x":1}')
    const copy = some(snapshotData(parsed)) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toStrictEqual(['__proto__', 'x'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('is none for what is no JSON data, and never throws', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom') } })
    let deep: unknown = 0
    for (let i = 0; i < 200_000; i++) deep = [deep]
    for (const bad of [cyclic, revoked.proxy, getter, { n: 1n }, deep]) expect(snapshotData(bad)).toStrictEqual(O.none)
    // a shared (not cyclic) object is fine
    const shared = { x: 1 }
    expect(some(snapshotData({ a: shared, b: shared }))).toStrictEqual({ a: { x: 1 }, b: { x: 1 } })
  })
})

describe('the registry', () => {
  const plan = (): Plan => scenarioNamed('failback of pool1').plan

  it('registers a deep-frozen copy, never the caller’s object; a registered plan registers as itself', () => {
    const mine = JSON.parse(JSON.stringify(plan())) as Plan
    const registered = some(registerPlan(mine))
    expect(registered).not.toBe(mine)
    expect(isRegisteredPlan(registered)).toBe(true)
    expect(isRegisteredPlan(mine)).toBe(false)
    expect(Object.isFrozen(mine)).toBe(false)
    expect(Object.isFrozen(registered.steps[0])).toBe(true)
    expect(some(registerPlan(registered))).toBe(registered)
  })

  // Skipped under Stryker (`npm run mutate`): reloading the module inside this test runs its
  // module-level code again, so mutants of it would count as covered by this one test alone.
  it.skipIf(process.env['SFB_DR_MUTATION'] === '1')('is one registry per process, on globalThis under Symbol.for: a second copy of the module sees the first one’s plans', async () => {
    const registered = plan()
    vi.resetModules()
    const second = await import('../../src/plan/registry.js')
    expect(second.isRegisteredPlan).not.toBe(isRegisteredPlan)
    expect(second.isRegisteredPlan(registered)).toBe(true)
    const theirs = some(second.registerPlan(JSON.parse(JSON.stringify(registered)) as Plan))
    expect(isRegisteredPlan(theirs)).toBe(true)
  })

  it('the shared WeakSet is frozen, and a later change to WeakSet.prototype.has is never what answers', () => {
    const set = (globalThis as Record<symbol, unknown>)[Symbol.for('sfb-dr.validatedPlans.v1')] as WeakSet<object>
    expect(Object.isFrozen(set)).toBe(true)
    const forged = JSON.parse(JSON.stringify(plan())) as Plan
    const original = Object.getOwnPropertyDescriptor(WeakSet.prototype, 'has')!
    Object.defineProperty(WeakSet.prototype, 'has', { ...original, value: () => true })
    try {
      expect(isRegisteredPlan(forged)).toBe(false)
    } finally {
      Object.defineProperty(WeakSet.prototype, 'has', original)
    }
  })

  it('answers false for anything that is not an object, without reading it', () => {
    for (const v of [null, undefined, 1, 'plan', Symbol('x')]) expect(isRegisteredPlan(v)).toBe(false)
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(isRegisteredPlan(revoked.proxy)).toBe(false)
  })
})
