/**
 * `planFailover`: move the users homed on a pool onto its partner.
 *
 * Laws:
 * - Steps come in the only order that works: Backup Service check (planned mode), CMS failover
 *   and its check (when the CMS is on the failing pool or unavailable), Edge next hops (every
 *   reachable Edge pool forwarding to the failing pool), then the pool failover.
 * - Every plan returned validates with `validatePlan` in the state it was made for.
 * - Same topology, state and request: same plan, same id.
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
import { lostPoolQuorum } from '../assess/assessPool.js'
import {
  databasePrincipal,
  isBackEndDown,
  isBackEndServerDown,
  isFailedOver,
  isPoolReachable,
  type FailoverMode,
  type State,
} from '../model/state.js'
import type { EdgePool, Topology } from '../model/topology.js'
import { allRight, buildPlan, refuse, validated } from './build.js'
import { cmsFailoverSteps } from './cms.js'
import { checkBackupService, failoverPool, setEdgeNextHop, type StepDraft } from './draft.js'
import { guardDeployment, parsePoolRequest } from './input.js'
import type { Plan } from './plan.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A failover request, as a person or a portal types it.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverRequest {
  /** The pool whose home users move (the disaster pool, `-PoolFqdn`); any case, optional trailing dot. */
  readonly pool: string
  /** `disaster` by default when the pool is unreachable, `planned` otherwise. */
  readonly mode?: FailoverMode
}

/**
 * The failover of one pool, before it is numbered into a plan.
 *
 * @category model
 * @since 0.1.0
 * @internal
 */
