/**
 * `validatePlan` and `applyPlan`: the catalog folded over a plan's steps.
 *
 * Laws:
 * - `validatePlan(t, s, p)` is `right(p)` iff `applyPlan(t, s, p)` is a `right`.
 * - Every plan a planner returns validates in the state it was made for.
 * - Both report every problem they find: the id, the shape, every broken rule of every step (the
 *   fold goes on after a broken step, through its transition), duplicate step ids, an intent
 *   the final state does not achieve, and warnings or an impact the steps do not give.
 * - `validatePlan`'s `Right` is registered and deep-frozen (`registry.ts`): the planner's plan
 *   itself, or a copy of the value; `executePlan` runs nothing else.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { servingPoolOf } from '../model/homing.js'
import type { Intent } from '../model/intent.js'
import type { EdgePoolFqdn, PoolFqdn } from '../model/identifiers.js'
import type { Violation } from '../model/problem.js'
import { databasePrincipal, isFailedOver, isPoolReachable, type BackupModule, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { checkStep } from './catalog.js'
import { claimProblems, planClaims, type Run } from './claims.js'
import { guardDeployment, invalidInput, ownField } from './input.js'
import { isEdgePoolReachable, mediaToGiveBack, mediaUsers, rolesHeldElsewhere } from './steps/edge.js'
import type { Plan } from './plan.js'
import { planIdOfValue } from './planId.js'
import type { Step } from './step.js'
import { isWellFormedPlan, planShapeProblems } from './planShape.js'
import { isRegisteredPlan, registerFresh, snapshotData } from './registry.js'

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
 * An Edge failover leaves the Edge pool carrying nothing (no federation, no XMPP route, no media of a running,
 * not failed-over pool); an Edge failback leaves no role the topology gives it with another Edge
 * pool (media: of running, not failed-over pools that use some other Edge pool); a site failover
 * leaves every paired pool of the site failed over; a site failback leaves none failed over and
 * no federation or XMPP role of a running Edge pool of the site with another Edge pool.
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
    // The QuorumLossRecovery reset changes no recorded state: its precondition is that the pool
    // needs it, so a plan achieves it when it runs the reset of its pool.
    case 'QuorumRecovery':
      return steps.some((s) => s._tag === 'ResetPoolRegistrarState' && s.pool === intent.pool)
    // The new principal serves the User database and, on the pool holding the CMS, CentralMgmt.
    case 'BackEndFailover':
      return (
        databasePrincipal(state, intent.pool, 'User') === intent.newPrincipal &&
        (state.centralManagementStore.activeMaster !== intent.pool ||
          databasePrincipal(state, intent.pool, 'CentralMgmt') === intent.newPrincipal)
      )
    case 'EdgeFailover':
      return carriesNothing(topology, state, intent.edgePool)
    case 'EdgeFailback':
      return nothingToGiveBack(topology, state, intent.edgePool)
    case 'SiteFailover':
      return topology.pools.every((p) => p.site !== intent.site || !topology.index.partners.has(p.fqdn) || isFailedOver(state, p.fqdn))
    case 'SiteFailback':
      return topology.pools.every((p) => p.site !== intent.site || !isFailedOver(state, p.fqdn)) &&
        topology.edgePools.every((e) => {
          if (e.site !== intent.site || !isEdgePoolReachable(state, e.fqdn)) return true
          const held = rolesHeldElsewhere(topology, state, e.fqdn)
          return !held.federation && !held.xmpp
        })
  }
}

/** Whether `edge` carries no federation, no XMPP route and no media of a running, not failed-over pool. */
const carriesNothing = (topology: Topology, state: State, edge: EdgePoolFqdn): boolean =>
  state.federationEdgePool !== edge && state.xmppEdgePool !== edge && mediaUsers(topology, state, edge).length === 0

/** Whether no role the topology gives `edge` is held by another Edge pool (media: running pools only). */
const nothingToGiveBack = (topology: Topology, state: State, edge: EdgePoolFqdn): boolean => {
  const held = rolesHeldElsewhere(topology, state, edge)
  return !held.federation && !held.xmpp && mediaToGiveBack(topology, state, edge).length === 0
}

/** What checking a plan found, and the state after it when it could be folded. @internal */
export interface Outcome {
  readonly violations: ReadonlyArray<Violation>
  readonly final: O.Option<State>
}

/**
 * What walking steps through the catalog found: every broken rule of every step and duplicate
 * step ids, and the states the steps went through.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface Walk {
  /** The broken rules, step by step. */
  readonly violations: ReadonlyArray<Violation>
  /** The states the steps went through. */
  readonly run: Run
}

