/**
 * The Backup Service planners (contract §8): force a sync of a direction, restore a pool's
 * conference content from its partner, set the global sync interval.
 *
 * Sources: office-docs-powershell `Invoke-CsBackupServiceSync` (-PoolFqdn, -BackupModule and its
 * five modules), `Set-CsBackupServiceConfiguration` (-SyncInterval 00:00:05–03:00:00);
 * OfficeDocs-SkypeForBusiness `restoring-conference-contents-using-the-backup-service.md` (Pool1
 * lost its conference content: `Invoke-CsBackupServiceSync -PoolFqdn <Pool2 FQDN> -BackupModule
 * ConfServices.DataConf`, then wait until the DataConf module reports a steady state).
 *
 * Laws:
 * - `planBackupSync` syncs `pool` and then waits for that direction and module (1800 s).
 * - `planConferenceContentRestore(…, { pool })` never syncs FROM `pool`: the content comes back
 *   from its partner, which still has it.
 * - `planSyncInterval` records the interval (`applyPlan`); above 00:05:00 it warns
 *   `SyncIntervalAboveRpo`.
 * - Every plan returned validates with `validatePlan` in the state it was made for.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import * as RA from 'fp-ts/lib/ReadonlyArray.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { Violation } from '../model/problem.js'
import { backupModules, isBackupModule, isPoolReachable, type BackupModule, type State } from '../model/state.js'
import { parseSyncInterval } from '../model/syncInterval.js'
import type { Topology } from '../model/topology.js'
import { buildPlan, validated } from './build.js'
import { checkBackupService, setBackupServiceSyncInterval, syncBackupService, type StepDraft } from './draft.js'
import { guardDeployment, invalidInput, ownField, parsePoolField } from './input.js'
import type { Plan } from './plan.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A Backup Service sync request, as a person or a portal types it.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackupSyncRequest {
  /** The SOURCE pool whose data is pushed to its partner (`-PoolFqdn`). */
  readonly pool: string
  /** One module (`-BackupModule`), spelled as Microsoft lists it; without it, every module. */
  readonly module?: string
}

/**
 * A conference content restore request.
 *
 * @category model
 * @since 0.2.0
 */
export interface ConferenceContentRestoreRequest {
  /** The pool that LOST its conference content; it is copied back from its partner. */
  readonly pool: string
}

/**
 * A sync interval request.
 *
 * @category model
 * @since 0.2.0
 */
export interface SyncIntervalRequest {
  /** The new interval, `hh:mm:ss` from `00:00:05` to `03:00:00`. */
  readonly interval: string
}

/**
 * How long a check that follows a sync waits for the direction to catch up: 30 minutes (contract
 * §5.1). Restoring conference content "may take some time, depending on their size"
 * (restoring-conference-contents-using-the-backup-service.md).
 *
 * @category model
 * @since 0.2.0
 */
export const SYNC_WAIT_SECONDS = 1800

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

type Result<A> = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A>

/** The optional `module` of a request: `none` when absent, `InvalidInput` unless one of the five. */
const parseModuleField = (request: unknown): E.Either<Violation, O.Option<BackupModule>> => {
  const raw = ownField(request, 'module')
  if (raw === undefined) return E.right(O.none)
  return isBackupModule(raw)
    ? E.right(O.some(raw))
    : E.left(invalidInput('module', `one of ${backupModules.map((m) => JSON.stringify(m)).join(', ')}`, raw))
}

