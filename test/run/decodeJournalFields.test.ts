/**
 * decodeJournal, field by field: a stored journal that was corrupted or hand-edited is refused
 * with the path of every bad field and what it should hold (contract §4.1, §7), so that an
 * operator can fix the file before `resumePlan` continues the run.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeJournal } from '../../src/run/decodeJournal.js'

type Doc = Record<string, unknown>
type Entry = Record<string, unknown>

/** A journal as executePlan writes it for a failed run: a check that succeeded, then a port failure. */
const stored = (): Doc => ({
  planId: 'p1',
  outcome: 'failed',
  entries: [
    {
      stepId: '1-check-cms',
      _tag: 'CheckCentralManagementStore',
      status: 'succeeded',
      startedAt: '2026-11-25T10:00:01Z',
      finishedAt: '2026-11-25T10:00:02Z',
      observed: { activeMaster: 'pool2.contoso.com' },
    },
    { stepId: '2-failover-pool', _tag: 'FailoverPool', status: 'failed', failure: { _tag: 'PortFailure', message: 'access denied', code: 'E5' } },
  ],
})

const entry = (doc: Doc, i: number): Entry => (doc['entries'] as Array<Entry>)[i] as Entry
const edited = (edit: (doc: Doc) => void): Doc => {
  const doc = stored()
  edit(doc)
  return doc
}
/** The refusal as `[path, expected]` pairs. */
const refusal = (u: unknown): ReadonlyArray<readonly [string, string]> => {
  const r = decodeJournal(u)
  if (E.isRight(r)) throw new Error('expected the journal to be refused')
  return r.left.map((p) => [p.path, p._tag === 'InvalidInput' ? p.expected : p._tag] as const)
}

const FAILURE_TAGS = '"PortFailure" | "HandlerThrew" | "StepTimedOut" | "CheckMismatch" | "ClockFailed"'

describe('decodeJournal refuses each bad field with its path and what it should hold', () => {
  it('reads the journal as stored (the cases below each break one field of it)', () => {
    expect(decodeJournal(stored())).toStrictEqual(E.right(stored()))
    expect(decodeJournal(edited((d) => (d['problems'] = [{ _tag: 'PlanNotValidated', planId: 'p1' }])))).toStrictEqual(
      E.right({ ...stored(), problems: [{ _tag: 'PlanNotValidated', planId: 'p1' }] }),
    )
    expect(E.isRight(decodeJournal(edited((d) => (entry(d, 1)['failure'] = { _tag: 'StepTimedOut', timeoutMs: 0, message: 'slow' }))))).toBe(true)
  })

  it.each<readonly [string, unknown, ReadonlyArray<readonly [string, string]>]>([
    ['no object: null', null, [['', 'a journal object']]],
    ['no object: an array', [stored()], [['', 'a journal object']]],
    ['no object: a string', 'journal', [['', 'a journal object']]],
    ['planId a number', edited((d) => (d['planId'] = 5)), [['planId', 'a plan id']]],
    ['entries no array', edited((d) => (d['entries'] = { 0: entry(d, 0) })), [['entries', 'an array of journal entries']]],
    ['an entry that is a number', edited((d) => (d['entries'] = [7])), [['entries[0]', 'a journal entry object']]],
    ['an entry that is an array', edited((d) => (d['entries'] = [[entry(d, 0)]])), [['entries[0]', 'a journal entry object']]],
    ['an empty step id', edited((d) => (entry(d, 0)['stepId'] = '')), [['entries[0].stepId', 'a step id (a non-empty string)']]],
    ['a step id that is a number', edited((d) => (entry(d, 0)['stepId'] = 1)), [['entries[0].stepId', 'a step id (a non-empty string)']]],
    ['a status that is a number', edited((d) => (entry(d, 0)['status'] = 1)), [['entries[0].status', '"succeeded" | "failed" | "notRun"']]],
    ['a start time that is a number', edited((d) => (entry(d, 0)['startedAt'] = 1764064801)), [['entries[0].startedAt', 'a date-time or nothing']]],
    ['a failure that is text', edited((d) => (entry(d, 1)['failure'] = 'access denied')), [['entries[1].failure', 'a step failure object']]],
    ['a failure that is an array', edited((d) => (entry(d, 1)['failure'] = [])), [['entries[1].failure', 'a step failure object']]],
    ['a failure of an unknown kind', edited((d) => (entry(d, 1)['failure'] = { _tag: 'Oops', message: 'x' })), [['entries[1].failure._tag', FAILURE_TAGS]]],
    ['a failure message that is a number', edited((d) => (entry(d, 1)['failure'] = { _tag: 'PortFailure', message: 5 })), [['entries[1].failure.message', 'a message']]],
    ['a failure code that is a number', edited((d) => (entry(d, 1)['failure'] = { _tag: 'PortFailure', message: 'm', code: 5 })), [['entries[1].failure.code', 'a code or nothing']]],
    [
      'an unknown reason a handler failed',
      edited((d) => (entry(d, 1)['failure'] = { _tag: 'HandlerThrew', reason: 'exploded', message: 'm' })),
      [['entries[1].failure.reason', '"threw" | "rejected" | "notAnEither" | "noHandler"']],
    ],
    ...[-1, Number.POSITIVE_INFINITY, Number.NaN, '5'].map(
      (timeoutMs) =>
        [
          `a time limit of ${String(timeoutMs)}`,
          edited((d) => (entry(d, 1)['failure'] = { _tag: 'StepTimedOut', timeoutMs, message: 'slow' })),
          [['entries[1].failure.timeoutMs', 'a number of milliseconds ≥ 0']],
        ] as const,
    ),
    ['an observation that is text', edited((d) => (entry(d, 0)['observed'] = 'pool2.contoso.com')), [['entries[0].observed', 'an observation object']]],
    ['an observation that is an array', edited((d) => (entry(d, 0)['observed'] = [])), [['entries[0].observed', 'an observation object']]],
    [
      'an observed active master that is a number',
      edited((d) => (entry(d, 0)['observed'] = { activeMaster: 2 })),
      [['entries[0].observed.activeMaster', 'the active master as reported or nothing']],
    ],
    ['no problems listed', edited((d) => (d['problems'] = [])), [['problems', 'a non-empty array of problems']]],
    ['problems that are text', edited((d) => (d['problems'] = 'refused')), [['problems', 'a non-empty array of problems']]],
    ['a problem that is a number', edited((d) => (d['problems'] = [5])), [['problems[0]', 'a problem object']]],
    ['a problem without a tag', edited((d) => (d['problems'] = [{ planId: 'p1' }])), [['problems[0]._tag', 'a problem tag']]],
    ['a problem with an empty tag', edited((d) => (d['problems'] = [{ _tag: '' }])), [['problems[0]._tag', 'a problem tag']]],
    ['a problem whose tag is a number', edited((d) => (d['problems'] = [{ _tag: 1 }])), [['problems[0]._tag', 'a problem tag']]],
  ])('%s', (_what, doc, expected) => {
    expect(refusal(doc)).toStrictEqual(expected)
  })

  it('a journal that changes while it is read (a getter that answers once, then throws) is refused, not thrown', () => {
    let reads = 0
    const doc = Object.defineProperty(stored(), 'planId', {
      enumerable: true,
      get: () => {
        reads += 1
        if (reads > 1) throw new Error('gone')
        return 'p1'
      },
    })
    expect(refusal(doc)).toStrictEqual([['', 'a journal made of plain data']])
  })
})
