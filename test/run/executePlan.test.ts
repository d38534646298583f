import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { applyPlan } from '../../src/plan/validatePlan.js'
import { withPlanId } from '../../src/plan/planId.js'
import type { ExecutionEvent } from '../../src/run/events.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { StepHandlers } from '../../src/run/handlers.js'
import type { Journal } from '../../src/run/journal.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { scenarioNamed, scenarios } from '../render/scenarios.js'
import { recording } from './support.js'

/** A clock that counts: t1, t2, … */
const counter = (): (() => string) => {
  let n = 0
  return () => `t${++n}`
}

const disaster = (): Plan => scenarioNamed('disaster failover of pool1 (Redmond down)').plan

const expectJsonSafe = (j: Journal): void => {
  expect(JSON.parse(JSON.stringify(j))).toStrictEqual(j)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('executePlan: success', () => {
  it('runs every step in order and records an exact journal', async () => {
    const { handlers, calls } = recording()
    const plan = disaster()
    const journal = await executePlan(plan, handlers, { now: counter() })
    expect(calls).toStrictEqual(['1-failover-cms', '2-check-cms', '3-set-edge-next-hop', '4-failover-pool'])
    expect(journal).toStrictEqual({
      planId: plan.id,
      outcome: 'completed',
      entries: [
        { stepId: '1-failover-cms', _tag: 'FailoverCentralManagementStore', status: 'succeeded', startedAt: 't1', finishedAt: 't2' },
        { stepId: '2-check-cms', _tag: 'CheckCentralManagementStore', status: 'succeeded', startedAt: 't3', finishedAt: 't4', observed: { activeMaster: 'pool2.contoso.com' } },
        { stepId: '3-set-edge-next-hop', _tag: 'SetEdgeNextHop', status: 'succeeded', startedAt: 't5', finishedAt: 't6' },
        { stepId: '4-failover-pool', _tag: 'FailoverPool', status: 'succeeded', startedAt: 't7', finishedAt: 't8' },
      ],
    })
    expectJsonSafe(journal)
  })

  it('completes every Contoso scenario with simulated handlers, ending in applyPlan’s state', async () => {
    for (const s of scenarios()) {
      const sim = simulatedHandlers(s.topology, s.state)
      const journal = await executePlan(s.plan, sim.handlers)
      expect(journal.outcome).toBe('completed')
      expect(sim.calls()).toStrictEqual(s.plan.steps.map((st) => st.id))
      expect(E.right(sim.state())).toStrictEqual(applyPlan(s.topology, s.state, s.plan))
      for (const e of journal.entries) expect(typeof e.startedAt).toBe('string')
      expectJsonSafe(journal)
    }
  })

  it('uses the system clock by default, and leaves timestamps out when the clock fails', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-02T03:04:05.000Z'), toFake: ['Date'] })
    const byDefault = await executePlan(disaster(), recording().handlers)
    expect(byDefault.entries[0]?.startedAt).toBe('2030-01-02T03:04:05.000Z')
    vi.useRealTimers()
    const broken = await executePlan(disaster(), recording().handlers, {
      now: () => {
        throw new Error('no clock')
      },
    })
    expect(broken.outcome).toBe('completed')
    expect(broken.entries[0]).toStrictEqual({ stepId: '1-failover-cms', _tag: 'FailoverCentralManagementStore', status: 'succeeded' })
    const wrong = await executePlan(disaster(), recording().handlers, { now: (() => 42) as unknown as () => string })
    expect(wrong.entries[0]).not.toHaveProperty('startedAt')
  })
})

