/**
 * `validatePlan` and `applyPlan`: the catalog folded over a plan's steps.
 *
 * Laws:
 * - `validatePlan(t, s, p)` is `right(p)` iff `applyPlan(t, s, p)` is a `right`.
 * - Every plan a planner returns validates in the state it was made for.
 * - Both report every problem they find: the id, the shape, every broken rule of every step (the
 *   fold goes on after a broken step, through its transition), duplicate step ids, and an intent
 *   the final state does not achieve.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { servingPoolOf } from '../model/homing.js'
import type { Intent } from '../model/intent.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { Violation } from '../model/problem.js'
import { isFailedOver, isPoolReachable, type BackupModule, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { checkStep } from './catalog.js'
import { guardDeployment, ownField } from './input.js'
import type { Plan } from './plan.js'
import { planIdOfValue } from './planId.js'
import type { Step } from './step.js'
import { isWellFormedPlan, planShapeProblems } from './planShape.js'

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

const servedBy = (topology: Topology, state: State, pool: PoolFqdn, by: PoolFqdn): boolean =>
  O.exists((p: PoolFqdn) => p === by)(servingPoolOf(topology, state, pool))

/**
 * Whether `steps` wait for the direction `pool` → its partner (`module`) to report healthy after
 * their last sync of it: a `CheckBackupService` of that pool and module with `waitSeconds`, after
 * the last `SyncBackupService` of them (or anywhere, when the steps hold no such sync: what is left
 * of a plan whose sync already ran).
 */
const verifiedAfterLastSync = (
  steps: ReadonlyArray<Step>,
  pool: PoolFqdn,
  module: BackupModule | undefined,
): boolean => {
  const lastSync = steps.findLastIndex((s) => s._tag === 'SyncBackupService' && s.pool === pool && s.module === module)
  return steps.some(
    (s, i) =>
      i > lastSync && s._tag === 'CheckBackupService' && s.pool === pool && s.module === module && s.waitSeconds !== undefined,
  )
}

/** Both ends of the direction `pool` → its partner are up, so it can replicate. */
const directionUp = (topology: Topology, state: State, pool: PoolFqdn): boolean => {
  const partner = topology.index.partners.get(pool)
  return partner !== undefined && isPoolReachable(state, pool) && isPoolReachable(state, partner)
}

/**
 * Whether a plan of `steps` that leaves `state` achieves `intent`: a failover leaves the pool
 * failed over in the intended mode; a failback leaves it not failed over; a service move leaves
 * `to` servicing its own users and those homed on `from` (whoever the user list names: it never
 * decides a plan); a sync interval change leaves the state's interval equal to it.
 *
 * A Backup Service sync leaves no trace in the recorded state (a backlog stays recorded until it
 * is observed otherwise), so for `BackupSync` and `ConferenceContentRestore` the state can only
 * say that the direction can replicate (both pools reachable at the end); what else a plan is held
 * to is that it ends by WAITING for that direction and module to report healthy after its last
 * sync of it — `pool` → partner for a sync, partner → `pool` with `ConfServices.DataConf` for a
 * restore — which a run passes only when the data arrived. A resumed plan whose sync already ran
 * keeps that check, so it still achieves its intent.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const intentAchieved = (topology: Topology, state: State, intent: Intent, steps: ReadonlyArray<Step> = []): boolean => {
  switch (intent._tag) {
    case 'Failover':
      return state.failovers.get(intent.pool) === intent.mode
    case 'Failback':
      return !isFailedOver(state, intent.pool)
    case 'MoveService':
      return servedBy(topology, state, intent.to, intent.to) && servedBy(topology, state, intent.from, intent.to)
    case 'BackupSync':
      return directionUp(topology, state, intent.pool) && verifiedAfterLastSync(steps, intent.pool, intent.module)
    case 'ConferenceContentRestore': {
      const partner = topology.index.partners.get(intent.pool)
      return (
        partner !== undefined &&
        directionUp(topology, state, partner) &&
        verifiedAfterLastSync(steps, partner, 'ConfServices.DataConf')
      )
    }
    case 'SetSyncInterval':
      return state.backupServiceConfiguration.syncInterval === intent.interval
  }
}

/** What checking a plan found, and the state after it when it could be folded. @internal */
export interface Outcome {
  readonly violations: ReadonlyArray<Violation>
  readonly final: O.Option<State>
}

