/**
 * The ports of execution: one handler per step tag. A record keyed by every tag, so a caller that
 * misses a tag added in a later version gets a compile error.
 *
 * @module
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { ObservationOf, StepOf, StepTag } from '../plan/step.js'
import type { PortFailure } from './journal.js'

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
 * import * as TE from 'fp-ts/lib/TaskEither.js'
 * import { portFailure, type StepHandlers } from 'sfb-dr'
 * import { simulatedHandlers } from 'sfb-dr/testing'
 *
 * // Every step tag needs its handler (a missing one is a compile error): here the simulator's,
 * // with the pool failover replaced by one that reports a failure
 * const handlers: StepHandlers = {
 *   ...simulatedHandlers(contoso, redmondDown).handlers,
 *   FailoverPool: (step) => TE.left(portFailure(`Invoke-CsPoolFailOver -PoolFqdn '${step.pool}': access denied`, 'E_ACCESSDENIED')),
 * }
 *
 * @category execution
 * @since 0.1.0
 */
export type StepHandlers = { readonly [K in StepTag]: StepHandler<K> }