describe('executePlan: checks', () => {
  const withCms = (activeMaster: unknown): StepHandlers => ({
    ...recording().handlers,
    CheckCentralManagementStore: () => TE.right({ activeMaster } as { activeMaster: string }),
  })

  it('accepts the active master in any letter case, with a trailing dot', async () => {
    const journal = await executePlan(disaster(), withCms(' POOL2.Contoso.COM. '))
    expect(journal.outcome).toBe('completed')
    expect(journal.entries[1]?.observed).toStrictEqual({ activeMaster: ' POOL2.Contoso.COM. ' })
  })

  it('fails the step when the active master differs, or is empty (CMS unavailable)', async () => {
    const journal = await executePlan(disaster(), withCms('pool1.contoso.com'), { now: counter() })
    expect(journal.outcome).toBe('failed')
    expect(journal.entries[1]).toStrictEqual({
      stepId: '2-check-cms',
      _tag: 'CheckCentralManagementStore',
      status: 'failed',
      startedAt: 't3',
      finishedAt: 't4',
      observed: { activeMaster: 'pool1.contoso.com' },
      failure: {
        _tag: 'CheckMismatch',
        expected: 'pool2.contoso.com',
        observed: 'pool1.contoso.com',
        message: 'The Central Management Store active master is pool1.contoso.com; expected pool2.contoso.com.',
      },
    })
    expect(journal.entries[2]?.status).toBe('notRun')
    const empty = await executePlan(disaster(), withCms(''))
    expect(empty.entries[1]?.failure).toMatchObject({ _tag: 'CheckMismatch', observed: '' })
  })

  it('fails the step on a malformed observation', async () => {
    for (const bad of [null, undefined, 42, { activeMaster: 7 }]) {
      const journal = await executePlan(disaster(), {
        ...recording().handlers,
        CheckCentralManagementStore: () => TE.right(bad as unknown as { activeMaster: string }),
      })
      expect(journal.entries[1]?.failure?._tag).toBe('CheckMismatch')
      expect(journal.entries[1]).not.toHaveProperty('observed')
      expectJsonSafe(journal)
    }
  })

  it('accepts SteadyState or FinalState with NormalState, and fails anything else naming the states', async () => {
    const plan = scenarioNamed('planned failover of pool1 (healthy)').plan
    const run = (exportState: string, importState: string) =>
      executePlan(plan, { ...recording().handlers, CheckBackupService: () => TE.right({ exportState, importState }) })
    expect((await run('SteadyState', 'NormalState')).outcome).toBe('completed')
    expect((await run('FinalState', 'NormalState')).outcome).toBe('completed')
    for (const [ex, im] of [['NonSteadyState', 'NormalState'], ['NotInitialized', 'NormalState'], ['ErrorState', 'NormalState'], ['SteadyState', 'ErrorState']] as const) {
      const journal = await run(ex, im)
      expect(journal.outcome).toBe('failed')
      expect(journal.entries[0]?.failure).toStrictEqual({
        _tag: 'CheckMismatch',
        expected: 'export SteadyState or FinalState, import NormalState',
        observed: `export ${ex}, import ${im}`,
        message: `The Backup Service of pool1.contoso.com (UserServices.PresenceFocus, ConfServices.DataConf) is not healthy (export ${ex}, import ${im}): a backlog lengthens a planned failover, and a disaster would lose what has not been replicated.`,
      })
      expect(journal.entries.slice(1).every((e) => e.status === 'notRun')).toBe(true)
    }
  })
})

