/**
 * Running a plan through the caller's handlers (ports): the only code of the library that awaits.
 *
 * Laws:
 * - Only a plan the library returned in this process (a planner, `validatePlan`, `resumePlan`)
 *   runs; any other object is refused with `PlanNotValidated`, and so is a plan whose id does not
 *   match its content, that is not well formed, or whose step ids are not unique: no handler is
 *   called.
 * - Steps run in plan order; each handler is called at most once; after the first failure no
 *   later handler is called.
 * - The run reads a deep-frozen plan: no handler or listener can change which steps run or what
 *   the journal says. Listeners get deep-frozen copies; the journal returned is the executor's own.
 * - The returned promise never rejects and leaves no unhandled rejection behind, whatever the
 *   handlers, the clock or the listener do; the journal is JSON-safe.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Violation } from '../model/problem.js'
import { invalidInput, ownField } from '../plan/input.js'
import type { Plan } from '../plan/plan.js'
import { hasValidPlanId, planIdOfValue } from '../plan/planId.js'
import { planShapeProblems } from '../plan/planShape.js'
import { frozenSnapshot, isRegisteredPlan, snapshotData } from '../plan/registry.js'
import type { Step } from '../plan/step.js'
import type { ExecuteOptions, ExecutionEvent } from './events.js'
import type { StepHandlers } from './handlers.js'
import type { ClockFailed, Journal, JournalEntry, Outcome } from './journal.js'
import { runStep, timeLimit } from './runStep.js'
import { callQuietly, describeThrown, isThenable, settle } from './safe.js'

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The effectful edge: the default clock. */
const systemClock = (): string => new Date().toISOString()

/** A clock reading: a timestamp, none, or a failure that fails the step. */
type Reading =
  | { readonly _tag: 'Stamp'; readonly at: string | undefined }
  | { readonly _tag: 'Failed'; readonly message: string }

const stamp = (at: unknown): Reading => ({ _tag: 'Stamp', at: typeof at === 'string' ? at : undefined })

/**
 * Reads the clock: a string is a timestamp; a throw or another value is none; a promise is awaited
 * within the time limit and fails the step when it rejects or does not answer. Never rejects.
 */
const clock =
  (now: unknown, timeoutMs: number | undefined): (() => Promise<Reading>) =>
  async () => {
    let value: unknown
    try {
      value = typeof now === 'function' ? (now as () => unknown)() : systemClock()
    } catch {
      return stamp(undefined)
    }
    if (!isThenable(value)) return stamp(value)
    const settled = await settle(() => value, timeoutMs)
    switch (settled._tag) {
      case 'Value':
        return stamp(settled.value)
      case 'Threw':
        return { _tag: 'Failed', message: `The clock (options.now) rejected: ${describeThrown(settled.error)}` }
      case 'TimedOut':
        return { _tag: 'Failed', message: `The clock (options.now) did not answer within ${timeoutMs ?? 0} ms.` }
    }
  }

const clockFailed = (when: ClockFailed['when'], message: string): ClockFailed => ({
  _tag: 'ClockFailed',
  when,
  message:
    when === 'start'
      ? `${message} The handler was not called.`
      : `${message} The handler had answered: the step's effect may have happened; check the deployment before resuming.`,
})

const notRun = (step: Step): JournalEntry => ({ stepId: step.id, _tag: step._tag, status: 'notRun' })

const stamps = (startedAt: string | undefined, finishedAt: string | undefined): Partial<JournalEntry> => ({
  ...(startedAt === undefined ? {} : { startedAt }),
  ...(finishedAt === undefined ? {} : { finishedAt }),
})

/** What can be told about a plan value that is not run; reads a snapshot of it only. */
const diagnostics = (plan: unknown): ReadonlyArray<Violation> => {
  const shape = planShapeProblems(plan)
  const found = ownField(plan, 'id')
  const idProblems: ReadonlyArray<Violation> =
    typeof found === 'string' && !hasValidPlanId(plan as Plan)
      ? [{ _tag: 'PlanIdMismatch', expected: planIdOfValue(plan), found }]
      : []
  if (shape.length > 0) return [...idProblems, ...shape]
  const seen = new Set<string>()
  const duplicates: Array<Violation> = []
  for (const step of (plan as Plan).steps) {
    if (seen.has(step.id))
      duplicates.push({ _tag: 'StepPreconditionFailed', stepId: step.id, step: step._tag, rule: 'DuplicateStepId', subjects: [] })
    seen.add(step.id)
  }
  return [...idProblems, ...duplicates]
}

