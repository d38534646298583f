/**
 * What a plan is for.
 *
 * @module
 */
import type { PoolFqdn } from './identifiers.js'
import type { FailoverMode } from './state.js'

/**
 * Fail over the users homed on `pool` onto its partner.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverIntent {
  /** Discriminant. */
  readonly _tag: 'Failover'
  /** The pool whose home users move (the disaster pool, `-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** Planned or disaster mode. */
  readonly mode: FailoverMode
}

/**
 * Fail back the users homed on `pool` from its partner.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailbackIntent {
  /** Discriminant. */
  readonly _tag: 'Failback'
  /** The home pool (the same `-PoolFqdn` as its failover). */
  readonly pool: PoolFqdn
  /** Planned or disaster mode. */
  readonly mode: FailoverMode
}

/**
 * Have everyone now serviced by `from` serviced by its partner `to`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MoveServiceIntent {
  /** Discriminant. */
  readonly _tag: 'MoveService'
  /** The pool now servicing the users. */
  readonly from: PoolFqdn
  /** Its partner, which will service them. */
  readonly to: PoolFqdn
}

/**
 * What a plan is for.
 *
 * @category model
 * @since 0.1.0
 */
export type Intent = FailoverIntent | FailbackIntent | MoveServiceIntent
