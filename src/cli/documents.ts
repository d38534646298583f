/**
 * Reading the documents a command names: bytes (a file or standard input) → text → JSON → the
 * library's decoders. Every failure is a reported problem naming the file; exit code 2.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import {
  computePlanId,
  decodeState,
  decodeTopology,
  initialState,
  parseDocumentText,
  type Plan,
  type Problem,
  type State,
  type Topology,
} from '../index.js'
import type { StateSource } from './args.js'
import { documentProblem, failure, type Failure } from './outcome.js'

/** The effects of reading. */
export interface Reader {
  /** The bytes of a file; `Left` with a short reason (`no such file`) when it cannot be read. */
  readonly readFile: (path: string) => E.Either<string, Uint8Array>
  /** All of standard input. */
  readonly readStdin: () => E.Either<string, Uint8Array>
}

/** A file named on the command line: `--topology t.json`, or the operand `PLAN.json`. */
export interface Source {
  /** `--topology t.json`; `plan file p.json`; `-` is named standard input. */
  readonly label: string
  /** The path as given (`-` for standard input). */
  readonly path: string
}

/** The source named by a flag. */
export const flagSource = (flag: string, path: string): Source => ({
  label: `--${flag} ${path === '-' ? '- (standard input)' : path}`,
  path,
})

/** The plan file operand. */
export const planSource = (path: string): Source => ({
  label: `plan ${path === '-' ? '- (standard input)' : path}`,
  path,
})

/**
 * Reads and parses one named file: its bytes go to the library's `parseDocumentText` (UTF-8 with
 * or without a byte-order mark, UTF-16 LE/BE with one).
 */
export const readJson = (reader: Reader, source: Source): E.Either<Failure, unknown> => {
  const bytes = source.path === '-' ? reader.readStdin() : reader.readFile(source.path)
  if (E.isLeft(bytes))
    return E.left(
      failure(2, '', [{ _tag: 'UnreadableFile', message: `cannot read ${source.label}: ${bytes.left}`, file: source.path, reason: bytes.left }]),
    )
  return E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) =>
    failure(2, `${source.label} is not a JSON document:`, ps.map((p) => documentProblem(p, source.path))),
  )(parseDocumentText(bytes.right))
}

/** A document with problems (exit 2): every problem, each with the file. */
export const documentFailure = (source: Source, problems: RNEA.ReadonlyNonEmptyArray<Problem>): Failure =>
  failure(
    2,
    `${source.label} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:`,
    problems.map((p) => documentProblem(p, source.path)),
  )

/** The topology: read, parsed and decoded. */
export const loadTopology = (reader: Reader, source: Source): E.Either<Failure, Topology> => {
  const json = readJson(reader, source)
  if (E.isLeft(json)) return json
  return E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) => documentFailure(source, ps))(decodeTopology(json.right))
}

/** The state: from its file, or the topology's healthy state with `--assume-healthy`. */
export const loadState = (reader: Reader, topology: Topology, state: StateSource): E.Either<Failure, State> => {
  if (state._tag === 'AssumeHealthy') return E.right(initialState(topology))
  const source = flagSource('state', state.path)
  const json = readJson(reader, source)
  if (E.isLeft(json)) return json
  return E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) => documentFailure(source, ps))(decodeState(topology, json.right))
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A saved plan document, read as a plan; `validatePlan` checks its id and its steps (`validate`),
 * {@link checkPlanId} its id alone (`show`).
 */
// HOOK(decodePlan): once the library exports decodePlan(input), decode with it here: its problems
// are document problems (exit 2).
export const loadPlan = (reader: Reader, source: Source): E.Either<Failure, Plan> => {
  const json = readJson(reader, source)
  if (E.isLeft(json)) return json
  const doc = json.right
  if (!isRecord(doc) || doc['formatVersion'] !== 1 || !Array.isArray(doc['steps']) || typeof doc['id'] !== 'string')
    return E.left(
      documentFailure(source, [
        {
          _tag: 'InvalidInput',
          path: '',
          expected: 'a plan document (formatVersion 1, id, intent, steps, warnings, impact)',
          found: Array.isArray(doc) ? 'an array' : isRecord(doc) ? 'an object without them' : typeof doc,
        },
      ]),
    )
  return E.right(doc as unknown as Plan)
}

/** The plan when its id matches its content; refused (exit 1) when it was edited. */
export const checkPlanId = (source: Source, plan: Plan): E.Either<Failure, Plan> => {
  const expected = computePlanId(plan)
  return expected === plan.id
    ? E.right(plan)
    : E.left(failure(1, `${source.label} is refused:`, [documentProblem({ _tag: 'PlanIdMismatch', expected, found: plan.id }, source.path)]))
}
