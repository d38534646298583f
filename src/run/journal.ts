/**
 * The journal of a run and the failures it records: plain, JSON-safe data (no `Error` objects,
 * no `undefined` fields, no functions), so it can be stored, diffed and fed back to `resumePlan`.
 *
 * Laws:
 * - `JSON.parse(JSON.stringify(journal))` deep-equals `journal`.
 * - `entries` has one entry per plan step, in plan order; the `succeeded` entries are a prefix,
 *   followed by at most one `failed` entry, then `notRun` entries.
 * - `outcome` is `completed` iff every entry succeeded; `aborted` has no `failed` entry; `failed`
 *   has exactly one, or carries `problems` (a refused plan: every entry `notRun`).
 *
 * @module
 */
import type { CheckMismatch } from '../plan/steps/definition.js'
export type { BackupServiceObservation, CentralManagementStoreObservation } from '../plan/step.js'
export type { CheckMismatch } from '../plan/steps/definition.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Violation } from '../model/problem.js'
import type { ObservationOf, StepTag } from '../plan/step.js'

// -------------------------------------------------------------------------------------
// failures
// -------------------------------------------------------------------------------------

/**
 * What a port (a step handler) reports when it could not do its job: the `Left` of every handler.
 *
 * @category errors
 * @since 0.1.0
 */
export interface PortFailure {
  /** Stable machine code. */
  readonly _tag: 'PortFailure'
  /** What went wrong, for people (the cmdlet's error message, say). */
  readonly message: string
  /** An optional machine code of the port's own (an exit code, an error id). */
  readonly code?: string
}

/**
 * A handler broke its contract: it threw, its task rejected, it resolved to something that is not
 * an `Either`, or there is no handler for the step's tag.
 *
 * @category errors
 * @since 0.1.0
 */
export interface HandlerThrew {
  /** Stable machine code. */
  readonly _tag: 'HandlerThrew'
  /** How the handler failed. */
  readonly reason: 'threw' | 'rejected' | 'notAnEither' | 'noHandler'
  /** What was thrown or returned, as text (never the value itself). */
  readonly message: string
}

/**
 * A handler did not settle within `stepTimeoutMs`; whatever it does later is ignored.
 *
 * @category errors
 * @since 0.1.0
 */
export interface StepTimedOut {
  /** Stable machine code. */
  readonly _tag: 'StepTimedOut'
  /** The time limit, in milliseconds. */
  readonly timeoutMs: number
  /** A sentence for people. */
  readonly message: string
}

/**
/**
 * The clock (`options.now`) answered with a promise that rejected or did not settle within the
 * step's time limit: the step fails. A clock that throws or answers something else than a string
 * only leaves the timestamp out.
 *
 * @category errors
 * @since 0.2.0
 */
export interface ClockFailed {
  /** Stable machine code. */
  readonly _tag: 'ClockFailed'
  /**
   * `start`: read before the handler, which was then not called; `finish`: read after the handler
   * answered, so the step's effect may have happened (check the deployment before resuming).
   */
  readonly when: 'start' | 'finish'
  /** What the clock rejected with, or that it did not answer in time, as text. */
  readonly message: string
}

/**
 * Why a step failed.
 *
 * @category errors
 * @since 0.1.0
 */
export type StepFailure = PortFailure | HandlerThrew | StepTimedOut | CheckMismatch | ClockFailed

// -------------------------------------------------------------------------------------
// observations
// -------------------------------------------------------------------------------------

/**
 * What a check step observed, as recorded in the journal: any check handler's observation.
 *
 * @category execution
 * @since 0.1.0
 */
export type Observed = Exclude<ObservationOf<StepTag>, undefined>

// -------------------------------------------------------------------------------------
// journal
// -------------------------------------------------------------------------------------

/**
 * What became of one step.
 *
 * @category execution
 * @since 0.1.0
 */
export type StepStatus = 'succeeded' | 'failed' | 'notRun'

/**
 * How a run ended: every step succeeded, a step failed (or the plan was refused), or the run was
 * aborted through `options.signal` before a step.
 *
 * @category execution
 * @since 0.1.0
 */
export type Outcome = 'completed' | 'failed' | 'aborted'

/**
 * One step of a run.
 *
 * @category execution
 * @since 0.1.0
 */
export interface JournalEntry {
  /** The step's id. */
  readonly stepId: string
  /** The step's tag. */
  readonly _tag: StepTag
  /** What became of it. */
  readonly status: StepStatus
  /** When its handler was called (from `options.now`), for steps that ran. */
  readonly startedAt?: string
  /** When its handler settled or timed out, for steps that ran. */
  readonly finishedAt?: string
  /** Why it failed, for a `failed` step. */
  readonly failure?: StepFailure
  /** What a check step observed, when its handler answered with an observation. */
  readonly observed?: Observed
}

/**
 * The record of one run of a plan: JSON-safe, one entry per plan step.
 *
 * @category execution
 * @since 0.1.0
 */
export interface Journal {
  /** The id of the plan that ran (as the plan states it). */
  readonly planId: string
  /** How the run ended. */
  readonly outcome: Outcome
  /** One entry per plan step, in plan order. */
  readonly entries: ReadonlyArray<JournalEntry>
  /**
   * Present only when the plan was refused before any handler was called (outcome `failed`, every
   * entry `notRun`): `PlanNotValidated` when the library did not return this plan object in this
   * process (pass it through `validatePlan` first), with what can be told about it: a
   * `PlanIdMismatch` when its id does not match its content, `InvalidInput` when it is not a
   * well-formed plan, `StepPreconditionFailed` (rule `DuplicateStepId`) when two steps share an id.
   * `resumePlan` refuses such a journal: nothing ran.
   */
  readonly problems?: RNEA.ReadonlyNonEmptyArray<Violation>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A port failure, for handlers to return in their `Left`.
 *
 * @example
 * import * as TE from 'fp-ts/lib/TaskEither.js'
 * import { portFailure, type StepHandler } from 'sfb-dr'
 *
 * portFailure('Invoke-CsPoolFailOver: access denied', 'E_ACCESSDENIED')
 * // => { _tag: 'PortFailure', message: 'Invoke-CsPoolFailOver: access denied', code: 'E_ACCESSDENIED' }
 * const refuse: StepHandler<'FailoverPool'> = (step) => TE.left(portFailure(`${step.pool}: access denied`, 'E_ACCESSDENIED'))
 *
 * @category execution
 * @since 0.1.0
 */
export const portFailure = (message: string, code?: string): PortFailure =>
  code === undefined ? { _tag: 'PortFailure', message } : { _tag: 'PortFailure', message, code }
