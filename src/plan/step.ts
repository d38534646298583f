/**
 * Plan steps: tagged, JSON-safe records. Each tag is defined once, in the file of its family
 * (`steps/*.ts`: its fields, preconditions, transition and, for checks, how its observation is
 * judged); planners, `validatePlan`, `applyPlan`, the executor and the simulated handlers all use
 * those definitions.
 *
 * To add a step tag: add it to its family file (interface, entry in the family's `…Steps` map,
 * definition, draft constructor and, for a check, its entry in the family's `…Checks` record:
 * judge and simulator) and its rendering to the family's file in `render/steps/`. A new family is
 * one more member in {@link StepMap} and one spread in `catalog.ts` (and in `checks.ts` if it has
 * checks) and in `render/steps/index.ts`.
 *
 * @module
 */
import type { BackEndSteps } from './steps/backEnd.js'
import type { BackupServiceSteps } from './steps/backupService.js'
import type { CmsSteps } from './steps/cms.js'
import type { EdgeSteps } from './steps/edge.js'
import type { PoolSteps } from './steps/pool.js'
import type { RegistrarSteps } from './steps/registrar.js'

export type {
  BackupServiceObservation,
  CheckBackupService,
  SetBackupServiceSyncInterval,
  SyncBackupService,
} from './steps/backupService.js'
export type { CentralManagementStoreObservation, CheckCentralManagementStore, FailoverCentralManagementStore } from './steps/cms.js'
export type { AssociateEdgePool, MoveFederationRoute, SetEdgeNextHop, SetXmppFederationRoute, UpdateXmppDns } from './steps/edge.js'
export type { FailbackPool, FailoverPool } from './steps/pool.js'
export type { ResetPoolRegistrarState } from './steps/registrar.js'
export type { CheckDatabaseMirrorState, DatabaseMirrorObservation, FailoverDatabase } from './steps/backEnd.js'

/**
 * Whether a step only reads (`check`), changes the deployment (`action`) or needs a person
 * (`manual`).
 *
 * @category model
 * @since 0.1.0
 */
export type StepKind = 'check' | 'action' | 'manual'

/**
 * Every step tag, with its step type and what its handler answers: the union of the families'
 * maps.
 *
 * @category model
 * @since 0.2.0
 */
export interface StepMap extends BackEndSteps, BackupServiceSteps, CmsSteps, EdgeSteps, PoolSteps, RegistrarSteps {}

/**
 * Every step tag.
 *
 * @category model
 * @since 0.1.0
 */
export type StepTag = keyof StepMap

/**
 * Any plan step.
 *
 * @category model
 * @since 0.1.0
 */
export type Step = StepMap[StepTag]['step']

/**
 * The step with tag `K`.
 *
 * @category model
 * @since 0.1.0
 */
export type StepOf<K extends StepTag> = StepMap[K]['step']

/**
 * What the handler of tag `K` answers with: checks their observation, actions and manual steps
 * `undefined`.
 *
 * @category execution
 * @since 0.1.0
 */
export type ObservationOf<K extends StepTag> = StepMap[K]['observation']
