/**
 * User homing: which pool a user is homed on, and which pool now services a pool's users.
 *
 * Failover and failback never rehome users (only `Move-CsUser` does): the home pool stays the
 * failed pool and its partner merely services its users for a while.
 *
 * Laws:
 * - `servingPool(t, s, p)` is `some(p)` when `p` is reachable and not failed over, `some(partner)`
 *   when `p` is failed over and its partner is reachable, and `none` otherwise.
 * - `usersServedBy` sums the per-pool counts taken at decode time; it never walks the users.
 *
 * @module
 */
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import { parseFqdn, parseSipAddress, type PoolFqdn } from './identifiers.js'
import { isFailedOver, isPoolReachable, type State } from './state.js'
import { partnerOf, usersHomedOn, type Topology } from './topology.js'

/**
 * The pool a user is homed on. The SIP address is compared case-insensitively; an invalid or
 * unknown address gives `none`.
 *
 * @category operations
 * @since 0.1.0
 */
export const homePool = (topology: Topology, sipAddress: string): O.Option<PoolFqdn> =>
  pipe(
    parseSipAddress(sipAddress),
    O.chain((sip) => O.fromNullable(topology.users.get(sip))),
  )

/** {@link servingPool} on an already-normalized FQDN. @internal */
export const servingPoolOf = (topology: Topology, state: State, pool: PoolFqdn): O.Option<PoolFqdn> => {
  if (!topology.index.pools.has(pool)) return O.none
  if (!isFailedOver(state, pool)) return isPoolReachable(state, pool) ? O.some(pool) : O.none
  return pipe(
    partnerOf(topology, pool),
    O.filter((partner) => isPoolReachable(state, partner)),
  )
}

/**
 * The pool now servicing the users homed on `pool`: the pool itself, its partner when it is
 * failed over, or `none` when nobody can (the pool is down and not failed over, or unknown).
 * `pool` is a plain string, normalized as an FQDN.
 *
 * @category operations
 * @since 0.1.0
 */
export const servingPool = (topology: Topology, state: State, pool: string): O.Option<PoolFqdn> =>
  pipe(
    parseFqdn(pool),
    O.chain((p) => servingPoolOf(topology, state, p)),
  )

/** {@link usersServedBy} on an already-normalized FQDN. @internal */
export const usersServedByPool = (topology: Topology, state: State, pool: PoolFqdn): number => {
  const servesOwn = O.exists((p: PoolFqdn) => p === pool)(servingPoolOf(topology, state, pool))
  const partner = topology.index.partners.get(pool)
  const partnerUsers =
    partner !== undefined && O.exists((p: PoolFqdn) => p === pool)(servingPoolOf(topology, state, partner))
      ? usersHomedOn(topology, partner)
      : 0
  return (servesOwn ? usersHomedOn(topology, pool) : 0) + partnerUsers
}

/**
 * How many users `pool` now services: its own users unless failed over or down, plus its
 * partner's users when the partner is failed over onto it. Constant time.
 *
 * @category operations
 * @since 0.1.0
 */
export const usersServedBy = (topology: Topology, state: State, pool: string): number =>
  pipe(
    parseFqdn(pool),
    O.match(
      () => 0,
      (p) => usersServedByPool(topology, state, p),
    ),
  )
