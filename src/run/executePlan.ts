/**
 * Running a plan through the caller's handlers (ports): the only code of the library that awaits.
 *
 * Laws:
 * - A plan whose id does not match its content, that is not well formed, or whose step ids are
 *   not unique is refused: no handler is called.
 * - Steps run in plan order; each handler is called at most once; after the first failure no
 *   later handler is called.
 * - The returned promise never rejects; the journal is JSON-safe.
 *
 * @module
 */
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Violation } from '../model/problem.js'
import type { Plan } from '../plan/plan.js'
import { hasValidPlanId, planIdOfValue } from '../plan/planId.js'
import { planShapeProblems } from '../plan/planShape.js'
import type { Step } from '../plan/step.js'
import { ownField } from '../plan/input.js'
import type { ExecuteOptions, ExecutionEvent } from './events.js'
import type { StepHandlers } from './handlers.js'
import type { Journal, JournalEntry, Outcome } from './journal.js'
import { runStep, timeLimit } from './runStep.js'
import { callQuietly, describeThrown } from './safe.js'

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The effectful edge: the default clock. */
const systemClock = (): string => new Date().toISOString()

const reader =
  (now: unknown): (() => string | undefined) =>
  () => {
    try {
      const t: unknown = typeof now === 'function' ? (now as () => unknown)() : systemClock()
      return typeof t === 'string' ? t : undefined
    } catch {
      return undefined
    }
  }

const notRun = (step: Step): JournalEntry => ({ stepId: step.id, _tag: step._tag, status: 'notRun' })

const stamps = (startedAt: string | undefined, finishedAt: string | undefined): Partial<JournalEntry> => ({
  ...(startedAt === undefined ? {} : { startedAt }),
  ...(finishedAt === undefined ? {} : { finishedAt }),
})

/** Why a plan must not run, or nothing; reads the plan as `unknown`. Never throws. */
const refusal = (plan: Plan): ReadonlyArray<Violation> => {
  const shape = planShapeProblems(plan)
  const found = ownField(plan, 'id')
  const idProblems: ReadonlyArray<Violation> =
    typeof found === 'string' && !hasValidPlanId(plan)
      ? [{ _tag: 'PlanIdMismatch', expected: planIdOfValue(plan), found }]
      : []
  if (shape.length > 0) return [...idProblems, ...shape]
  const seen = new Set<string>()
  const duplicates: Array<Violation> = []
  for (const step of plan.steps) {
    if (seen.has(step.id))
      duplicates.push({ _tag: 'StepPreconditionFailed', stepId: step.id, step: step._tag, rule: 'DuplicateStepId', subjects: [] })
    seen.add(step.id)
  }
  return [...idProblems, ...duplicates]
}

/** Reads `signal.aborted` (a getter on `AbortSignal`); never throws. */
const isAborted = (signal: unknown): boolean => {
  try {
    return typeof signal === 'object' && signal !== null && (signal as { readonly aborted?: unknown }).aborted === true
  } catch {
    return false
  }
}