/**
 * Folds a well-formed plan's steps through the catalog: every broken rule of every step,
 * duplicate step ids, and an intent the final state does not achieve.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const foldSteps = (topology: Topology, state: State, plan: Plan): Outcome => {
  const violations: Array<Violation> = []
  const seen = new Set<string>()
  let current = state
  for (const step of plan.steps) {
    if (seen.has(step.id))
      violations.push({
        _tag: 'StepPreconditionFailed',
        stepId: step.id,
        step: step._tag,
        rule: 'DuplicateStepId',
        subjects: [],
      })
    seen.add(step.id)
    const checked = checkStep(topology, current, step)
    violations.push(...checked.violations)
    current = checked.next
  }
  if (!intentAchieved(topology, current, plan.intent, plan.steps))
    violations.push({ _tag: 'IntentNotAchieved', intent: plan.intent })
  return { violations, final: O.some(current) }
}

/**
 * Checks a plan value, well formed or not, and folds it when it is.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const checkPlan = (topology: Topology, state: State, plan: unknown): Outcome => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return { violations: refused.left, final: O.none }
  const shape = planShapeProblems(plan)
  const found = ownField(plan, 'id')
  const expected = planIdOfValue(plan)
  const idProblems: ReadonlyArray<Violation> =
    typeof found === 'string' && found !== expected ? [{ _tag: 'PlanIdMismatch', expected, found }] : []
  if (!isWellFormedPlan(plan, shape)) return { violations: [...idProblems, ...shape], final: O.none }
  const folded = foldSteps(topology, state, plan)
  return { violations: [...idProblems, ...folded.violations], final: folded.final }
}

const toEither = <A>(
  violations: ReadonlyArray<Violation>,
  value: O.Option<A>,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A> => {
  const [first, ...rest] = violations
  if (first !== undefined) return E.left([first, ...rest])
  return O.isSome(value)
    ? E.right(value.value)
    : E.left([{ _tag: 'InvalidInput', path: '', expected: 'a plan', found: 'an unreadable value' }])
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Checks that a plan may run in `state`: its id matches its content, and every step, in order,
 * keeps its preconditions and the safety rules, and the plan achieves its intent.
 *
 * **When to use**
 *
 * Before showing, approving or running a plan that was stored, sent over the wire or edited: the
 * planners' own plans always validate in the state they were made for.
 *
 * **Details**
 *
 * Every problem is reported, not only the first: a `PlanIdMismatch` (tampered or hand-edited),
 * each `StepPreconditionFailed` (which step, which rule, which pools), duplicate step ids (rule
 * `DuplicateStepId`) and `IntentNotAchieved`. After a broken step the fold goes on with that
 * step's effect, so later problems show too.
 *
 * **Gotchas**
 *
 * The plan may be any value (JSON from disk, say): a malformed one gives `InvalidInput` problems
 * with paths such as `steps[2]._tag` and is not folded, since its steps cannot be trusted. Only
 * the pools each step touches are checked, so a state with a second, unrelated disaster does not
 * make the plan invalid.
 *
 * @see {@link applyPlan} for the state after the plan.
 * @category planning
 * @since 0.1.0
 */
export const validatePlan = (
  topology: Topology,
  state: State,
  plan: Plan,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const { violations, final } = checkPlan(topology, state, plan)
  return toEither(violations, O.map(() => plan)(final))
}

/**
 * The state after a plan, when it validates; every problem `validatePlan` finds otherwise.
 *
 * **Details**
 *
 * Checks apply no change; actions apply the same transitions the simulated handlers use, so the
 * dry run is the real run.
 *
 * @see {@link validatePlan}
 * @category planning
 * @since 0.1.0
 */
export const applyPlan = (
  topology: Topology,
  state: State,
  plan: Plan,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, State> => {
  const { violations, final } = checkPlan(topology, state, plan)
  return toEither(violations, final)
}
