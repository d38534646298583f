/**
 * The ports of execution: one handler per step tag. A record keyed by every tag, so a caller that
 * misses a tag added in a later version gets a compile error.
 *
 * @module
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { StepOf, StepTag } from '../plan/step.js'
import type { BackupServiceObservation, CentralManagementStoreObservation, PortFailure } from './journal.js'

/**
 * What each step tag's handler answers with: checks their observation, actions and manual steps
 * `undefined`.
 *
 * @category execution
 * @since 0.1.0
 */
export interface Observations {
  /** `Get-CsBackupServiceStatus -PoolFqdn`. */
  readonly CheckBackupService: BackupServiceObservation
  /** `Invoke-CsManagementServerFailover`. */
  readonly FailoverCentralManagementStore: undefined
  /** `Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`. */
  readonly CheckCentralManagementStore: CentralManagementStoreObservation
  /** `Set-CsEdgeServer -Registrar`. */
  readonly SetEdgeNextHop: undefined
  /** `Invoke-CsPoolFailOver`. */
  readonly FailoverPool: undefined
  /** `Invoke-CsPoolFailBack`. */
  readonly FailbackPool: undefined
}

/**
 * What the handler of tag `K` answers with.
 *
 * @category execution
 * @since 0.1.0
 */
export type ObservationOf<K extends StepTag> = Observations[K]

/**
 * The handler of one step tag: runs the step (or reads what a check needs) and answers with a
 * `TaskEither`: `Left(PortFailure)` when it could not, `Right(observation)` otherwise.
 *
 * @category execution
 * @since 0.1.0
 */
export type StepHandler<K extends StepTag> = (step: StepOf<K>) => TE.TaskEither<PortFailure, ObservationOf<K>>

/**
 * One handler per step tag.
 *
 * @example
 * const handlers: StepHandlers = {
 *   CheckBackupService: (step) => readBackupStatus(step.pool),
 *   FailoverCentralManagementStore: (step) => runCmdlet(step),
 *   CheckCentralManagementStore: () => readActiveMaster(),
 *   SetEdgeNextHop: (step) => runCmdlet(step),
 *   FailoverPool: (step) => runCmdlet(step),
 *   FailbackPool: (step) => runCmdlet(step),
 * }
 *
 * @category execution
 * @since 0.1.0
 */
export type StepHandlers = { readonly [K in StepTag]: StepHandler<K> }
