/**
 * Continuing a plan after a failed or aborted run: the plan of what is left.
 *
 * Laws:
 * - `resumePlan(t, s, p, j)` keeps the steps of `p` from the first one `j` does not record as
 *   succeeded, with their original ids, under a new plan id; it validates in the state `s` with
 *   the succeeded steps applied.
 * - Running `p` until a failure, then the resumed plan to completion, applies every step of `p`
 *   exactly once.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { impactOf } from '../plan/build.js'
import { applyStep } from '../plan/catalog.js'
import type { Plan } from '../plan/plan.js'
import { hasValidPlanId, planIdOfValue, withPlanId } from '../plan/planId.js'
import { planShapeProblems } from '../plan/planShape.js'
import type { Step } from '../plan/step.js'
import { validatePlan } from '../plan/validatePlan.js'
import { guardDeployment, ownField } from '../plan/input.js'
import type { Journal } from './journal.js'

type Result<A> = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A>

const refuse = <A>(first: Violation, ...rest: ReadonlyArray<Violation>): Result<A> => E.left([first, ...rest])

/**
 * The number of leading steps the journal records as succeeded, when the journal belongs to the
 * plan: same plan id, one entry per step with the step's id and tag in order, and the succeeded
 * entries a prefix.
 */
const succeededPrefix = (plan: Plan, journal: Journal): E.Either<'planId' | 'steps', number> => {
  if (ownField(journal, 'planId') !== plan.id) return E.left('planId')
  const entries: unknown = ownField(journal, 'entries')
  if (!Array.isArray(entries) || entries.length !== plan.steps.length) return E.left('steps')
  let prefix = 0
  let done = false
  for (const [i, step] of plan.steps.entries()) {
    const entry: unknown = entries[i]
    if (ownField(entry, 'stepId') !== step.id || ownField(entry, '_tag') !== step._tag) return E.left('steps')
    const status = ownField(entry, 'status')
    if (status !== 'succeeded' && status !== 'failed' && status !== 'notRun') return E.left('steps')
    if (status === 'succeeded') {
      if (done) return E.left('steps')
      prefix++
    } else done = true
  }
  return E.right(prefix)
}

const stateAfterSteps = (topology: Topology, state: State, steps: ReadonlyArray<Step>): Result<State> =>
  steps.reduce<Result<State>>((acc, step) => E.chain((s: State) => applyStep(topology, s, step))(acc), E.right(state))

/**
 * The plan of what is left after a run that did not complete: the steps from the first one the
 * journal does not record as succeeded, with their original ids, under a new plan id, validated in
 * the state the succeeded steps lead to.
 *
 * **When to use**
 *
 * After `executePlan` resolved with outcome `failed` or `aborted`, once the cause is fixed: resume
 * instead of planning again when you want the remaining steps exactly as approved. Plan again
 * instead when the deployment changed in ways the plan does not know about.
 *
 * **Details**
 *
 * - `stateBefore` is the state the plan was made for; the journal's succeeded steps (a prefix)
 *   are applied to it with the catalog's transitions to get the state now.
 * - The result keeps the plan's `formatVersion`, `intent` and `warnings` (a resumed plan never
 *   drops a warning), keeps the remaining steps and their ids, recomputes `impact` for the
 *   remaining steps (users homed on each pool still to fail over or back; the pools those steps
 *   touch), and gets a new id (`withPlanId`). It must pass `validatePlan` in the state now.
 * - The step that failed runs again. For a step that timed out or was aborted while it ran, the
 *   deployment may already have changed: check it before running the resumed plan.
 *
 * **Gotchas**
 *
 * - `Left JournalMismatch` (`reason: "planId"`) when the journal is of another plan;
 *   `reason: "steps"` when its entries do not match the plan's step ids and tags in order or the
 *   succeeded entries are not a prefix.
 * - `Left NothingLeftToRun` when every step succeeded.
 * - `Left PlanIdMismatch` or `InvalidInput` when the plan itself was tampered with or is not well
 *   formed; the violations of `applyStep` or `validatePlan` when `stateBefore` is not the state the
 *   plan was made for.
 *
 * @example
 * const journal = await executePlan(plan, handlers)
 * if (journal.outcome !== 'completed') {
 *   const rest = resumePlan(topology, stateBefore, plan, journal) // Either<violations, Plan>
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
  const [shapeProblem, ...shapeProblems] = planShapeProblems(plan)
  if (shapeProblem !== undefined) return refuse(shapeProblem, ...shapeProblems)
  if (!hasValidPlanId(plan)) return refuse({ _tag: 'PlanIdMismatch', expected: planIdOfValue(plan), found: plan.id })
  const prefix = succeededPrefix(plan, journal)
  if (E.isLeft(prefix)) return refuse({ _tag: 'JournalMismatch', planId: plan.id, reason: prefix.left })
  const done = plan.steps.slice(0, prefix.right)
  const [next, ...later] = plan.steps.slice(prefix.right)
  if (next === undefined) return refuse({ _tag: 'NothingLeftToRun', planId: plan.id })
  const remaining: RNEA.ReadonlyNonEmptyArray<Step> = [next, ...later]
  return E.chain((stateNow: State) =>
    validatePlan(
      topology,
      stateNow,
      withPlanId({
        formatVersion: plan.formatVersion,
        intent: plan.intent,
        steps: remaining,
        warnings: plan.warnings,
        impact: impactOf(topology, remaining),
      }),
    ),
  )(stateAfterSteps(topology, stateBefore, done))
}