describe('executePlan: handlers that misbehave', () => {
  const failingAt = (handler: StepHandlers['FailoverPool']): StepHandlers => ({ ...recording().handlers, FailoverPool: handler })
  const lastFailure = async (handlers: StepHandlers, stepTimeoutMs?: number) => {
    const journal = await executePlan(disaster(), handlers, stepTimeoutMs === undefined ? {} : { stepTimeoutMs })
    expect(journal.outcome).toBe('failed')
    expectJsonSafe(journal)
    return journal.entries.find((e) => e.status === 'failed')?.failure
  }

  it('records a port failure as clean data', async () => {
    const failure = await lastFailure(failingAt(() => TE.left({ _tag: 'PortFailure', message: 'access denied', code: 'E1', extra: new Error('x') } as never)))
    expect(failure).toStrictEqual({ _tag: 'PortFailure', message: 'access denied', code: 'E1' })
    const odd = await lastFailure(failingAt(() => TE.left(new Error('raw error') as never)))
    expect(odd).toStrictEqual({ _tag: 'PortFailure', message: 'Error: raw error' })
  })

  it('turns a synchronous throw, from the handler or its task, into HandlerThrew', async () => {
    expect(
      await lastFailure(
        failingAt(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toStrictEqual({ _tag: 'HandlerThrew', reason: 'threw', message: 'TypeError: boom' })
    expect(
      await lastFailure(
        failingAt(() => () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- handlers may throw anything
          throw 'plain string'
        }),
      ),
    ).toStrictEqual({ _tag: 'HandlerThrew', reason: 'threw', message: 'plain string' })
  })

  it('turns a rejected promise into HandlerThrew, whatever was rejected', async () => {
    expect(await lastFailure(failingAt(() => () => Promise.reject(new Error('network down'))))).toStrictEqual({
      _tag: 'HandlerThrew',
      reason: 'rejected',
      message: 'Error: network down',
    })
    const nasty = {
      get message(): string {
        throw new Error('getter')
      },
      toString: () => {
        throw new Error('toString')
      },
    }
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- handlers may reject with anything
    const failure = await lastFailure(failingAt(() => () => Promise.reject(nasty)))
    expect(failure).toStrictEqual({ _tag: 'HandlerThrew', reason: 'rejected', message: 'a value that cannot be described' })
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- handlers may reject with anything
    expect((await lastFailure(failingAt(() => () => Promise.reject(cyclic))))?._tag).toBe('HandlerThrew')
  })

  it('fails when a handler answers something that is not a TaskEither or an Either', async () => {
    expect(await lastFailure(failingAt(() => 'nope' as never))).toMatchObject({ _tag: 'HandlerThrew', reason: 'notAnEither' })
    expect(await lastFailure(failingAt(() => () => Promise.resolve(undefined) as never))).toMatchObject({ _tag: 'HandlerThrew', reason: 'notAnEither' })
  })

  it('fails when a handler is missing at run time', async () => {
    const rest = Object.fromEntries(Object.entries(recording().handlers).filter(([tag]) => tag !== 'FailoverPool'))
    expect(await lastFailure(rest as unknown as StepHandlers)).toStrictEqual({ _tag: 'HandlerThrew', reason: 'noHandler', message: 'No handler was given for FailoverPool.' })
  })

  it('times a slow handler out, clears the timer, and ignores its late answer', async () => {
    vi.useFakeTimers()
    let settleLate: ((v: E.Either<never, undefined>) => void) | undefined
    const pending = executePlan(disaster(), failingAt(() => () => new Promise((resolve) => (settleLate = resolve))), { stepTimeoutMs: 1000 })
    await vi.advanceTimersByTimeAsync(999)
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    const journal = await pending
    expect(journal.entries[3]?.failure).toStrictEqual({
      _tag: 'StepTimedOut',
      timeoutMs: 1000,
      message: 'The handler did not answer within 1000 ms; what it does later is ignored.',
    })
    settleLate?.(E.right(undefined))
    await vi.advanceTimersByTimeAsync(10)
    expect(journal.outcome).toBe('failed')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('clears the timer when a step answers in time, and ignores a late rejection', async () => {
    vi.useFakeTimers()
    const journal = await executePlan(disaster(), recording().handlers, { stepTimeoutMs: 50 })
    expect(journal.outcome).toBe('completed')
    expect(vi.getTimerCount()).toBe(0)
    vi.useRealTimers()
    const late = await executePlan(disaster(), failingAt(() => () => new Promise((_, reject) => setTimeout(() => { reject(new Error('late')) }, 30))), {
      stepTimeoutMs: 5,
    })
    expect(late.entries[3]?.failure?._tag).toBe('StepTimedOut')
    await new Promise((r) => setTimeout(r, 50))
  })

  it('ignores a time limit that is not a positive number', async () => {
    for (const stepTimeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const journal = await executePlan(disaster(), recording().handlers, { stepTimeoutMs })
      expect(journal.outcome).toBe('completed')
    }
  })
})

describe('executePlan: refusal and abort', () => {
  it('refuses a value without a readable id with PlanNotValidated for the id "", and a journal for the plan id ""', async () => {
    const { handlers, calls } = recording()
    const noId = await executePlan({ ...disaster(), id: 7 } as unknown as Plan, handlers)
    expect(noId.planId).toBe('')
    expect(noId.problems?.[0]).toStrictEqual({ _tag: 'PlanNotValidated', planId: '' })
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const unreadable = await executePlan(revoked.proxy as Plan, handlers)
    expect(unreadable).toStrictEqual({
      planId: '',
      outcome: 'failed',
      entries: [],
      problems: [
        { _tag: 'PlanNotValidated', planId: '' },
        { _tag: 'InvalidInput', path: '', expected: 'a plan made of plain JSON data', found: expect.any(String) as unknown },
      ],
    })
    expect(calls).toStrictEqual([])
  })

  it('refuses a plan whose id does not match its content: no handler is called', async () => {
    const plan = disaster()
    const tampered = { ...plan, steps: plan.steps.map((st) => (st._tag === 'FailoverPool' ? { ...st, disasterMode: false } : st)) } as unknown as Plan
    const handlers = Object.fromEntries(Object.keys(recording().handlers).map((k) => [k, vi.fn()])) as unknown as StepHandlers
    const events: Array<ExecutionEvent> = []
    const journal = await executePlan(tampered, handlers, { onEvent: (e) => events.push(e) })
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled()
    expect(journal).toStrictEqual({
      planId: plan.id,
      outcome: 'failed',
      entries: plan.steps.map((s) => ({ stepId: s.id, _tag: s._tag, status: 'notRun' })),
      problems: [
        { _tag: 'PlanNotValidated', planId: plan.id },
        { _tag: 'PlanIdMismatch', expected: withPlanId(tampered).id, found: plan.id },
      ],
    })
    expect(events).toStrictEqual([{ _tag: 'PlanFinished', planId: plan.id, journal }])
    expectJsonSafe(journal)
  })

  it('refuses malformed plans and duplicate step ids without calling a handler', async () => {
    const { handlers, calls } = recording()
    const malformed = await executePlan({ ...disaster(), steps: [] } as unknown as Plan, handlers)
    expect(malformed.outcome).toBe('failed')
    expect(malformed.entries).toStrictEqual([])
    expect(malformed.problems?.map((p) => p._tag)).toContain('InvalidInput')
    for (const junk of [null, undefined, 'plan', 42, [], { steps: 'x' }]) {
      const j = await executePlan(junk as unknown as Plan, handlers)
      expect(j.outcome).toBe('failed')
      expectJsonSafe(j)
    }
    const plan = disaster()
    const duplicated = withPlanId({ ...plan, steps: [plan.steps[0], { ...plan.steps[1], id: plan.steps[0].id }, plan.steps[2]] as unknown as Plan['steps'] })
    const dup = await executePlan(duplicated, handlers)
    expect(dup.problems).toStrictEqual([
      { _tag: 'PlanNotValidated', planId: duplicated.id },
      { _tag: 'StepPreconditionFailed', stepId: '1-failover-cms', step: 'CheckCentralManagementStore', rule: 'DuplicateStepId', subjects: [] },
    ])
    expect(calls).toStrictEqual([])
  })

  it('aborts before the next step once the signal is aborted', async () => {
    const { handlers, calls } = recording()
    const controller = new AbortController()
    const journal = await executePlan(disaster(), handlers, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e._tag === 'StepSucceeded' && e.index === 0) controller.abort()
      },
    })
    expect(calls).toStrictEqual(['1-failover-cms'])
    expect(journal.outcome).toBe('aborted')
    expect(journal.entries.map((e) => e.status)).toStrictEqual(['succeeded', 'notRun', 'notRun', 'notRun'])
    const before = new AbortController()
    before.abort()
    const none = await executePlan(disaster(), handlers, { signal: before.signal })
    expect(none.outcome).toBe('aborted')
    expect(none.entries.every((e) => e.status === 'notRun')).toBe(true)
    expect(calls).toHaveLength(1)
  })
})

describe('executePlan: events', () => {
  it('reports progress in order, ending with PlanFinished', async () => {
    const events: Array<ExecutionEvent> = []
    const plan = disaster()
    const journal = await executePlan(plan, { ...recording().handlers, FailoverPool: () => TE.left({ _tag: 'PortFailure', message: 'no' }) }, {
      now: counter(),
      onEvent: (e) => events.push(e),
    })
    expect(events.map((e) => `${e._tag}${'index' in e ? `:${e.index}` : ''}`)).toStrictEqual([
      'StepStarted:0', 'StepSucceeded:0', 'StepStarted:1', 'StepSucceeded:1', 'StepStarted:2', 'StepSucceeded:2', 'StepStarted:3', 'StepFailed:3', 'PlanFinished',
    ])
    expect(events[0]).toStrictEqual({ _tag: 'StepStarted', planId: plan.id, index: 0, stepId: '1-failover-cms', stepTag: 'FailoverCentralManagementStore', at: 't1' })
    expect(events[1]).toStrictEqual({ _tag: 'StepSucceeded', planId: plan.id, index: 0, stepId: '1-failover-cms', stepTag: 'FailoverCentralManagementStore', entry: journal.entries[0] })
    expect(events[7]).toStrictEqual({ _tag: 'StepFailed', planId: plan.id, index: 3, stepId: plan.steps[3]!.id, stepTag: 'FailoverPool', entry: journal.entries[3] })
    expect(events[8]).toStrictEqual({ _tag: 'PlanFinished', planId: plan.id, journal })
  })

  it('a step started without a timestamp (the clock gave none) carries no `at` field', async () => {
    const events: Array<ExecutionEvent> = []
    await executePlan(disaster(), recording().handlers, { now: (() => 42) as unknown as () => string, onEvent: (e) => events.push(e) })
    const started = events.filter((e) => e._tag === 'StepStarted')
    expect(started).toHaveLength(4)
    for (const e of started) expect(Object.keys(e).sort()).toStrictEqual(['_tag', 'index', 'planId', 'stepId', 'stepTag'])
  })

  it('a listener that throws or rejects does not break the run', async () => {
    const throwing = await executePlan(disaster(), recording().handlers, {
      onEvent: () => {
        throw new Error('listener')
      },
    })
    expect(throwing.outcome).toBe('completed')
    const rejecting = await executePlan(disaster(), recording().handlers, { onEvent: (() => Promise.reject(new Error('async listener'))) as unknown as () => void })
    expect(rejecting.outcome).toBe('completed')
  })
})
