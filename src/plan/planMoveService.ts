/**
 * `planMoveService`: have everyone now serviced by a pool serviced by its partner.
 *
 * Laws:
 * - With `to`'s users failed over onto `from`, the plan fails `to` back first, then fails `from`
 *   over (the product refuses the other order: at most one pool of a pair is failed over).
 * - The second part is planned in the state the first part leaves, and the combined plan is
 *   validated as a whole; step ids are numbered once over the combined plan.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { Violation } from '../model/problem.js'
import { isFailedOver, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { allRight, buildPlan, refuse, stateAfter } from './build.js'
import { failbackPool, type StepDraft } from './draft.js'
import { guardDeployment, parsePoolField } from './input.js'
import type { Plan } from './plan.js'
import { failbackPart, type FailbackPart } from './planFailback.js'
import { failoverPart, type FailoverPart } from './planFailover.js'

/**
 * A request to move service from a pool to its partner, as a person or a portal types it.
 *
 * @category model
 * @since 0.1.0
 */
export interface MoveServiceRequest {
  /** The pool now servicing the users. */
  readonly from: string
  /** Its partner, which will service them. */
  readonly to: string
}

type Part<P> = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, O.Option<P>>

const none = <P>(): Part<P> => E.right(O.none)

/** Plans both parts on top of each other, then joins them into one plan. */
const planParts = (
  topology: Topology,
  state: State,
  from: PoolFqdn,
  to: PoolFqdn,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const failback: Part<FailbackPart> = isFailedOver(state, to)
    ? pipe(failbackPart(topology, state, to, O.none), E.map(O.some))
    : none()
  // Plan the failover on top of the failback; if the failback is refused, on top of its effect,
  // so that the failover's own problems are reported too.
  const backDrafts: ReadonlyArray<StepDraft> = E.isRight(failback)
    ? O.match((): ReadonlyArray<StepDraft> => [], (p: FailbackPart) => p.drafts)(failback.right)
    : [failbackPool(to, from, 'disaster')]
  const middle = stateAfter(topology, state, backDrafts)
  const failover: Part<FailoverPart> = !isFailedOver(middle, from)
      ? pipe(failoverPart(topology, middle, from, O.none), E.map(O.some))
      : none()
  return pipe(
    allRight({ failback, failover }),
    E.chain(({ failback: back, failover: over }) => {
      const drafts = [
        ...O.match((): ReadonlyArray<StepDraft> => [], (p: FailbackPart) => p.drafts)(back),
        ...O.match((): ReadonlyArray<StepDraft> => [], (p: FailoverPart) => p.drafts)(over),
      ]
      // No step at all exactly when the STATE says `from` services nobody: its own users are
      // failed over to `to` and `to`'s users are home (nothing to fail back, nothing to fail over).
      // The user list never decides it (it is optional and may be partial): a pool fails over its
      // services (conferencing, Response Group, Call Park…) whoever is listed.
      if (!RA.isNonEmpty(drafts)) return refuse({ _tag: 'NothingToMove', from })
      return buildPlan(topology, state, {
        intent: { _tag: 'MoveService', from, to },
        drafts,
      })
    }),
  )
}

/**
 * Plans moving everyone now serviced by `request.from` to its partner `request.to`.
 *
 * **When to use**
 *
 * To empty a pool for maintenance or after trouble, whatever its pair's state: if `to`'s own
 * users are failed over onto `from`, they must come home before `from` can fail over.
 *
 * **Details**
 *
 * One combined plan: fail `to` back first (when its users are failed over onto `from`; planned
 * unless `from` is unreachable), then fail `from` over (planned if reachable, disaster otherwise;
 * skipped when it is already failed over). The failover part is planned in the state the
 * failback part leaves, with the same rules as {@link planFailback} and `planFailover`, and the
 * whole plan is validated at once. `impact.usersMoved` counts the users homed on the pools failed
 * over and back, from the per-pool counts; the user list never decides which steps a plan has.
 *
 * **Gotchas**
 *
 * `to` must be `from`'s partner (`NotPartners`). `NothingToMove` only when the state says `from`
 * services nobody: its own users are already failed over to `to` and `to`'s users are home. Both
 * parts' refusals are reported together.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planMoveService } from 'sfb-dr'
 *
 * // pool2 serves pool1's users: fail pool1 back, then fail pool2 over onto pool1
 * pipe(planMoveService(contoso, pool1FailedOver, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }), E.map((plan) => plan.steps.length))
 * // => right(10): the failback's 4 steps, then CheckBackupService, the CMS (2), 2 Edge next hops, FailoverPool
 *
 * @see {@link planFailback} and `planFailover`, the two halves.
 * @category planning
 * @since 0.1.0
 */
export const planMoveService = (
  topology: Topology,
  state: State,
  request: MoveServiceRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? pipe(
    allRight({
      from: pipe(parsePoolField(topology, request, 'from'), E.mapLeft(RNEA.of)),
      to: pipe(parsePoolField(topology, request, 'to'), E.mapLeft(RNEA.of)),
    }),
    E.chain(({ from, to }) =>
      topology.index.partners.get(from) === to
        ? planParts(topology, state, from, to)
        : refuse({ _tag: 'NotPartners', from, to }),
    ),
  )
