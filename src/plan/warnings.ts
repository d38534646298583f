/**
 * Plan warnings: the topology findings that touch a plan's pools, plus the plan's own
 * (`PossibleDataLoss` in disaster mode, `EdgeNextHopNotRestored` after a failback).
 *
 * @module
 * @internal
 */
import { auditTopology } from '../model/audit.js'
import type { EdgeNextHopNotRestored, Finding, PossibleDataLoss } from '../model/findings.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'

/**
 * The topology findings (`auditTopology`) that name at least one of `pools`.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const topologyWarnings = (topology: Topology, pools: ReadonlyArray<PoolFqdn>): ReadonlyArray<Finding> => {
  const touched = new Set(pools)
  return auditTopology(topology).filter((finding) => finding.pools.some((p) => touched.has(p)))
}

/**
 * A disaster-mode move of the users of the direction `source` → `partner` may lose what changed
 * since that direction's last known Backup Service sync.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const possibleDataLoss = (state: State, source: PoolFqdn, partner: PoolFqdn): PossibleDataLoss => {
  const lastSyncAt = state.backupService.get(source)?.lastSyncAt
  return {
    _tag: 'PossibleDataLoss',
    severity: 'advice',
    pools: [source, partner],
    ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
  }
}

/**
 * The Edge pools that, in `state` (the state after the plan), still forward to `backupPool`
 * although the topology configures `homePool` as their next hop.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const edgeNextHopsNotRestored = (
  topology: Topology,
  state: State,
  homePool: PoolFqdn,
  backupPool: PoolFqdn,
): ReadonlyArray<EdgeNextHopNotRestored> =>
  topology.edgePools
    .filter((edge) => edge.nextHop === homePool && state.edgePools.get(edge.fqdn)?.nextHop === backupPool)
    .map((edge) => ({
      _tag: 'EdgeNextHopNotRestored',
      severity: 'advice',
      pools: [backupPool, homePool],
      edgePool: edge.fqdn,
      configuredNextHop: edge.nextHop,
    }))
