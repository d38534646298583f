/**
 * The step catalog: ONE definition per step tag — its kind, id slug, field shapes,
 * preconditions and transition. The planners, `validatePlan`, `applyPlan` and the simulated
 * handlers all go through it, so they cannot disagree.
 *
 * Laws:
 * - Transitions are pure and total; checks do not change the state (the same reference comes back).
 * - `applyStep(t, s, step)` is `right(transition(s))` iff the step breaks no precondition and
 *   no safety rule (see `safety.ts`) for the pools it touches.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { StepPreconditionFailed, Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { guardDeployment } from './input.js'
import { onePoolOfPairFailedOver } from './safety.js'
import type { Step, StepOf, StepTag } from './step.js'
import type { StepCatalog, StepDefinition } from './steps/definition.js'
import { backEndSteps } from './steps/backEnd.js'
import { backupServiceSteps } from './steps/backupService.js'
import { cmsSteps } from './steps/cms.js'
import { edgeSteps } from './steps/edge.js'
import { poolSteps } from './steps/pool.js'
import { registrarSteps } from './steps/registrar.js'

export type { BrokenRule, CheckSpec, FieldShape, StepCatalog, StepDefinition } from './steps/definition.js'

// -------------------------------------------------------------------------------------
// the catalog
// -------------------------------------------------------------------------------------

/**
 * The definition of every step tag: the families assembled (a missing tag does not compile).
 *
 * @category model
 * @since 0.1.0
 */
export const catalog: StepCatalog = {
  ...backEndSteps,
  ...backupServiceSteps,
  ...cmsSteps,
  ...edgeSteps,
  ...poolSteps,
  ...registrarSteps,
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Runs `f` with the definition of `step`'s tag, typed for that tag.
 *
 * @category operations
 * @since 0.1.0
 */
export const withDefinition = <R>(
  step: Step,
  f: <K extends StepTag>(definition: StepDefinition<K>, step: StepOf<K>) => R,
): R =>
  // `catalog[step._tag]` is the definition of `step`'s own tag; TypeScript cannot correlate the two.
  f(catalog[step._tag] as StepDefinition<StepTag>, step)

/**
 * The state after `step`, whether or not it may run (`validatePlan` keeps folding after a broken
 * step so that later problems are found too).
 *
 * @category operations
 * @since 0.1.0
 */
export const transition = (topology: Topology, state: State, step: Step): State =>
  withDefinition(step, (definition, s) => definition.transition(topology, state, s))

/**
 * The Front End pools a step touches, in field order.
 *
 * @category operations
 * @since 0.1.0
 */
export const poolsOfStep = (step: Step): ReadonlyArray<PoolFqdn> =>
  withDefinition(step, (definition, s) => definition.pools(s))

/**
 * Every rule `step` breaks in `state` (its preconditions, then the safety rules for the pools it
 * touches), and the state after it.
 *
 * @category operations
 * @since 0.1.0
 */
export const checkStep = (
  topology: Topology,
  state: State,
  step: Step,
): { readonly violations: ReadonlyArray<StepPreconditionFailed>; readonly next: State } => {
  const next = transition(topology, state, step)
  const rules = [
    ...withDefinition(step, (definition, s) => [
      ...definition.preconditions(topology, state, s),
      ...(definition.safety?.(topology, state, s) ?? []),
    ]),
    ...onePoolOfPairFailedOver(topology, next, poolsOfStep(step)),
  ]
  return {
    violations: rules.map(({ rule, subjects }) => ({
      _tag: 'StepPreconditionFailed',
      stepId: step.id,
      step: step._tag,
      rule,
      subjects,
    })),
    next,
  }
}

/**
 * Applies one step: the state after it, or every precondition and safety rule it breaks.
 *
 * **Details**
 *
 * Preconditions are checked in the state before the step; the rule that at most one pool of a
 * pair is failed over is checked in the state after it. Only the pools the step touches are
 * checked, so a state that already breaks a rule elsewhere (two disasters at once) does not block
 * steps for other pools.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
 * import { applyStep, formatProblem, planFailover } from 'sfb-dr'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * // the first step, the CMS failover
 * pipe(plan, E.chainW((p) => applyStep(contoso, redmondDown, p.steps[0])), E.map((after) => after.centralManagementStore))
 * // => right({ activeMaster: 'pool2.contoso.com', available: true })
 * // the last step, the pool failover, alone: the CMS and the Edge next hop are not ready
 * pipe(plan, E.chainW((p) => applyStep(contoso, redmondDown, RNEA.last(p.steps))), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['Step 4-failover-pool (FailoverPool) breaks rule CmsReadyForPoolFailover for pool1.contoso.com.',
 * //          'Step 4-failover-pool (FailoverPool) breaks rule NoEdgeNextHopToFailingPool for edge1.contoso.com, pool1.contoso.com.'])
 *
 * @category planning
 * @since 0.1.0
 */
export const applyStep = (
  topology: Topology,
  state: State,
  step: Step,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, State> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const { violations, next } = checkStep(topology, state, step)
  const [first, ...rest] = violations
  return first === undefined ? E.right(next) : E.left([first, ...rest])
}

/**
 * Whether `tag` is a step tag of the catalog (own keys only: `__proto__` or `toString` are not).
 *
 * @example
 * import { isStepTag } from 'sfb-dr'
 *
 * isStepTag('FailoverPool') // => true
 * isStepTag('toString') // => false: own keys of the catalog only
 *
 * @category refinements
 * @since 0.1.0
 */
export const isStepTag = (tag: unknown): tag is StepTag =>
  typeof tag === 'string' && Object.prototype.hasOwnProperty.call(catalog, tag)
