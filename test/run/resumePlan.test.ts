import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { hasValidPlanId } from '../../src/plan/planId.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { Journal, JournalEntry } from '../../src/run/journal.js'
import { resumePlan } from '../../src/run/resumePlan.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { healthy } from '../support/builders.js'
import { scenarioNamed, scenarios } from '../render/scenarios.js'

const counter = (): (() => string) => {
  let n = 0
  return () => `t${++n}`
}

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

describe('resumePlan after a failure at every step position', () => {
  for (const s of scenarios())
    s.plan.steps.forEach((failing, i) => {
      it(`${s.name}: fails at step ${i + 1} (${failing._tag}), then resumes to completion`, async () => {
        const ids = s.plan.steps.map((st) => st.id)
        const sim = simulatedHandlers(s.topology, s.state, { failAt: failing.id })
        const journal = await executePlan(s.plan, sim.handlers, { now: counter() })

        // nothing after the failing step ran, and the journal says exactly that
        expect(sim.calls()).toStrictEqual(ids.slice(0, i + 1))
        expect(journal).toStrictEqual({
          planId: s.plan.id,
          outcome: 'failed',
          entries: s.plan.steps.map((st, k): JournalEntry => {
            const base = { stepId: st.id, _tag: st._tag }
            const stamps = { startedAt: `t${2 * k + 1}`, finishedAt: `t${2 * k + 2}` }
            if (k > i) return { ...base, status: 'notRun' }
            if (k === i)
              return { ...base, status: 'failed', ...stamps, failure: { _tag: 'PortFailure', message: `Simulated failure of step ${st.id}.`, code: 'SimulatedFailure' } }
            const observed =
              st._tag === 'CheckCentralManagementStore'
                ? { observed: { activeMaster: st.activeMaster } }
                : st._tag === 'CheckBackupService'
                  ? { observed: { exportState: 'SteadyState', importState: 'NormalState' } }
                  : {}
            return { ...base, status: 'succeeded', ...stamps, ...observed }
          }),
        })
        expect(JSON.parse(JSON.stringify(journal))).toStrictEqual(journal)

        // the rest: the same steps from the failing one, original ids, a valid id of its own
        const rest = right(resumePlan(s.topology, s.state, s.plan, journal))
        expect(rest.steps).toStrictEqual(s.plan.steps.slice(i))
        expect(rest.intent).toStrictEqual(s.plan.intent)
        expect(rest.warnings).toStrictEqual(s.plan.warnings)
        expect(hasValidPlanId(rest)).toBe(true)
        if (i === 0) expect(rest).toStrictEqual(s.plan)
        else expect(rest.id).not.toBe(s.plan.id)
        expect(E.isRight(validatePlan(s.topology, sim.state(), rest))).toBe(true)

        // running the rest completes, and the deployment ends where the whole plan leads
        const resumed = simulatedHandlers(s.topology, sim.state())
        const second = await executePlan(rest, resumed.handlers)
        expect(second.outcome).toBe('completed')
        expect(resumed.calls()).toStrictEqual(ids.slice(i))
        expect(E.right(resumed.state())).toStrictEqual(applyPlan(s.topology, s.state, s.plan))
        expect(resumePlan(s.topology, sim.state(), rest, second)).toStrictEqual(E.left([{ _tag: 'NothingLeftToRun', planId: rest.id }]))
      })
    })
})

