/**
 * `estimateRecoveryTime`: how long a plan's steps take, from Microsoft's published figures only
 * (contract §12, domain-facts §1.10). Nothing is guessed: a step without a published figure counts
 * as undocumented, not as zero.
 *
 * Sources:
 * - `FailoverPool`: 20 minutes, the upper end of "the engineering target for recovery time
 *   objective (RTO) is 15-20 minutes" (OfficeDocs-SkypeForBusiness
 *   Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md,
 *   "Recovery time for pool failover and pool failback"); it excludes the decision and users
 *   signing in again.
 * - `FailoverCentralManagementStore`: 5 minutes ("The engineering targets for Central Management
 *   store failover are 5 minutes for recovery time objective", same page).
 * - `FailbackPool`: "it is expected to take up to 60 minutes for a pool of 20,000 users"
 *   (Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md),
 *   scaled to the users the topology homes on the pool: ceil(60 × users / 20000) whole minutes,
 *   unknown when the topology lists none of its users.
 *
 * Laws: pure and total (any plan value, also read back from JSON: unreadable steps are
 * undocumented); `totalMinutes` is the sum of the known figures; `undocumentedSteps` counts the
 * others.
 *
 * @module
 */
import type { PoolFqdn } from '../model/identifiers.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The estimate of one step.
 *
 * @category model
 * @since 0.2.0
 */
export interface StepEstimate {
  /** The step's id. */
  readonly stepId: string
  /** Whole minutes from Microsoft's figures, or `null` when Microsoft publishes none for the step. */
  readonly minutes: number | null
}

/**
 * How long a plan takes, by Microsoft's figures.
 *
 * @category model
 * @since 0.2.0
 */
export interface RecoveryTimeEstimate {
  /** One entry per step, in plan order. */
  readonly steps: ReadonlyArray<StepEstimate>
  /** The sum of the known figures, in minutes. */
  readonly totalMinutes: number
  /** How many steps have no published figure (their time is not in `totalMinutes`). */
  readonly undocumentedSteps: number
}

/**
 * What `estimateRecoveryTime` reads of a plan: its steps' ids, tags and pools (a `Plan` is one).
 *
 * @category model
 * @since 0.2.0
 */
export interface EstimatedPlan {
  /** The steps, in order. */
  readonly steps: ReadonlyArray<{
    /** The step's id. */
    readonly id: string
    /** The step's tag. */
    readonly _tag: string
  }>
}

/**
 * What `estimateRecoveryTime` reads of a topology: the number of users it homes on each pool (a
 * `Topology` is one; `{ index: { userCounts: new Map() } }` when no topology is at hand, and then
 * every failback is undocumented).
 *
 * @category model
 * @since 0.2.0
 */
export interface EstimatedTopology {
  /** The topology's index: only `userCounts` is read. */
  readonly index: {
    /** Users homed on each pool, from the topology document's user list. */
    readonly userCounts: ReadonlyMap<PoolFqdn, number>
  }
}

/**
 * Microsoft's figures, in minutes, and the pool size of the failback figure.
 *
 * @category model
 * @since 0.2.0
 */
export const recoveryFigures = {
  /** Pool failover RTO, upper end of 15–20 minutes (disaster-recovery.md). */
  failoverPoolMinutes: 20,
  /** CMS failover RTO (disaster-recovery.md). */
  failoverCentralManagementStoreMinutes: 5,
  /** Failback: up to 60 minutes… (failing-over-and-failing-back-a-pool.md) */
  failbackMinutes: 60,
  /** …for a pool of 20,000 users. */
  failbackUsers: 20000,
} as const

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

const read = (u: unknown, key: string): unknown => {
  try {
    return typeof u === 'object' && u !== null && Object.prototype.hasOwnProperty.call(u, key)
      ? (u as Readonly<Record<string, unknown>>)[key]
      : undefined
  } catch {
    return undefined
  }
}

const minutesOf = (topology: EstimatedTopology, step: unknown): number | null => {
  switch (read(step, '_tag')) {
    case 'FailoverPool':
      return recoveryFigures.failoverPoolMinutes
    case 'FailoverCentralManagementStore':
      return recoveryFigures.failoverCentralManagementStoreMinutes
    case 'FailbackPool': {
      const pool = read(step, 'pool')
      const users = typeof pool === 'string' ? (topology.index.userCounts.get(pool as PoolFqdn) ?? 0) : 0
      return users > 0 ? Math.ceil((recoveryFigures.failbackMinutes * users) / recoveryFigures.failbackUsers) : null
    }
    default:
      return null
  }
}

/**
 * Estimates how long a plan's steps take, from Microsoft's published figures only.
 *
 * **Details**
 *
 * `FailoverPool` 20 minutes (the 15–20 minute RTO target of pool failover),
 * `FailoverCentralManagementStore` 5 minutes (its RTO target), `FailbackPool`
 * `ceil(60 × users homed on the pool / 20000)` minutes ("up to 60 minutes for a pool of 20,000
 * users"; `null` when the topology lists none of its users), every other step `null`.
 * `totalMinutes` sums the known figures; `undocumentedSteps` counts the `null`s, whose time is
 * not included. Microsoft's figures exclude deciding to fail over and users signing in again.
 *
 * **Gotchas**
 *
 * The users counted are those the topology document lists: a partial user list gives a shorter
 * failback figure. Never throws, whatever the plan holds.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { estimateRecoveryTime, planFailover } from 'sfb-dr'
 *
 * pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map((plan) => estimateRecoveryTime(contoso, plan)))
 * // => right({ steps: [{ stepId: '1-failover-cms', minutes: 5 }, { stepId: '2-check-cms', minutes: null },
 * //                   { stepId: '3-set-edge-next-hop', minutes: null }, { stepId: '4-failover-pool', minutes: 20 }],
 * //            totalMinutes: 25, undocumentedSteps: 2 })
 *
 * @category assessment
 * @since 0.2.0
 */
export const estimateRecoveryTime = (topology: EstimatedTopology, plan: EstimatedPlan): RecoveryTimeEstimate => {
  const raw = read(plan, 'steps')
  const list: ReadonlyArray<unknown> = Array.isArray(raw) ? raw : []
  const steps = list.map((step): StepEstimate => {
    const id = read(step, 'id')
    return { stepId: typeof id === 'string' ? id : '', minutes: minutesOf(topology, step) }
  })
  let totalMinutes = 0
  let undocumentedSteps = 0
  for (const s of steps) {
    if (s.minutes === null) undocumentedSteps += 1
    else totalMinutes += s.minutes
  }
  return { steps, totalMinutes, undocumentedSteps }
}
