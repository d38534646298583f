/**
 * decodePlan (contract §4.1, §5.1): a stored plan document is read back with its shape checked and
 * every field the plan format does not define refused (`UnknownField`); it is NOT checked against a
 * deployment (that is validatePlan).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseDocumentText } from '../../src/codec/documentText.js'
import { decodePlan } from '../../src/plan/decodePlan.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { hasValidPlanId } from '../../src/plan/planId.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import { contosoTopology, healthy, redmondDown } from '../support/builders.js'
import { scenarios } from '../render/scenarios.js'
import { right } from './support.js'

const t = contosoTopology()
const s = redmondDown(t)
const stored = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(right(planFailover(t, s, { pool: 'pool1.contoso.com' })))) as Record<string, unknown>
const problems = (u: unknown) => {
  const r = decodePlan(u)
  if (E.isRight(r)) throw new Error('expected the plan to be refused')
  return r.left
}
const at = (doc: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): Record<string, unknown> => {
  let here: unknown = doc
  for (const k of path.slice(0, -1)) here = (here as Record<string | number, unknown>)[k]
  ;(here as Record<string | number, unknown>)[path[path.length - 1]!] = value
  return doc
}

describe('decodePlan', () => {
  it('reads back every plan of the scenarios, equal to the plan, and validatePlan accepts it', () => {
    for (const sc of scenarios()) {
      const decoded = decodePlan(JSON.parse(JSON.stringify(sc.plan)))
      expect(decoded).toStrictEqual(E.right(JSON.parse(JSON.stringify(sc.plan))))
      const plan: Plan = E.isRight(decoded) ? decoded.right : sc.plan
      expect(hasValidPlanId(plan)).toBe(true)
      expect(E.isRight(validatePlan(sc.topology, sc.state, plan))).toBe(true)
    }
  })

  it('reads a plan file as Windows tools write it', () => {
    const text = `\uFEFF${JSON.stringify(stored())}`
    expect(E.isRight(E.chainW(decodePlan)(parseDocumentText(text)))).toBe(true)
  })

  it('does not check the plan against a deployment: a plan that no longer applies still decodes', () => {
    const decoded = decodePlan(stored())
    expect(E.isRight(decoded)).toBe(true)
    // the Redmond disaster plan does not apply once Redmond is back
    expect(E.isLeft(E.chainW((p: Plan) => validatePlan(t, healthy(t), p))(decoded))).toBe(true)
  })

  it.each([
    [['stpes'], 'stpes', 'steps'],
    [['intent', 'pol'], 'intent.pol', 'pool'],
    [['steps', 3, 'backupPol'], 'steps[3].backupPol', 'backupPool'],
    [['steps', 3, 'disastermode'], 'steps[3].disastermode', 'disasterMode'],
    [['warnings', 0, 'pool'], 'warnings[0].pool', 'pools'],
    [['impact', 'userMoved'], 'impact.userMoved', 'usersMoved'],
  ] as const)('refuses an unknown field %j', (path, problemPath, suggestion) => {
    expect(problems(at(stored(), path, 'x'))).toEqual([{ _tag: 'UnknownField', path: problemPath, field: path[path.length - 1], suggestion }])
  })

  it('reports every shape problem at once, each with its path', () => {
    const doc = at(at(at(stored(), ['formatVersion'], 2), ['steps', 0, 'kind'], 'manual'), ['steps', 1, 'activeMaster'], 'NOT AN FQDN')
    expect(problems(doc).map((p) => p.path)).toEqual(['formatVersion', 'steps[0].kind', 'steps[1].activeMaster'])
  })

  it('allows a top-level $schema string and drops it; the plan id does not cover it', () => {
    const doc = { $schema: 'https://example.com/plan.schema.json', ...stored() }
    const decoded = decodePlan(doc)
    expect(decoded).toStrictEqual(E.right(stored()))
    expect(hasValidPlanId(doc as unknown as Plan)).toBe(true)
    expect(problems({ ...stored(), $schema: 1 })).toEqual([expect.objectContaining({ _tag: 'InvalidInput', path: '$schema' })])
  })

  it('returns a fresh copy of own fields, with -0 read as 0', () => {
    const doc = stored()
    const impact = doc['impact'] as Record<string, unknown>
    impact['usersMoved'] = -0
    const decoded = decodePlan(doc)
    if (E.isLeft(decoded)) throw new Error('expected a plan')
    expect(Object.is(decoded.right.impact.usersMoved, 0)).toBe(true)
    impact['usersMoved'] = 5
    expect(decoded.right.impact.usersMoved).toBe(0)
  })

  it('never throws, whatever the value', () => {
    const hostile = Object.defineProperty(stored(), 'steps', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const junk of [null, undefined, 0, 'plan', [], {}, hostile, proxy, JSON.parse('{"__proto__":{"formatVersion":1}}')])
      expect(E.isLeft(decodePlan(junk))).toBe(true)
  })
})
