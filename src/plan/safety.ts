/**
 * The four safety rules of a plan, checked for every step and only for the pools that step
 * touches (contract §5.2):
 *
 * 1. `OnePoolOfPairFailedOver` — after the step, at most one pool of each touched pair is failed
 *    over (fail back before failing over in the other direction).
 * 2. `FailoverOntoReachablePartner` / `FailbackToReachablePools` — a pool fails over only onto a
 *    reachable partner; it fails back only when its home pool is reachable and, unless in
 *    disaster mode, its backup pool too.
 * 3. `CmsReadyForPoolFailover` — when `FailoverPool` runs, the CMS is available with its active
 *    master on a reachable pool other than the failing one. `CmsAvailableForPoolFailback` — when
 *    `FailbackPool` runs, the CMS is available.
 * 4. `NoEdgeNextHopToFailingPool` — when `FailoverPool` runs, no reachable Edge pool uses the
 *    failing pool as next hop.
 *
 * @module
 * @internal
 */
import type { PoolFqdn } from '../model/identifiers.js'
import { isCentralManagementStoreAvailable, isFailedOver, isPoolReachable, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import type { Step } from './step.js'
import type { BrokenRule } from './stepDefinition.js'

/** Rule 1, in the state after the step, for each touched pair once. */
const onePoolOfPairFailedOver = (
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

/** Rules 2–4 for the steps that move users, in the state before the step. */
const movingRules = (topology: Topology, before: State, step: Step): ReadonlyArray<BrokenRule> => {
  const out: Array<BrokenRule> = []
  const { activeMaster } = before.centralManagementStore
  switch (step._tag) {
    case 'FailoverPool': {
      if (!isPoolReachable(before, step.backupPool))
        out.push({ rule: 'FailoverOntoReachablePartner', subjects: [step.backupPool] })
      if (!isCentralManagementStoreAvailable(before) || activeMaster === step.pool)
        out.push({ rule: 'CmsReadyForPoolFailover', subjects: [activeMaster] })
      for (const edge of topology.edgePools) {
        const status = before.edgePools.get(edge.fqdn)
        if (status?.reachable === true && status.nextHop === step.pool)
          out.push({ rule: 'NoEdgeNextHopToFailingPool', subjects: [edge.fqdn, step.pool] })
      }
      return out
    }
    case 'FailbackPool': {
      if (!isPoolReachable(before, step.pool)) out.push({ rule: 'FailbackToReachablePools', subjects: [step.pool] })
      if (!step.disasterMode && !isPoolReachable(before, step.backupPool))
        out.push({ rule: 'FailbackToReachablePools', subjects: [step.backupPool] })
      if (!isCentralManagementStoreAvailable(before))
        out.push({ rule: 'CmsAvailableForPoolFailback', subjects: [activeMaster] })
      return out
    }
    case 'CheckBackupService':
    case 'FailoverCentralManagementStore':
    case 'CheckCentralManagementStore':
    case 'SetEdgeNextHop':
      return out
  }
}

/**
 * Every safety rule `step` breaks, given the states before and after it and the Front End pools
 * it touches.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const safetyRules = (
  topology: Topology,
  before: State,
  after: State,
  step: Step,
  touched: ReadonlyArray<PoolFqdn>,
): ReadonlyArray<BrokenRule> => [
  ...movingRules(topology, before, step),
  ...onePoolOfPairFailedOver(topology, after, touched),
]
