/**
 * The Backup Service family: checking that a direction `pool` → its partner replicates
 * (`Get-CsBackupServiceStatus`), forcing a sync of it (`Invoke-CsBackupServiceSync`) and setting
 * the global sync interval (`Set-CsBackupServiceConfiguration -SyncInterval`).
 *
 * `Invoke-CsBackupServiceSync -PoolFqdn` names the SOURCE whose data is pushed to its partner
 * (office-docs-powershell `Invoke-CsBackupServiceSync`: "synchronize the data between a Registrar
 * pool and its backup pool"; OfficeDocs-SkypeForBusiness
 * `restoring-conference-contents-using-the-backup-service.md` runs it against the pool that still
 * has the data). A sync changes no recorded state: what the state records about a direction (a
 * backlog, say) stays until it is observed otherwise, so a check after a sync judges what a
 * deployment reports, not what the plan hopes for.
 *
 * Which modules a check reads (contract §5.1, domain-facts §1.8): without a module, the user-data
 * modules (`-Category UserData`: `UserServices.PresenceFocus`, `ConfServices.DataConf`), never
 * `CentralMgmt.CMSMaster`, which exports `NotInitialized` on every pool that does not hold the
 * active CMS master (and RGS modules start `NotInitialized` after RGS backup is enabled), so a
 * healthy pool passes. With a module, that module only, under its category.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeFound } from '../../model/found.js'
import type { PoolFqdn } from '../../model/identifiers.js'
import { backupModules, isPoolReachable, type BackupModule } from '../../model/state.js'
import type { SyncInterval } from '../../model/syncInterval.js'
import { ownField } from '../input.js'
import { broken, checkMismatch, unchanged, when, type StepChecks, type StepFamily, type StepEntry } from './definition.js'
import { fqdn, oneOf, optional, syncInterval, wholeNumber } from './fields.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Verify the Backup Service of the direction `pool` → its partner is healthy
 * (`Get-CsBackupServiceStatus -PoolFqdn`): every module judged exports `SteadyState` or
 * `FinalState` and imports `NormalState`.
 *
 * @category model
 * @since 0.1.0
 */
export interface CheckBackupService {
  /** Discriminant. */
  readonly _tag: 'CheckBackupService'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `check`. */
  readonly kind: 'check'
  /** Source pool of the direction checked. */
  readonly pool: PoolFqdn
  /** The one module judged; without it, the user-data modules (`-Category UserData`). */
  readonly module?: BackupModule
  /** Poll until healthy for at most this many seconds (after a sync); without it, read once. */
  readonly waitSeconds?: number
}

/**
 * Push `pool`'s data to its partner now (`Invoke-CsBackupServiceSync -PoolFqdn`, with
 * `-BackupModule` when `module` is given): every module, or that one.
 *
 * @category model
 * @since 0.2.0
 */
