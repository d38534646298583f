/**
 * `assessPool`: how a Front End pool stands against Microsoft's two quorum tables (Skype for
 * Business Server "Front End Pool high availability and management", OfficeDocs-SkypeForBusiness
 * `Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md`;
 * domain-facts §3.10, §5): how many servers must run to START the pool (routing-group level) and
 * how many keep it FUNCTIONING (pool level, "any N of the first M servers"; below it the remaining
 * servers stop all services).
 *
 * Laws:
 * - `runningAmongFirst.low <= runningAmongFirst.high`, and the running servers among the first
 *   `among` lie in that range whatever servers the count leaves unnamed; when the stopped servers
 *   are named (`stoppedFrontEnds`), `low === high`.
 * - Naming the stopped servers never contradicts the count alone: a status the count decides
 *   (`healthy`, `belowStartQuorum`, `poolQuorumLost`) stays; `quorumUnknown` may become either.
 * - The tables are looked up (model/quorum.ts), never computed.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeFound } from '../model/found.js'
import { guardDeployment } from '../model/guard.js'
import { parseFqdn, type PoolFqdn } from '../model/identifiers.js'
import type { InvalidInput, UnknownPool } from '../model/problem.js'
import { frontEndsNeededToRun, frontEndsNeededToStart, type PoolQuorum } from '../model/quorum.js'
import { isPoolReachable, type State } from '../model/state.js'
import type { Pool, Topology } from '../model/topology.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Where a pool stands against the quorum tables:
 * - `unreachable`: the state says `reachable: false` (fail the pool over instead);
 * - `healthy`: at least the servers needed to start it run;
 * - `belowStartQuorum`: pool-level quorum surely holds but fewer servers run than a start needs
 *   (`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery` lets it start);
 * - `poolQuorumLost`: pool-level quorum is surely lost: the remaining servers stop all services;
 * - `quorumUnknown`: it depends on WHICH servers run (name them in `stoppedFrontEnds`), or the
 *   pool's size is not in Microsoft's tables.
 *
 * @category model
 * @since 0.2.0
 */
export type PoolQuorumStatus = 'unreachable' | 'healthy' | 'belowStartQuorum' | 'poolQuorumLost' | 'quorumUnknown'

/**
 * How many servers run among the first `among` (pool-level quorum), as far as the state tells:
 * exactly (`low === high`) when the stopped servers are named, else a range.
 *
 * @category model
 * @since 0.2.0
 */
export interface RunningRange {
  /** At least this many run among the first servers. */
  readonly low: number
  /** At most this many. */
  readonly high: number
}

/**
 * A Front End pool against the quorum tables.
 *
 * @category model
 * @since 0.2.0
 */
