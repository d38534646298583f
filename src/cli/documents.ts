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
  type Plan,
  type Problem,
  type State,
  type Topology,
} from '../index.js'
import type { StateSource } from './args.js'
import { documentProblem, failure, type Failure, type Reported } from './outcome.js'

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
 * Bytes → text: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one (PowerShell
 * 5.1's `Out-File` writes UTF-16 LE with a BOM). Bytes that are not text in that encoding are a
 * `Left`.
 */
// HOOK(parseDocumentText): once the library exports parseDocumentText(bytes), read with it here
// and drop this function and parseJson below (same rules, contract §14).
const decodeText = (bytes: Uint8Array): E.Either<string, string> => {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  try {
    // The decoder drops the byte-order mark of its own encoding.
    return E.right(new TextDecoder(encoding, { fatal: true }).decode(bytes))
  } catch {
    return E.left(`not ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()} text`)
  }
}

const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown)
  } catch (e) {
    return E.left(e instanceof Error ? e.message : String(e))
  }
}

/** Reads and parses one named file. */
export const readJson = (reader: Reader, source: Source): E.Either<Reported, unknown> => {
  const bytes = source.path === '-' ? reader.readStdin() : reader.readFile(source.path)
  if (E.isLeft(bytes))
    return E.left({
      _tag: 'UnreadableFile',
      message: `cannot read ${source.label}: ${bytes.left}`,
      file: source.path,
      reason: bytes.left,
    })
  const json = E.chain(parseJson)(decodeText(bytes.right))
  if (E.isLeft(json))
    return E.left({ _tag: 'InvalidJson', message: `${source.label} is not valid JSON: ${json.left}`, file: source.path, reason: json.left })
  return E.right(json.right)
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
  if (E.isLeft(json)) return E.left(failure(2, '', [json.left]))
  return E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) => documentFailure(source, ps))(decodeTopology(json.right))
}

/** The state: from its file, or the topology's healthy state with `--assume-healthy`. */
export const loadState = (reader: Reader, topology: Topology, state: StateSource): E.Either<Failure, State> => {
  if (state._tag === 'AssumeHealthy') return E.right(initialState(topology))
  const source = flagSource('state', state.path)
  const json = readJson(reader, source)
  if (E.isLeft(json)) return E.left(failure(2, '', [json.left]))
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
  if (E.isLeft(json)) return E.left(failure(2, '', [json.left]))
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
