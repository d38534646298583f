/**
 * The safety rules of a plan, checked for every step and only for the pools that step touches
 * (contract §5.2):
 *
 * 1. `OnePoolOfPairFailedOver` — after the step, at most one pool of each touched pair is failed
 *    over (fail back before failing over in the other direction). Checked here for every step.
 * 2.–4. The rules of the steps that move users (a reachable partner, a ready CMS, no Edge next
 *    hop to the failing pool) are carried by those steps' definitions (`safety`, in
 *    `steps/pool.ts`), in the state before the step.
 *
 * @module
 * @internal
 */
import type { PoolFqdn } from '../model/identifiers.js'
import { isFailedOver, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import type { BrokenRule } from './steps/definition.js'

/**
 * Rule 1, in the state after the step, for each touched pair once.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const onePoolOfPairFailedOver = (
  topology: Topology,
  after: State,
  touched: ReadonlyArray<PoolFqdn>,
): ReadonlyArray<BrokenRule> => {
  const out: Array<BrokenRule> = []
  const seen = new Set<PoolFqdn>()
  for (const pool of touched) {
    const partner = topology.index.partners.get(pool)
    if (partner === undefined || seen.has(pool)) continue
    seen.add(pool)
    seen.add(partner)
    if (isFailedOver(after, pool) && isFailedOver(after, partner))
      out.push({ rule: 'OnePoolOfPairFailedOver', subjects: [pool, partner] })
  }
  return out
}
