/**
 * Dispatch and time limits of the executor, step by step: each step goes to the handler of its
 * OWN tag (a step calling another tag's handler would run the wrong cmdlet against production),
 * and a step has no time limit unless the caller gives a positive one.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { catalog } from '../../src/plan/catalog.js'
import type { Plan } from '../../src/plan/plan.js'
import type { Step, StepTag } from '../../src/plan/step.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { StepHandlers } from '../../src/run/handlers.js'
import { runStep, timeLimit } from '../../src/run/runStep.js'
import { scenarioNamed } from '../render/scenarios.js'

afterEach(() => {
  vi.useRealTimers()
})

const tags = Object.keys(catalog) as ReadonlyArray<StepTag>

/** Handlers for every tag that record who was called with what, and fail with their own tag's name. */
const tattling = (): { readonly handlers: StepHandlers; readonly calls: Array<readonly [string, unknown]> } => {
  const calls: Array<readonly [string, unknown]> = []
  const handlers = Object.fromEntries(
    tags.map((tag) => [
      tag,
      (step: unknown) => {
        calls.push([tag, step])
        return TE.left({ _tag: 'PortFailure', message: `handler of ${tag}` })
      },
    ]),
  ) as unknown as StepHandlers
  return { handlers, calls }
}

describe('runStep: every tag of the catalog calls its own handler, with that very step', () => {
  it('knows more than one tag (the test below means something)', () => {
    expect(tags.length).toBeGreaterThan(1)
  })

  it.each(tags)('%s', async (tag) => {
    const { handlers, calls } = tattling()
    const step = Object.freeze({ _tag: tag, id: `1-${tag}` }) as unknown as Step
    const result = await runStep(handlers, step, undefined)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[0]).toBe(tag)
    expect(calls[0]?.[1]).toBe(step)
    expect(result).toStrictEqual(E.left({ failure: { _tag: 'PortFailure', message: `handler of ${tag}` } }))
  })
})

describe('time limit of a step', () => {
  it('is none by default, and none for a limit that is not a positive finite number', () => {
    for (const limit of [undefined, null, 0, -0, -1, -1000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1000', {}])
      expect(timeLimit(limit)).toBeUndefined()
  })

  it('is the limit given when positive, capped at the longest timer delay (about 24.8 days)', () => {
    expect(timeLimit(1)).toBe(1)
    expect(timeLimit(0.5)).toBe(0.5)
    expect(timeLimit(3_600_000)).toBe(3_600_000)
    expect(timeLimit(2_147_483_647)).toBe(2_147_483_647)
    expect(timeLimit(2_147_483_648)).toBe(2_147_483_647)
    expect(timeLimit(Number.MAX_SAFE_INTEGER)).toBe(2_147_483_647)
  })

  const disaster = (): Plan => scenarioNamed('disaster failover of pool1 (Redmond down)').plan

  /** Healthy handlers whose pool failover takes an hour (Invoke-CsPoolFailOver on a large pool). */
  const slowFailover = (): StepHandlers => ({
    CheckBackupService: () => TE.right({ exportState: 'SteadyState', importState: 'NormalState' }),
    FailoverCentralManagementStore: () => TE.right(undefined),
    CheckCentralManagementStore: () => TE.right({ activeMaster: 'pool2.contoso.com' }),
    SetEdgeNextHop: () => TE.right(undefined),
    FailoverPool: () => () => new Promise((resolve) => setTimeout(() => { resolve(E.right(undefined)) }, 3_600_000)),
    FailbackPool: () => TE.right(undefined),
  }) as unknown as StepHandlers

  it.each<[string, object]>([
    ['no options', {}],
    ['no stepTimeoutMs', { now: () => 't' }],
    ['stepTimeoutMs 0', { stepTimeoutMs: 0 }],
    ['a negative stepTimeoutMs', { stepTimeoutMs: -1 }],
    ['stepTimeoutMs NaN', { stepTimeoutMs: Number.NaN }],
  ])('with %s, a step that takes an hour is waited for, not timed out', async (_, options) => {
    vi.useFakeTimers()
    const pending = executePlan(disaster(), slowFailover(), options)
    await vi.advanceTimersByTimeAsync(3_600_000)
    const journal = await pending
    expect(journal.outcome).toBe('completed')
    expect(journal.entries.map((e) => e.status)).toStrictEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded'])
  })

  it('with a positive stepTimeoutMs, the same step times out at that limit', async () => {
    vi.useFakeTimers()
    const pending = executePlan(disaster(), slowFailover(), { stepTimeoutMs: 60_000 })
    await vi.advanceTimersByTimeAsync(60_000)
    const journal = await pending
    expect(journal.outcome).toBe('failed')
    expect(journal.entries.at(-1)?.failure).toMatchObject({ _tag: 'StepTimedOut', timeoutMs: 60_000 })
  })
})

describe('runStep: a handler that answers no TaskEither says what it answered', () => {
  const step = Object.freeze({ _tag: 'FailoverPool', id: '3-failover-pool' }) as unknown as Step
  const only = (answer: () => unknown): StepHandlers => ({ ...tattling().handlers, FailoverPool: answer }) as unknown as StepHandlers

  it('a handler that returns a value, not a task: "The handler returned …, not a TaskEither."', async () => {
    const result = await runStep(only(() => 'nope'), step, undefined)
    expect(result).toStrictEqual(
      E.left({ failure: { _tag: 'HandlerThrew', reason: 'notAnEither', message: 'The handler returned nope, not a TaskEither.' } }),
    )
  })

  it('a task that resolves to something other than an Either: "The handler\'s task resolved to …, not an Either."', async () => {
    const result = await runStep(only(() => () => Promise.resolve(42)), step, undefined)
    expect(result).toStrictEqual(
      E.left({ failure: { _tag: 'HandlerThrew', reason: 'notAnEither', message: "The handler's task resolved to 42, not an Either." } }),
    )
  })
})
