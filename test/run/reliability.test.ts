/**
 * Issue 13 (execution): what an operator relies on in a real outage. The run never dies of an
 * unhandled rejection, runs exactly the plan that was validated, and reports every step by id.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { withPlanId } from '../../src/plan/planId.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import type { ExecutionEvent } from '../../src/run/events.js'
import { executePlan } from '../../src/run/executePlan.js'
import type { StepHandlers } from '../../src/run/handlers.js'
import type { Journal } from '../../src/run/journal.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { scenarioNamed } from '../render/scenarios.js'
import { recording } from './support.js'

/** Redmond down: 1-failover-cms, 2-check-cms, 3-set-edge-next-hop, 4-failover-pool. */
const disaster = scenarioNamed('disaster failover of pool1 (Redmond down)')
const ids = disaster.plan.steps.map((s) => s.id)
/** The position of the pool failover, the last step. */
const POOL = ids.length - 1

/** Handlers that fail the test if any is called. */
const untouchable = (): StepHandlers =>
  Object.fromEntries(Object.keys(recording().handlers).map((k) => [k, vi.fn(() => TE.right(undefined))])) as unknown as StepHandlers

const expectNoHandlerCalled = (handlers: StepHandlers): void => {
  for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled()
}

const expectJsonSafe = (j: Journal): void => {
  expect(JSON.parse(JSON.stringify(j))).toStrictEqual(j)
}

/** Collects unhandled rejections while a test runs. */
const unhandled: Array<unknown> = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}
beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  vi.useRealTimers()
})
/** Lets Node report unhandled rejections (it does so after the microtask queue drains). */
const settleDown = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))

