/**
 * Continuing a plan after a failed or aborted run: the plan of what is left.
 *
 * Laws:
 * - `resumePlan(t, s, p, j)` keeps the steps of `p` from the first one `j` does not record as
 *   succeeded, with their original ids, under a new plan id; it validates in the state `s` with
 *   the succeeded steps applied.
 * - Running `p` until a failure, then the resumed plan to completion, applies every step of `p`
 *   exactly once.
 * - The rest's id always differs from `p.id` (it records `resumes: p.id`), also when no step
 *   had succeeded.
 * - A journal `executePlan` cannot have written for `p` is refused (`JournalMismatch`); nothing
 *   the plan or the journal does when read (getters, proxies) makes it throw.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { JournalMismatchReason, Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { applyStep } from '../plan/catalog.js'
import { planClaims } from '../plan/claims.js'
import { guardDeployment, invalidInput, isRecord, ownField } from '../plan/input.js'
import type { Plan } from '../plan/plan.js'
import { hasValidPlanId, planIdOfValue, withPlanId } from '../plan/planId.js'
import { isWellFormedPlan, planShapeProblems } from '../plan/planShape.js'
import { isRegisteredPlan, snapshotData } from '../plan/registry.js'
import type { Step } from '../plan/step.js'
import { validatePlan } from '../plan/validatePlan.js'
import type { Journal } from './journal.js'

type Result<A> = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A>

const refuse = <A>(first: Violation, ...rest: ReadonlyArray<Violation>): Result<A> => E.left([first, ...rest])

interface Mismatch {
  readonly reason: JournalMismatchReason
  readonly entry?: number
}

const mismatch = (reason: JournalMismatchReason, entry?: number): E.Either<Mismatch, never> =>
  E.left(entry === undefined ? { reason } : { reason, entry })

/**
 * The number of leading steps the journal records as succeeded, when `executePlan` can have
 * written the journal (a snapshot: plain data) for the plan; else what is wrong, and where.
 */
const succeededPrefix = (plan: Plan, journal: unknown): E.Either<Mismatch, number> => {
  if (!isRecord(journal) || Array.isArray(journal)) return mismatch('unreadable')
  if (ownField(journal, 'planId') !== plan.id) return mismatch('planId')
  if (ownField(journal, 'problems') !== undefined) return mismatch('refusedPlan')
  const entries: unknown = ownField(journal, 'entries')
  if (!Array.isArray(entries)) return mismatch('unreadable')
  if (entries.length !== plan.steps.length) return mismatch('entryCount')
  let succeeded = 0
  let failed = 0
  let notRun = 0
  for (const [i, step] of plan.steps.entries()) {
    const entry: unknown = entries[i]
    if (ownField(entry, 'stepId') !== step.id || ownField(entry, '_tag') !== step._tag) return mismatch('steps', i)
    const status = ownField(entry, 'status')
    if (status !== 'succeeded' && status !== 'failed' && status !== 'notRun') return mismatch('unknownStatus', i)
    // executePlan writes succeeded…, at most one failed, then notRun…
    if (status !== 'notRun' && (failed > 0 || notRun > 0)) return mismatch('statusOrder', i)
    if (status === 'succeeded') succeeded++
    else if (status === 'failed') failed++
    else notRun++
  }
  const outcome = ownField(journal, 'outcome')
  const consistent =
    (outcome === 'completed' && succeeded === entries.length) ||
    (outcome === 'aborted' && failed === 0) ||
    (outcome === 'failed' && failed === 1)
  return consistent ? E.right(succeeded) : mismatch('outcome')
}

const stateAfterSteps = (topology: Topology, state: State, steps: ReadonlyArray<Step>): Result<State> =>
  steps.reduce<Result<State>>((acc, step) => E.chain((s: State) => applyStep(topology, s, step))(acc), E.right(state))

/** The plan to resume, as plain data read once: the registered plan itself, or a snapshot. */
const readPlan = (plan: Plan): Result<Plan> => {
  const copy: O.Option<unknown> = isRegisteredPlan(plan) ? O.some(plan) : snapshotData(plan)
  if (O.isNone(copy)) return refuse(invalidInput('', 'a plan made of plain JSON data', plan))
  const shape = planShapeProblems(copy.value)
  const [problem, ...more] = shape
  if (problem !== undefined || !isWellFormedPlan(copy.value, shape)) return refuse(problem ?? invalidInput('', 'a plan', plan), ...more)
  const value = copy.value
  return hasValidPlanId(value) ? E.right(value) : refuse({ _tag: 'PlanIdMismatch', expected: planIdOfValue(value), found: value.id })
}

