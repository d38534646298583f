/**
 * Progress events of `executePlan` and its options.
 *
 * Laws:
 * - For each step that runs: `StepStarted`, then exactly one of `StepSucceeded` / `StepFailed`;
 *   steps in plan order; `PlanFinished` last, exactly once, also for a refused or aborted run.
 * - Every step event carries the step's `stepId` and `stepTag` at the top level.
 * - Events are deep-frozen copies: a listener cannot change the run, the journal `executePlan`
 *   resolves with, or what later listeners see.
 *
 * @module
 */
import type { StepTag } from '../plan/step.js'
import type { Journal, JournalEntry } from './journal.js'

/**
 * A step's handler is about to be called.
 *
 * @category execution
 * @since 0.1.0
 */
export interface StepStarted {
  /** Discriminant. */
  readonly _tag: 'StepStarted'
  /** The plan's id. */
  readonly planId: string
  /** 0-based position of the step. */
  readonly index: number
  /** The step's id. */
  readonly stepId: string
  /** The step's tag. */
  readonly stepTag: StepTag
  /** The clock reading, when the clock gave one. */
  readonly at?: string
}

/**
 * A step succeeded.
 *
 * @category execution
 * @since 0.1.0
 */
export interface StepSucceeded {
  /** Discriminant. */
  readonly _tag: 'StepSucceeded'
  /** The plan's id. */
  readonly planId: string
  /** 0-based position of the step. */
  readonly index: number
  /** The step's id (also in `entry`). Since 0.2.0. */
  readonly stepId: string
  /** The step's tag (also in `entry`). Since 0.2.0. */
  readonly stepTag: StepTag
  /** Its journal entry. */
  readonly entry: JournalEntry
}

/**
 * A step failed; no later step will run.
 *
 * @category execution
 * @since 0.1.0
 */
export interface StepFailed {
  /** Discriminant. */
  readonly _tag: 'StepFailed'
  /** The plan's id. */
  readonly planId: string
  /** 0-based position of the step. */
  readonly index: number
  /** The step's id (also in `entry`). Since 0.2.0. */
  readonly stepId: string
  /** The step's tag (also in `entry`). Since 0.2.0. */
  readonly stepTag: StepTag
  /** Its journal entry, with the failure. */
  readonly entry: JournalEntry
}

/**
 * The run is over (completed, failed, aborted or refused).
 *
 * @category execution
 * @since 0.1.0
 */
export interface PlanFinished {
  /** Discriminant. */
  readonly _tag: 'PlanFinished'
  /** The plan's id. */
  readonly planId: string
  /** The journal `executePlan` resolves with. */
  readonly journal: Journal
}

/**
 * A progress event of `executePlan`.
 *
 * @category execution
 * @since 0.1.0
 */
export type ExecutionEvent = StepStarted | StepSucceeded | StepFailed | PlanFinished

/**
 * Options of `executePlan`.
 *
 * @category execution
 * @since 0.1.0
 */
export interface ExecuteOptions {
  /**
   * The clock, read when a step starts and when it ends; ISO 8601 strings are expected. Default:
   * `() => new Date().toISOString()`. A clock that throws or answers a non-string leaves the
   * timestamp out. A clock may answer with a promise (a remote time source): it is awaited within
   * `stepTimeoutMs`, and one that rejects or does not answer in time fails the step
   * (`ClockFailed`; read at the start, the handler is then not called).
   */
  readonly now?: () => string | PromiseLike<string>
  /** Progress events; a listener that throws or rejects is ignored and never breaks the run. */
  readonly onEvent?: (event: ExecutionEvent) => void
  /**
   * Checked before each step: once `aborted` is `true`, no further step runs and the outcome is
   * `aborted`. An `AbortSignal` fits; the running step is not interrupted.
   */
  readonly signal?: {
    /** Whether to stop before the next step. */
    readonly aborted: boolean
  }
  /**
   * Time limit per step, in milliseconds: a positive finite number. Absent — the default — or
   * anything else (`0`, a negative number, `NaN`, `Infinity`) means no limit: a handler may then
   * take as long as it needs, and one that never answers stops the run forever. A step whose
   * handler does not settle in time fails with `StepTimedOut`.
   */
  readonly stepTimeoutMs?: number
}
