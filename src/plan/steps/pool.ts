/**
 * The pool family: failing a Front End pool's home users over to its partner and back
 * (`Invoke-CsPoolFailOver`, `Invoke-CsPoolFailBack`).
 *
 * Safety rules (contract §5.2) carried by these steps, in the state before them:
 * - (2) a pool fails over only onto a reachable partner; it fails back only when its home pool is
 *   reachable and, unless in disaster mode, its backup pool too;
 * - (3) when `FailoverPool` runs, the CMS is available with its active master on a reachable pool
 *   other than the failing one (when `FailbackPool` runs, the CMS is available);
 * - (4) when `FailoverPool` runs, no Edge pool — reachable or not — names the failing pool as its
 *   next hop: `Invoke-CsPoolFailOver` checks the TOPOLOGY ("…is specified in topology as the next
 *   hop for the Edge server…", domain-facts §3.2 and §6.2).
 *
 * `FailbackPool` also waits for the Edge (contract §10, domain-facts §6.1 #15): a reachable Edge
 * pool of the pool's site whose topology federation or XMPP role another Edge pool holds now is
 * failed back first (Microsoft, failing-over-failing-back-or-changing-the-edge-pool.md: "If the
 * Front End pool at the same site as the failed Edge pool also failed, you can now use
 * Invoke–CsPoolFailback to fail back the Front End pool.").
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import type { PoolFqdn } from '../../model/identifiers.js'
import { lostPoolQuorum } from '../../assess/assessPool.js'
import {
  isBackEndDown,
  isCentralManagementStoreAvailable,
  isFailedOver,
  isPoolReachable,
  type FailoverMode,
  type State,
} from '../../model/state.js'
import type { Topology } from '../../model/topology.js'
import { broken, when, type BrokenRule, type StepFamily, type StepEntry } from './definition.js'
import { edgePoolsToFailBackFirst } from './edge.js'
import { boolean, fqdn } from './fields.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Fail over the users homed on `pool` onto `backupPool` (`Invoke-CsPoolFailOver`).
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverPool {
  /** Discriminant. */
  readonly _tag: 'FailoverPool'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The home pool (`-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** Its partner, which will service its users. */
  readonly backupPool: PoolFqdn
  /** Whether to pass `-DisasterMode`. */
  readonly disasterMode: boolean
}

/**
 * Fail back the users homed on `pool` from `backupPool` (`Invoke-CsPoolFailBack`).
 *
 * @category model
 * @since 0.1.0
 */
export interface FailbackPool {
  /** Discriminant. */
  readonly _tag: 'FailbackPool'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The home pool (`-PoolFqdn`, the same as its failover). */
  readonly pool: PoolFqdn
  /** The partner now servicing its users. */
  readonly backupPool: PoolFqdn
  /** Whether to pass `-DisasterMode`. */
  readonly disasterMode: boolean
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface PoolSteps {
  /** `Invoke-CsPoolFailOver`. */
  readonly FailoverPool: StepEntry<FailoverPool, undefined>
  /** `Invoke-CsPoolFailBack`. */
  readonly FailbackPool: StepEntry<FailbackPool, undefined>
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The partner rules shared by failover and failback: the pool has a backup, and it is `backupPool`. */
const partnerRules = (topology: Topology, pool: PoolFqdn, backupPool: PoolFqdn): ReadonlyArray<BrokenRule> => {
  const partner = topology.index.partners.get(pool)
  if (partner === undefined) return [broken('PoolHasBackup', pool)]
  return when(partner !== backupPool, 'BackupPoolMatchesPartner', backupPool, partner)
}

const withFailovers = (state: State, update: (failovers: Map<PoolFqdn, FailoverMode>) => void): State => {
  const failovers = new Map(state.failovers)
  update(failovers)
  return { ...state, failovers }
}

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

/**
 * The definitions of the pool family.
 *
 * @category model
 * @since 0.2.0
 */
export const poolSteps: StepFamily<keyof PoolSteps> = {
  FailoverPool: {
    kind: 'action',
    slug: 'failover-pool',
    fields: { pool: fqdn, backupPool: fqdn, disasterMode: boolean },
    pools: (step) => [step.pool, step.backupPool],
    preconditions: (topology, state, { pool, backupPool, disasterMode }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [
            ...partnerRules(topology, pool, backupPool),
            ...when(isFailedOver(state, pool), 'PoolNotFailedOver', pool),
            ...when(!disasterMode && !isPoolReachable(state, pool), 'PlannedModeNeedsReachablePool', pool),
            // Contract §9: a pool whose User database principal is down fails over in disaster mode.
            ...when(!disasterMode && isBackEndDown(state, pool), 'PlannedModeNeedsBackEnd', pool),
          ],
    safety: (topology, before, step) => {
      const { activeMaster } = before.centralManagementStore
      return [
        ...when(!isPoolReachable(before, step.backupPool), 'FailoverOntoReachablePartner', step.backupPool),
        // Contract §9: never onto a backup pool at pool-level quorum loss (Microsoft: below it the
        // remaining servers stop all services).
        ...when(O.isSome(lostPoolQuorum(topology, before, step.backupPool)), 'BackupPoolHasQuorum', step.backupPool),
        ...when(
          !isCentralManagementStoreAvailable(before) || activeMaster === step.pool,
          'CmsReadyForPoolFailover',
          activeMaster,
        ),
        ...topology.edgePools
          .filter((edge) => before.edgePools.get(edge.fqdn)?.nextHop === step.pool)
          .map((edge) => broken('NoEdgeNextHopToFailingPool', edge.fqdn, step.pool)),
      ]
    },
    transition: (topology, state, { pool, disasterMode }) => {
      const mode = disasterMode ? 'disaster' : 'planned'
      if (!topology.index.partners.has(pool) || state.failovers.get(pool) === mode) return state
      return withFailovers(state, (m) => m.set(pool, mode))
    },
  },
  FailbackPool: {
    kind: 'action',
    slug: 'failback-pool',
    fields: { pool: fqdn, backupPool: fqdn, disasterMode: boolean },
    pools: (step) => [step.pool, step.backupPool],
    preconditions: (topology, state, { pool, backupPool }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [
            ...partnerRules(topology, pool, backupPool),
            ...when(!isFailedOver(state, pool), 'PoolFailedOver', pool),
            // Contract §10 / domain-facts §6.1 #15: a reachable Edge pool of the site whose
            // federation or XMPP role another Edge pool holds is failed back first.
            ...edgePoolsToFailBackFirst(topology, state, pool).map((edge) => broken('EdgeFailedBackFirst', edge, pool)),
          ],
    safety: (_topology, before, step) => [
      ...when(!isPoolReachable(before, step.pool), 'FailbackToReachablePools', step.pool),
      ...when(!step.disasterMode && !isPoolReachable(before, step.backupPool), 'FailbackToReachablePools', step.backupPool),
      ...when(!isCentralManagementStoreAvailable(before), 'CmsAvailableForPoolFailback', before.centralManagementStore.activeMaster),
    ],
    transition: (_topology, state, { pool }) =>
      isFailedOver(state, pool) ? withFailovers(state, (m) => m.delete(pool)) : state,
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Fail over the users homed on `pool` onto `backupPool`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failoverPool = (pool: PoolFqdn, backupPool: PoolFqdn, mode: FailoverMode): Omit<FailoverPool, 'id'> => ({
  _tag: 'FailoverPool',
  kind: 'action',
  pool,
  backupPool,
  disasterMode: mode === 'disaster',
})

/**
 * Fail back the users homed on `pool` from `backupPool`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failbackPool = (pool: PoolFqdn, backupPool: PoolFqdn, mode: FailoverMode): Omit<FailbackPool, 'id'> => ({
  _tag: 'FailbackPool',
  kind: 'action',
  pool,
  backupPool,
  disasterMode: mode === 'disaster',
})