export interface SyncBackupService {
  /** Discriminant. */
  readonly _tag: 'SyncBackupService'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The SOURCE pool, whose data is pushed to its partner (`-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** The one module synced (`-BackupModule`); without it, all of them. */
  readonly module?: BackupModule
}

/**
 * Set the global Backup Service sync interval (`Set-CsBackupServiceConfiguration -Identity
 * 'global' -SyncInterval`).
 *
 * @category model
 * @since 0.2.0
 */
export interface SetBackupServiceSyncInterval {
  /** Discriminant. */
  readonly _tag: 'SetBackupServiceSyncInterval'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The new interval, `hh:mm:ss` from `00:00:05` to `03:00:00`. */
  readonly interval: SyncInterval
}

/**
 * What `Get-CsBackupServiceStatus -PoolFqdn` reported for the modules a check judges, summed up:
 * the worst export and import states (a port reading several modules reports the first
 * unhealthy one).
 *
 * @category execution
 * @since 0.1.0
 */
export interface BackupServiceObservation {
  /** Export state as reported (`FinalState`, `SteadyState`, `NonSteadyState`, …). */
  readonly exportState: string
  /** Import state as reported (`NormalState`, `ErrorState`). */
  readonly importState: string
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupServiceSteps {
  /** `Get-CsBackupServiceStatus`. */
  readonly CheckBackupService: StepEntry<CheckBackupService, BackupServiceObservation>
  /** `Invoke-CsBackupServiceSync`. */
  readonly SyncBackupService: StepEntry<SyncBackupService, undefined>
  /** `Set-CsBackupServiceConfiguration -SyncInterval`. */
  readonly SetBackupServiceSyncInterval: StepEntry<SetBackupServiceSyncInterval, undefined>
}

/**
 * The longest a check may poll: three hours, the longest sync interval Microsoft allows.
 *
 * @category model
 * @since 0.2.0
 */
export const MAX_WAIT_SECONDS = 10_800

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

const EXPECTED_BACKUP = 'export SteadyState or FinalState, import NormalState'

/**
 * The modules a check judges: its module, or the user-data modules.
 *
 * @category operations
 * @since 0.2.0
 */
export const modulesChecked = (step: Pick<CheckBackupService, 'module'>): ReadonlyArray<BackupModule> =>
  step.module === undefined ? ['UserServices.PresenceFocus', 'ConfServices.DataConf'] : [step.module]

/**
 * The definitions of the Backup Service family.
 *
 * @category model
 * @since 0.2.0
 */
export const backupServiceSteps: StepFamily<keyof BackupServiceSteps> = {
  CheckBackupService: {
    kind: 'check',
    slug: 'check-backup-service',
    fields: { pool: fqdn, module: optional(oneOf(...backupModules)), waitSeconds: optional(wholeNumber(1, MAX_WAIT_SECONDS)) },
    pools: (step) => [step.pool],
    preconditions: (topology, state, { pool }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [
            ...when(!topology.index.partners.has(pool), 'PoolHasBackup', pool),
            ...when(!isPoolReachable(state, pool), 'PoolReachableForCheck', pool),
          ],
    transition: unchanged,
  },
  SyncBackupService: {
    kind: 'action',
    slug: 'sync-backup-service',
    fields: { pool: fqdn, module: optional(oneOf(...backupModules)) },
    pools: (step) => [step.pool],
    // The source pushes to its partner: both must be up (Invoke-CsBackupServiceSync synchronizes
    // "a Registrar pool and its backup pool").
    preconditions: (topology, state, { pool }) => {
      if (!topology.index.pools.has(pool)) return [broken('UnknownPool', pool)]
      const partner = topology.index.partners.get(pool)
      if (partner === undefined) return [broken('PoolHasBackup', pool)]
      return [
        ...when(!isPoolReachable(state, pool), 'PoolReachableForSync', pool),
        ...when(!isPoolReachable(state, partner), 'PartnerReachableForSync', partner),
      ]
    },
    // No recorded state changes: a recorded backlog stays until a check observes otherwise.
    transition: unchanged,
  },
  SetBackupServiceSyncInterval: {
    kind: 'action',
    slug: 'set-backup-service-sync-interval',
    fields: { interval: syncInterval },
    pools: () => [],
    preconditions: () => [],
    transition: (_topology, state, { interval }) =>
      state.backupServiceConfiguration.syncInterval === interval
        ? state
        : { ...state, backupServiceConfiguration: { ...state.backupServiceConfiguration, syncInterval: interval } },
  },
}

/**
 * How the checks of this family are judged (`executePlan`) and simulated (`simulatedHandlers`).
 *
 * @category model
 * @since 0.2.0
 */
export const backupServiceChecks: StepChecks<'CheckBackupService'> = {
  CheckBackupService: {
    // Accepted iff the export state is SteadyState or FinalState and the import state
    // NormalState (letter case ignored).
    judge: (step, observation) => {
      const exportState = ownField(observation, 'exportState')
      const importState = ownField(observation, 'importState')
      if (typeof exportState !== 'string' || typeof importState !== 'string')
        return E.left({
          mismatch: checkMismatch(
            EXPECTED_BACKUP,
            describeFound(observation),
            'The handler did not report the Backup Service states (an object with exportState and importState strings).',
          ),
        })
      const observed = { exportState, importState }
      const exportOk = ['steadystate', 'finalstate'].includes(exportState.trim().toLowerCase())
      const importOk = importState.trim().toLowerCase() === 'normalstate'
      if (exportOk && importOk) return E.right(observed)
      return E.left({
        mismatch: checkMismatch(
          EXPECTED_BACKUP,
          `export ${exportState}, import ${importState}`,
          `The Backup Service of ${String(step.pool)} (${modulesChecked(step).join(', ')}) is not healthy (export ${exportState}, import ${importState}): a backlog lengthens a planned failover, and a disaster would lose what has not been replicated.`,
        ),
        observed,
      })
    },
    observe: (_topology, state, step) => {
      if (!isPoolReachable(state, step.pool))
        return E.left({ code: 'PoolUnreachable', message: `Cannot reach ${step.pool} to read its Backup Service status.` })
      const entry = state.backupService.get(step.pool)
      return E.right({
        exportState: entry?.exportState ?? 'SteadyState',
        importState: entry?.importState ?? 'NormalState',
      })
    },
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Check the Backup Service of the direction `pool` → its partner (the user-data modules, or
 * `module` alone; polling for `waitSeconds` when given).
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const checkBackupService = (
  pool: PoolFqdn,
  options: { readonly module?: BackupModule; readonly waitSeconds?: number } = {},
): Omit<CheckBackupService, 'id'> => ({
  _tag: 'CheckBackupService',
  kind: 'check',
  pool,
  ...(options.module === undefined ? {} : { module: options.module }),
  ...(options.waitSeconds === undefined ? {} : { waitSeconds: options.waitSeconds }),
})

/**
 * Push `pool`'s data (all modules, or `module`) to its partner now.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const syncBackupService = (pool: PoolFqdn, module?: BackupModule): Omit<SyncBackupService, 'id'> => ({
  _tag: 'SyncBackupService',
  kind: 'action',
  pool,
  ...(module === undefined ? {} : { module }),
})

/**
 * Set the global Backup Service sync interval.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const setBackupServiceSyncInterval = (interval: SyncInterval): Omit<SetBackupServiceSyncInterval, 'id'> => ({
  _tag: 'SetBackupServiceSyncInterval',
  kind: 'action',
  interval,
})