/**
 * Walks steps through the catalog from `state`: each step's rules checked in the state it starts
 * in, then its transition.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const walkSteps = (topology: Topology, state: State, steps: ReadonlyArray<Step>): Walk => {
  const violations: Array<Violation> = []
  const seen = new Set<string>()
  const before: Array<State> = []
  let current = state
  for (const step of steps) {
    if (seen.has(step.id))
      violations.push({
        _tag: 'StepPreconditionFailed',
        stepId: step.id,
        step: step._tag,
        rule: 'DuplicateStepId',
        subjects: [],
      })
    seen.add(step.id)
    before.push(current)
    const checked = checkStep(topology, current, step)
    violations.push(...checked.violations)
    current = checked.next
  }
  return { violations, run: { before, final: current } }
}

/**
 * Folds a well-formed plan's steps through the catalog: every broken rule of every step,
 * duplicate step ids, an intent the final state does not achieve, and claims (warnings, impact)
 * other than the steps give. `walk` is the plan's steps already walked from `state`, when the
 * caller has it.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const foldSteps = (topology: Topology, state: State, plan: Plan, walk: Walk = walkSteps(topology, state, plan.steps)): Outcome => {
  const violations = [...walk.violations]
  const current = walk.run.final
  if (!intentAchieved(topology, current, plan.intent, plan.steps))
    violations.push({ _tag: 'IntentNotAchieved', intent: plan.intent })
  violations.push(
    ...claimProblems(planClaims(topology, state, plan.intent, plan.steps, walk.run), { warnings: plan.warnings, impact: plan.impact }),
  )
  return { violations, final: O.some(current) }
}

/**
 * Checks a plan value, well formed or not: its id, its shape, and the fold of its steps when it
 * is well formed.
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

const notPlainData = (plan: unknown): Violation =>
  invalidInput('', 'a plan made of plain JSON data (no cycle, bigint, getter that throws or revoked proxy)', plan)

interface Checked extends Outcome {
  /** The plan that was checked: the registered plan itself, or a snapshot of the value. */
  readonly checked: O.Option<Plan>
}

/**
 * Checks a registered plan as it is, and anything else on a snapshot ({@link snapshotData}), so
 * that what was checked is what is returned and registered, whatever getters or proxies do.
 */
const checkSnapshot = (topology: Topology, state: State, plan: unknown): Checked => {
  if (isRegisteredPlan(plan)) return { ...checkPlan(topology, state, plan), checked: O.some(plan) }
  const copy = snapshotData(plan)
  if (O.isNone(copy)) {
    // report what can be seen on the value itself, and that it cannot be copied
    const raw = checkPlan(topology, state, plan)
    return { violations: [...raw.violations, notPlainData(plan)], final: O.none, checked: O.none }
  }
  const outcome = checkPlan(topology, state, copy.value)
  return { ...outcome, checked: O.isSome(outcome.final) ? O.some(copy.value as Plan) : O.none }
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
 * Checks that a plan may run in `state`: its id matches its content, every step, in order, keeps
 * its preconditions and the safety rules, the plan achieves its intent, and its warnings and
 * impact are those its steps and the state give. Answers the plan `executePlan` will run.
 *
 * **When to use**
 *
 * Before showing, approving or running a plan that was stored, sent over the wire or edited —
 * and always before `executePlan` runs a plan that a planner or `resumePlan` did not return in
 * this process: `executePlan` refuses any other object (`PlanNotValidated`).
 *
 * **Details**
 *
 * - Every problem is reported, not only the first: a `PlanIdMismatch` (tampered or hand-edited),
 *   each `StepPreconditionFailed` (which step, which rule, which pools), duplicate step ids (rule
 *   `DuplicateStepId`), `IntentNotAchieved`, and `PlanContentMismatch` when the warnings or the
 *   impact differ from what the steps and the state give (a dropped `PossibleDataLoss`, a
 *   `usersMoved` of 0). After a broken step the fold goes on with that step's effect, so later
 *   problems show too.
 * - The `Right` is a deep-frozen plan that `executePlan` recognises: the plan itself when the
 *   library made it in this process, else a deep-frozen copy of the value (the value itself is
 *   never frozen nor kept). Read the value once, check the copy, run the copy: editing the value
 *   afterwards changes nothing.
 *
 * **Gotchas**
 *
 * - The plan id detects edits of a stored plan; it is no signature. Anyone can recompute it
 *   (`withPlanId`), so a plan edited and re-sealed passes the id check — the steps, the intent and
 *   the claims are what this function checks, against the state you pass: pass the real one.
 * - The plan may be any value (JSON from disk, say): a malformed one gives `InvalidInput` problems
 *   with paths such as `steps[2]._tag` and is not folded, since its steps cannot be trusted. A
 *   value that is no JSON data (a cycle, a getter that throws) is refused. Only the pools each
 *   step touches are checked, so a state with a second, unrelated disaster does not make the plan
 *   invalid.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { formatProblem, planFailover, validatePlan } from 'sfb-dr'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * // Right before running it: is the plan still right for the state now?
 * pipe(plan, E.chainW((p) => validatePlan(contoso, redmondDown, p)), E.isRight) // => true
 * pipe(plan, E.chainW((p) => validatePlan(contoso, healthy, p)), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['Step 1-failover-cms (FailoverCentralManagementStore) breaks rule CmsModeMatchesAvailability for pool1.contoso.com.',
 * //          'The plan claims other warnings than its steps and the state give (…); plan again.'])
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
  const { violations, checked } = checkSnapshot(topology, state, plan)
  return toEither(violations, violations.length === 0 ? O.map((p: Plan) => (isRegisteredPlan(p) ? p : registerFresh(p)))(checked) : O.none)
}

/**
 * The state after a plan, when it validates; every problem `validatePlan` finds otherwise.
 *
 * **Details**
 *
 * Checks apply no change; actions apply the same transitions the simulated handlers use, so the
 * dry run is the real run. Like `validatePlan`, it reads the value once and works on a copy.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { applyPlan, planFailover, servingPool } from 'sfb-dr'
 *
 * pipe(
 *   planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }),
 *   E.chainW((plan) => applyPlan(contoso, redmondDown, plan)),
 *   E.map((after) => servingPool(contoso, after, 'pool1.contoso.com')),
 * ) // => right(some('pool2.contoso.com'))
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
  const { violations, final } = checkSnapshot(topology, state, plan)
  return toEither(violations, final)
}