describe('executePlan never leaves an unhandled rejection (the process must live to store the journal)', () => {
  it('an async handler that throws fails its step as HandlerThrew (rejected), and nothing is left unhandled', async () => {
    const { handlers, calls } = recording()
    const journal = await executePlan(disaster.plan, {
      ...handlers,
      // eslint-disable-next-line @typescript-eslint/require-await -- the point: an async function that throws
      FailoverPool: (async () => {
        throw new Error('WinRM: access denied')
      }) as unknown as StepHandlers['FailoverPool'],
    })
    await settleDown()
    expect(unhandled).toStrictEqual([])
    expect(journal.outcome).toBe('failed')
    expect(journal.entries[POOL]?.failure).toStrictEqual({ _tag: 'HandlerThrew', reason: 'rejected', message: 'Error: WinRM: access denied' })
    expect(calls).toStrictEqual(ids.slice(0, POOL))
    expectJsonSafe(journal)
  })

  it('an async handler that resolves is awaited before the next step and then refused: it is no TaskEither', async () => {
    let finished = false
    const journal = await executePlan(disaster.plan, {
      ...recording().handlers,
      FailoverCentralManagementStore: (async () => {
        await new Promise((r) => setTimeout(r, 10))
        finished = true
        return E.right(undefined)
      }) as unknown as StepHandlers['FailoverCentralManagementStore'],
    })
    expect(finished).toBe(true)
    expect(journal.entries[0]?.failure).toMatchObject({ _tag: 'HandlerThrew', reason: 'notAnEither' })
    expect(journal.entries[0]?.failure?.message).toContain('write it as (step) => () => promise')
    expect(journal.entries.slice(1).every((e) => e.status === 'notRun')).toBe(true)
  })

  it('an async handler that never settles times out, and its late rejection stays handled', async () => {
    const journal = await executePlan(
      disaster.plan,
      {
        ...recording().handlers,
        FailoverPool: (() =>
          new Promise((_, reject) =>
            setTimeout(() => {
              reject(new Error('late'))
            }, 15),
          )) as unknown as StepHandlers['FailoverPool'],
      },
      { stepTimeoutMs: 5 },
    )
    expect(journal.entries[POOL]?.failure?._tag).toBe('StepTimedOut')
    await settleDown()
    expect(unhandled).toStrictEqual([])
  })

  it('a clock that rejects when a step starts fails that step before its handler is called', async () => {
    const { handlers, calls } = recording()
    let reads = 0
    const journal = await executePlan(disaster.plan, handlers, {
      now: () => {
        reads++
        return reads === 3 ? Promise.reject(new Error('NTP unreachable')) : Promise.resolve(`t${reads}`)
      },
    })
    await settleDown()
    expect(unhandled).toStrictEqual([])
    expect(calls).toStrictEqual(['1-failover-cms'])
    expect(journal.outcome).toBe('failed')
    expect(journal.entries).toStrictEqual([
      { stepId: '1-failover-cms', _tag: 'FailoverCentralManagementStore', status: 'succeeded', startedAt: 't1', finishedAt: 't2' },
      {
        stepId: '2-check-cms',
        _tag: 'CheckCentralManagementStore',
        status: 'failed',
        failure: { _tag: 'ClockFailed', when: 'start', message: 'The clock (options.now) rejected: Error: NTP unreachable The handler was not called.' },
      },
      ...disaster.plan.steps.slice(2).map((st) => ({ stepId: st.id, _tag: st._tag, status: 'notRun' })),
    ])
    expectJsonSafe(journal)
  })

  it('a clock that rejects after a step fails that step, keeping what the check observed, and warns the effect may have happened', async () => {
    const { handlers, calls } = recording()
    let reads = 0
    const journal = await executePlan(disaster.plan, handlers, {
      now: () => {
        reads++
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- clocks may reject with anything
        return reads === 4 ? Promise.reject('clock service restarted') : `t${reads}`
      },
    })
    await settleDown()
    expect(unhandled).toStrictEqual([])
    expect(calls).toStrictEqual(['1-failover-cms', '2-check-cms'])
    expect(journal.entries[1]).toStrictEqual({
      stepId: '2-check-cms',
      _tag: 'CheckCentralManagementStore',
      status: 'failed',
      startedAt: 't3',
      observed: { activeMaster: 'pool2.contoso.com' },
      failure: {
        _tag: 'ClockFailed',
        when: 'finish',
        message:
          "The clock (options.now) rejected: clock service restarted The handler had answered: the step's effect may have happened; check the deployment before resuming.",
      },
    })
  })

  it('a clock that rejects after an action fails it with no observation recorded', async () => {
    let reads = 0
    const journal = await executePlan(disaster.plan, recording().handlers, {
      now: () => {
        reads++
        return reads === 2 ? Promise.reject(new Error('clock service restarted')) : `t${reads}`
      },
    })
    expect(journal.entries[0]).toStrictEqual({
      stepId: '1-failover-cms',
      _tag: 'FailoverCentralManagementStore',
      status: 'failed',
      startedAt: 't1',
      failure: {
        _tag: 'ClockFailed',
        when: 'finish',
        message:
          "The clock (options.now) rejected: Error: clock service restarted The handler had answered: the step's effect may have happened; check the deployment before resuming.",
      },
    })
  })

  it('a clock promise that never settles fails the step within the time limit', async () => {
    const { handlers, calls } = recording()
    const journal = await executePlan(disaster.plan, handlers, { now: () => new Promise<string>(() => undefined), stepTimeoutMs: 5 })
    expect(calls).toStrictEqual([])
    expect(journal.entries[0]?.failure).toStrictEqual({
      _tag: 'ClockFailed',
      when: 'start',
      message: 'The clock (options.now) did not answer within 5 ms. The handler was not called.',
    })
  })

  it('a clock that resolves gives the timestamps; one that resolves to a non-string leaves them out', async () => {
    const stamped = await executePlan(disaster.plan, recording().handlers, { now: () => Promise.resolve('2030-01-01T00:00:00Z') })
    expect(stamped.outcome).toBe('completed')
    expect(stamped.entries[0]).toMatchObject({ startedAt: '2030-01-01T00:00:00Z', finishedAt: '2030-01-01T00:00:00Z' })
    const odd = await executePlan(disaster.plan, recording().handlers, { now: (() => Promise.resolve(42)) as unknown as () => string })
    expect(odd.outcome).toBe('completed')
    expect(odd.entries[0]).not.toHaveProperty('startedAt')
  })

  it('in a real Node process, an async throwing handler and a rejecting clock do not kill it: it stores the journal and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-unhandled-'))
    const out = join(dir, 'journal.json')
    const script = join(dir, 'run.mts')
    const root = new URL('../../', import.meta.url).pathname
    writeFileSync(
      script,
      `
import { writeFileSync } from 'node:fs'
import * as TE from ${JSON.stringify(`${root}node_modules/fp-ts/lib/TaskEither.js`)}
import { planFailover, executePlan } from ${JSON.stringify(`${root}src/index.ts`)}
import { contosoTopology, redmondDown } from ${JSON.stringify(`${root}test/support/builders.ts`)}
const t = contosoTopology()
const plan = planFailover(t, redmondDown(t), { pool: 'pool1.contoso.com' })
if (plan._tag === 'Left') throw new Error('no plan')
const ok = () => TE.right(undefined)
const handlers = {
  CheckBackupService: ok, SetEdgeNextHop: ok, FailbackPool: ok, FailoverPool: ok, SyncBackupService: ok, SetBackupServiceSyncInterval: ok,
  CheckCentralManagementStore: () => TE.right({ activeMaster: 'pool2.contoso.com' }),
  FailoverCentralManagementStore: async () => { throw new Error('async handler failed') },
}
const first = await executePlan(plan.right, handlers as never)
let n = 0
const second = await executePlan(plan.right, { ...handlers, FailoverCentralManagementStore: ok } as never, {
  now: () => (++n === 2 ? Promise.reject(new Error('clock down')) : 't' + n) as never,
})
await new Promise((r) => setTimeout(r, 50))
writeFileSync(${JSON.stringify(out)}, JSON.stringify([first, second]))
`,
    )
    try {
      // exits with code 1 (and throws here) on an unhandled rejection, before writing the journal
      execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'pipe' })
      const [first, second] = JSON.parse(readFileSync(out, 'utf8')) as [Journal, Journal]
      expect(first.entries[0]?.failure).toStrictEqual({ _tag: 'HandlerThrew', reason: 'rejected', message: 'Error: async handler failed' })
      expect(second.entries[0]?.failure).toMatchObject({ _tag: 'ClockFailed', when: 'finish' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('executePlan runs exactly the plan that was validated', () => {
  it('a handler cannot edit a later step or its own id: the steps that run and the journal stay those of the plan', async () => {
    const plan = disaster.plan
    const calls: Array<string> = []
    const sim = simulatedHandlers(disaster.topology, disaster.state)
    const journal = await executePlan(plan, {
      ...sim.handlers,
      FailoverCentralManagementStore: (step) => {
        calls.push(step.id)
        // what a buggy or hostile port might try, silently (Reflect.set) and loudly (assignment)
        Reflect.set(step, 'id', 'renamed')
        Reflect.set(plan.steps[POOL]!, 'disasterMode', false)
        Reflect.set(plan.steps as unknown as Array<unknown>, 'length', 1)
        return sim.handlers.FailoverCentralManagementStore(step)
      },
      FailoverPool: (step) => {
        calls.push(`${step.id}:${String(step.disasterMode)}`)
        return sim.handlers.FailoverPool(step)
      },
      CheckCentralManagementStore: (step) => {
        calls.push(step.id)
        expect(() => {
          ;(step as { id: string }).id = 'x'
        }).toThrow(TypeError)
        return sim.handlers.CheckCentralManagementStore(step)
      },
    })
    expect(calls).toStrictEqual(['1-failover-cms', '2-check-cms', '4-failover-pool:true'])
    expect(journal.outcome).toBe('completed')
    expect(journal.entries.map((e) => e.stepId)).toStrictEqual(['1-failover-cms', '2-check-cms', '3-set-edge-next-hop', '4-failover-pool'])
    expect(plan.steps.map((s) => s.id)).toStrictEqual(['1-failover-cms', '2-check-cms', '3-set-edge-next-hop', '4-failover-pool'])
  })

  it('a handler that assigns to its step (strict code) fails that step, and no later step runs', async () => {
    const { handlers, calls } = recording()
    const journal = await executePlan(disaster.plan, {
      ...handlers,
      CheckCentralManagementStore: (step) => {
        ;(step as { activeMaster: string }).activeMaster = 'pool1.contoso.com'
        return TE.right({ activeMaster: 'pool1.contoso.com' })
      },
    })
    expect(journal.entries[1]?.failure).toMatchObject({ _tag: 'HandlerThrew', reason: 'threw' })
    expect(journal.entries.slice(2).every((e) => e.status === 'notRun')).toBe(true)
    expect(calls).toStrictEqual(['1-failover-cms'])
  })

  it('a listener that empties event.journal.entries or edits an entry changes neither the returned journal nor what later listeners see', async () => {
    const seen: Array<ExecutionEvent> = []
    const journal = await executePlan(disaster.plan, recording().handlers, {
      onEvent: (event) => {
        seen.push(event)
        if (event._tag === 'StepSucceeded') Reflect.set(event.entry, 'status', 'failed')
        if (event._tag === 'PlanFinished') {
          Reflect.set(event.journal.entries as unknown as Array<unknown>, 'length', 0)
          Reflect.set(event.journal, 'outcome', 'aborted')
          expect(() => (event.journal.entries as unknown as Array<unknown>).pop()).toThrow(TypeError)
        }
      },
    })
    expect(journal.outcome).toBe('completed')
    expect(journal.entries.map((e) => e.status)).toStrictEqual(ids.map(() => 'succeeded'))
    const finished = seen.at(-1)
    expect(finished?._tag === 'PlanFinished' && finished.journal).toStrictEqual(journal)
    expect(seen.flatMap((e) => (e._tag === 'StepSucceeded' ? [e.entry.status] : []))).toStrictEqual(ids.map(() => 'succeeded'))
    // the returned journal belongs to the caller
    ;(journal.entries as Array<unknown>).length = 0
    expect(journal.entries).toStrictEqual([])
  })

  it('every step event carries a top-level stepId (and stepTag)', async () => {
    const events: Array<ExecutionEvent> = []
    await executePlan(disaster.plan, { ...recording().handlers, FailoverPool: () => TE.left({ _tag: 'PortFailure', message: 'no' }) }, { onEvent: (e) => events.push(e) })
    const stepEvents = events.filter((e) => e._tag !== 'PlanFinished')
    expect(stepEvents.map((e) => `${e._tag}:${'stepId' in e ? e.stepId : '?'}:${'stepTag' in e ? e.stepTag : '?'}`)).toStrictEqual([
      'StepStarted:1-failover-cms:FailoverCentralManagementStore',
      'StepSucceeded:1-failover-cms:FailoverCentralManagementStore',
      'StepStarted:2-check-cms:CheckCentralManagementStore',
      'StepSucceeded:2-check-cms:CheckCentralManagementStore',
      'StepStarted:3-set-edge-next-hop:SetEdgeNextHop',
      'StepSucceeded:3-set-edge-next-hop:SetEdgeNextHop',
      'StepStarted:4-failover-pool:FailoverPool',
      'StepFailed:4-failover-pool:FailoverPool',
    ])
  })
})

describe('executePlan runs only plans the library returned (PlanNotValidated)', () => {
  const notValidated = async (value: unknown): Promise<Journal> => {
    const handlers = untouchable()
    const journal = await executePlan(value as Plan, handlers)
    expectNoHandlerCalled(handlers)
    expect(journal.outcome).toBe('failed')
    expect(journal.problems?.[0]?._tag).toBe('PlanNotValidated')
    expectJsonSafe(journal)
    return journal
  }

  it('refuses a failover edited to drop its CMS failover and re-sealed with the public id function', async () => {
    const { plan, topology, state } = disaster
    const withoutCms = withPlanId({ ...plan, steps: plan.steps.slice(2) as unknown as Plan['steps'] })
    const journal = await notValidated(withoutCms)
    expect(journal).toStrictEqual({
      planId: withoutCms.id,
      outcome: 'failed',
      entries: [
        { stepId: '3-set-edge-next-hop', _tag: 'SetEdgeNextHop', status: 'notRun' },
        { stepId: '4-failover-pool', _tag: 'FailoverPool', status: 'notRun' },
      ],
      problems: [{ _tag: 'PlanNotValidated', planId: withoutCms.id }],
    })
    // validatePlan is where such a plan is caught
    const validated = validatePlan(topology, state, withoutCms)
    expect(E.isLeft(validated) && validated.left.map((v) => v._tag)).toContain('StepPreconditionFailed')
  })

  it('refuses a plan read back from JSON or spread into a new object, until validatePlan returns it', async () => {
    const { plan, topology, state } = disaster
    const fromJson: unknown = JSON.parse(JSON.stringify(plan))
    await notValidated(fromJson)
    await notValidated({ ...plan })
    const validated = validatePlan(topology, state, fromJson as Plan)
    if (E.isLeft(validated)) throw new Error('expected the stored plan to validate')
    const sim = simulatedHandlers(topology, state)
    expect((await executePlan(validated.right, sim.handlers)).outcome).toBe('completed')
    expect(sim.calls()).toStrictEqual(plan.steps.map((s) => s.id))
  })

  it('refuses junk with PlanNotValidated first, then what can be told', async () => {
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const getter = Object.defineProperty({ ...disaster.plan }, 'steps', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    for (const junk of [null, undefined, 'plan', 42, [], { steps: 'x' }, revoked.proxy, getter]) {
      const journal = await notValidated(junk)
      expect(journal.entries).toStrictEqual([])
      expect(journal.problems?.slice(1).every((p) => p._tag === 'InvalidInput' || p._tag === 'PlanIdMismatch')).toBe(true)
    }
  })

  // Skipped under Stryker (`npm run mutate`): reloading the modules inside this test runs their
  // module-level code again, so mutants of it would count as covered by this one test alone.
  it.skipIf(process.env['SFB_DR_MUTATION'] === '1')('recognises a plan registered by another copy of the library loaded side by side (one registry behind a global symbol)', async () => {
    vi.resetModules()
    const other = await import('../../src/run/executePlan.js')
    expect(other.executePlan).not.toBe(executePlan)
    const sim = simulatedHandlers(disaster.topology, disaster.state)
    expect((await other.executePlan(disaster.plan, sim.handlers)).outcome).toBe('completed')
    const registry: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for('sfb-dr.validatedPlans.v1')]
    expect(registry).toBeInstanceOf(WeakSet)
  })
})

describe('time limits (stepTimeoutMs)', () => {
  /** Handlers whose FailoverPool answers after `ms` of (fake) time. */
  const slow = (ms: number): StepHandlers => ({
    ...recording().handlers,
    FailoverPool: () => () => new Promise((resolve) => setTimeout(() => { resolve(E.right(undefined)) }, ms)),
  })
  const TEN_DAYS = 10 * 24 * 3_600_000

  it('none by default: a step may take ten days', async () => {
    vi.useFakeTimers()
    const pending = executePlan(disaster.plan, slow(TEN_DAYS))
    await vi.advanceTimersByTimeAsync(TEN_DAYS)
    const journal = await pending
    expect(journal.outcome).toBe('completed')
  })

  it('a limit of 0 or below, NaN or Infinity means none too', async () => {
    vi.useFakeTimers()
    for (const stepTimeoutMs of [0, -1, -1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const pending = executePlan(disaster.plan, slow(TEN_DAYS), { stepTimeoutMs })
      await vi.advanceTimersByTimeAsync(TEN_DAYS)
      expect((await pending).outcome, String(stepTimeoutMs)).toBe('completed')
    }
  })

  it('a positive limit does bite on the same handler', async () => {
    vi.useFakeTimers()
    const pending = executePlan(disaster.plan, slow(TEN_DAYS), { stepTimeoutMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect((await pending).entries[POOL]?.failure?._tag).toBe('StepTimedOut')
  })
})
