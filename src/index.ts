/**
 * sfb-dr — plan, validate, render and run Skype for Business Server pool failover and failback.
 *
 * Data flows one way: JSON documents are decoded (`decodeTopology`, `decodeState`) into an
 * immutable model; planners (`planFailover`, `planFailback`, `planMoveService`) turn a request into
 * a validated `Plan`; renderers (`renderPowerShell`, `renderRunbook`) and the executor
 * (`executePlan`, through handlers you inject) interpret the same plan.
 *
 * @module sfb-dr
 */

// model
export * from './model/identifiers.js'
export * from './model/topology.js'
export { UserDirectory, makeUserDirectory } from './model/userDirectory.js'
export * from './model/state.js'
export {
  DEFAULT_SYNC_INTERVAL,
  MAX_SYNC_INTERVAL_SECONDS,
  MIN_SYNC_INTERVAL_SECONDS,
  RPO_SECONDS,
  isAboveRpo,
  isSyncInterval,
  parseSyncInterval,
  syncIntervalSeconds,
  type BackupServiceConfiguration,
  type SyncInterval,
  type SyncIntervalBrand,
} from './model/syncInterval.js'
export { homePool, servingPool, usersServedBy } from './model/homing.js'
export * from './model/findings.js'
export * from './model/problem.js'
export * from './model/intent.js'
export * from './model/quorum.js'
export { auditTopology, auditPools } from './model/audit.js'

// assessing
export { assessPool, type PoolAssessment, type PoolQuorumStatus, type RunningRange } from './assess/assessPool.js'
export {
  assessBackupService,
  type BackupDirection,
  type BackupHealth,
  type BackupServiceAssessmentRequest,
  type BackupServiceFinding,
  type BackupServiceReport,
} from './assess/backupService.js'

// codecs
export * from './codec/index.js'

// planning
export type * from './plan/step.js'
export type * from './plan/plan.js'
export type { StepEntry } from './plan/steps/definition.js'
export { planFailover, type FailoverRequest } from './plan/planFailover.js'
export { planFailback, type FailbackRequest } from './plan/planFailback.js'
export { planMoveService, type MoveServiceRequest } from './plan/planMoveService.js'
export {
  planBackupSync,
  planConferenceContentRestore,
  planSyncInterval,
  SYNC_WAIT_SECONDS,
  type BackupSyncRequest,
  type ConferenceContentRestoreRequest,
  type SyncIntervalRequest,
} from './plan/planBackup.js'
export {
  planQuorumRecovery,
  planBackEndFailover,
  type QuorumRecoveryRequest,
  type BackEndFailoverRequest,
} from './plan/planHighAvailability.js'
export { planEdgeFailover, planEdgeFailback, type EdgeFailoverRequest, type EdgeFailbackRequest } from './plan/planEdge.js'
export { planSiteFailover, planSiteFailback, type SiteFailoverRequest, type SiteFailbackRequest } from './plan/planSite.js'

// assessment
export {
  estimateRecoveryTime,
  recoveryFigures,
  type EstimatedPlan,
  type EstimatedTopology,
  type RecoveryTimeEstimate,
  type StepEstimate,
} from './assess/recoveryTime.js'
export { validatePlan, applyPlan } from './plan/validatePlan.js'
export { decodePlan } from './plan/decodePlan.js'
export { applyStep, isStepTag } from './plan/catalog.js'
export { computePlanId, withPlanId, hasValidPlanId, type PlanContent } from './plan/planId.js'

// rendering (the sentences of problems, findings and intents first: bundlers keep the modules in this
// order, and next to the planners' and renderers' code their sentences gzip 0.6 KiB smaller)
export { formatProblem, formatFinding, formatIntent } from './model/formatProblem.js'
export { renderPowerShell } from './render/powershell.js'
export { renderRunbook, type RunbookOptions } from './render/runbook.js'
export { quotePowerShell, commentText, maxCommentLength, powerShellSingleQuotes } from './render/quote.js'
export { stepCommand, type StepCommand } from './render/commands.js'

// execution
export { executePlan } from './run/executePlan.js'
export { resumePlan } from './run/resumePlan.js'
export { decodeJournal } from './run/decodeJournal.js'
export { portFailure } from './run/journal.js'
export type * from './run/journal.js'
export type * from './run/handlers.js'
export type * from './run/events.js'
