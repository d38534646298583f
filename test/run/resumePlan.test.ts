import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { planClaims } from '../../src/plan/claims.js'
import { decodePlan } from '../../src/plan/decodePlan.js'
import { hasValidPlanId } from '../../src/plan/planId.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { Journal, JournalEntry } from '../../src/run/journal.js'
import { decodeJournal } from '../../src/run/decodeJournal.js'
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

        // the rest: the same steps from the failing one, original ids, a valid id of its own —
        // a new one even when the first step failed — and the claims of what is left
        const rest = right(resumePlan(s.topology, s.state, s.plan, journal))
        expect(rest.steps).toStrictEqual(s.plan.steps.slice(i))
        expect(rest.intent).toStrictEqual(s.plan.intent)
        expect(rest.resumes).toBe(s.plan.id)
        const claims = planClaims(s.topology, sim.state(), rest.intent, rest.steps)
        expect(rest.warnings).toStrictEqual(claims.warnings)
        expect(rest.impact).toStrictEqual(claims.impact)
        // a disaster-mode failover still to run keeps its data-loss warning
        if (rest.steps.some((st) => (st._tag === 'FailoverPool' || st._tag === 'FailbackPool') && st.disasterMode))
          expect(rest.warnings.map((w) => w._tag)).toContain('PossibleDataLoss')
        expect(hasValidPlanId(rest)).toBe(true)
        expect(rest.id).not.toBe(s.plan.id)
        expect(Object.isFrozen(rest) && Object.isFrozen(rest.steps) && Object.isFrozen(rest.steps[0])).toBe(true)
        expect(validatePlan(s.topology, sim.state(), rest)).toStrictEqual(E.right(rest))

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

  it('refuses a journal whose entries do not match the plan’s steps, saying which entry and why', async () => {
    const journal = await failedAt(3) // succeeded ×3, failed, notRun ×4
    const at = (entry: number, change: Partial<JournalEntry> | Record<string, unknown>): Journal => ({
      ...journal,
      entries: journal.entries.map((e, k): JournalEntry => (k === entry ? { ...e, ...change } : e)),
    })
    const [a, b, ...more] = journal.entries
    const cases: ReadonlyArray<readonly [string, unknown, Record<string, unknown>]> = [
      ['a journal shorter than the plan', { ...journal, entries: journal.entries.slice(1) }, { reason: 'entryCount' }],
      ['a journal longer than the plan', { ...journal, entries: [...journal.entries, journal.entries[7]] }, { reason: 'entryCount' }],
      ['two entries swapped', { ...journal, entries: [b, a, ...more] }, { reason: 'steps', entry: 0 }],
      ['another step id', at(0, { stepId: 'other' }), { reason: 'steps', entry: 0 }],
      ['another step tag', at(0, { _tag: 'FailoverPool' }), { reason: 'steps', entry: 0 }],
      ['an entry that is no object', { ...journal, entries: journal.entries.map((e, k) => (k === 4 ? null : e)) }, { reason: 'steps', entry: 4 }],
      ['an unknown status', at(0, { status: 'done' }), { reason: 'unknownStatus', entry: 0 }],
      ['a missing status', at(6, { status: undefined }), { reason: 'unknownStatus', entry: 6 }],
      ['a success after the failure', at(5, { status: 'succeeded' }), { reason: 'statusOrder', entry: 5 }],
      ['a success right after the failure', at(4, { status: 'succeeded' }), { reason: 'statusOrder', entry: 4 }],
      ['a second failure right after the first', at(4, { status: 'failed' }), { reason: 'statusOrder', entry: 4 }],
      ['two failures', at(5, { status: 'failed' }), { reason: 'statusOrder', entry: 5 }],
      ['a failure after a step that did not run', { ...at(2, { status: 'notRun' }) }, { reason: 'statusOrder', entry: 3 }],
      ['completed with a failed step', { ...journal, outcome: 'completed' }, { reason: 'outcome' }],
      ['aborted with a failed step', { ...journal, outcome: 'aborted' }, { reason: 'outcome' }],
      ['failed without a failed step', { ...at(3, { status: 'notRun' }) }, { reason: 'outcome' }],
      ['an unknown outcome', { ...journal, outcome: 'partly' }, { reason: 'outcome' }],
      ['failed although every step succeeded', { ...journal, entries: journal.entries.map((e) => ({ ...e, status: 'succeeded' })) }, { reason: 'outcome' }],
      ['entries that are no array', { ...journal, entries: 'nope' }, { reason: 'unreadable' }],
      ['no journal at all', null, { reason: 'unreadable' }],
      ['a number', 42, { reason: 'unreadable' }],
      ['an empty object', {}, { reason: 'planId' }],
    ]
    for (const [what, value, expected] of cases)
      expect(resumePlan(s.topology, s.state, s.plan, value as Journal), what).toStrictEqual(
        E.left([{ _tag: 'JournalMismatch', planId: s.plan.id, ...expected }]),
      )
  })

  it('refuses the journal of a refused plan, even with forged successes: nothing ran', async () => {
    const stored = JSON.parse(JSON.stringify(s.plan)) as Plan
    const refused = await executePlan(stored, simulatedHandlers(s.topology, s.state).handlers)
    expect(refused.problems?.[0]?._tag).toBe('PlanNotValidated')
    const mismatch = E.left([{ _tag: 'JournalMismatch', planId: s.plan.id, reason: 'refusedPlan' }])
    expect(resumePlan(s.topology, s.state, s.plan, refused)).toStrictEqual(mismatch)
    const forged: Journal = {
      ...refused,
      entries: refused.entries.map((e, k) => (k < 4 ? { ...e, status: 'succeeded' } : k === 4 ? { ...e, status: 'failed', failure: { _tag: 'PortFailure', message: 'x' } } : e)),
    }
    expect(resumePlan(s.topology, s.state, s.plan, forged)).toStrictEqual(mismatch)
  })

  it('answers Left, never throws, on a journal that cannot be read', async () => {
    const journal = await failedAt(3)
    const revoked = Proxy.revocable(journal, {})
    revoked.revoke()
    const throwingEntries = Object.defineProperty({ ...journal }, 'entries', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const throwingEntry = [...journal.entries]
    Object.defineProperty(throwingEntry, 2, {
      enumerable: true,
      get: () => {
        throw new Error('entry')
      },
    })
    const revokedEntries = Proxy.revocable([...journal.entries], {})
    revokedEntries.revoke()
    const cyclic: Record<string, unknown> = { ...journal }
    cyclic['self'] = cyclic
    for (const bad of [revoked.proxy, throwingEntries, { ...journal, entries: throwingEntry }, { ...journal, entries: revokedEntries.proxy }, cyclic])
      expect(resumePlan(s.topology, s.state, s.plan, bad as Journal)).toStrictEqual(
        E.left([{ _tag: 'JournalMismatch', planId: s.plan.id, reason: 'unreadable' }]),
      )
  })

  it('resumes from a plan and a journal read back from storage (the process died mid-run)', async () => {
    const journal = await failedAt(4)
    const plan: unknown = JSON.parse(JSON.stringify(s.plan))
    const stored: unknown = JSON.parse(JSON.stringify(journal))
    const rest = right(resumePlan(s.topology, s.state, plan as Plan, stored as Journal))
    expect(rest.steps.map((st) => st.id)).toStrictEqual(s.plan.steps.slice(4).map((st) => st.id))
    expect(right(resumePlan(s.topology, s.state, s.plan, journal))).toStrictEqual(rest)
  })

  it('a rest stored as JSON reads back with decodePlan, validates in the state now, and runs; a ClockFailed journal reads back with decodeJournal', async () => {
    const first = simulatedHandlers(s.topology, s.state, { failAt: s.plan.steps[2]!.id })
    const rest = right(resumePlan(s.topology, s.state, s.plan, await executePlan(s.plan, first.handlers)))
    const stored = right(decodePlan(JSON.parse(JSON.stringify(rest))))
    expect(stored.resumes).toBe(s.plan.id)
    const validated = right(validatePlan(s.topology, first.state(), stored))
    expect(validated.id).toBe(rest.id)
    expect((await executePlan(validated, simulatedHandlers(s.topology, first.state()).handlers)).outcome).toBe('completed')
    let reads = 0
    const clockFailed = await executePlan(rest, simulatedHandlers(s.topology, first.state()).handlers, {
      now: () => (++reads === 1 ? Promise.reject(new Error('clock')) : 't'),
    })
    expect(clockFailed.entries[0]?.failure?._tag).toBe('ClockFailed')
    expect(right(decodeJournal(JSON.parse(JSON.stringify(clockFailed))))).toStrictEqual(clockFailed)
  })

  it('the rest of a rest gets a new id again, also when its first step fails at once', async () => {
    const first = right(resumePlan(s.topology, s.state, s.plan, await failedAt(0)))
    expect(first.steps).toStrictEqual(s.plan.steps)
    expect(first.id).not.toBe(s.plan.id)
    const again = await executePlan(first, simulatedHandlers(s.topology, s.state, { failAt: first.steps[0].id }).handlers)
    const second = right(resumePlan(s.topology, s.state, first, again))
    expect(second.resumes).toBe(first.id)
    expect(new Set([s.plan.id, first.id, second.id]).size).toBe(3)
  })

  it('refuses a tampered plan', async () => {
    const journal = await failedAt(2)
    const tampered: Plan = { ...s.plan, impact: { ...s.plan.impact, usersMoved: 99 } }
    const result = resumePlan(s.topology, s.state, tampered, journal)
    expect(E.isLeft(result) && result.left.map((v) => v._tag)).toStrictEqual(['PlanIdMismatch'])
  })

  it('refuses a plan that is not well formed, or cannot be read, with what is wrong: InvalidInput, not a JournalMismatch', async () => {
    const journal = await failedAt(2)
    const { steps: _steps, ...noSteps } = s.plan
    const malformed = resumePlan(s.topology, s.state, noSteps as unknown as Plan, journal)
    expect(E.isLeft(malformed) && malformed.left[0]).toStrictEqual({ _tag: 'InvalidInput', path: 'steps', expected: 'a non-empty array of steps', found: 'nothing' })
    const revoked = Proxy.revocable({ ...s.plan }, {})
    revoked.revoke()
    const unreadable = resumePlan(s.topology, s.state, revoked.proxy, journal)
    // the path is the plan itself (''): nothing of it can be read
    expect(E.isLeft(unreadable) && unreadable.left.map((v) => [v._tag, v._tag === 'InvalidInput' ? [v.path, v.expected] : []])).toStrictEqual([
      ['InvalidInput', ['', 'a plan made of plain JSON data']],
    ])
  })

  it('checks the topology and the state before anything else: a raw JSON topology is InvalidInput, even for a completed journal', async () => {
    const raw = JSON.parse(JSON.stringify({ pools: [] })) as typeof s.topology
    const result = resumePlan(raw, s.state, s.plan, await completed())
    expect(E.isLeft(result) && result.left.map((v) => [v._tag, v._tag === 'InvalidInput' ? v.path : ''])).toStrictEqual([['InvalidInput', 'topology']])
  })

  it('reports the violations when stateBefore is not the state the plan was made for', async () => {
    const d = scenarioNamed('disaster failover of pool1 (Redmond down)')
    const journal = await executePlan(d.plan, simulatedHandlers(d.topology, d.state, { failAt: '4-failover-pool' }).handlers)
    const result = resumePlan(d.topology, healthy(d.topology), d.plan, journal)
    expect(E.isLeft(result)).toBe(true)
    if (E.isLeft(result)) expect(result.left[0]).toMatchObject({ _tag: 'StepPreconditionFailed', stepId: '1-failover-cms' })
  })
})