export interface FailoverPart {
  /** The steps. */
  readonly drafts: RNEA.ReadonlyNonEmptyArray<StepDraft>
  /** The mode chosen. */
  readonly mode: FailoverMode
  /** The partner taking the users. */
  readonly backupPool: PoolFqdn
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

/**
 * The new next hop of an Edge pool that forwards to `failing` (contract §5.1): among reachable,
 * not failed-over pools other than the failing one, in topology order, the first PAIRED pool of
 * the Edge pool's site (a pool without disaster recovery is no refuge), else the backup pool of
 * the pool it points at.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const edgeNextHopTarget = (
  topology: Topology,
  state: State,
  edge: EdgePool,
  failing: PoolFqdn,
): O.Option<PoolFqdn> => {
  const usable = (pool: PoolFqdn): boolean =>
    pool !== failing && topology.index.pools.has(pool) && isPoolReachable(state, pool) && !isFailedOver(state, pool)
  const local = topology.pools.find((p) => p.site === edge.site && topology.index.partners.has(p.fqdn) && usable(p.fqdn))
  if (local !== undefined) return O.some(local.fqdn)
  return pipe(O.fromNullable(topology.index.partners.get(failing)), O.filter(usable))
}

/**
 * The Edge steps before failing `failing` over: EVERY Edge pool whose next hop is the failing
 * pool, reachable or not, in topology order — the next hop is topology, and
 * `Invoke-CsPoolFailOver` refuses while the topology names the pool as an Edge next hop
 * (domain-facts §3.2 pre-step A, §6.2).
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const edgeSteps = (topology: Topology, state: State, failing: PoolFqdn): ReadonlyArray<StepDraft> =>
  topology.edgePools.flatMap((edge) =>
    state.edgePools.get(edge.fqdn)?.nextHop !== failing
      ? []
      : O.match(
          () => [],
          (nextHop: PoolFqdn) => [setEdgeNextHop(edge.fqdn, nextHop)],
        )(edgeNextHopTarget(topology, state, edge, failing)),
  )

/**
 * Plans the failover of `pool` (a known pool) in `state`, refusing with every reason that
 * applies.
 *
 * @category planning
 * @since 0.1.0
 * @internal
 */
export const failoverPart = (
  topology: Topology,
  state: State,
  pool: PoolFqdn,
  requested: O.Option<FailoverMode>,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, FailoverPart> => {
  // Contract §9: no Front End running counts as unreachable (isPoolReachable); a Back End down
  // (the User database's principal) also makes disaster mode the default.
  const reachable = isPoolReachable(state, pool)
  const backEndDown = isBackEndDown(state, pool)
  const mode = O.getOrElse((): FailoverMode => (reachable && !backEndDown ? 'planned' : 'disaster'))(requested)
  const partner = topology.index.partners.get(pool)
  const refusals: Array<Violation> = []
  if (partner !== undefined) {
    if (isFailedOver(state, pool)) refusals.push({ _tag: 'AlreadyFailedOver', pool, backupPool: partner })
    if (isFailedOver(state, partner)) refusals.push({ _tag: 'PartnerFailedOver', pool, partner })
    if (!isPoolReachable(state, partner)) refusals.push({ _tag: 'BackupPoolUnreachable', pool, backupPool: partner })
    const lost = lostPoolQuorum(topology, state, partner)
    if (O.isSome(lost) && lost.value.neededToRun !== null)
      refusals.push({
        _tag: 'BackupPoolQuorumLost',
        pool,
        backupPool: partner,
        running: lost.value.running,
        neededToRun: lost.value.neededToRun,
      })
  }
  if (mode === 'planned' && !reachable) refusals.push({ _tag: 'PlannedFailoverOfUnreachablePool', pool })
  if (mode === 'planned' && backEndDown) {
    const principal = databasePrincipal(state, pool, 'User')
    const other = principal === 'Primary' ? 'Mirror' : 'Primary'
    const mirrored = topology.index.pools.get(pool)?.backEnd.mirror !== undefined
    refusals.push({
      _tag: 'PlannedFailoverWithBackEndDown',
      pool,
      principal,
      mirrorUp: mirrored && !isBackEndServerDown(state, pool, other),
    })
  }
  return pipe(
    allRight({
      backupPool: partner === undefined ? refuse<PoolFqdn>({ _tag: 'NoBackupPool', pool }) : E.right(partner),
      checked: validated(refusals, undefined),
      cms: pipe(cmsFailoverSteps(topology, state, O.some(pool)), E.mapLeft(RNEA.of)),
    }),
    E.map(({ backupPool, cms }) => ({
      drafts: RA.append<StepDraft>(failoverPool(pool, backupPool, mode))([
        ...(mode === 'planned' ? [checkBackupService(pool)] : []),
        ...cms,
        ...edgeSteps(topology, state, pool),
      ]),
      mode,
      backupPool,
    })),
  )
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans the failover of the users homed on `request.pool` onto its partner (`Invoke-CsPoolFailOver`).
 *
 * **When to use**
 *
 * A pool is down (disaster mode) or about to be taken down (planned mode): its users should be
 * serviced by its backup pool. To serve a partner's failed-over users again from their home pool,
 * use {@link planFailback}; to move everyone off a pool in one go, `planMoveService`.
 *
 * **Details**
 *
 * `pool` is a plain string, normalized as an FQDN. The mode defaults to `disaster` when the pool
 * is unreachable and `planned` otherwise. The plan checks the Backup Service first (planned mode),
 * fails the CMS over to the other pool of the CMS pair when its active master is on the failing
 * pool or it is unavailable (then checks it), re-points every Edge pool that forwards to the
 * failing pool, reachable or not (to the first usable PAIRED pool of its own site, else the backup
 * pool), and fails the pool
 * over. Warnings repeat the topology findings touching the plan's pools and, in disaster mode,
 * `PossibleDataLoss` with the last known sync of the direction pool → partner.
 *
 * **Gotchas**
 *
 * Every reason to refuse is reported at once: `InvalidInput`, `UnknownPool`, `NoBackupPool`,
 * `AlreadyFailedOver`, `PartnerFailedOver` (fail the partner back first), `BackupPoolUnreachable`,
 * `PlannedFailoverOfUnreachablePool`, `CentralManagementStoreUnrecoverable`. The CMS "other pool"
 * is relative to where the active master is now, which may already be the CMS pool's partner.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planFailover } from 'sfb-dr'
 *
 * pipe(planFailover(contoso, redmondDown, { pool: 'Pool1.Contoso.com' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['FailoverCentralManagementStore', 'CheckCentralManagementStore', 'SetEdgeNextHop', 'FailoverPool'])
 * pipe(planFailover(contoso, healthy, { pool: 'se1.contoso.com' }), E.mapLeft((problems) => problems.map((p) => p._tag)))
 * // => left(['NoBackupPool'])
 *
 * @see {@link planFailback} for the inverse.
 * @category planning
 * @since 0.1.0
 */
export const planFailover = (
  topology: Topology,
  state: State,
  request: FailoverRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  return guardDeployment(topology, state) ?? pipe(
    parsePoolRequest(topology, request),
    E.chain(({ pool, mode }) =>
      pipe(
        failoverPart(topology, state, pool, mode),
        E.chain((part) =>
          buildPlan(topology, state, {
            intent: { _tag: 'Failover', pool, mode: part.mode },
            drafts: part.drafts,
          }),
        ),
      ),
    ),
  )
}