/** The journal of a plan that is not run: every step `notRun` (none when the steps cannot be read). */
const refused = (plan: unknown, problems: RNEA.ReadonlyNonEmptyArray<Violation>): Journal => {
  const id = ownField(plan, 'id')
  const wellFormed = problems.every((p) => p._tag !== 'InvalidInput')
  return {
    planId: typeof id === 'string' ? id : '',
    outcome: 'failed',
    entries: wellFormed ? (plan as Plan).steps.map(notRun) : [],
    problems,
  }
}

/**
 * Why a plan must not run, on a snapshot of it (`none`: run it): `PlanNotValidated` first for
 * anything the library did not return, then what else can be told. Never throws.
 */
const refusal = (plan: Plan): O.Option<Journal> => {
  // only buildPlan and validatePlan register a plan, after every check, and freeze it
  if (isRegisteredPlan(plan)) return O.none
  const copy = snapshotData(plan)
  const found = O.isSome(copy) ? ownField(copy.value, 'id') : undefined
  const notValidated: Violation = { _tag: 'PlanNotValidated', planId: typeof found === 'string' ? found : '' }
  return O.some(
    O.isSome(copy)
      ? refused(copy.value, [notValidated, ...diagnostics(copy.value)])
      : refused(undefined, [notValidated, invalidInput('', 'a plan made of plain JSON data', plan)]),
  )
}

/** Reads `signal.aborted` (a getter on `AbortSignal`); never throws. */
const isAborted = (signal: unknown): boolean => {
  try {
    return typeof signal === 'object' && signal !== null && (signal as { readonly aborted?: unknown }).aborted === true
  } catch {
    return false
  }
}

