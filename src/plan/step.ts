/**
 * Plan steps: tagged, JSON-safe records. Each tag has exactly one definition of its preconditions
 * and its effect on the state, in `catalog.ts`; planners, `validatePlan`, `applyPlan` and the
 * simulated handlers all use those definitions.
 *
 * @module
 */
import type { EdgePoolFqdn, Fqdn, PoolFqdn, SqlInstanceName } from '../model/identifiers.js'
import type { FailoverMode } from '../model/state.js'

/**
 * Whether a step only reads (`check`), changes the deployment (`action`) or needs a person
 * (`manual`).
 *
 * @category model
 * @since 0.1.0
 */
export type StepKind = 'check' | 'action' | 'manual'

/**
 * Verify the Backup Service of the direction `pool` → its partner is healthy
 * (`Get-CsBackupServiceStatus -PoolFqdn`): export `SteadyState` or `FinalState`, import
 * `NormalState`.
 *
 * @category model
 * @since 0.1.0
 */
export interface CheckBackupService {
  /** Discriminant. */
  readonly _tag: 'CheckBackupService'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `check`. */
  readonly kind: 'check'
  /** Source pool of the direction checked. */
  readonly pool: PoolFqdn
}

/**
 * Fail the Central Management Store over to the Back End of the other pool of the CMS pair
 * (`Invoke-CsManagementServerFailover`).
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverCentralManagementStore {
  /** Discriminant. */
  readonly _tag: 'FailoverCentralManagementStore'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The pool holding the active master now. */
  readonly from: PoolFqdn
  /** The pool that will hold it. */
  readonly to: PoolFqdn
  /** `to`'s Back End SQL server. */
  readonly sqlServer: Fqdn
  /** `to`'s Back End SQL instance. */
  readonly instance: SqlInstanceName
  /** `to`'s Back End mirror server, when mirrored. */
  readonly mirrorSqlServer?: Fqdn
  /** `to`'s Back End mirror instance, when mirrored. */
  readonly mirrorInstance?: SqlInstanceName
  /** `planned` when the CMS is available (no parameters), `disaster` otherwise (`-Force`). */
  readonly mode: FailoverMode
}

/**
 * Verify the CMS active master is `activeMaster`
 * (`Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`).
 *
 * @category model
 * @since 0.1.0
 */
export interface CheckCentralManagementStore {
  /** Discriminant. */
  readonly _tag: 'CheckCentralManagementStore'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `check`. */
  readonly kind: 'check'
  /** The pool expected in `ActiveMasterFqdn`. */
  readonly activeMaster: PoolFqdn
}

/**
 * Point an Edge pool's next hop at another Front End pool (`Set-CsEdgeServer -Registrar`).
 *
 * @category model
 * @since 0.1.0
 */
export interface SetEdgeNextHop {
  /** Discriminant. */
  readonly _tag: 'SetEdgeNextHop'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The Edge pool. */
  readonly edgePool: EdgePoolFqdn
  /** Its new next hop. */
  readonly nextHop: PoolFqdn
}

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
 * Any plan step.
 *
 * @category model
 * @since 0.1.0
 */
export type Step =
  | CheckBackupService
  | FailoverCentralManagementStore
  | CheckCentralManagementStore
  | SetEdgeNextHop
  | FailoverPool
  | FailbackPool

/**
 * Every step tag.
 *
 * @category model
 * @since 0.1.0
 */
export type StepTag = Step['_tag']

/**
 * The step with tag `K`.
 *
 * @category model
 * @since 0.1.0
 */
export type StepOf<K extends StepTag> = Extract<Step, Readonly<Record<'_tag', K>>>
