/**
 * Plan warnings: the topology findings that touch a plan's pools, plus the plan's own
 * (`PossibleDataLoss` in disaster mode, `EdgeNextHopNotRestored` after a failback).
 *
 * @module
 * @internal
 */
import { auditPools } from '../model/audit.js'
import type {
  BackupServiceUnhealthy,
  ConferenceContentNotRestored,
  EdgeNextHopNotRestored,
  Finding,
  NoSurvivingEdgePool,
  PossibleDataLoss,
  SyncIntervalAboveRpo,
} from '../model/findings.js'
import type { EdgePoolFqdn, PoolFqdn, SiteName } from '../model/identifiers.js'
import type { Intent } from '../model/intent.js'
import { isPoolReachable, type State } from '../model/state.js'
import { isAboveRpo } from '../model/syncInterval.js'
import type { Topology } from '../model/topology.js'
import type { Step } from './step.js'
import { isEdgePoolReachable, mediaUsers } from './steps/edge.js'

/**
 * The topology findings (`auditTopology`) that name at least one of `pools`.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const topologyWarnings = (topology: Topology, pools: ReadonlyArray<PoolFqdn>): ReadonlyArray<Finding> =>
  auditPools(topology, pools)

/**
 * A disaster-mode move of the users of the direction `source` → `partner` may lose what changed
 * since that direction's last known Backup Service sync: a failover loses what changed on the
 * failed pool; a failback (`operation: 'failback'`, `source` the backup pool) what the failed-over
 * users created on the backup pool.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const possibleDataLoss = (
  state: State,
  source: PoolFqdn,
  partner: PoolFqdn,
  operation: 'failover' | 'failback' = 'failover',
): PossibleDataLoss => {
  const lastSyncAt = state.backupService.get(source)?.lastSyncAt
  return {
    _tag: 'PossibleDataLoss',
    severity: 'warning',
    pools: [source, partner],
    ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
    ...(operation === 'failback' ? { operation } : {}),
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

/**
 * The Backup Service warnings that follow from a plan's steps: `SyncIntervalAboveRpo` for each
 * `SetBackupServiceSyncInterval` above Microsoft's 5-minute RPO (disaster-recovery.md), and
 * `ConferenceContentNotRestored` for each `FailbackPool` of a pool `state` records as failed over
 * in DISASTER mode while its backup pool is unreachable: the conference content its users created
 * there cannot be copied back now (restoring-conference-contents-using-the-backup-service.md: "you
 * must use this procedure to copy their conference content back to their original pool").
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const backupPlanWarnings = (
  state: State,
  steps: ReadonlyArray<Step>,
): ReadonlyArray<SyncIntervalAboveRpo | ConferenceContentNotRestored> =>
  steps.flatMap((step): ReadonlyArray<SyncIntervalAboveRpo | ConferenceContentNotRestored> => {
    if (step._tag === 'SetBackupServiceSyncInterval')
      return isAboveRpo(step.interval)
        ? [{ _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: step.interval }]
        : []
    if (step._tag === 'FailbackPool' && state.failovers.get(step.pool) === 'disaster' && !isPoolReachable(state, step.backupPool))
      return [{ _tag: 'ConferenceContentNotRestored', severity: 'warning', pools: [step.pool, step.backupPool] }]
    return []
  })

/**
 * For each `CheckBackupService` step, a warning when the state records that direction as
 * unhealthy: the check would stop the plan, and the operator should know before starting.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const backupServiceWarnings = (state: State, steps: ReadonlyArray<Step>): ReadonlyArray<BackupServiceUnhealthy> =>
  steps.flatMap((step) => {
    if (step._tag !== 'CheckBackupService') return []
    const status = state.backupService.get(step.pool)
    if (status === undefined) return []
    const exportOk = status.exportState === undefined || status.exportState === 'SteadyState' || status.exportState === 'FinalState'
    const importOk = status.importState === undefined || status.importState === 'NormalState'
    if (exportOk && importOk) return []
    return [
      {
        _tag: 'BackupServiceUnhealthy',
        severity: 'advice',
        pools: [step.pool],
        ...(status.exportState === undefined ? {} : { exportState: status.exportState }),
        ...(status.importState === undefined ? {} : { importState: status.importState }),
      },
    ]
  })

/**
 * Losing `site` strands what its Edge pools carry when no Edge pool of another site is running to
 * take it: a `NoSurvivingEdgePool` naming the site's Edge pools that hold the federation route,
 * the XMPP route or the media of a pool outside the site, and those pools. Nothing when such an
 * Edge pool runs, or when the site's Edge pools carry nothing.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const noSurvivingEdgePool = (topology: Topology, state: State, site: SiteName): ReadonlyArray<NoSurvivingEdgePool> => {
  if (topology.edgePools.some((e) => e.site !== site && isEdgePoolReachable(state, e.fqdn))) return []
  const outside = (pool: PoolFqdn): boolean => topology.index.pools.get(pool)?.site !== site
  const stranded: Array<EdgePoolFqdn> = []
  const strandedPools: Array<PoolFqdn> = []
  for (const edge of topology.edgePools) {
    if (edge.site !== site) continue
    const media = mediaUsers(topology, state, edge.fqdn).filter(outside)
    if (state.federationEdgePool === edge.fqdn || state.xmppEdgePool === edge.fqdn || media.length > 0) {
      stranded.push(edge.fqdn)
      strandedPools.push(...media)
    }
  }
  return stranded.length === 0 ? [] : [{ _tag: 'NoSurvivingEdgePool', severity: 'warning', pools: strandedPools, site, edgePools: stranded }]
}

/**
 * The warnings a plan's intent implies in the state it starts in, beyond those of its steps: a
 * site failover warns `noSurvivingEdgePool`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const intentWarnings = (topology: Topology, state: State, intent: Intent): ReadonlyArray<Finding> =>
  intent._tag === 'SiteFailover' ? noSurvivingEdgePool(topology, state, intent.site) : []
