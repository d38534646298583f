import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { planClaims } from '../../src/plan/claims.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { computePlanId, withPlanId } from '../../src/plan/planId.js'
import { isRegisteredPlan } from '../../src/plan/registry.js'
import type { Step } from '../../src/plan/step.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { aPairedDeployment, cmsAt, contosoTopology, fqdn, healthy, pool1FailedOver, redmondDown, stateOf } from '../support/builders.js'
import { left, right } from './support.js'

const t = contosoTopology()
const s = redmondDown(t)
/** Redmond down: 1-failover-cms, 2-check-cms, 3-set-edge-next-hop, 4-failover-pool. */
const redmondPlan = (): Plan => deepFreeze(right(planFailover(t, s, { pool: 'pool1.contoso.com' })))
/**
 * The plan with other steps, re-sealed by the most careful forger: warnings and impact recomputed
 * for the new steps (so only the rules can catch it) and a valid id.
 */
const reseal = (plan: Plan, steps: ReadonlyArray<Step>, state: State = s, topology: Topology = t): Plan => {
  const [first, ...rest] = steps
  if (first === undefined) throw new Error('no steps')
  const { formatVersion, intent } = plan
  return deepFreeze(withPlanId({ formatVersion, intent, ...planClaims(topology, state, intent, steps), steps: [first, ...rest] }))
}
/** A JSON value that is not a Plan, passed where one is expected (as a caller with JSON does). */
const asPlan = (u: unknown): Plan => u as Plan

