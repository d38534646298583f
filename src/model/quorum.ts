/**
 * Front End pool quorum, from Microsoft's tables (HA planning): how many Front End servers must
 * run to start a pool, and how many keep it functioning. The tables are not a formula (3 servers
 * need 3 to start, 7 need 5, 16 need 12), so they are looked up, never computed.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import type { Pool, ProductVersion } from './topology.js'

/**
 * Servers needed at pool level: `count` of them must run, chosen among the first `among` servers
 * in topology order (`among` equals the pool size when any servers will do).
 *
 * @category model
 * @since 0.1.0
 */
export interface PoolQuorum {
  /** How many Front End servers must be running. */
  readonly count: number
  /** Among how many of the first servers (in topology order). */
  readonly among: number
}

/** Routing-group level: servers that must run to start a pool of N servers (HA-PLAN table). */
const TO_START: ReadonlyMap<number, number> = new Map([
  [2, 1],
  [3, 3],
  [4, 3],
  [5, 4],
  [6, 5],
  [7, 5],
  [8, 6],
  [9, 7],
  [10, 8],
  [11, 9],
  [12, 10],
  [16, 12],
])

/**
 * The most Front End servers a pool of this version may have: 12 in 2015, 16 in 2019.
 *
 * @example
 * import { maxFrontEnds } from 'sfb-dr'
 *
 * maxFrontEnds('2015') // => 12
 * maxFrontEnds('2019') // => 16
 *
 * @category model
 * @since 0.1.0
 */
export const maxFrontEnds = (version: ProductVersion): number => (version === '2019' ? 16 : 12)

/**
 * How many Front End servers must be running to start the pool (the first start must meet it).
 * `none` for sizes Microsoft does not list (13–15, or beyond the version's maximum); one server
 * (a Standard Edition server) needs itself.
 *
 * @example
 * import { frontEndsNeededToStart } from 'sfb-dr'
 *
 * contoso.pools.map(frontEndsNeededToStart) // => [some(3), some(3), some(1)]: pool1 and pool2 (3 servers each), se1
 *
 * @category model
 * @since 0.1.0
 */
export const frontEndsNeededToStart = (pool: Pool): O.Option<number> => {
  const n = pool.frontEnds.length
  if (n === 1) return O.some(1)
  if (n > maxFrontEnds(pool.version) || (n === 16 && pool.version !== '2019')) return O.none
  return O.fromNullable(TO_START.get(n))
}

/**
 * How many Front End servers must keep running for the pool to function (below it, the remaining
 * servers stop all services). The table lists 12 servers twice; for 2015 it is "5 of the first 9",
 * for 2019 the stricter "7 of the first 12" is used. `none` beyond the version's maximum.
 *
 * @example
 * import { frontEndsNeededToRun } from 'sfb-dr'
 *
 * contoso.pools.map(frontEndsNeededToRun)
 * // => [some({ count: 2, among: 3 }), some({ count: 2, among: 3 }), some({ count: 1, among: 1 })]: pool1, pool2, se1
 *
 * @category model
 * @since 0.1.0
 */
export const frontEndsNeededToRun = (pool: Pool): O.Option<PoolQuorum> => {
  const n = pool.frontEnds.length
  if (n > maxFrontEnds(pool.version)) return O.none
  if (n <= 2) return O.some({ count: 1, among: n })
  if (n <= 4) return O.some({ count: 2, among: n })
  if (n <= 6) return O.some({ count: 3, among: n })
  if (n === 7) return O.some({ count: 4, among: 7 })
  if (n <= 9) return O.some({ count: 4, among: 7 })
  if (n < 12 || (n === 12 && pool.version === '2015')) return O.some({ count: 5, among: 9 })
  return O.some({ count: 7, among: 12 })
}
