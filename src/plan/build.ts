/**
 * Assembling a plan from drafts: step ids, impact, warnings, the id, and a last check through
 * `validatePlan`'s own fold, so a planner can never hand out a plan that does not validate.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Intent } from '../model/intent.js'
import type { Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { catalog, transition } from './catalog.js'
import { dedupe, planClaims } from './claims.js'
import { withStepId, type StepDraft } from './draft.js'
import { guardDeployment, invalidInput } from './input.js'
import type { Plan } from './plan.js'
import { withPlanId } from './planId.js'
import { registerPlan } from './registry.js'
import { foldSteps, walkSteps } from './validatePlan.js'

export { bySeverity, dedupe, impactOf } from './claims.js'

/**
 * What a planner decided: the intent and the steps. Ids, warnings and impact are derived from them
 * (`planClaims`), so `validatePlan` derives the same.
 *
 * @category model
 * @since 0.1.0
 * @internal
 */
export interface PlanDraft {
  /** What the plan is for. */
  readonly intent: Intent
  /** The steps, in order. */
  readonly drafts: RNEA.ReadonlyNonEmptyArray<StepDraft>
}

/**
 * The state after some drafts, rules not checked (planners use it to plan the next part of a
 * plan on top of the previous one).
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const stateAfter = (topology: Topology, state: State, drafts: ReadonlyArray<StepDraft>): State =>
  drafts.reduce((s, d) => transition(topology, s, withStepId(d, '')), state)

/**
 * Numbers the drafts, walks them through the catalog once (their rules and the states they go
 * through), adds the claims of the steps from that walk (`planClaims`: warnings and impact), seals
 * the plan with its id, checks it with `validatePlan`'s fold on the same walk and registers
 * a deep-frozen copy (so `executePlan` runs it); the violations if the check fails.
 *
 * A plan's warnings are its claims and nothing else: a warning a planner wants to give must be
 * derivable by `planClaims` from the intent, the steps and the state (`warnings.ts`), so that
 * `validatePlan` and `resumePlan` derive it too.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const buildPlan = (
  topology: Topology,
  state: State,
  draft: PlanDraft,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const [head, ...tail] = draft.drafts
  const numbered = (d: StepDraft, i: number): Plan['steps'][number] => withStepId(d, `${i + 1}-${catalog[d._tag].slug}`)
  const steps: RNEA.ReadonlyNonEmptyArray<Plan['steps'][number]> = [
    numbered(head, 0),
    ...tail.map((d, i) => numbered(d, i + 1)),
  ]
  const walk = walkSteps(topology, state, steps)
  const claims = planClaims(topology, state, draft.intent, steps, walk.run)
  const plan = withPlanId({
    formatVersion: 1,
    intent: draft.intent,
    steps,
    warnings: claims.warnings,
    impact: claims.impact,
  })
  // The fold of `validatePlan` (rules, intent, claims). Not its shape and id checks: the plan is
  // typed and sealed right here, and leaving them out keeps the plan reader (planShape.ts) out of
  // browser bundles that only plan (the property tests validate every planner's plan in full).
  const [first, ...rest] = foldSteps(topology, state, plan, walk).violations
  if (first !== undefined) return E.left([first, ...rest])
  return O.match(
    () => refuse<Plan>(invalidInput('', 'a plan made of plain data', plan)),
    (registered: Plan) => E.right(registered),
  )(registerPlan(plan))
}

/**
 * Every field of `fields` when all are right, else the violations of all those that are left, in
 * field order: fp-ts's `sequenceS` with the "all errors" validation applicative, without the
 * Apply module in the bundles of apps that plan.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const allRight = <R extends { readonly [K in keyof R]: E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, unknown> }>(
  fields: R,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, { readonly [K in keyof R]: R[K] extends E.Either<unknown, infer A> ? A : never }> => {
  const violations: Array<Violation> = []
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries<E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, unknown>>(fields)) {
    if (E.isLeft(value)) violations.push(...value.left)
    else values[key] = value.right
  }
  const [first, ...rest] = violations
  // `values` holds exactly the right value of every field of `fields`.
  return first === undefined ? E.right(values as { readonly [K in keyof R]: R[K] extends E.Either<unknown, infer A> ? A : never }) : E.left([first, ...rest])
}

/**
 * `right(value)` when there is no violation, else a left of them all.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const validated = <A>(
  violations: ReadonlyArray<Violation>,
  value: A,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A> => {
  const [first, ...rest] = dedupe(violations)
  return first === undefined ? E.right(value) : E.left([first, ...rest])
}

/**
 * A single violation as a refusal.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const refuse = <A = never>(violation: Violation): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A> =>
  E.left([violation])