describe('validatePlan', () => {
  it('accepts the planner\'s plan and applyPlan gives the state after it', () => {
    const p = redmondPlan()
    expect(validatePlan(t, s, p)).toEqual(E.right(p))
    const after = right(applyPlan(t, s, p))
    expect(after.failovers.get(fqdn('pool1.contoso.com'))).toBe('disaster')
    expect(after.centralManagementStore).toEqual({ activeMaster: 'pool2.contoso.com', available: true })
    expect(s.failovers.size).toBe(0)
  })

  it('accepts a plan read back from JSON', () => {
    const p = redmondPlan()
    const reloaded: unknown = JSON.parse(JSON.stringify(p))
    expect(E.isRight(validatePlan(t, s, asPlan(reloaded)))).toBe(true)
  })

  it('PlanIdMismatch for a tampered id', () => {
    const p = redmondPlan()
    expect(left(validatePlan(t, s, { ...p, id: '0'.repeat(64) }))).toEqual([
      { _tag: 'PlanIdMismatch', expected: p.id, found: '0'.repeat(64) },
    ])
  })

  it('an id that is no string is an InvalidInput at `id`, not a PlanIdMismatch', () => {
    const p = redmondPlan()
    expect(left(validatePlan(t, s, asPlan({ ...p, id: 5 })))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'id', expected: 'a string', found: '5' },
    ])
  })

  it('a duplicate step id is a DuplicateStepId of that step, naming no pool', () => {
    const p = redmondPlan()
    const duplicated = reseal(p, [p.steps[0], p.steps[1]!, p.steps[2]!, { ...p.steps[3]!, id: p.steps[0].id }])
    expect(left(validatePlan(t, s, duplicated))).toStrictEqual([
      { _tag: 'StepPreconditionFailed', stepId: p.steps[0].id, step: 'FailoverPool', rule: 'DuplicateStepId', subjects: [] },
    ])
  })

  it('a wrong id does not hide a step that breaks a rule', () => {
    const p = redmondPlan()
    const edited: Plan = { ...p, steps: [p.steps[0], p.steps[1]!, p.steps[2]!, { ...p.steps[3]!, disasterMode: false } as Step] }
    expect(left(validatePlan(t, s, edited))).toEqual([
      { _tag: 'PlanIdMismatch', expected: computePlanId(edited), found: p.id },
      { _tag: 'StepPreconditionFailed', stepId: '4-failover-pool', step: 'FailoverPool', rule: 'PlannedModeNeedsReachablePool', subjects: ['pool1.contoso.com'] },
      { _tag: 'IntentNotAchieved', intent: p.intent },
      // a planned failover risks no data loss: the disaster-mode warning no longer follows from the steps
      { _tag: 'PlanContentMismatch', field: 'warnings', missing: [], unexpected: [p.warnings[0]] },
    ])
  })

  it('the CMS failover removed: the pool failover breaks CmsReadyForPoolFailover', () => {
    const p = redmondPlan()
    const withoutCms = reseal(p, p.steps.filter((x) => x._tag !== 'FailoverCentralManagementStore' && x._tag !== 'CheckCentralManagementStore'))
    expect(left(validatePlan(t, s, withoutCms))).toEqual([
      { _tag: 'StepPreconditionFailed', stepId: '4-failover-pool', step: 'FailoverPool', rule: 'CmsReadyForPoolFailover', subjects: ['pool1.contoso.com'] },
    ])
  })

  it('the CMS check before the CMS failover breaks ActiveMasterMatches', () => {
    const p = redmondPlan()
    const [cms, check, edge, pool] = [p.steps[0], p.steps[1]!, p.steps[2]!, p.steps[3]!]
    expect(left(validatePlan(t, s, reseal(p, [check, cms, edge, pool])))).toEqual([
      { _tag: 'StepPreconditionFailed', stepId: '2-check-cms', step: 'CheckCentralManagementStore', rule: 'ActiveMasterMatches', subjects: ['pool2.contoso.com', 'pool1.contoso.com'] },
    ])
  })

  it('the Edge step removed: NoEdgeNextHopToFailingPool', () => {
    const d = aPairedDeployment()
    const ds = stateOf(d, cmsAt('p2.example.com'))
    const p = right(planFailover(d, ds, { pool: 'p1.example.com' }))
    const stripped = reseal(p, p.steps.filter((x) => x._tag !== 'SetEdgeNextHop'), ds, d)
    expect(left(validatePlan(d, ds, stripped))).toEqual([
      { _tag: 'StepPreconditionFailed', stepId: '3-failover-pool', step: 'FailoverPool', rule: 'NoEdgeNextHopToFailingPool', subjects: ['edge-a.example.com', 'p1.example.com'] },
    ])
  })

  it('the failover moved first: every rule it breaks, and the fold goes on (later steps are fine)', () => {
    const d = aPairedDeployment()
    const ds = healthy(d)
    const p = right(planFailover(d, ds, { pool: 'p1.example.com' }))
    const last = p.steps[p.steps.length - 1]!
    const moved = reseal(p, [last, ...p.steps.slice(0, -1)], ds, d)
    expect(left(validatePlan(d, ds, moved))).toEqual([
      { _tag: 'StepPreconditionFailed', stepId: '5-failover-pool', step: 'FailoverPool', rule: 'CmsReadyForPoolFailover', subjects: ['p1.example.com'] },
      { _tag: 'StepPreconditionFailed', stepId: '5-failover-pool', step: 'FailoverPool', rule: 'NoEdgeNextHopToFailingPool', subjects: ['edge-a.example.com', 'p1.example.com'] },
    ])
  })

  it('reports several problems at once: id, two broken steps, duplicates, intent', () => {
    const p = redmondPlan()
    const [cms, check, edge, pool] = [p.steps[0], p.steps[1]!, p.steps[2]!, p.steps[3]!]
    const broken: Plan = {
      ...p,
      steps: [{ ...check, id: 'x' }, edge, { ...pool, id: 'x' }, cms],
    }
    const violations = left(validatePlan(t, s, broken))
    expect(violations.map((v) => (v._tag === 'StepPreconditionFailed' ? `${v.stepId}:${v.rule}` : v._tag))).toEqual([
      'PlanIdMismatch',
      'x:ActiveMasterMatches',
      'x:DuplicateStepId',
      'x:CmsReadyForPoolFailover',
    ])
  })

  it('IntentNotAchieved when the steps do not do what the intent says', () => {
    const p = redmondPlan()
    const lying = deepFreeze(withPlanId({ ...p, intent: { _tag: 'Failover', pool: fqdn('pool2.contoso.com'), mode: 'disaster' } }))
    expect(left(validatePlan(t, s, lying))).toEqual([{ _tag: 'IntentNotAchieved', intent: lying.intent }])
  })

  it('a plan made for another state is rejected there', () => {
    expect(left(validatePlan(t, healthy(t), redmondPlan())).map((v) => v._tag)).toContain('StepPreconditionFailed')
  })

  it('answers, never throws, for a state that records no status for an Edge pool (a hand-built state passes the shape guard): a failback plan\'s EdgeNextHopNotRestored is then one the state does not give', () => {
    const failedOver = pool1FailedOver(t)
    const plan = right(planFailback(t, failedOver, { pool: fqdn('pool1.contoso.com') }))
    expect(plan.warnings.map((w) => w._tag)).toContain('EdgeNextHopNotRestored')
    expect(left(validatePlan(t, { ...failedOver, edgePools: new Map() }, plan))).toStrictEqual([
      { _tag: 'PlanContentMismatch', field: 'warnings', missing: [], unexpected: plan.warnings.filter((w) => w._tag === 'EdgeNextHopNotRestored') },
    ])
  })
})