/**
 * A sync of `source` (`module`) followed by a check of that direction and module that waits for
 * it to catch up.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const syncAndCheck = (source: PoolFqdn, module: BackupModule | undefined): readonly [StepDraft, StepDraft] => [
  syncBackupService(source, module),
  checkBackupService(source, { ...(module === undefined ? {} : { module }), waitSeconds: SYNC_WAIT_SECONDS }),
]

/**
 * The conference content restore of the users homed on `pool` from `source`, the partner that
 * still has it: sync `ConfServices.DataConf` from `source`, then wait for that module to be steady
 * (restoring-conference-contents-using-the-backup-service.md).
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const conferenceContentRestore = (source: PoolFqdn): readonly [StepDraft, StepDraft] =>
  syncAndCheck(source, 'ConfServices.DataConf')

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans a forced Backup Service sync of the direction `pool` → its partner
 * (`Invoke-CsBackupServiceSync`), then a check that waits up to 30 minutes for that direction to
 * report a steady state.
 *
 * **When to use**
 *
 * Before a planned failover, when `assessBackupService` reports a direction lagging or in backlog;
 * after re-pairing pools; whenever the partner must have `pool`'s latest data now instead of at
 * the next sync interval.
 *
 * **Details**
 *
 * `pool` is the SOURCE: `-PoolFqdn` names the pool whose data is pushed to its partner. With
 * `module` (`UserServices.PresenceFocus`, `ConfServices.DataConf`, `CentralMgmt.CMSMaster`,
 * `ApplicationServer.RGSDataStore`, `ApplicationServer.RGSFileStore`, as office-docs-powershell
 * lists them) only that module is synced and checked; without it, every module is synced and the
 * check reads the user-data modules. The sync copies only what is needed
 * (`Invoke-CsBackupServiceSync`).
 *
 * **Gotchas**
 *
 * A sync changes no recorded state: if the state records a backlog for the direction, the plan
 * carries a `BackupServiceUnhealthy` warning and a simulated run fails at the check — a real run
 * passes only when the deployment reports the direction healthy again. Refusals, all reported at
 * once: `InvalidInput` (pool or module), `UnknownPool`, `NoBackupPool`, `SourcePoolUnreachable`,
 * `BackupPoolUnreachable`.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planBackupSync } from 'sfb-dr'
 *
 * pipe(planBackupSync(contoso, healthy, { pool: 'pool1.contoso.com', module: 'ConfServices.DataConf' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['SyncBackupService', 'CheckBackupService'])
 *
 * @see {@link assessBackupService} to find the directions that need it.
 * @category planning
 * @since 0.2.0
 */
