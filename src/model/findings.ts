/**
 * Findings: things that work but that Microsoft does not support or advises against, reported by
 * `auditTopology` and repeated as plan warnings when they touch a plan's pools.
 *
 * @module
 */
import type { EdgePoolFqdn, PoolFqdn, SiteName } from './identifiers.js'

/**
 * How serious a finding is: `warning` (data or service is lost: shown first), `unsupported`
 * (Microsoft does not support it) or `advice`.
 *
 * @category model
 * @since 0.1.0
 */
export type Severity = 'warning' | 'unsupported' | 'advice'

/**
 * The order findings are shown in: `warning` first, then `unsupported`, then `advice`.
 *
 * @category model
 * @since 0.2.0
 */
export const severityRank: { readonly [S in Severity]: number } = { warning: 0, unsupported: 1, advice: 2 }

/**
 * The tags of the topology findings of `auditTopology`.
 *
 * @category model
 * @since 0.1.0
 */
export type TopologyFindingTag =
  | 'PairingEditionMismatch'
  | 'PairingHostingMismatch'
  | 'PairingOsMismatch'
  | 'PairingVersionMismatch'
  | 'PairedPoolsSameSite'
  | 'BackEndHaMismatch'
  | 'MirroringOn2019'
  | 'TwoFrontEndEnterprisePool2019'
  | 'TooManyFrontEnds'
  | 'UnpairedPool'

/**
 * A supported-but-unwise (or unsupported) topology property.
 *
 * @category model
 * @since 0.1.0
 */
export interface TopologyFinding {
  /** Stable machine code. */
  readonly _tag: TopologyFindingTag
  /** How serious it is. */
  readonly severity: Severity
  /** The pools involved. */
  readonly pools: ReadonlyArray<PoolFqdn>
}

/**
 * A disaster-mode plan may lose what changed since the last Backup Service sync of the direction
 * concerned (`lastSyncAt`, when known).
 *
 * @category model
 * @since 0.1.0
 */
export interface PossibleDataLoss {
  /** Stable machine code. */
  readonly _tag: 'PossibleDataLoss'
  /** Always `warning`: data is lost (the plan is still the only way to restore service). */
  readonly severity: Severity
  /** The source pool of the direction whose unsynced data may be lost, then its partner. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** The last known sync of that direction, if the state records one. */
  readonly lastSyncAt?: string
  /**
   * `failback` when a disaster-mode failback loses what the failed-over users created on the
   * backup pool since its last sync; absent for a failover.
   */
  readonly operation?: 'failback'
}

/**
 * After a failback, an Edge pool still forwards to the backup pool; restore its next hop when
 * convenient (`Set-CsEdgeServer`).
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgeNextHopNotRestored {
  /** Stable machine code. */
  readonly _tag: 'EdgeNextHopNotRestored'
  /** Always `advice`. */
  readonly severity: Severity
  /** The backup pool the Edge pool points at, then the home pool it could point at again. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** The Edge pool concerned. */
  readonly edgePool: EdgePoolFqdn
  /** Its next hop as configured in the topology. */
  readonly configuredNextHop: PoolFqdn
}

/**
 * The state records the Backup Service of a direction a plan checks as unhealthy (export not
 * `SteadyState`/`FinalState`, or import not `NormalState`): the plan's `CheckBackupService` step
 * will likely stop it. Resynchronize first (`Invoke-CsBackupServiceSync`), or accept the data loss
 * of disaster mode.
 *
 * @category model
 * @since 0.1.0
 */
export interface BackupServiceUnhealthy {
  /** Stable machine code. */
  readonly _tag: 'BackupServiceUnhealthy'
  /** Always `advice`. */
  readonly severity: Severity
  /** The source pool of the direction. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** The recorded export state, if any. */
  readonly exportState?: string
  /** The recorded import state, if any. */
  readonly importState?: string
}

/**
 * The last recorded sync of a direction is more than 5 minutes (Microsoft's RPO for a pool
 * failover) older than the caller's `now`: a disaster now would lose more than the RPO promises.
 * Reported by `assessBackupService`.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupServiceLagging {
  /** Stable machine code. */
  readonly _tag: 'BackupServiceLagging'
  /** Always `warning`: data is at risk. */
  readonly severity: Severity
  /** The source pool of the direction, then its partner. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** Whole seconds since the last recorded sync. */
  readonly lagSeconds: number
}

/**
 * The global sync interval exceeds 00:05:00, Microsoft's 5-minute RPO: changes may wait longer
 * than the RPO before they are replicated.
 *
 * @category model
 * @since 0.2.0
 */
export interface SyncIntervalAboveRpo {
  /** Stable machine code. */
  readonly _tag: 'SyncIntervalAboveRpo'
  /** Always `advice`: Microsoft allows up to 03:00:00, at the cost of the RPO. */
  readonly severity: Severity
  /** Always empty: the setting is global. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** The interval, `hh:mm:ss`. */
  readonly interval: string
}

/**
 * A failback after a disaster failover cannot copy the users' conference content back from the
 * backup pool, which is unreachable: restore it once the backup pool is back
 * (`planConferenceContentRestore`).
 *
 * @category model
 * @since 0.2.0
 */
export interface ConferenceContentNotRestored {
  /** Stable machine code. */
  readonly _tag: 'ConferenceContentNotRestored'
  /** Always `warning`: the users' conference content is missing until restored. */
  readonly severity: Severity
  /** The home pool, then its backup pool. */
  readonly pools: ReadonlyArray<PoolFqdn>
}

/**
 * A site failover finds no running Edge pool in another site to take over what the site's Edge
 * pools carry (federation, XMPP federation, media of running pools elsewhere): external access,
 * federation or conferencing media through them stays down until an Edge pool is restored.
 *
 * @category model
 * @since 0.2.0
 */
export interface NoSurvivingEdgePool {
  /** Stable machine code. */
  readonly _tag: 'NoSurvivingEdgePool'
  /** Always `warning`: service is lost. */
  readonly severity: Severity
  /** The running Front End pools elsewhere whose media stays on the site's Edge pools. */
  readonly pools: ReadonlyArray<PoolFqdn>
  /** The site failed over. */
  readonly site: SiteName
  /** The site's Edge pools that still carry something. */
  readonly edgePools: ReadonlyArray<EdgePoolFqdn>
}

/**
 * Any finding: topology findings, the warnings plans add and those of `assessBackupService`.
 *
 * @category model
 * @since 0.1.0
 */
export type Finding =
  | TopologyFinding
  | PossibleDataLoss
  | EdgeNextHopNotRestored
  | BackupServiceUnhealthy
  | BackupServiceLagging
  | SyncIntervalAboveRpo
  | ConferenceContentNotRestored
  | NoSurvivingEdgePool
