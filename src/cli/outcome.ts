/**
 * How a run ends, and how that is written: text for people (result on stdout, problems on
 * stderr) or, with `--format json`, ONE JSON document on stdout in every outcome:
 * `{ "ok": true, "plan" | "report": … }` or `{ "ok": false, "problems": [{ "_tag", "message", … }] }`.
 *
 * @module
 */
import { formatProblem, type Problem } from '../index.js'

/** A problem as reported: its tag, its sentence and its fields (a library problem's own, plus `file`). */
export interface Reported {
  readonly _tag: string
  readonly message: string
  readonly [field: string]: unknown
}

/** A library problem about a document or a request, with the file it is about when there is one. */
export const documentProblem = (problem: Problem, file?: string): Reported => {
  const { _tag, ...fields } = problem
  return { _tag, message: formatProblem(problem), ...fields, ...(file === undefined ? {} : { file }) }
}

/** A run that did not do what was asked. */
export interface Failure {
  readonly _tag: 'Failure'
  /** 1 refused; 2 usage, unreadable file, invalid JSON, a document with problems. */
  readonly code: 1 | 2
  /** The line before the problems in text output (`the request is refused:`); may be empty. */
  readonly headline: string
  readonly problems: ReadonlyArray<Reported>
  /** Printed after the problems in text output (a usage). */
  readonly footer?: string
}

/** A failure. */
export const failure = (code: 1 | 2, headline: string, problems: ReadonlyArray<Reported>, footer?: string): Failure => ({
  _tag: 'Failure',
  code,
  headline,
  problems,
  ...(footer === undefined ? {} : { footer }),
})

/** A run that did what was asked. */
export interface Success {
  readonly _tag: 'Success'
  /** What text formats print on stdout. */
  readonly text: string
  /** The fields after `"ok": true` of the JSON output. */
  readonly json: Readonly<Record<string, unknown>>
  /** Lines for stderr (what was saved where). */
  readonly notes: ReadonlyArray<string>
}

/** Where output goes. */
export interface Writer {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

const line = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`)

/** Writes an outcome and returns its exit code. */
export const write = (writer: Writer, json: boolean, outcome: Success | Failure): 0 | 1 | 2 => {
  if (outcome._tag === 'Success') {
    writer.out(json ? `${JSON.stringify({ ok: true, ...outcome.json }, null, 2)}\n` : line(outcome.text))
    for (const note of outcome.notes) writer.err(line(`sfb-dr: ${note}`))
    return 0
  }
  if (json) {
    writer.out(`${JSON.stringify({ ok: false, problems: outcome.problems }, null, 2)}\n`)
    return outcome.code
  }
  const [only] = outcome.problems
  const lines =
    outcome.headline === '' && outcome.problems.length === 1 && only !== undefined
      ? [`sfb-dr: ${only.message}`]
      : [`sfb-dr: ${outcome.headline}`, ...outcome.problems.map((p) => `  - ${p.message}`)]
  writer.err(line([...lines, ...(outcome.footer === undefined ? [] : [outcome.footer])].join('\n')))
  return outcome.code
}
