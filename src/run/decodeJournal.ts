/**
 * Reading a stored journal (contract §7): the record `executePlan` returns, read back from JSON
 * to resume a run (`resumePlan`) or to show what happened.
 *
 * Laws:
 * - `decodeJournal(JSON.parse(JSON.stringify(j)))` deep-equals `right(j)` for every journal `j`
 *   that `executePlan` returns.
 * - Every own field of every object is checked or reported as unknown (`UnknownField`); only a
 *   top-level `$schema` string is allowed besides. The result is a fresh copy of own fields.
 * - Never throws, whatever the input.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { InvalidInput, UnknownField } from '../model/problem.js'
import { isStepTag } from '../plan/catalog.js'
import { copyDocument } from '../plan/decodePlan.js'
import { invalidInput, isRecord, ownField } from '../plan/input.js'
import { checkedFields, type FieldCheck } from '../plan/planShape.js'
import type { Journal, JournalEntry, Observed, StepFailure } from './journal.js'

type Problems = Array<InvalidInput | UnknownField>

const isText = (u: unknown): boolean => typeof u === 'string'
const text = (expected: string): FieldCheck => ({ ok: isText, expected, schema: { type: 'string' } })
const optionalText = (expected: string): FieldCheck => ({
  ok: (u) => u === undefined || isText(u),
  expected: `${expected} or nothing`,
  schema: { type: 'string' },
  optional: true,
})
const oneOf = (...values: ReadonlyArray<string>): FieldCheck => ({
  ok: (u) => typeof u === 'string' && values.includes(u),
  expected: values.map((v) => JSON.stringify(v)).join(' | '),
  schema: { enum: values },
})

/** The checks of the fields of `T` but `_tag`: one per field, none missing (checked at compile time). */
type Checks<T> = { readonly [F in Exclude<keyof T, '_tag'>]-?: FieldCheck }

/** Every key of every member of a union. */
type KeysOfUnion<T> = T extends unknown ? keyof T : never

