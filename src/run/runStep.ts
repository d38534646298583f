/**
 * Running one step through its handler: dispatch by tag, a time limit, and every way a handler
 * can misbehave (throwing, rejecting, answering something that is not an `Either`, answering
 * late) turned into a `StepFailure`. The promise this module returns never rejects.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Step } from '../plan/step.js'
import { ownField } from '../plan/input.js'
import { checkOf, isCheckStep } from '../plan/checks.js'
import type { Judgement } from '../plan/steps/definition.js'
import type { StepHandlers } from './handlers.js'
import type { Observed, StepFailure } from './journal.js'
import { cleanPortFailure, describeThrown, isThenable, settle } from './safe.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What became of a step that ran: its failure (with the observation, when a check answered one)
 * or the observation of a check (`undefined` for actions).
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export type StepResult = E.Either<
  { readonly failure: StepFailure; readonly observed?: Observed },
  Observed | undefined
>

/** The longest `setTimeout` delay; a longer one fires at once. */
const MAX_DELAY = 2_147_483_647

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const accept = (): Judgement<undefined> => E.right(undefined)

interface Dispatched {
  /** Calls the handler; what it returns should be a `TaskEither`. */
  readonly call: () => unknown
  /** Judges the `Right` value: checks by their definition, other steps accept anything. */
  readonly judge: (value: unknown) => Judgement<Observed | undefined>
}

/** The handler of the step's tag and, for checks, the judge of its definition (no switch). */
const dispatch = (handlers: StepHandlers, step: Step): Dispatched => {
  // The handler of `step`'s own tag; TypeScript cannot correlate the record's key with the step.
  const handler = handlers[step._tag] as (step: Step) => unknown
  if (!isCheckStep(step)) return { call: () => handler(step), judge: accept }
  const { judge } = checkOf(step)
  return { call: () => handler(step), judge: (v) => judge(step, v) }
}

const hasHandler = (handlers: unknown, tag: string): boolean => {
  try {
    return typeof handlers === 'object' && handlers !== null && typeof (handlers as Readonly<Record<string, unknown>>)[tag] === 'function'
  } catch {
    return false
  }
}

const failed = (failure: StepFailure, observed?: Observed): StepResult =>
  E.left(observed === undefined ? { failure } : { failure, observed })

/** Reads what a handler's task resolved to: an `Either`, or a contract breach. */
const interpret = (value: unknown, judge: Dispatched['judge']): StepResult => {
  const tag = ownField(value, '_tag')
  if (tag === 'Left') return failed(cleanPortFailure(ownField(value, 'left')))
  if (tag === 'Right') {
    const judgement = judge(ownField(value, 'right'))
    return E.isRight(judgement) ? judgement : failed(judgement.left.mismatch, judgement.left.observed)
  }
  return failed({
    _tag: 'HandlerThrew',
    reason: 'notAnEither',
    message: `The handler's task resolved to ${describeThrown(value)}, not an Either.`,
  })
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The usable time limit from `stepTimeoutMs`: a positive finite number (capped at the longest
 * timer delay), or `undefined` for no limit.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const timeLimit = (stepTimeoutMs: unknown): number | undefined =>
  typeof stepTimeoutMs === 'number' && Number.isFinite(stepTimeoutMs) && stepTimeoutMs > 0
    ? Math.min(stepTimeoutMs, MAX_DELAY)
    : undefined

/**
 * Runs one step through its handler, at most once. Never rejects.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const runStep = async (handlers: StepHandlers, step: Step, timeoutMs: number | undefined): Promise<StepResult> => {
  if (!hasHandler(handlers, step._tag))
    return failed({ _tag: 'HandlerThrew', reason: 'noHandler', message: `No handler was given for ${step._tag}.` })
  const { call, judge } = dispatch(handlers, step)
  let notATask: { readonly value: unknown; readonly promise: boolean } | undefined
  const settled = await settle(() => {
    const task = call()
    if (typeof task === 'function') return (task as () => unknown)()
    // An `async` handler returns a promise, not a task: await it too, so that its rejection is
    // caught here (never an unhandled rejection) and no later step starts while it still runs.
    const promise = isThenable(task)
    notATask = { value: task, promise }
    return promise ? task : undefined
  }, timeoutMs)
  switch (settled._tag) {
    case 'TimedOut':
      return failed({
        _tag: 'StepTimedOut',
        timeoutMs: timeoutMs ?? 0,
        message: `The handler did not answer within ${timeoutMs ?? 0} ms; what it does later is ignored.`,
      })
    case 'Threw':
      return failed({
        _tag: 'HandlerThrew',
        reason: settled.reason,
        message: describeThrown(settled.error),
      })
    case 'Value':
      if (notATask === undefined) return interpret(settled.value, judge)
      return failed({
        _tag: 'HandlerThrew',
        reason: 'notAnEither',
        message: notATask.promise
          ? `The handler returned a promise (of ${describeThrown(settled.value)}), not a TaskEither: write it as (step) => () => promise, so that it runs when the step runs.`
          : `The handler returned ${describeThrown(notATask.value)}, not a TaskEither.`,
      })
  }
}
