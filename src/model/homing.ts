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
 * - Total: each query answers `none` or `0` for a non-string name and for a topology or state
 *   that is not a decoded one (raw JSON, `null`, a throwing getter, a revoked proxy); it never
 *   throws.
 *
 * @module
 */
import { pipe } from 'fp-ts/lib/function.js'
import * as O from 'fp-ts/lib/Option.js'
import { isFqdn, parseFqdn, parseSipAddress, type PoolFqdn } from './identifiers.js'
import { isFailedOver, isPoolReachable, type State } from './state.js'
import { partnerOf, usersHomedOn, type Topology } from './topology.js'
import { countOf, orElse } from './total.js'

/**
 * The pool a user is homed on. The SIP address is compared case-insensitively as a whole, with
 * Unicode case folding (`sip:Åsa@contoso.com` and `sip:ÅSA@contoso.com` are one user); an
 * invalid or unknown address, a non-string, or a topology that is not a decoded one gives `none`.
 *
 * @example
 * import { homePool } from 'sfb-dr'
 *
 * homePool(contoso, 'SIP:Alice@Contoso.com') // => some('pool1.contoso.com')
 * homePool(contoso, 'sip:zoe@contoso.com') // => none
 *
 * @category operations
 * @since 0.1.0
 */
export const homePool = (topology: Topology, sipAddress: string): O.Option<PoolFqdn> =>
  orElse(
    () =>
      pipe(
        parseSipAddress(sipAddress),
        O.chain((sip) => O.fromNullable(topology.users.get(sip))),
        O.filter(isFqdn),
      ),
    O.none,
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
 * `pool` is a plain string, normalized as an FQDN; a non-string, or a topology or state that is
 * not a decoded one, gives `none`.
 *
 * @example
 * import { servingPool } from 'sfb-dr'
 *
 * servingPool(contoso, healthy, 'pool1.contoso.com') // => some('pool1.contoso.com')
 * servingPool(contoso, pool1FailedOver, 'pool1.contoso.com') // => some('pool2.contoso.com')
 * servingPool(contoso, redmondDown, 'pool1.contoso.com') // => none: down, not failed over yet
 *
 * @category operations
 * @since 0.1.0
 */
export const servingPool = (topology: Topology, state: State, pool: string): O.Option<PoolFqdn> =>
  orElse(
    () =>
      pipe(
        parseFqdn(pool),
        O.chain((p) => servingPoolOf(topology, state, p)),
        O.filter(isFqdn),
      ),
    O.none,
  )

/** {@link usersServedBy} on an already-normalized FQDN. @internal */
export const usersServedByPool = (topology: Topology, state: State, pool: PoolFqdn): number => {
  const servesOwn = O.exists((p: PoolFqdn) => p === pool)(servingPoolOf(topology, state, pool))
  const partner = topology.index.partners.get(pool)
  const partnerUsers =
    partner !== undefined && O.exists((p: PoolFqdn) => p === pool)(servingPoolOf(topology, state, partner))
      ? usersHomedOn(topology, partner)
      : 0
  return (servesOwn ? countOf(usersHomedOn(topology, pool)) : 0) + countOf(partnerUsers)
}

/**
 * How many users `pool` now services: its own users unless failed over or down, plus its
 * partner's users when the partner is failed over onto it. Constant time. `0` for a non-string,
 * an unknown pool, or a topology or state that is not a decoded one.
 *
 * @example
 * import { usersServedBy } from 'sfb-dr'
 *
 * usersServedBy(contoso, healthy, 'pool2.contoso.com') // => 1: carol
 * usersServedBy(contoso, pool1FailedOver, 'pool2.contoso.com') // => 3: carol, and alice and bob of pool1
 * usersServedBy(contoso, pool1FailedOver, 'pool1.contoso.com') // => 0
 *
 * @category operations
 * @since 0.1.0
 */
export const usersServedBy = (topology: Topology, state: State, pool: string): number =>
  orElse(
    () =>
      pipe(
        parseFqdn(pool),
        O.match(
          () => 0,
          (p) => countOf(usersServedByPool(topology, state, p)),
        ),
      ),
    0,
  )