/**
 * The fields of every step failure, by tag: a record over `StepFailure`, so that a failure added
 * to the journal, or a field added to one, fails to compile until it is listed here.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const FAILURE_FIELDS: { readonly [K in StepFailure['_tag']]: Checks<Extract<StepFailure, { readonly _tag: K }>> } = {
  PortFailure: { message: text('a message'), code: optionalText('a code') },
  HandlerThrew: { reason: oneOf('threw', 'rejected', 'notAnEither', 'noHandler'), message: text('a message') },
  StepTimedOut: {
    timeoutMs: { ok: (u) => typeof u === 'number' && Number.isFinite(u) && u >= 0, expected: 'a number of milliseconds ≥ 0', schema: { type: 'number', minimum: 0 } },
    message: text('a message'),
  },
  CheckMismatch: { expected: text('a text'), observed: text('a text'), message: text('a message') },
  ClockFailed: { when: oneOf('start', 'finish'), message: text('a message') },
}

/**
 * The fields an observation may have: every field of every member of `Observed` (observations
 * carry no tag), so that a field added to an observation fails to compile until it is listed.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const OBSERVED_FIELDS: { readonly [K in KeysOfUnion<Observed>]-?: FieldCheck } = {
  activeMaster: optionalText('the active master as reported'),
  exportState: optionalText('an export state as reported'),
  importState: optionalText('an import state as reported'),
  principal: optionalText('the principal Back End server as reported'),
}

/**
 * The fields of a journal entry.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const ENTRY_FIELDS: { readonly [F in Exclude<keyof JournalEntry, 'failure' | 'observed'>]-?: FieldCheck } = {
  stepId: { ok: (u) => typeof u === 'string' && u !== '', expected: 'a step id (a non-empty string)', schema: { type: 'string', minLength: 1 } },
  _tag: { ok: isStepTag, expected: 'a step tag', schema: { type: 'string' } },
  status: oneOf('succeeded', 'failed', 'notRun'),
  startedAt: optionalText('a date-time'),
  finishedAt: optionalText('a date-time'),
}

/**
 * The fields of a journal.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const JOURNAL_FIELDS: { readonly [F in Exclude<keyof Journal, 'entries' | 'problems'>]-?: FieldCheck } = {
  planId: text('a plan id'),
  outcome: oneOf('completed', 'failed', 'aborted'),
}

const isObject = (u: unknown): u is object => isRecord(u) && !Array.isArray(u)
const isFailureTag = (u: unknown): u is StepFailure['_tag'] =>
  typeof u === 'string' && Object.prototype.hasOwnProperty.call(FAILURE_FIELDS, u)

const failureProblems = (path: string, failure: unknown): Problems => {
  if (!isObject(failure)) return [invalidInput(path, 'a step failure object', failure)]
  const tag = ownField(failure, '_tag')
  if (!isFailureTag(tag))
    return [invalidInput(`${path}._tag`, Object.keys(FAILURE_FIELDS).map((k) => JSON.stringify(k)).join(' | '), tag)]
  const checks: { readonly [field: string]: FieldCheck } = FAILURE_FIELDS[tag]
  return checkedFields(path, failure, checks, ['_tag', ...Object.keys(checks)])
}

const entryProblems = (path: string, entry: unknown): Problems => {
  if (!isObject(entry)) return [invalidInput(path, 'a journal entry object', entry)]
  const out: Problems = checkedFields(path, entry, ENTRY_FIELDS, [...Object.keys(ENTRY_FIELDS), 'failure', 'observed'])
  const failure = ownField(entry, 'failure')
  if (failure !== undefined) out.push(...failureProblems(`${path}.failure`, failure))
  const observed = ownField(entry, 'observed')
  if (observed !== undefined) {
    if (!isObject(observed)) out.push(invalidInput(`${path}.observed`, 'an observation object', observed))
    else out.push(...checkedFields(`${path}.observed`, observed, OBSERVED_FIELDS, Object.keys(OBSERVED_FIELDS)))
  }
  return out
}

const problemProblems = (path: string, problem: unknown): Problems => {
  if (!isObject(problem)) return [invalidInput(path, 'a problem object', problem)]
  const tag = ownField(problem, '_tag')
  return typeof tag === 'string' && tag !== '' ? [] : [invalidInput(`${path}._tag`, 'a problem tag', tag)]
}

const journalProblems = (journal: unknown): Problems => {
  if (!isObject(journal)) return [invalidInput('', 'a journal object', journal)]
  const out: Problems = checkedFields('', journal, JOURNAL_FIELDS, [...Object.keys(JOURNAL_FIELDS), 'entries', 'problems'])
  const entries = ownField(journal, 'entries')
  if (!Array.isArray(entries)) out.push(invalidInput('entries', 'an array of journal entries', entries))
  else entries.forEach((entry: unknown, i) => out.push(...entryProblems(`entries[${i}]`, entry)))
  const problems = ownField(journal, 'problems')
  if (problems !== undefined) {
    if (!Array.isArray(problems) || problems.length === 0) out.push(invalidInput('problems', 'a non-empty array of problems', problems))
    else problems.forEach((p: unknown, i) => out.push(...problemProblems(`problems[${i}]`, p)))
  }
  return out
}

const isJournal = (u: unknown): u is Journal => isObject(u)

/**
 * Decodes a stored journal — what `executePlan` returned, saved as JSON — for `resumePlan` or for
 * showing what happened.
 *
 * **Details**: checks the shape of the journal and of every entry (step id, step tag, status,
 * times, the failure by its tag, the observation) and refuses every field the journal format does
 * not define (`UnknownField`, with the nearest known name); every problem is reported at once,
 * each with its path (`entries[2].status`). The entries of `problems` (a refused plan's
 * violations) are checked to be tagged objects; their other fields are not judged. It does not
 * check that the journal belongs to a plan or that its statuses are in an order a run can write:
 * `resumePlan` does (`JournalMismatch`).
 *
 * **Gotchas**: never throws, whatever the input; only own fields are read; the result is a fresh
 * copy (`-0` reads `0`; a top-level `$schema` string is allowed and dropped).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeJournal, executePlan, parseDocumentText, planFailover, resumePlan } from 'sfb-dr'
 * import { simulatedHandlers } from 'sfb-dr/testing'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * if (E.isRight(plan)) {
 *   const journal = await executePlan(plan.right, simulatedHandlers(contoso, redmondDown, { failAt: '4-failover-pool' }).handlers)
 *   const saved = JSON.stringify(journal) // kept on disk; read back later:
 *   const rest = pipe(parseDocumentText(saved), E.chainW(decodeJournal), E.chainW((j) => resumePlan(contoso, redmondDown, plan.right, j)))
 *   console.log(pipe(rest, E.map((p) => p.steps.map((s) => s._tag)))) // => right(['FailoverPool'])
 * }
 *
 * @see {@link resumePlan}
 * @category execution
 * @since 0.2.0
 */
export const decodeJournal = (input: unknown): E.Either<RNEA.ReadonlyNonEmptyArray<InvalidInput | UnknownField>, Journal> => {
  try {
    const [first, ...rest] = journalProblems(input)
    if (first !== undefined) return E.left([first, ...rest])
    const journal = copyDocument(input, true)
    return isJournal(journal) ? E.right(journal) : E.left([invalidInput('', 'a journal object', input)])
  } catch {
    return E.left([invalidInput('', 'a journal made of plain data', input)])
  }
}
