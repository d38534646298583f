/**
 * What the journal records when a handler answers badly (contract §7): whatever a `Left`, a throw
 * or a rejection carries, the entry holds a bounded, JSON-safe text an operator can read — never
 * the raw value — and a handler written the wrong way round is told what it returned.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { StepHandlers } from '../../src/run/handlers.js'
import { portFailure, type StepFailure } from '../../src/run/journal.js'
import { scenarioNamed } from '../render/scenarios.js'
import { recording } from './support.js'

const disaster = (): Plan => scenarioNamed('disaster failover of pool1 (Redmond down)').plan

/** The failure the journal records when the FailoverPool handler (step 4) answers `answer`. */
const failureOf = async (answer: () => unknown): Promise<StepFailure | undefined> => {
  const handlers = { ...recording().handlers, FailoverPool: answer } as unknown as StepHandlers
  const journal = await executePlan(disaster(), handlers)
  expect(journal.outcome).toBe('failed')
  expect(JSON.parse(JSON.stringify(journal))).toStrictEqual(journal)
  return journal.entries[3]?.failure
}

describe('a Left becomes a clean PortFailure', () => {
  it('portFailure has a code only when one is given', () => {
    expect(portFailure('access denied')).toStrictEqual({ _tag: 'PortFailure', message: 'access denied' })
    expect(portFailure('access denied', 'E5')).toStrictEqual({ _tag: 'PortFailure', message: 'access denied', code: 'E5' })
  })

  it('a Left that is no PortFailure is described as the message', async () => {
    expect(await failureOf(() => TE.left('access denied'))).toStrictEqual({ _tag: 'PortFailure', message: 'access denied' })
    expect(await failureOf(() => TE.left(null))).toStrictEqual({ _tag: 'PortFailure', message: 'null' })
  })

  it('a message that is no text is described; a code is kept only when it is its own text field', async () => {
    expect(await failureOf(() => TE.left({ _tag: 'PortFailure', message: 42 }))).toStrictEqual({ _tag: 'PortFailure', message: '42' })
    expect(await failureOf(() => TE.left({ _tag: 'PortFailure', message: 'm', code: 5 }))).toStrictEqual({ _tag: 'PortFailure', message: 'm' })
    const inherited = Object.assign(Object.create({ code: 'E1' }) as object, { _tag: 'PortFailure', message: 'm' })
    expect(await failureOf(() => TE.left(inherited))).toStrictEqual({ _tag: 'PortFailure', message: 'm' })
  })

  it('a message or code longer than 2,000 characters is cut to 2,000, ending with "..."; 2,000 are kept whole', async () => {
    const long = await failureOf(() => TE.left({ _tag: 'PortFailure', message: 'x'.repeat(5000), code: 'c'.repeat(2001) }))
    expect(long).toStrictEqual({ _tag: 'PortFailure', message: `${'x'.repeat(1997)}...`, code: `${'c'.repeat(1997)}...` })
    const exact = await failureOf(() => TE.left({ _tag: 'PortFailure', message: 'y'.repeat(2000) }))
    expect(exact).toStrictEqual({ _tag: 'PortFailure', message: 'y'.repeat(2000) })
    const thrown = await failureOf(() => () => Promise.reject(new Error('z'.repeat(3000))))
    expect(thrown?.message).toHaveLength(2000)
    expect(thrown?.message.startsWith('Error: zzz')).toBe(true)
  })
})

describe('what a rejection carries, as text', () => {
  it.each<readonly [string, unknown, string]>([
    ['an object with a message', { message: 'quota exceeded', status: 429 }, 'quota exceeded'],
    ['an object without one, as JSON', { status: 429 }, '{"status":429}'],
    ['an object JSON cannot write', { toJSON: () => undefined }, 'an object that cannot be written as JSON'],
    ['an object JSON throws on', { size: 10n }, 'a value that cannot be described'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('%s', async (_what, reason, message) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- handlers may reject with anything
    expect(await failureOf(() => () => Promise.reject(reason))).toStrictEqual({ _tag: 'HandlerThrew', reason: 'rejected', message })
  })
})

describe('a handler that returns no TaskEither is told what it returned', () => {
  it('an Either instead of a TaskEither (a forgotten `() =>`)', async () => {
    expect(await failureOf(() => E.right(undefined))).toStrictEqual({
      _tag: 'HandlerThrew',
      reason: 'notAnEither',
      message: 'The handler returned {"_tag":"Right"}, not a TaskEither.',
    })
  })

  it('an object whose `then` cannot be read is no promise, and does not break the run', async () => {
    const odd = Object.defineProperty({}, 'then', {
      get: () => {
        throw new Error('then')
      },
    })
    expect(await failureOf(() => odd)).toStrictEqual({ _tag: 'HandlerThrew', reason: 'notAnEither', message: 'The handler returned {}, not a TaskEither.' })
  })
})
