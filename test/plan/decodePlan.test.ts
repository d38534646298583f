/**
 * decodePlan (contract §4.1, §5.1): a stored plan document is read back with its shape checked and
 * every field the plan format does not define refused (`UnknownField`); it is NOT checked against a
 * deployment (that is validatePlan).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseDocumentText } from '../../src/codec/documentText.js'
import { invalidInput } from '../../src/model/guard.js'
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

  const refusal = (path: string, expected: string, found: unknown) => invalidInput(path, expected, found)

  it('refuses a document that is no plan object at the empty path', () => {
    for (const junk of [null, 'plan', 7]) expect(problems(junk)).toStrictEqual([refusal('', 'a plan object', junk)])
  })

  it('refuses each top-level field of the wrong type at its path, saying what is expected', () => {
    const doc = { ...stored(), formatVersion: '1', id: 7, intent: ['Failover'], warnings: {}, impact: [3], resumes: 3 }
    expect(problems(doc)).toStrictEqual([
      refusal('formatVersion', '1', '1'),
      refusal('id', 'a string', 7),
      refusal('intent', 'an intent object', ['Failover']),
      refusal('warnings', 'an array of findings', {}),
      refusal('impact', 'an impact object', [3]),
      refusal('resumes', 'a plan id or nothing', 3),
    ])
  })

  it('refuses impact counts that are not whole numbers \u2265 0', () => {
    for (const usersMoved of [1.5, -1, '3'])
      expect(problems(at(stored(), ['impact', 'usersMoved'], usersMoved))).toStrictEqual([refusal('impact.usersMoved', 'a whole number \u2265 0', usersMoved)])
  })

  it('refuses a step that is no object or has an empty or non-string id, and a $schema below the top level, at their paths', () => {
    const doc = stored()
    const steps = doc['steps'] as Array<Record<string, unknown>>
    doc['steps'] = [['FailoverPool'], { ...steps[0], id: '' }, { ...steps[1], id: 5 }, { ...steps[2], $schema: 'x' }, ...steps.slice(3)]
    expect(problems(doc)).toStrictEqual([
      refusal('steps[0]', 'a step object', ['FailoverPool']),
      refusal('steps[1].id', 'a non-empty string', ''),
      refusal('steps[2].id', 'a non-empty string', 5),
      { _tag: 'UnknownField', path: 'steps[3].$schema', field: '$schema' },
    ])
  })

  it('refuses each wrong warning at its path: no object, an unknown or non-string tag, a bad severity, date, operation or lag', () => {
    const pools = ['pool1.contoso.com']
    const lagging = (lagSeconds: unknown) => ({ _tag: 'BackupServiceLagging', severity: 'warning', pools, lagSeconds })
    const doc = at(stored(), ['warnings'], [
      ['UnpairedPool'],
      { _tag: 'Nope', severity: 'warning', pools },
      { _tag: ['UnpairedPool'], severity: 'warning', pools },
      { _tag: 'PossibleDataLoss', severity: 'error', pools, lastSyncAt: 5, operation: 'failover' },
      lagging(0),
      lagging(-1),
      lagging(1.5),
      lagging('3'),
    ])
    expect(problems(doc)).toStrictEqual([
      refusal('warnings[0]', 'a finding object', ['UnpairedPool']),
      refusal('warnings[1]._tag', 'a finding tag', 'Nope'),
      refusal('warnings[2]._tag', 'a finding tag', ['UnpairedPool']),
      refusal('warnings[3].severity', '"warning", "unsupported" or "advice"', 'error'),
      refusal('warnings[3].lastSyncAt', 'a date-time or nothing', 5),
      refusal('warnings[3].operation', '"failback" or nothing', 'failover'),
      refusal('warnings[5].lagSeconds', 'a whole number \u2265 0', -1),
      refusal('warnings[6].lagSeconds', 'a whole number \u2265 0', 1.5),
      refusal('warnings[7].lagSeconds', 'a whole number \u2265 0', '3'),
    ])
  })

  it('refuses an intent with an unknown or non-string tag, listing the tags, and a Back End principal other than Primary or Mirror', () => {
    const tags = '"Failover", "Failback", "MoveService", "BackupSync", "ConferenceContentRestore", "SetSyncInterval", "QuorumRecovery", "BackEndFailover", "EdgeFailover", "EdgeFailback", "SiteFailover", "SiteFailback"'
    for (const tag of ['Nope', ['Failover']])
      expect(problems(at(stored(), ['intent', '_tag'], tag))).toStrictEqual([refusal('intent._tag', tags, tag)])
    const backEnd = at(stored(), ['intent'], { _tag: 'BackEndFailover', pool: 'pool1.contoso.com', newPrincipal: 'Secondary' })
    expect(problems(backEnd)).toStrictEqual([refusal('intent.newPrincipal', '"Primary" or "Mirror"', 'Secondary')])
  })

  it('refuses a top-level $schema that is no string, saying a URI is expected', () => {
    expect(problems({ ...stored(), $schema: 1 })).toStrictEqual([refusal('$schema', 'the URI of a JSON Schema (a string)', 1)])
  })

  it('refuses a document whose fields cannot be read or listed as "a plan made of plain data"', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    const unlistable = new Proxy(stored(), {
      ownKeys: () => {
        throw new Error('no keys')
      },
    })
    for (const doc of [revoked, unlistable]) expect(problems(doc)).toStrictEqual([refusal('', 'a plan made of plain data', doc)])
  })

  it('returns plain data fields, as JSON.parse makes them (writable, enumerable, configurable)', () => {
    const decoded = decodePlan(stored())
    if (E.isLeft(decoded)) throw new Error('expected a plan')
    expect(Object.getOwnPropertyDescriptors(decoded.right)).toStrictEqual(Object.getOwnPropertyDescriptors(stored()))
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
