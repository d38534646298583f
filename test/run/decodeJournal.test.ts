/**
 * decodeJournal (contract §4.1, §7): a journal saved as JSON is read back for resumePlan, its
 * shape checked and every field the journal format does not define refused.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { parseDocumentText } from '../../src/codec/documentText.js'
import { executePlan } from '../../src/run/executePlan.js'
import { decodeJournal } from '../../src/run/decodeJournal.js'
import type { Journal } from '../../src/run/journal.js'
import { resumePlan } from '../../src/run/resumePlan.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { scenarios } from '../render/scenarios.js'

const counter = (): (() => string) => {
  let n = 0
  return () => `2026-11-25T10:00:0${String(++n % 10)}Z`
}
const asJson = (j: Journal): Record<string, unknown> => JSON.parse(JSON.stringify(j)) as Record<string, unknown>
const problems = (u: unknown) => {
  const r = decodeJournal(u)
  if (E.isRight(r)) throw new Error('expected the journal to be refused')
  return r.left
}

const failedRun = async (): Promise<{ readonly journal: Journal; readonly scenario: ReturnType<typeof scenarios>[number] }> => {
  const scenario = scenarios().find((s) => s.plan.steps.length >= 3)!
  const sim = simulatedHandlers(scenario.topology, scenario.state, { failAt: scenario.plan.steps[1]!.id })
  return { journal: await executePlan(scenario.plan, sim.handlers, { now: counter() }), scenario }
}

describe('decodeJournal', () => {
  it('reads back every journal executePlan writes, and resumePlan accepts it', async () => {
    const { journal, scenario } = await failedRun()
    expect(journal.outcome).toBe('failed')
    const decoded = decodeJournal(asJson(journal))
    expect(decoded).toStrictEqual(E.right(asJson(journal)))
    const rest = E.chainW((j: Journal) => resumePlan(scenario.topology, scenario.state, scenario.plan, j))(decoded)
    expect(E.isRight(rest)).toBe(true)
    for (const s of scenarios()) {
      const sim = simulatedHandlers(s.topology, s.state)
      const done = await executePlan(s.plan, sim.handlers, { now: counter() })
      expect(decodeJournal(asJson(done))).toStrictEqual(E.right(asJson(done)))
    }
  })

  it('reads the journal of a refused plan, with its problems', async () => {
    const s = scenarios()[0]!
    const tampered = { ...s.plan, id: 'x' }
    const journal = await executePlan(tampered, simulatedHandlers(s.topology, s.state).handlers)
    expect(journal.problems).toBeDefined()
    expect(decodeJournal(asJson(journal))).toStrictEqual(E.right(asJson(journal)))
  })

  it('drops only the top-level $schema: the fields of a refused plan\'s problems are kept as written, whatever their names', async () => {
    const s = scenarios()[0]!
    const journal = asJson(await executePlan({ ...s.plan, id: 'x' }, simulatedHandlers(s.topology, s.state).handlers))
    const problem = { _tag: 'FromAnotherTool', $schema: 'https://example.com/problem.json' }
    expect(decodeJournal({ $schema: 'https://example.com/journal.json', ...journal, problems: [problem] })).toStrictEqual(E.right({ ...journal, problems: [problem] }))
  })

  it('reads every kind of step failure back', async () => {
    const s = scenarios()[0]!
    const sim = simulatedHandlers(s.topology, s.state)
    const failing = { ...sim.handlers, [s.plan.steps[0]._tag]: () => TE.left({ _tag: 'PortFailure', message: 'access denied', code: 'E5' }) }
    const journal = await executePlan(s.plan, failing, { now: counter() })
    expect(journal.entries[0]?.failure).toEqual({ _tag: 'PortFailure', message: 'access denied', code: 'E5' })
    expect(decodeJournal(asJson(journal))).toStrictEqual(E.right(asJson(journal)))
    const timedOut = { ...asJson(journal) }
    ;(timedOut['entries'] as Array<Record<string, unknown>>)[0]!['failure'] = { _tag: 'StepTimedOut', timeoutMs: -0, message: 'slow' }
    const decoded = decodeJournal(timedOut)
    expect(E.isRight(decoded) && Object.is((decoded.right.entries[0]?.failure as { timeoutMs: number }).timeoutMs, 0)).toBe(true)
  })

  it.each([
    [['planid'], 'planid', 'planId'],
    [['entries', 0, 'stepid'], 'entries[0].stepid', 'stepId'],
    [['entries', 0, 'startAt'], 'entries[0].startAt', 'startedAt'],
    [['entries', 1, 'failure', 'mesage'], 'entries[1].failure.mesage', 'message'],
    [['entries', 0, 'observed', 'activemaster'], 'entries[0].observed.activemaster', 'activeMaster'],
  ] as const)('refuses an unknown field %j', async (path, problemPath, suggestion) => {
    const { journal } = await failedRun()
    const doc = asJson(journal)
    const entries = doc['entries'] as Array<Record<string, unknown>>
    entries[0]!['observed'] = { activeMaster: 'pool2.contoso.com' }
    let here: unknown = doc
    for (const k of path.slice(0, -1)) here = (here as Record<string | number, unknown>)[k]
    ;(here as Record<string, unknown>)[path[path.length - 1] as string] = 'x'
    expect(problems(doc)).toEqual([{ _tag: 'UnknownField', path: problemPath, field: path[path.length - 1], suggestion }])
  })

  it('reports every shape problem at once, each with its path', async () => {
    const { journal } = await failedRun()
    const doc = asJson(journal)
    doc['outcome'] = 'done'
    const entries = doc['entries'] as Array<Record<string, unknown>>
    entries[0]!['status'] = 'ok'
    entries[1]!['_tag'] = 'RebootEverything'
    entries[1]!['failure'] = { _tag: 'Oops' }
    expect(problems(doc).map((p) => p.path)).toEqual(['outcome', 'entries[0].status', 'entries[1]._tag', 'entries[1].failure._tag'])
  })

  it('reads a journal file as Windows tools write it, and allows a top-level $schema', async () => {
    const { journal } = await failedRun()
    const text = `\uFEFF${JSON.stringify({ $schema: 'sfb-dr/schemas/journal.schema.json', ...journal })}`
    expect(E.chainW(decodeJournal)(parseDocumentText(text))).toStrictEqual(E.right(asJson(journal)))
  })

  it('never throws, whatever the value', () => {
    const hostile = Object.defineProperty({ planId: 'p', outcome: 'failed' }, 'entries', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const junk of [null, undefined, 0, 'journal', [], {}, hostile, proxy, { planId: 'p', outcome: 'failed', entries: [null, 1] }])
      expect(E.isLeft(decodeJournal(junk))).toBe(true)
  })
})