export const planBackupSync = (
  topology: Topology,
  state: State,
  request: BackupSyncRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? backupSync(topology, state, request)

const backupSync = (topology: Topology, state: State, request: BackupSyncRequest): Result<Plan> => {
  const pool = parsePoolField(topology, request, 'pool')
  const module = parseModuleField(request)
  if (E.isLeft(pool)) return E.left(E.isLeft(module) ? [pool.left, module.left] : [pool.left])
  const source = pool.right
  const partner = topology.index.partners.get(source)
  const pairRefusals: ReadonlyArray<Violation> =
    partner === undefined
      ? [{ _tag: 'NoBackupPool', pool: source }]
      : [
          ...(isPoolReachable(state, source) ? [] : [{ _tag: 'SourcePoolUnreachable', pool: source } as const]),
          ...(isPoolReachable(state, partner) ? [] : [{ _tag: 'BackupPoolUnreachable', pool: source, backupPool: partner } as const]),
        ]
  if (E.isLeft(module)) return E.left([module.left, ...pairRefusals])
  if (RA.isNonEmpty(pairRefusals)) return E.left(pairRefusals)
  const chosen = O.toUndefined(module.right)
  return buildPlan(topology, state, {
    intent: { _tag: 'BackupSync', pool: source, ...(chosen === undefined ? {} : { module: chosen }) },
    drafts: syncAndCheck(source, chosen),
  })
}

/**
 * Plans the restore of the conference content `pool` lost, from its partner: a sync of
 * `ConfServices.DataConf` run against the PARTNER (which still has the data), then a check of
 * that module on the partner that waits up to 30 minutes.
 *
 * **When to use**
 *
 * The file store of `pool` lost its conference content (PowerPoint uploads, whiteboards): "you
 * must restore this information so that users homed on the pool retain their conference data"
 * (restoring-conference-contents-using-the-backup-service.md). A failback after a disaster
 * failover includes these steps by itself (`planFailback`).
 *
 * **Details**
 *
 * Microsoft's procedure: Pool1 lost its content, Pool2 is its partner —
 * `Invoke-CsBackupServiceSync -PoolFqdn <Pool2 FQDN> -BackupModule ConfServices.DataConf`, then
 * wait until the DataConf module reports a steady state. The sync never runs from `pool`: that
 * would push the loss over the partner's copy.
 *
 * **Gotchas**
 *
 * Refusals, all reported at once: `InvalidInput`, `UnknownPool`, `NoBackupPool`,
 * `SourcePoolUnreachable` (the partner, which holds the content), `HomePoolUnreachable` (`pool`,
 * which receives it).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planConferenceContentRestore } from 'sfb-dr'
 *
 * pipe(planConferenceContentRestore(contoso, pool1FailedOver, { pool: 'pool1.contoso.com' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['SyncBackupService', 'CheckBackupService']): syncs from pool2.contoso.com, the partner
 *
 * @category planning
 * @since 0.2.0
 */
export const planConferenceContentRestore = (
  topology: Topology,
  state: State,
  request: ConferenceContentRestoreRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => guardDeployment(topology, state) ?? contentRestore(topology, state, request)

const contentRestore = (topology: Topology, state: State, request: ConferenceContentRestoreRequest): Result<Plan> => {
  const parsed = parsePoolField(topology, request, 'pool')
  if (E.isLeft(parsed)) return E.left([parsed.left])
  const pool = parsed.right
  const partner = topology.index.partners.get(pool)
  if (partner === undefined) return E.left([{ _tag: 'NoBackupPool', pool }])
  const refusals: Array<Violation> = []
  if (!isPoolReachable(state, partner)) refusals.push({ _tag: 'SourcePoolUnreachable', pool: partner })
  if (!isPoolReachable(state, pool)) refusals.push({ _tag: 'HomePoolUnreachable', pool })
  return E.chain(() =>
    buildPlan(topology, state, {
      intent: { _tag: 'ConferenceContentRestore', pool },
      drafts: conferenceContentRestore(partner),
    }),
  )(validated(refusals, undefined))
}

/**
 * Plans setting the global Backup Service sync interval (`Set-CsBackupServiceConfiguration
 * -Identity 'global' -SyncInterval`).
 *
 * **When to use**
 *
 * Rarely: "you should not do so unless it is absolutely necessary, as the sync interval has a
 * great impact on the Backup Service performance and the recovery point objective (RPO)"
 * (configuring-and-monitoring-the-backup-service.md). The setting is global: every pool pair
 * syncs on the same schedule.
 *
 * **Details**
 *
 * `interval` is `hh:mm:ss` from `00:00:05` to `03:00:00` (office-docs-powershell
 * `Set-CsBackupServiceConfiguration`); the default is `00:02:00`. Above `00:05:00` the plan warns
 * `SyncIntervalAboveRpo`: changes may then wait longer than Microsoft's 5-minute RPO. `applyPlan`
 * records the new interval in the state.
 *
 * **Gotchas**
 *
 * Refusals: `InvalidInput` when `interval` is not `hh:mm:ss` within the bounds (`0:02:00`,
 * `120` or `00:00:04` are refused).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planSyncInterval } from 'sfb-dr'
 *
 * pipe(planSyncInterval(contoso, healthy, { interval: '00:03:00' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['SetBackupServiceSyncInterval'])
 * pipe(planSyncInterval(contoso, healthy, { interval: '00:00:03' }), E.mapLeft((problems) => problems.map((p) => p._tag)))
 * // => left(['InvalidInput']): below 5 seconds
 *
 * @category planning
 * @since 0.2.0
 */
export const planSyncInterval = (
  topology: Topology,
  state: State,
  request: SyncIntervalRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? syncInterval(topology, state, request)

const syncInterval = (topology: Topology, state: State, request: SyncIntervalRequest): Result<Plan> => {
  const raw = ownField(request, 'interval')
  const interval = parseSyncInterval(raw)
  if (O.isNone(interval))
    return E.left([invalidInput('interval', 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"', raw)])
  return buildPlan(topology, state, {
    intent: { _tag: 'SetSyncInterval', interval: interval.value },
    drafts: [setBackupServiceSyncInterval(interval.value)],
  })
}