describe('resumePlan', () => {
  const s = scenarioNamed('move service from pool2 to pool1')
  const completed = async (): Promise<Journal> => executePlan(s.plan, simulatedHandlers(s.topology, s.state).handlers)
  const failedAt = async (index: number): Promise<Journal> =>
    executePlan(s.plan, simulatedHandlers(s.topology, s.state, { failAt: s.plan.steps[index]?.id ?? '' }).handlers)

  it('recomputes the impact for the remaining steps', async () => {
    // move service: fail back pool1 (2 users), then fail over pool2 (1 user); resume after the failback
    const failbackIndex = s.plan.steps.findIndex((st) => st._tag === 'FailbackPool')
    const rest = right(resumePlan(s.topology, s.state, s.plan, await failedAt(failbackIndex + 1)))
    expect(s.plan.impact.usersMoved).toBe(3)
    expect(rest.impact.usersMoved).toBe(1)
    expect(rest.steps.some((st) => st._tag === 'FailbackPool')).toBe(false)
  })

  it('says NothingLeftToRun when every step succeeded', async () => {
    expect(resumePlan(s.topology, s.state, s.plan, await completed())).toStrictEqual(E.left([{ _tag: 'NothingLeftToRun', planId: s.plan.id }]))
  })

  it('resumes an aborted run from its first step that did not run', async () => {
    const controller = new AbortController()
    const journal = await executePlan(s.plan, simulatedHandlers(s.topology, s.state).handlers, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e._tag === 'StepSucceeded' && e.index === 1) controller.abort()
      },
    })
    expect(journal.outcome).toBe('aborted')
    expect(right(resumePlan(s.topology, s.state, s.plan, journal)).steps).toStrictEqual(s.plan.steps.slice(2))
  })

  it('refuses a journal of another plan', async () => {
    const other = scenarioNamed('failback of pool1')
    const journal = await executePlan(other.plan, simulatedHandlers(other.topology, other.state, { failAt: other.plan.steps[1]?.id ?? '' }).handlers)
    expect(resumePlan(s.topology, s.state, s.plan, journal)).toStrictEqual(E.left([{ _tag: 'JournalMismatch', planId: s.plan.id, reason: 'planId' }]))
  })

  it('refuses a journal whose entries do not match the plan’s steps', async () => {
    const journal = await failedAt(3)
    const mismatch = E.left([{ _tag: 'JournalMismatch', planId: s.plan.id, reason: 'steps' }])
    const [a, b, ...more] = journal.entries
    const variants: ReadonlyArray<unknown> = [
      { ...journal, entries: journal.entries.slice(1) },
      { ...journal, entries: [b, a, ...more] },
      { ...journal, entries: journal.entries.map((e, k) => (k === 0 ? { ...e, stepId: 'other' } : e)) },
      { ...journal, entries: journal.entries.map((e, k) => (k === 0 ? { ...e, _tag: 'FailoverPool' } : e)) },
      { ...journal, entries: journal.entries.map((e, k) => (k === 5 ? { ...e, status: 'succeeded' } : e)) },
      { ...journal, entries: journal.entries.map((e, k) => (k === 0 ? { ...e, status: 'done' } : e)) },
      { ...journal, entries: 'nope' },
    ]
    for (const v of variants) expect(resumePlan(s.topology, s.state, s.plan, v as Journal)).toStrictEqual(mismatch)
    for (const junk of [null, undefined, 42, {}]) expect(E.isLeft(resumePlan(s.topology, s.state, s.plan, junk as Journal))).toBe(true)
  })

  it('refuses a tampered plan', async () => {
    const journal = await failedAt(2)
    const tampered: Plan = { ...s.plan, impact: { ...s.plan.impact, usersMoved: 99 } }
    const result = resumePlan(s.topology, s.state, tampered, journal)
    expect(E.isLeft(result) && result.left.map((v) => v._tag)).toStrictEqual(['PlanIdMismatch'])
  })

  it('reports the violations when stateBefore is not the state the plan was made for', async () => {
    const d = scenarioNamed('disaster failover of pool1 (Redmond down)')
    const journal = await executePlan(d.plan, simulatedHandlers(d.topology, d.state, { failAt: '4-failover-pool' }).handlers)
    const result = resumePlan(d.topology, healthy(d.topology), d.plan, journal)
    expect(E.isLeft(result)).toBe(true)
    if (E.isLeft(result)) expect(result.left[0]).toMatchObject({ _tag: 'StepPreconditionFailed', stepId: '1-failover-cms' })
  })
})
