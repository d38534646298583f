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
import { severityRank, type Finding } from '../model/findings.js'
import type { Intent } from '../model/intent.js'
import type { Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import { usersHomedOn, type Topology } from '../model/topology.js'
import { catalog, poolsOfStep, transition } from './catalog.js'
import { withStepId, type StepDraft } from './draft.js'
import type { Impact, Plan } from './plan.js'
import type { Step } from './step.js'
import { canonicalJson, withPlanId } from './planId.js'
import { foldSteps } from './validatePlan.js'
import { backupPlanWarnings, backupServiceWarnings, topologyWarnings } from './warnings.js'

/**
 * What a planner decided, before ids, impact pools and topology warnings are added.
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
  /** The plan's own warnings (data loss, Edge next hops). */
  readonly warnings: ReadonlyArray<Finding>
}

/**
 * Drops repeated values (equal as canonical JSON), keeping the first of each.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const dedupe = <A>(values: ReadonlyArray<A>): ReadonlyArray<A> => {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = O.getOrElse(() => '')(canonicalJson(v))
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Findings in the order people read them: `warning` (data or service lost) first, then
 * `unsupported`, then `advice`; the order within a severity is kept.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const bySeverity = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> =>
  findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => severityRank[a.finding.severity] - severityRank[b.finding.severity] || a.i - b.i)
    .map(({ finding }) => finding)

/**
 * What steps change for users: the users homed on each pool the steps fail over or back (from the
 * per-pool counts, never the user list), and the Front End pools they touch in order of first
 * appearance. Planners and `resumePlan` both count with it.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const impactOf = (topology: Topology, steps: ReadonlyArray<Step>): Impact => {
  let usersMoved = 0
  for (const step of steps)
    if (step._tag === 'FailoverPool' || step._tag === 'FailbackPool') usersMoved += usersHomedOn(topology, step.pool)
  return { usersMoved, pools: [...new Set(steps.flatMap(poolsOfStep))] }
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
 * Numbers the drafts, adds the impact pools and the topology findings touching them, seals the
 * plan with its id and checks it with `validatePlan`'s fold of the steps; the violations if that
 * check fails.
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
  const [head, ...tail] = draft.drafts
  const numbered = (d: StepDraft, i: number): Plan['steps'][number] => withStepId(d, `${i + 1}-${catalog[d._tag].slug}`)
  const steps: RNEA.ReadonlyNonEmptyArray<Plan['steps'][number]> = [
    numbered(head, 0),
    ...tail.map((d, i) => numbered(d, i + 1)),
  ]
  const impact = impactOf(topology, steps)
  const plan = withPlanId({
    formatVersion: 1,
    intent: draft.intent,
    steps,
    warnings: bySeverity(
      dedupe([
        ...draft.warnings,
        ...backupPlanWarnings(state, steps),
        ...backupServiceWarnings(state, steps),
        ...topologyWarnings(topology, impact.pools),
      ]),
    ),
    impact,
  })
  // Well formed and sealed by construction: only the fold can find something.
  const [first, ...rest] = foldSteps(topology, state, plan).violations
  return first === undefined ? E.right(plan) : E.left([first, ...rest])
}

/**
 * The applicative that collects every violation (fp-ts "all errors" validation).
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const Validation = E.getApplicativeValidation(RNEA.getSemigroup<Violation>())

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