const planIdOf = (plan: Plan): string => {
  const id = ownField(plan, 'id')
  return typeof id === 'string' ? id : ''
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Runs a plan's steps in order through the given handlers and resolves with the journal of what
 * happened.
 *
 * **When to use**
 *
 * To carry a validated plan out through your own ports: handlers that run the cmdlets over
 * PowerShell remoting, call an orchestration API, or (in tests and rehearsals) the
 * `simulatedHandlers` of `sfb-dr/testing`. Validate the plan against the current state first
 * (`validatePlan`): the executor knows no topology and only checks the plan itself.
 *
 * **Details**
 *
 * - Refusal: a plan whose id does not match its content (`hasValidPlanId`), that is not well
 *   formed, or that has two steps with one id is not run. The journal then has outcome `failed`,
 *   every entry `notRun` (no entries when the steps cannot be read) and `problems` saying why.
 * - Each step: `signal` is checked (once aborted: outcome `aborted`, the rest `notRun`), the clock
 *   read, `StepStarted` emitted, the handler called once and awaited (within `stepTimeoutMs`),
 *   checks judged (`CheckCentralManagementStore`: active master equal ignoring letter case and
 *   a trailing dot; `CheckBackupService`: export `SteadyState`/`FinalState`, import
 *   `NormalState`), the clock read again, `StepSucceeded` or `StepFailed` emitted.
 * - The first failure ends the run with outcome `failed`: a `PortFailure` (the handler's `Left`),
 *   `HandlerThrew` (it threw, rejected, answered no `Either`, or is missing), `StepTimedOut`, or
 *   `CheckMismatch`. `PlanFinished` is always the last event.
 *
 * **Gotchas**
 *
 * - The returned promise never rejects, whatever the handlers, the clock or the listener do.
 * - A timed-out or aborted handler is not cancelled (a `TaskEither` cannot be): it may still
 *   change the deployment. Its late answer is ignored, so read the state again before resuming.
 * - The journal is what `resumePlan` needs to continue after a failure, with a new plan id.
 *
 * @example
 * const journal = await executePlan(plan, handlers, { now: () => clock.now(), stepTimeoutMs: 3_600_000 })
 * if (journal.outcome !== 'completed') console.log(journal.entries.find((e) => e.status === 'failed'))
 *
 * @see {@link resumePlan} to continue after a failure.
 * @category execution
 * @since 0.1.0
 */
export const executePlan = async (
  plan: Plan,
  handlers: StepHandlers,
  options: ExecuteOptions = {},
): Promise<Journal> => {
  const planId = planIdOf(plan)
  const emit = (event: ExecutionEvent): void => {
    callQuietly(ownField(options, 'onEvent') as ((e: ExecutionEvent) => void) | undefined, event)
  }
  const finish = (journal: Journal): Journal => {
    emit({ _tag: 'PlanFinished', planId, journal })
    return journal
  }
  const [problem, ...more] = refusal(plan)
  if (problem !== undefined) {
    const problems: RNEA.ReadonlyNonEmptyArray<Violation> = [problem, ...more]
    const wellFormed = problems.every((p) => p._tag !== 'InvalidInput')
    return finish({ planId, outcome: 'failed', entries: wellFormed ? plan.steps.map(notRun) : [], problems })
  }

  const now = reader(ownField(options, 'now'))
  const timeoutMs = timeLimit(ownField(options, 'stepTimeoutMs'))
  const signal = ownField(options, 'signal')
  const entries: Array<JournalEntry> = plan.steps.map(notRun)
  let outcome: Outcome = 'completed'
  try {
    for (const [index, step] of plan.steps.entries()) {
      if (isAborted(signal)) {
        outcome = 'aborted'
        break
      }
      const startedAt = now()
      emit({ _tag: 'StepStarted', planId, index, stepId: step.id, stepTag: step._tag, ...(startedAt === undefined ? {} : { at: startedAt }) })
      const result = await runStep(handlers, step, timeoutMs)
      const base = { stepId: step.id, _tag: step._tag, ...stamps(startedAt, now()) }
      if (result._tag === 'Left') {
        const { failure, observed } = result.left
        const entry: JournalEntry = { ...base, status: 'failed', failure, ...(observed === undefined ? {} : { observed }) }
        entries[index] = entry
        outcome = 'failed'
        emit({ _tag: 'StepFailed', planId, index, entry })
        break
      }
      const observed = result.right
      const entry: JournalEntry = { ...base, status: 'succeeded', ...(observed === undefined ? {} : { observed }) }
      entries[index] = entry
      emit({ _tag: 'StepSucceeded', planId, index, entry })
    }
  } catch (error) {
    // Not reachable by design (every call above is guarded); kept so the promise never rejects.
    const index = entries.findIndex((e) => e.status === 'notRun')
    const current = index === -1 ? undefined : plan.steps[index]
    if (current !== undefined)
      entries[index] = {
        ...notRun(current),
        status: 'failed',
        failure: { _tag: 'HandlerThrew', reason: 'threw', message: `sfb-dr: unexpected error: ${describeThrown(error)}` },
      }
    outcome = 'failed'
  }
  return finish({ planId, outcome, entries })
}
