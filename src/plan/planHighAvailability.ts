/**
 * High-availability planners (contract §9): `planQuorumRecovery` (a Front End pool that cannot
 * start for lack of servers) and `planBackEndFailover` (a mirrored Back End whose principal is, or
 * is about to be, down).
 *
 * Laws:
 * - `planQuorumRecovery` plans exactly when `assessPool` says the QuorumLossRecovery reset is what
 *   the pool needs (`belowStartQuorum`, or two servers both stopped); each other status is refused
 *   with the remedy (fail over, start servers, name the stopped servers).
 * - `planBackEndFailover` fails over the User database, then the CentralMgmt database when the
 *   pool holds the CMS active master, each followed by its check; `-Force` exactly when the
 *   current principal is down.
 * - Every plan returned validates with `validatePlan` in the state it was made for.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { assessKnownPool, needsQuorumLossRecovery } from '../assess/assessPool.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { InvalidInput, UnknownPool, Violation } from '../model/problem.js'
import {
  databasePrincipal,
  isBackEndServerDown,
  mirroredDatabases,
  type BackEndServer,
  type MirroredDatabase,
  type State,
} from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { buildPlan } from './build.js'
import { checkDatabaseMirrorState, failoverDatabase, resetPoolRegistrarState, type StepDraft } from './draft.js'
import { guardDeployment, invalidInput, ownField, parseKnownPool } from './input.js'
import type { Plan } from './plan.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A quorum recovery request.
 *
 * @category model
 * @since 0.2.0
 */
export interface QuorumRecoveryRequest {
  /** The Front End pool that will not start; any case, optional trailing dot. */
  readonly pool: string
}

/**
 * A Back End failover request.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackEndFailoverRequest {
  /** The Front End pool whose mirrored Back End fails over; any case, optional trailing dot. */
  readonly pool: string
  /** The server that becomes principal: `Primary` or `Mirror` (any letter case). */
  readonly newPrincipal: string
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

const one = <A>(e: E.Either<InvalidInput | UnknownPool, A>): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A> =>
  pipe(
    e,
    E.mapLeft((v): RNEA.ReadonlyNonEmptyArray<Violation> => [v]),
  )

