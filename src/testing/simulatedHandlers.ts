/**
 * In-memory step handlers: a simulated deployment that `executePlan` can run plans against, for
 * rehearsals and tests. Actions apply the catalog's transitions (`applyStep`, the same definitions
 * `applyPlan` folds), so the dry run is the real run; checks answer from the simulated state.
 *
 * Laws:
 * - Running a valid plan to completion leaves `state()` equal to `applyPlan`'s state.
 * - A step whose preconditions do not hold in the simulated state fails with a `PortFailure`
 *   (code `StepPreconditionFailed`) and changes nothing, like the real cmdlet refusing.
 * - Handlers are lazy: nothing happens until the returned task runs.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { formatProblem } from '../model/formatProblem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { applyStep, catalog } from '../plan/catalog.js'
import { checkOf, isCheckStep } from '../plan/checks.js'
import type { Step } from '../plan/step.js'
import type { StepHandlers } from '../run/handlers.js'
import { portFailure, type PortFailure } from '../run/journal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of {@link simulatedHandlers}.
 *
 * @category testing
 * @since 0.1.0
 */
export interface SimulatedHandlersOptions {
  /** The id of a step whose handler fails with a `PortFailure` (code `SimulatedFailure`), changing nothing. */
  readonly failAt?: string
}

/**
 * Simulated handlers and a view of the simulated deployment.
 *
 * @category testing
 * @since 0.1.0
 */
export interface SimulatedHandlers {
  /** One handler per step tag, for `executePlan`. */
  readonly handlers: StepHandlers
  /** The simulated state now. */
  readonly state: () => State
  /** The ids of the steps whose tasks ran, in order (one entry per run). */
  readonly calls: () => ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Handlers that run plans against an in-memory deployment starting at `state`.
 *
 * **Details**
 *
 * - Actions and manual steps apply `applyStep` (the catalog's transitions) to the simulated
 *   state; if the step breaks a rule there, they fail with a `PortFailure` (code
 *   `StepPreconditionFailed`, the rules in words) and change nothing. A manual step succeeds as
 *   if the operator confirmed it.
 * - Checks answer what their definition's `observe` reads from the simulated state:
 *   `CheckCentralManagementStore` the active master (`""` while the CMS is unavailable, as
 *   `ActiveMasterFqdn` is empty then); `CheckBackupService` the state's Backup Service entry for
 *   the pool (`SteadyState` / `NormalState` when it has none), or a `PortFailure` (code
 *   `PoolUnreachable`) when the pool is unreachable.
 * - `failAt`: that step's handler fails with a `PortFailure` (code `SimulatedFailure`).
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { executePlan, planFailover } from 'sfb-dr'
 * import { simulatedHandlers } from 'sfb-dr/testing'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * if (E.isRight(plan)) {
 *   const sim = simulatedHandlers(contoso, redmondDown, { failAt: '4-failover-pool' })
 *   const journal = await executePlan(plan.right, sim.handlers)
 *   console.log(journal.outcome) // => 'failed'
 *   console.log(sim.calls()) // => ['1-failover-cms', '2-check-cms', '3-set-edge-next-hop', '4-failover-pool']
 *   console.log(sim.state().centralManagementStore) // => { activeMaster: 'pool2.contoso.com', available: true }: the steps before the failure
 * }
 *
 * @category testing
 * @since 0.1.0
 */
export const simulatedHandlers = (
  topology: Topology,
  state: State,
  options: SimulatedHandlersOptions = {},
): SimulatedHandlers => {
  let current = state
  const calls: Array<string> = []

  /** The task of one step: records the call, honours `failAt`, then runs `body`. */
  const task =
    <A>(step: Step, body: () => E.Either<PortFailure, A>): TE.TaskEither<PortFailure, A> =>
    () => {
      calls.push(step.id)
      if (options.failAt !== undefined && step.id === options.failAt)
        return Promise.resolve(E.left(portFailure(`Simulated failure of step ${step.id}.`, 'SimulatedFailure')))
      return Promise.resolve(body())
    }

  /** What a step does to the simulated deployment: a check answers from it, anything else applies its transition. */
  const run = (step: Step): E.Either<PortFailure, unknown> => {
    if (isCheckStep(step))
      return pipe(
        checkOf(step).observe(topology, current, step),
        E.mapLeft((refusal) => portFailure(refusal.message, refusal.code)),
      )
    const next = applyStep(topology, current, step)
    if (E.isLeft(next)) return E.left(portFailure(next.left.map(formatProblem).join(' '), 'StepPreconditionFailed'))
    current = next.right
    return E.right(undefined)
  }

  // One handler per tag of the catalog, all alike: a new tag is simulated as soon as it is defined.
  const handlers = Object.fromEntries(
    Object.keys(catalog).map((tag) => [tag, (step: Step) => task(step, () => run(step))]),
  ) as unknown as StepHandlers

  return { handlers, state: () => current, calls: () => [...calls] }
}