describe('validatePlan on malformed values (JSON)', () => {
  const p = (): Record<string, unknown> => {
    const reloaded: unknown = JSON.parse(JSON.stringify(redmondPlan()))
    return reloaded as Record<string, unknown>
  }

  it('empty steps', () => {
    const v = { ...p(), steps: [] }
    expect(left(validatePlan(t, s, asPlan(v)))).toContainEqual({ _tag: 'InvalidInput', path: 'steps', expected: 'a non-empty array of steps', found: 'an array of 0 items' })
  })

  it('an unknown step tag, a wrong kind and a bad field, each with its path', () => {
    const v = p()
    const steps = v['steps'] as Array<Record<string, unknown>>
    steps[2] = { ...steps[2], _tag: 'RebootEverything' }
    steps[1] = { ...steps[1], kind: 'action' }
    steps[0] = { ...steps[0], to: 'Pool2.Contoso.com', mirrorInstance: 5 }
    const violations = left(validatePlan(t, s, asPlan(v)))
    expect(violations).toContainEqual({ _tag: 'InvalidInput', path: 'steps[2]._tag', expected: 'a step tag', found: '"RebootEverything"' })
    expect(violations).toContainEqual({ _tag: 'InvalidInput', path: 'steps[1].kind', expected: '"check"', found: '"action"' })
    expect(violations).toContainEqual({ _tag: 'InvalidInput', path: 'steps[0].to', expected: 'a lower-case FQDN', found: '"Pool2.Contoso.com"' })
    expect(violations).toContainEqual({ _tag: 'InvalidInput', path: 'steps[0].mirrorInstance', expected: 'a SQL instance name or nothing', found: '5' })
    expect(violations[0]._tag).toBe('PlanIdMismatch')
  })

  it('inherited names are not step tags', () => {
    for (const tag of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const v = p()
      ;(v['steps'] as Array<Record<string, unknown>>)[0] = { _tag: tag, id: '1', kind: 'check' }
      expect(left(validatePlan(t, s, asPlan(v)))).toContainEqual({ _tag: 'InvalidInput', path: 'steps[0]._tag', expected: 'a step tag', found: JSON.stringify(tag) })
    }
  })

  it('bad intent, warnings and impact', () => {
    const v = { ...p(), intent: { _tag: 'Failover', pool: 'x' }, warnings: [{ _tag: 'Nope' }], impact: { usersMoved: -1, pools: 'p' }, formatVersion: 2 }
    const paths = left(validatePlan(t, s, asPlan(v))).flatMap((x) => (x._tag === 'InvalidInput' ? [x.path] : []))
    // a finding of an unknown tag has no known fields to judge: its tag is the problem
    expect(paths).toEqual(['formatVersion', 'intent.pool', 'intent.mode', 'warnings[0]._tag', 'impact.usersMoved', 'impact.pools'])
  })

  it('never throws, whatever the value', () => {
    const cyclic: Record<string, unknown> = p()
    cyclic['self'] = cyclic
    const hostile = Object.defineProperty(p(), 'steps', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const protoKey: unknown = JSON.parse('{"__proto__":{"formatVersion":1},"steps":[]}')
    for (const junk of [null, undefined, 0, 'plan', [], {}, [p()], cyclic, hostile, protoKey, { steps: [null, 1, 'x', []] }]) {
      expect(E.isLeft(validatePlan(t, s, asPlan(junk)))).toBe(true)
      expect(E.isLeft(applyPlan(t, s, asPlan(junk)))).toBe(true)
    }
    // a cycle in a field the plan format does not define breaks the id, is an unknown field, and the plan is no JSON data
    expect(left(validatePlan(t, s, asPlan(cyclic)))).toEqual([
      { _tag: 'PlanIdMismatch', expected: '', found: redmondPlan().id },
      { _tag: 'UnknownField', path: 'self', field: 'self' },
      { _tag: 'InvalidInput', path: '', expected: 'a plan made of plain JSON data (no cycle, bigint, getter that throws or revoked proxy)', found: 'an object' },
    ])
    // the same with an empty id, which the cycle's missing hash would otherwise "match"
    const emptyId: Record<string, unknown> = { ...p(), id: '' }
    emptyId['self'] = emptyId
    expect(left(validatePlan(t, s, asPlan(emptyId))).map((v) => v._tag)).toEqual(['UnknownField', 'InvalidInput'])
    const revoked = Proxy.revocable(p(), {})
    revoked.revoke()
    expect(E.isLeft(validatePlan(t, s, asPlan(revoked.proxy)))).toBe(true)
    expect(E.isLeft(applyPlan(t, s, asPlan(revoked.proxy)))).toBe(true)
  })
})

describe('validatePlan recomputes what a plan claims (PlanContentMismatch)', () => {
  const forge = (plan: Plan, change: Partial<Omit<Plan, 'id'>>): Plan => {
    const { id: _, ...content } = plan
    return withPlanId({ ...content, ...change })
  }

  it('refuses a re-sealed plan whose data-loss warning was dropped and whose impact says 0 users', () => {
    const p = redmondPlan()
    const dataLoss = p.warnings.find((w) => w._tag === 'PossibleDataLoss')
    expect(dataLoss).toBeDefined()
    const quiet = forge(p, { warnings: p.warnings.filter((w) => w._tag !== 'PossibleDataLoss'), impact: { ...p.impact, usersMoved: 0 } })
    expect(left(validatePlan(t, s, quiet))).toEqual([
      { _tag: 'PlanContentMismatch', field: 'warnings', missing: [dataLoss], unexpected: [] },
      { _tag: 'PlanContentMismatch', field: 'impact', expected: { usersMoved: 2, pools: p.impact.pools }, found: { usersMoved: 0, pools: p.impact.pools } },
    ])
    expect(E.isLeft(applyPlan(t, s, quiet))).toBe(true)
  })

  it('refuses a warning the steps do not give, and pools the steps do not touch', () => {
    const p = redmondPlan()
    const scary = { _tag: 'UnpairedPool', severity: 'advice', pools: [fqdn('pool2.contoso.com')] } as const
    const edited = forge(p, { warnings: [...p.warnings, scary], impact: { ...p.impact, pools: [fqdn('pool1.contoso.com')] } })
    expect(left(validatePlan(t, s, edited))).toEqual([
      { _tag: 'PlanContentMismatch', field: 'warnings', missing: [], unexpected: [scary] },
      { _tag: 'PlanContentMismatch', field: 'impact', expected: { usersMoved: 2, pools: p.impact.pools }, found: { usersMoved: 2, pools: ['pool1.contoso.com'] } },
    ])
  })

  it('a repeated warning is one too many', () => {
    const p = redmondPlan()
    const first = p.warnings[0]!
    expect(left(validatePlan(t, s, forge(p, { warnings: [...p.warnings, first] })))).toEqual([
      { _tag: 'PlanContentMismatch', field: 'warnings', missing: [], unexpected: [first] },
    ])
  })

  it('the order of warnings and of impact pools carries no meaning', () => {
    const p = redmondPlan()
    const reordered = forge(p, { warnings: [...p.warnings].reverse(), impact: { ...p.impact, pools: [...p.impact.pools].reverse() } })
    expect(E.isRight(validatePlan(t, s, reordered))).toBe(true)
  })

  it('every planner plan claims exactly what planClaims gives', () => {
    const p = redmondPlan()
    expect(planClaims(t, s, p.intent, p.steps)).toEqual({ warnings: p.warnings, impact: p.impact })
  })
})

describe('validatePlan returns a registered, deep-frozen plan (what executePlan runs)', () => {
  const isDeepFrozen = (u: unknown): boolean =>
    typeof u !== 'object' || u === null || (Object.isFrozen(u) && Object.values(u).every(isDeepFrozen))

  it('a planner plan is registered and deep-frozen; validatePlan answers that very object', () => {
    const p = right(planFailover(t, s, { pool: 'pool1.contoso.com' }))
    expect(isRegisteredPlan(p)).toBe(true)
    expect(isDeepFrozen(p)).toBe(true)
    expect(right(validatePlan(t, s, p))).toBe(p)
  })

  it('any other plan gives a deep-frozen, registered copy; the caller’s object is neither frozen nor registered', () => {
    const stored = JSON.parse(JSON.stringify(redmondPlan())) as Plan
    const validated = right(validatePlan(t, s, stored))
    expect(validated).not.toBe(stored)
    expect(validated).toStrictEqual(stored)
    expect(isRegisteredPlan(validated) && isDeepFrozen(validated)).toBe(true)
    expect(isRegisteredPlan(stored) || Object.isFrozen(stored)).toBe(false)
    // editing the stored value afterwards does not reach the validated plan
    ;(stored.steps as unknown as Array<unknown>).splice(0, 2)
    expect(validated.steps).toHaveLength(4)
    // validating the copy again answers the copy itself
    expect(right(validatePlan(t, s, validated))).toBe(validated)
  })

  it('reads the value once: a getter that answers differently each time cannot pass one plan and return another', () => {
    const good = JSON.parse(JSON.stringify(redmondPlan())) as Record<string, unknown>
    const goodSteps = good['steps'] as ReadonlyArray<Record<string, unknown>>
    let reads = 0
    const shifty = Object.defineProperty({ ...good }, 'steps', {
      enumerable: true,
      get: () => {
        reads++
        // first read: the real steps; any later read: the pool failover alone
        return reads === 1 ? goodSteps : [goodSteps[3]]
      },
    })
    const validated = right(validatePlan(t, s, shifty as unknown as Plan))
    expect(reads).toBe(1)
    expect(validated.steps.map((st) => st.id)).toEqual(['1-failover-cms', '2-check-cms', '3-set-edge-next-hop', '4-failover-pool'])
  })
})