const parseServer = (request: unknown): E.Either<InvalidInput, BackEndServer> => {
  const raw = ownField(request, 'newPrincipal')
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined
  return s === 'primary'
    ? E.right('Primary')
    : s === 'mirror'
      ? E.right('Mirror')
      : E.left(invalidInput('newPrincipal', '"Primary" or "Mirror"', raw))
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans the recovery of a Front End pool from routing-group quorum loss
 * (`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`).
 *
 * **When to use**
 *
 * Fewer servers of a pool can be started than Microsoft's start table asks for, but enough run to
 * keep pool-level quorum ({@link assessPool} says `belowStartQuorum`); or both servers of a
 * two-server pool were down and cannot be restarted together or in reverse order of shutdown.
 *
 * **Details**
 *
 * One step: `ResetPoolRegistrarState { pool, resetType: "QuorumLossRecovery" }`. The reset
 * reloads the routing groups in quorum loss from the backup store: data not yet flushed there may
 * be lost (Microsoft "Front End Pool high availability and management";
 * office-docs-powershell `Reset-CsPoolRegistrarState`).
 *
 * **Gotchas**
 *
 * Refused, each with its remedy: `InvalidInput`, `UnknownPool`, `PoolUnreachable` (the state says
 * the pool is unreachable: fail it over), `QuorumHolds` (enough servers run to start it: just
 * start it), `PoolQuorumLost` (too few servers run for the pool to function: start more servers,
 * or fail the pool over), `QuorumUnknown` (it depends on which servers run: name them in
 * `stoppedFrontEnds`, or the size is not in Microsoft's table).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { formatProblem, planQuorumRecovery } from 'sfb-dr'
 *
 * pipe(planQuorumRecovery(contoso, healthy, { pool: 'pool1.contoso.com' }), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['pool1.contoso.com has 3 of 3 Front End servers running, enough to start it (3 needed): no QuorumLossRecovery reset is needed; start the pool.'])
 *
 * @see {@link assessPool}
 * @category planning
 * @since 0.2.0
 */
export const planQuorumRecovery = (
  topology: Topology,
  state: State,
  request: QuorumRecoveryRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? pipe(
    one(parseKnownPool(topology, request, 'pool')),
    E.chain((known) => {
      const pool = known.fqdn
      const a = assessKnownPool(known, state)
      if (needsQuorumLossRecovery(a))
        return buildPlan(topology, state, {
          intent: { _tag: 'QuorumRecovery', pool },
          drafts: [resetPoolRegistrarState(pool)],
        })
      const figures = { pool, frontEnds: a.frontEnds, running: a.running }
      const refusal: Violation =
        a.status === 'unreachable'
          ? { _tag: 'PoolUnreachable', pool }
          : a.status === 'healthy'
            ? { _tag: 'QuorumHolds', ...figures, neededToStart: a.neededToStart ?? a.frontEnds }
            : a.status === 'poolQuorumLost' && a.neededToRun !== null
              ? { _tag: 'PoolQuorumLost', ...figures, neededToRun: a.neededToRun }
              : { _tag: 'QuorumUnknown', ...figures, reason: a.neededToStart === null || a.neededToRun === null ? 'sizeNotListed' : 'whichServers' }
      return E.left<RNEA.ReadonlyNonEmptyArray<Violation>>([refusal])
    }),
  )

/**
 * The databases to fail over for a Back End failover of `pool` to `newPrincipal`: `User`, then
 * `CentralMgmt` when `pool` holds the CMS active master, each unless it already has that
 * principal.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const databasesToFailOver = (state: State, pool: PoolFqdn, newPrincipal: BackEndServer): ReadonlyArray<MirroredDatabase> =>
  mirroredDatabases.filter(
    (db) =>
      (db === 'User' || state.centralManagementStore.activeMaster === pool) && databasePrincipal(state, pool, db) !== newPrincipal,
  )

/**
 * Plans the failover of a pool's mirrored Back End databases to `newPrincipal`
 * (`Invoke-CsDatabaseFailover`, then `Get-CsDatabaseMirrorState` to confirm).
 *
 * **When to use**
 *
 * The principal Back End server of a mirrored pool is down (or will be taken down), and no witness
 * failed it over automatically; or, later, to fail back to the primary. With a Back End down, a
 * pool's failover defaults to disaster mode and a planned one is refused: this plan makes the
 * Back End whole again first.
 *
 * **Details**
 *
 * For the `User` database, then the `CentralMgmt` database when the CMS active master is on
 * `pool` (domain-facts §3.6): `FailoverDatabase` (with `force` when the current principal is
 * down: `-Force` "is also used if the current database is not accessible",
 * office-docs-powershell `Invoke-CsDatabaseFailover`), then `CheckDatabaseMirrorState` expecting
 * the new principal. `applyPlan` records the principal per database.
 *
 * **Gotchas**
 *
 * Refused: `InvalidInput`, `UnknownPool`, `NoMirror` (the pool's Back End is not mirrored:
 * `Invoke-CsDatabaseFailover` fails without a mirror), `AlreadyPrincipal`, `NewPrincipalDown`.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planBackEndFailover } from 'sfb-dr'
 *
 * // pool1 holds the CMS: its User and CentralMgmt databases both fail over to the mirror
 * pipe(planBackEndFailover(contoso, healthy, { pool: 'pool1.contoso.com', newPrincipal: 'Mirror' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['FailoverDatabase', 'CheckDatabaseMirrorState', 'FailoverDatabase', 'CheckDatabaseMirrorState'])
 *
 * @category planning
 * @since 0.2.0
 */
export const planBackEndFailover = (
  topology: Topology,
  state: State,
  request: BackEndFailoverRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const pool = parseKnownPool(topology, request, 'pool')
  const server = parseServer(request)
  if (E.isLeft(pool)) return E.left(E.isLeft(server) ? [pool.left, server.left] : [pool.left])
  if (E.isLeft(server)) return E.left([server.left])
  const fqdn = pool.right.fqdn
  const newPrincipal = server.right
  const { backEnd } = pool.right
  if (backEnd.ha !== 'mirroring' || backEnd.mirror === undefined) return E.left([{ _tag: 'NoMirror', pool: fqdn, ha: backEnd.ha }])
  const databases = databasesToFailOver(state, fqdn, newPrincipal)
  const principalDown: ReadonlyArray<Violation> = isBackEndServerDown(state, fqdn, newPrincipal)
    ? [{ _tag: 'NewPrincipalDown', pool: fqdn, principal: newPrincipal }]
    : []
  if (!RA.isNonEmpty(databases)) return E.left([{ _tag: 'AlreadyPrincipal', pool: fqdn, principal: newPrincipal }, ...principalDown])
  if (RA.isNonEmpty(principalDown)) return E.left(principalDown)
  const drafts = RNEA.flatMap((db: MirroredDatabase): RNEA.ReadonlyNonEmptyArray<StepDraft> => [
    failoverDatabase(fqdn, db, newPrincipal, isBackEndServerDown(state, fqdn, databasePrincipal(state, fqdn, db))),
    checkDatabaseMirrorState(fqdn, db, newPrincipal),
  ])(databases)
  return buildPlan(topology, state, {
    intent: { _tag: 'BackEndFailover', pool: fqdn, newPrincipal },
    drafts,
  })
}