/** A deep-frozen copy of an event, for listeners: nothing they do reaches the run. */
const frozenEvent = (event: ExecutionEvent): ExecutionEvent =>
  O.getOrElse(() => event)(frozenSnapshot(event) as O.Option<ExecutionEvent>)

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
 * `simulatedHandlers` of `sfb-dr/testing`.
 *
 * **Details**
 *
 * - Only plans this library returned in this process run: the `Right` of a planner, of
 *   `validatePlan` or of `resumePlan` (deep-frozen, recognised by identity, also across the ESM
 *   and CommonJS builds loaded side by side). Anything else — a plan read back from JSON, a
 *   spread copy, a plan edited and re-sealed with `withPlanId` — is refused with
 *   `PlanNotValidated`: pass it through `validatePlan(topology, state, plan)` against the state
 *   now, which also checks that the state still allows it.
 * - Refusal: the journal then has outcome `failed`, every entry `notRun` (no entries when the
 *   steps cannot be read) and `problems` saying why (`PlanNotValidated`, `PlanIdMismatch`,
 *   `InvalidInput`, `StepPreconditionFailed` with rule `DuplicateStepId`). No handler is called.
 * - Each step: `signal` is checked (once aborted: outcome `aborted`, the rest `notRun`), the clock
 *   read, `StepStarted` emitted, the handler called once and awaited (within `stepTimeoutMs`),
 *   checks judged (`CheckCentralManagementStore`: active master equal ignoring letter case and
 *   a trailing dot; `CheckBackupService`: export `SteadyState`/`FinalState`, import
 *   `NormalState`), the clock read again, `StepSucceeded` or `StepFailed` emitted.
 * - The first failure ends the run with outcome `failed`: a `PortFailure` (the handler's `Left`),
 *   `HandlerThrew` (it threw, rejected, answered no `Either`, is an `async` function, or is
 *   missing), `StepTimedOut`, `CheckMismatch`, or `ClockFailed` (a clock promise that rejected).
 *   `PlanFinished` is always the last event.
 *
 * **Gotchas**
 *
 * - The returned promise never rejects, whatever the handlers, the clock or the listener do, and
 *   leaves no unhandled rejection behind (an `async` handler's rejection is awaited and recorded).
 * - Handlers receive the plan's own frozen steps and listeners frozen copies: an attempt to
 *   change them throws in strict code (the handler then fails its step) and changes nothing.
 * - No time limit by default: a handler that never answers stops the run forever. Set
 *   `stepTimeoutMs` for unattended runs.
 * - A timed-out or aborted handler is not cancelled (a `TaskEither` cannot be): it may still
 *   change the deployment. Its late answer is ignored, so read the state again before resuming.
 * - The journal is what `resumePlan` needs to continue after a failure, with a new plan id.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { executePlan, planFailover } from 'sfb-dr'
 * import { simulatedHandlers } from 'sfb-dr/testing'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * if (E.isRight(plan)) {
 *   const handlers = simulatedHandlers(contoso, redmondDown).handlers // or your own StepHandlers
 *   const journal = await executePlan(plan.right, handlers, { now: () => new Date().toISOString(), stepTimeoutMs: 3_600_000 })
 *   console.log(journal.outcome) // => 'completed'
 *   console.log(journal.entries.map((e) => e.status)) // => ['succeeded', 'succeeded', 'succeeded', 'succeeded']
 * }
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
  const listener = ownField(options, 'onEvent') as ((e: ExecutionEvent) => void) | undefined
  const emit = (event: ExecutionEvent): void => {
    if (typeof listener === 'function') callQuietly(listener, frozenEvent(event))
  }
  const finish = (journal: Journal): Journal => {
    emit({ _tag: 'PlanFinished', planId: journal.planId, journal })
    return journal
  }
  const refusedJournal = refusal(plan)
  if (O.isSome(refusedJournal)) return finish(refusedJournal.value)

  // A registered plan is deep-frozen: `steps` and every step are the run's snapshot.
  const { id: planId, steps } = plan
  const timeoutMs = timeLimit(ownField(options, 'stepTimeoutMs'))
  const now = clock(ownField(options, 'now'), timeoutMs)
  const signal = ownField(options, 'signal')
  const entries: Array<JournalEntry> = steps.map(notRun)
  let outcome: Outcome = 'completed'
  const fail = (index: number, entry: JournalEntry): void => {
    entries[index] = entry
    outcome = 'failed'
    emit({ _tag: 'StepFailed', planId, index, stepId: entry.stepId, stepTag: entry._tag, entry })
  }
  try {
    for (const [index, step] of steps.entries()) {
      if (isAborted(signal)) {
        outcome = 'aborted'
        break
      }
      const start = await now()
      if (start._tag === 'Failed') {
        fail(index, { stepId: step.id, _tag: step._tag, status: 'failed', failure: clockFailed('start', start.message) })
        break
      }
      const startedAt = start.at
      emit({ _tag: 'StepStarted', planId, index, stepId: step.id, stepTag: step._tag, ...(startedAt === undefined ? {} : { at: startedAt }) })
      const result = await runStep(handlers, step, timeoutMs)
      const end = await now()
      const base = { stepId: step.id, _tag: step._tag, ...stamps(startedAt, end._tag === 'Stamp' ? end.at : undefined) }
      if (result._tag === 'Left') {
        const { failure, observed } = result.left
        fail(index, { ...base, status: 'failed', failure, ...(observed === undefined ? {} : { observed }) })
        break
      }
      const observed = result.right
      if (end._tag === 'Failed') {
        fail(index, { ...base, status: 'failed', failure: clockFailed('finish', end.message), ...(observed === undefined ? {} : { observed }) })
        break
      }
      const entry: JournalEntry = { ...base, status: 'succeeded', ...(observed === undefined ? {} : { observed }) }
      entries[index] = entry
      emit({ _tag: 'StepSucceeded', planId, index, stepId: step.id, stepTag: step._tag, entry })
    }
  } catch (error) {
    // Not reachable by design (every call above is guarded); kept so the promise never rejects.
    // No test can enter this block, so its mutants are not run (docs/mutation.md).
    // Stryker disable all
    const index = entries.findIndex((e) => e.status === 'notRun')
    const current = index === -1 ? undefined : steps[index]
    if (current !== undefined)
      entries[index] = {
        ...notRun(current),
        status: 'failed',
        failure: { _tag: 'HandlerThrew', reason: 'threw', message: `sfb-dr: unexpected error: ${describeThrown(error)}` },
      }
    outcome = 'failed'
    // Stryker restore all
  }
  return finish({ planId, outcome, entries: [...entries] })
}