/**
 * The plan of what is left after a run that did not complete: the steps from the first one the
 * journal does not record as succeeded, with their original ids, under a new plan id, validated in
 * the state the succeeded steps lead to.
 *
 * **When to use**
 *
 * After `executePlan` resolved with outcome `failed` or `aborted`, once the cause is fixed: resume
 * instead of planning again when you want the remaining steps exactly as approved. Plan again
 * instead when the deployment changed in ways the plan does not know about. The plan and the
 * journal may be read back from storage (JSON): a process that died mid-run can resume.
 *
 * **Details**
 *
 * - `stateBefore` is the state the plan was made for; the journal's succeeded steps (a prefix)
 *   are applied to it with the catalog's transitions to get the state now.
 * - The result keeps the plan's `formatVersion` and `intent`, keeps the remaining steps and their
 *   ids, takes the warnings and impact of the remaining steps in the state now (what `validatePlan`
 *   recomputes: a data-loss warning stays while its failover is still to run), records the plan it
 *   continues in `resumes`, and gets a new id — always, even when no step had succeeded. It
 *   passes `validatePlan` in the state now and, like every `validatePlan` result, is deep-frozen
 *   and runs with `executePlan`.
 * - The step that failed runs again. For a step that timed out, was aborted while it ran, or whose
 *   clock failed after it answered, the deployment may already have changed: check it before
 *   running the resumed plan.
 *
 * **Gotchas**
 *
 * `Left JournalMismatch` for any journal `executePlan` cannot have written for this plan, with the
 * reason and, for one entry, its position (`entry`): `planId` (another plan's), `unreadable` (a
 * getter that throws, a revoked proxy, entries that are no array), `entryCount`, `steps` (an entry
 * names another step), `unknownStatus`, `statusOrder` (a failure or success after a failed or
 * not-run step), `outcome` (disagrees with the entries), `refusedPlan` (the journal carries
 * `problems`: nothing ran). `Left NothingLeftToRun` when every step succeeded. `Left
 * PlanIdMismatch` or `InvalidInput` when the plan itself was tampered with or is not well formed;
 * the violations of `applyStep` or `validatePlan` when `stateBefore` is not the state the plan was
 * made for.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { executePlan, planFailover, resumePlan } from 'sfb-dr'
 * import { simulatedHandlers } from 'sfb-dr/testing'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * if (E.isRight(plan)) {
 *   const journal = await executePlan(plan.right, simulatedHandlers(contoso, redmondDown, { failAt: '4-failover-pool' }).handlers)
 *   console.log(journal.outcome) // => 'failed': the CMS and the Edge next hop moved, the pool failover did not
 *   const rest = resumePlan(contoso, redmondDown, plan.right, journal)
 *   console.log(pipe(rest, E.map((p) => p.steps.map((s) => s._tag)))) // => right(['FailoverPool'])
 * }
 *
 * @see {@link executePlan}
 * @category execution
 * @since 0.1.0
 */
export const resumePlan = (
  topology: Topology,
  stateBefore: State,
  plan: Plan,
  journal: Journal,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, stateBefore)
  if (refused !== undefined) return refused
  const read = readPlan(plan)
  if (E.isLeft(read)) return read
  const original = read.right
  const journalCopy = snapshotData(journal)
  const prefix = O.isSome(journalCopy) ? succeededPrefix(original, journalCopy.value) : mismatch('unreadable')
  if (E.isLeft(prefix)) return refuse({ _tag: 'JournalMismatch', planId: original.id, ...prefix.left })
  const done = original.steps.slice(0, prefix.right)
  const [next, ...later] = original.steps.slice(prefix.right)
  if (next === undefined) return refuse({ _tag: 'NothingLeftToRun', planId: original.id })
  const remaining: RNEA.ReadonlyNonEmptyArray<Step> = [next, ...later]
  return E.chain((stateNow: State) =>
    validatePlan(
      topology,
      stateNow,
      withPlanId({
        formatVersion: original.formatVersion,
        intent: original.intent,
        steps: remaining,
        ...planClaims(topology, stateNow, original.intent, remaining),
        resumes: original.id,
      }),
    ),
  )(stateAfterSteps(topology, stateBefore, done))
}
