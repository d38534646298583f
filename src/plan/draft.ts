/**
 * Step drafts: steps before the planner numbers them. Planners build drafts; `build.ts` gives
 * each its id (`<position>-<slug>`) once the whole plan is known, so ids stay unique and
 * deterministic even when a plan is made of parts.
 *
 * @module
 * @internal
 */
import type { EdgePoolFqdn, PoolFqdn } from '../model/identifiers.js'
import type { FailoverMode } from '../model/state.js'
import type { BackEnd } from '../model/topology.js'
import type { Step } from './step.js'

/** `Omit` applied to each member of a union, keeping it a discriminated union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * A step without its id.
 *
 * @category model
 * @since 0.1.0
 * @internal
 */
export type StepDraft = DistributiveOmit<Step, 'id'>

/**
 * Gives a draft its id.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const withStepId = (draft: StepDraft, id: string): Step => Object.assign({ _tag: draft._tag, id }, draft)

/**
 * Check the Backup Service of the direction `pool` → its partner.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const checkBackupService = (pool: PoolFqdn): StepDraft => ({ _tag: 'CheckBackupService', kind: 'check', pool })

/**
 * Fail the CMS over from `from` to `to`, whose Back End (and mirror, if any) receives it.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failoverCentralManagementStore = (
  from: PoolFqdn,
  to: PoolFqdn,
  backEnd: BackEnd,
  mode: FailoverMode,
): StepDraft => ({
  _tag: 'FailoverCentralManagementStore',
  kind: 'action',
  from,
  to,
  sqlServer: backEnd.sqlServer,
  instance: backEnd.instance,
  ...(backEnd.mirror === undefined
    ? {}
    : { mirrorSqlServer: backEnd.mirror.sqlServer, mirrorInstance: backEnd.mirror.instance }),
  mode,
})

/**
 * Check the CMS active master is `activeMaster`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const checkCentralManagementStore = (activeMaster: PoolFqdn): StepDraft => ({
  _tag: 'CheckCentralManagementStore',
  kind: 'check',
  activeMaster,
})

/**
 * Point `edgePool` at `nextHop`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const setEdgeNextHop = (edgePool: EdgePoolFqdn, nextHop: PoolFqdn): StepDraft => ({
  _tag: 'SetEdgeNextHop',
  kind: 'action',
  edgePool,
  nextHop,
})

/**
 * Fail over the users homed on `pool` onto `backupPool`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failoverPool = (pool: PoolFqdn, backupPool: PoolFqdn, mode: FailoverMode): StepDraft => ({
  _tag: 'FailoverPool',
  kind: 'action',
  pool,
  backupPool,
  disasterMode: mode === 'disaster',
})

/**
 * Fail back the users homed on `pool` from `backupPool`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failbackPool = (pool: PoolFqdn, backupPool: PoolFqdn, mode: FailoverMode): StepDraft => ({
  _tag: 'FailbackPool',
  kind: 'action',
  pool,
  backupPool,
  disasterMode: mode === 'disaster',
})
