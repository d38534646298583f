/**
 * `planFailback`: serve the users homed on a pool from that pool again.
 *
 * Laws:
 * - Steps: Backup Service check of the direction backup → home (unless the backup pool is
 *   unreachable), a CMS failover and its check when the CMS is unavailable, then the failback;
 *   after a DISASTER failover, then the conference content restore from the backup pool (a sync
 *   of `ConfServices.DataConf` and its check), or, with the backup pool unreachable, a
 *   `ConferenceContentNotRestored` warning. The CMS itself is never failed back.
 * - `planFailback` after `planFailover` restores who services whom.
 * - Every plan returned validates with `validatePlan` in the state it was made for.
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
import { isFailedOver, isPoolReachable, type FailoverMode, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { allRight, buildPlan, refuse, validated } from './build.js'
import { cmsFailoverSteps } from './cms.js'
import { checkBackupService, failbackPool, type StepDraft } from './draft.js'
import { guardDeployment, parsePoolRequest } from './input.js'
import { conferenceContentRestore } from './planBackup.js'
import type { Plan } from './plan.js'
import { edgePoolsToFailBackFirst } from './steps/edge.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A failback request, as a person or a portal types it.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailbackRequest {
  /** The home pool whose users come back (the same `-PoolFqdn` as its failover). */
  readonly pool: string
  /** `disaster` by default only when the backup pool is unreachable, `planned` otherwise. */
  readonly mode?: FailoverMode
}

/**
 * The failback of one pool, before it is numbered into a plan.
 *
 * @category model
 * @since 0.1.0
 * @internal
 */
export interface FailbackPart {
  /** The steps. */
  readonly drafts: RNEA.ReadonlyNonEmptyArray<StepDraft>
  /** The mode chosen. */
  readonly mode: FailoverMode
  /** The partner now servicing the users. */
  readonly backupPool: PoolFqdn
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

/**
 * Plans the failback of `pool` (a known pool) in `state`, refusing with every reason that
 * applies.
 *
 * @category planning
 * @since 0.1.0
 * @internal
 */
export const failbackPart = (
  topology: Topology,
  state: State,
  pool: PoolFqdn,
  requested: O.Option<FailoverMode>,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, FailbackPart> => {
  const partner = topology.index.partners.get(pool)
  const backupReachable = partner !== undefined && isPoolReachable(state, partner)
  const mode = O.getOrElse((): FailoverMode => (backupReachable ? 'planned' : 'disaster'))(requested)
  const refusals: Array<Violation> = []
  if (!isPoolReachable(state, pool)) refusals.push({ _tag: 'HomePoolUnreachable', pool })
  if (partner !== undefined && isFailedOver(state, pool) && mode === 'planned' && !backupReachable)
    refusals.push({ _tag: 'PlannedFailbackWithUnreachableBackup', pool, backupPool: partner })
  // Contract §10, domain-facts §6.1 #15: the site's restored Edge pool takes its federation/XMPP back first.
  for (const edgePool of edgePoolsToFailBackFirst(topology, state, pool)) refusals.push({ _tag: 'EdgeFailbackFirst', pool, edgePool })
  return pipe(
    allRight({
      backupPool:
        partner === undefined || !isFailedOver(state, pool)
          ? refuse<PoolFqdn>({ _tag: 'NotFailedOver', pool })
          : E.right(partner),
      checked: validated(refusals, undefined),
      cms: pipe(cmsFailoverSteps(topology, state, O.none), E.mapLeft(RNEA.of)),
    }),
    E.map(({ backupPool, cms }) => ({
      drafts: pipe(
        [...(backupReachable ? [checkBackupService(backupPool)] : []), ...cms],
        RA.append<StepDraft>(failbackPool(pool, backupPool, mode)),
        // After a DISASTER failover the pool lost everything: "when these users are failed back
        // over to their original pool, you must use this procedure to copy their conference
        // content back" (restoring-conference-contents-using-the-backup-service.md), from the
        // backup pool that still has it. Unreachable, it cannot: ConferenceContentNotRestored.
        RNEA.concat<StepDraft>(state.failovers.get(pool) === 'disaster' && backupReachable ? conferenceContentRestore(backupPool) : []),
      ),
      mode,
      backupPool,
    })),
  )
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans the failback of the users homed on `request.pool` from its partner (`Invoke-CsPoolFailBack`).
 *
 * **When to use**
 *
 * The disaster pool is back: its users, failed over onto its partner, should be serviced by it
 * again. `pool` is the same pool as in the failover (the home pool), never the backup pool.
 *
 * **Details**
 *
 * The mode defaults to `disaster` only when the backup pool is unreachable (what the failed-over
 * users changed there is then lost: a `PossibleDataLoss` warning carries the last known sync of
 * the direction backup → home). The plan checks the Backup Service of that direction when the
 * backup pool is reachable, fails the CMS over first if it is unavailable (it is never failed
 * back otherwise), then fails the pool back. An `EdgeNextHopNotRestored` warning names every
 * Edge pool still forwarding to the backup pool although the topology points it at the home pool.
 *
 * **Gotchas**
 *
 * Refusals, all reported at once: `InvalidInput`, `UnknownPool`, `NotFailedOver`,
 * `HomePoolUnreachable`, `PlannedFailbackWithUnreachableBackup`,
 * `CentralManagementStoreUnrecoverable`, and `EdgeFailbackFirst` for each running Edge pool of the
 * pool's site whose topology federation or XMPP role another Edge pool holds now: fail it back
 * first with `planEdgeFailback` (Microsoft fails the Edge back before `Invoke-CsPoolFailback` of a
 * Front End pool at the same site; domain-facts §6.1 #15).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planFailback } from 'sfb-dr'
 *
 * pipe(planFailback(contoso, pool1FailedOver, { pool: 'pool1.contoso.com' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['CheckBackupService', 'FailbackPool', 'SyncBackupService', 'CheckBackupService'])
 * pipe(planFailback(contoso, healthy, { pool: 'pool1.contoso.com' }), E.mapLeft((problems) => problems.map((p) => p._tag)))
 * // => left(['NotFailedOver'])
 *
 * @see {@link planFailover} for the inverse.
 * @category planning
 * @since 0.1.0
 */
export const planFailback = (
  topology: Topology,
  state: State,
  request: FailbackRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? pipe(
    parsePoolRequest(topology, request),
    E.chain(({ pool, mode }) =>
      pipe(
        failbackPart(topology, state, pool, mode),
        E.chain((part) =>
          buildPlan(topology, state, {
            intent: { _tag: 'Failback', pool, mode: part.mode },
            drafts: part.drafts,
          }),
        ),
      ),
    ),
  )
