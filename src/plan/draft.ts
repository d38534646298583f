/**
 * Step drafts: steps before the planner numbers them. Planners build drafts with the family
 * files' constructors; `build.ts` gives each its id (`<position>-<slug>`) once the whole plan is
 * known, so ids stay unique and deterministic even when a plan is made of parts.
 *
 * @module
 * @internal
 */
import type { Step } from './step.js'

export { checkBackupService, setBackupServiceSyncInterval, syncBackupService } from './steps/backupService.js'
export { checkCentralManagementStore, failoverCentralManagementStore } from './steps/cms.js'
export { associateEdgePool, moveFederationRoute, setEdgeNextHop, setXmppFederationRoute, updateXmppDns } from './steps/edge.js'
export { failbackPool, failoverPool } from './steps/pool.js'
export { resetPoolRegistrarState } from './steps/registrar.js'
export { checkDatabaseMirrorState, failoverDatabase } from './steps/backEnd.js'

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