export interface PoolAssessment {
  /** The pool. */
  readonly pool: PoolFqdn
  /** How many Front End servers the topology gives it. */
  readonly frontEnds: number
  /** How many run now. */
  readonly running: number
  /** Servers that must run to start the pool; `null` when Microsoft's table does not list its size. */
  readonly neededToStart: number | null
  /** Servers that must run for it to function (`count` of the first `among`); `null` when not listed. */
  readonly neededToRun: PoolQuorum | null
  /** Running servers among the first `neededToRun.among` (all servers when `neededToRun` is `null`). */
  readonly runningAmongFirst: RunningRange
  /** The verdict. */
  readonly status: PoolQuorumStatus
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Running servers among the first `among` of `pool`: exact from the named stopped servers, else
 * bounded by the count alone (low = max(0, among − stopped), high = min(running, among)).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const runningAmong = (
  pool: Pool,
  running: number,
  among: number,
  stopped: ReadonlyArray<string> | undefined,
): RunningRange => {
  if (stopped !== undefined) {
    const named = new Set(stopped)
    const exact = pool.frontEnds.slice(0, among).filter((server) => !named.has(server)).length
    return { low: exact, high: exact }
  }
  const stoppedCount = pool.frontEnds.length - running
  return { low: Math.max(0, among - stoppedCount), high: Math.min(running, among) }
}

/**
 * The status from the figures (contract §9): `healthy` when `running >= neededToStart`; else
 * `belowStartQuorum` when pool-level quorum surely holds (`low >= count`), `poolQuorumLost` when
 * it is surely lost (`high < count`), `quorumUnknown` otherwise or when a table lacks the size.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const quorumStatus = (
  running: number,
  neededToStart: number | null,
  neededToRun: PoolQuorum | null,
  range: RunningRange,
): Exclude<PoolQuorumStatus, 'unreachable'> => {
  if (neededToStart !== null && running >= neededToStart) return 'healthy'
  if (neededToRun === null) return 'quorumUnknown'
  if (range.high < neededToRun.count) return 'poolQuorumLost'
  if (neededToStart !== null && range.low >= neededToRun.count) return 'belowStartQuorum'
  return 'quorumUnknown'
}

/**
 * The assessment of a pool known to the topology (no parsing).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const assessKnownPool = (pool: Pool, state: State): PoolAssessment => {
  const status = state.pools.get(pool.fqdn)
  const frontEnds = pool.frontEnds.length
  const running = status?.frontEndsRunning ?? frontEnds
  const neededToStart = O.toNullable(frontEndsNeededToStart(pool))
  const neededToRun = O.toNullable(frontEndsNeededToRun(pool))
  const range = runningAmong(pool, running, neededToRun?.among ?? frontEnds, status?.stoppedFrontEnds)
  return {
    pool: pool.fqdn,
    frontEnds,
    running,
    neededToStart,
    neededToRun,
    runningAmongFirst: range,
    status: status?.reachable === false ? 'unreachable' : quorumStatus(running, neededToStart, neededToRun, range),
  }
}

/**
 * Whether Microsoft's `QuorumLossRecovery` reset is what the pool needs (domain-facts §3.10):
 * `belowStartQuorum`, or a two-server pool with both servers stopped (then it is run before the
 * pool is brought back up, when the two cannot be restarted together or in reverse order of
 * shutdown).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const needsQuorumLossRecovery = (assessment: PoolAssessment): boolean =>
  assessment.status === 'belowStartQuorum' ||
  (assessment.status === 'poolQuorumLost' && assessment.frontEnds === 2 && assessment.running === 0)

/**
 * Whether `pool` (of the topology) is reachable but has surely lost pool-level quorum: too few
 * Front End servers run for it to function, so it cannot take a failover (`BackupPoolQuorumLost`).
 * A pool with no server running is unreachable instead (`isPoolReachable`).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const lostPoolQuorum = (topology: Topology, state: State, pool: PoolFqdn): O.Option<PoolAssessment> => {
  const known = topology.index.pools.get(pool)
  if (known === undefined || !isPoolReachable(state, pool)) return O.none
  const assessment = assessKnownPool(known, state)
  return assessment.status === 'poolQuorumLost' ? O.some(assessment) : O.none
}

/**
 * Assesses a Front End pool against Microsoft's quorum tables.
 *
 * **When to use**
 *
 * Servers of a pool are down or will not start: find out whether the pool can start, whether it
 * still functions, and whether `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery` is the
 * way forward (`planQuorumRecovery` plans it).
 *
 * **Details**
 *
 * `pool` is a plain string (any letter case, an optional trailing dot). The figures come from the
 * two tables of Microsoft's "Front End Pool high availability and management": servers needed to
 * start (2 → 1, 3 → 3, 4 → 3, 5 → 4, 6 → 5, 7 → 5, 8 → 6, 9 → 7, 10 → 8, 11 → 9, 12 → 10, and
 * 16 → 12 in 2019) and to function (2: 1; 3–4: any 2; 5–6: any 3; 7: any 4; 8–9: any 4 of the
 * first 7; 10–12: any 5 of the first 9; 2019 beyond 12: any 7 of the first 12). The "first" servers
 * are the first in topology order. Name the stopped servers in the state (`stoppedFrontEnds`) for
 * an exact answer; from a count alone the result is a range.
 *
 * **Gotchas**
 *
 * The table lists 12 servers twice; 2015 pools read "5 of the first 9", 2019 pools the stricter
 * "7 of the first 12" (see model/quorum.ts). The table assumes the Back End runs.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { assessPool, decodeState } from 'sfb-dr'
 *
 * // pool1 with one of its three Front End servers running
 * pipe(
 *   decodeState(contoso, { pools: { 'pool1.contoso.com': { reachable: true, frontEndsRunning: 1 } } }),
 *   E.chainW((state) => assessPool(contoso, state, 'pool1.contoso.com')),
 * ) // => right({ pool: 'pool1.contoso.com', frontEnds: 3, running: 1, neededToStart: 3, neededToRun: { count: 2, among: 3 },
 * //             runningAmongFirst: { low: 1, high: 1 }, status: 'poolQuorumLost' })
 *
 * @see {@link planQuorumRecovery}
 * @category assessment
 * @since 0.2.0
 */
export const assessPool = (
  topology: Topology,
  state: State,
  pool: string,
): E.Either<RNEA.ReadonlyNonEmptyArray<UnknownPool | InvalidInput>, PoolAssessment> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const parsed: O.Option<PoolFqdn> = typeof pool === 'string' ? parseFqdn(pool) : O.none
  if (O.isNone(parsed))
    return E.left([{ _tag: 'InvalidInput', path: 'pool', expected: 'a pool FQDN', found: describeFound(pool) }])
  const known = topology.index.pools.get(parsed.value)
  return known === undefined ? E.left([{ _tag: 'UnknownPool', pool }]) : E.right(assessKnownPool(known, state))
}
