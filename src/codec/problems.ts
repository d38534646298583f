/**
 * The one place where io-ts validation errors become sfb-dr problems: JSON paths, short renderings
 * of what was found, and the guard that keeps every decoder total.
 *
 * Laws:
 * - `toProblems(errors)` is non-empty and keeps the order of `errors`; an error that carries a
 *   problem (see {@link problemError}) becomes that problem, every other one an `InvalidInput`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'
import { describeFound } from '../model/found.js'
import type { DecodeProblem, InvalidInput } from '../model/problem.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An io-ts validation error that stands for a problem other than `InvalidInput` (an unknown
 * reference, a duplicate, a broken pairing…), so that every decoder reports through `t.Errors`.
 *
 * @category internal
 * @since 0.1.0
 */
export interface ProblemError extends t.ValidationError {
  readonly problem: DecodeProblem
}

/**
 * A codec whose children are named by keys the document chose (FQDN-keyed maps): their paths are
 * rendered `pools["pool1.contoso.com"]`.
 *
 * @category internal
 * @since 0.1.0
 */
export class KeyedType<A, O = A> extends t.Type<A, O> {}

/**
 * The result every decoder returns.
 *
 * @category internal
 * @since 0.1.0
 */
export type Decoded<A> = E.Either<ReadonlyNonEmptyArray<DecodeProblem>, A>

/**
 * Stands for a value whose read threw (a throwing getter, a revoked Proxy): the problem is
 * reported at its path once; the field decoders report nothing more for it.
 *
 * @category internal
 * @since 0.2.0
 */
export const UNREADABLE: unique symbol = Symbol('sfb-dr unreadable value')

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An `InvalidInput` failure at context `c`; `expected` defaults to the name of the innermost codec.
 *
 * @category internal
 * @since 0.1.0
 */
export const invalid = (value: unknown, c: t.Context, expected?: string): t.ValidationError =>
  expected === undefined ? { value, context: c } : { value, context: c, message: expected }

/**
 * A validation error carrying `problem`.
 *
 * @category internal
 * @since 0.1.0
 */
export const problemError = (problem: DecodeProblem, value: unknown, c: t.Context): ProblemError => ({
  value,
  context: c,
  problem,
})

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

const MAX_KEY = 64
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const INDEX = /^(?:0|[1-9][0-9]*)$/

const quote = (s: string, max: number): string =>
  s.length <= max ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, max))}…`

/**
 * The JSON path of an io-ts context: `pools[0].fqdn`, `pairings[1][0]`,
 * `pools["pool9.contoso.com"].reachable`; `""` for the document itself. Keys of a
 * {@link KeyedType} are always quoted (and cut after 64 characters); other keys are indexes when
 * they are canonical integers (documents have no numeric field names) and names otherwise.
 *
 * @category internal
 * @since 0.1.0
 */
export const pathOf = (c: t.Context): string => {
  let path = ''
  for (let i = 1; i < c.length; i++) {
    const parent = c[i - 1]
    const entry = c[i]
    if (parent === undefined || entry === undefined) continue
    const key = entry.key
    if (parent.type instanceof KeyedType || !(INDEX.test(key) || IDENTIFIER.test(key))) path += `[${quote(key, MAX_KEY)}]`
    else if (INDEX.test(key)) path += `[${key}]`
    else path += path === '' ? key : `.${key}`
  }
  return path
}

/**
 * Renders a path made of plain segments, as {@link pathOf} would: numbers as `[n]`, names as `.name`.
 *
 * @category internal
 * @since 0.1.0
 */
export const pathFrom = (...segments: ReadonlyArray<string | number>): string => {
  let path = ''
  for (const s of segments) path += typeof s === 'number' ? `[${String(s)}]` : path === '' ? s : `.${s}`
  return path
}

/**
 * The path of an entry of an FQDN-keyed map: `pools["pool1.contoso.com"]`.
 *
 * @category internal
 * @since 0.1.0
 */
export const keyedPath = (map: string, key: string): string => `${map}[${quote(key, MAX_KEY)}]`

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

const isProblemError = (e: t.ValidationError): e is ProblemError => 'problem' in e

const toInvalidInput = (e: t.ValidationError): InvalidInput => {
  const last = e.context[e.context.length - 1]
  return {
    _tag: 'InvalidInput',
    path: pathOf(e.context),
    expected: e.message ?? last?.type.name ?? 'a valid value',
    found: e.value === UNREADABLE ? 'a value that cannot be read' : describeFound(e.value),
  }
}

/**
 * Maps io-ts errors to problems, dropping repeated `InvalidInput`s of one path.
 *
 * @category internal
 * @since 0.1.0
 */
export const toProblems = (errors: t.Errors): ReadonlyNonEmptyArray<DecodeProblem> => {
  const seen = new Set<string>()
  const out: Array<DecodeProblem> = []
  for (const e of errors) {
    if (isProblemError(e)) {
      out.push(e.problem)
      continue
    }
    const p = toInvalidInput(e)
    const key = `${p.path}\u0000${p.expected}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(p)
  }
  const [first, ...rest] = out
  return first === undefined
    ? [{ _tag: 'InvalidInput', path: '', expected: 'a valid document', found: describeFound(undefined) }]
    : [first, ...rest]
}

const unreadable: InvalidInput = {
  _tag: 'InvalidInput',
  path: '',
  expected: 'a plain JSON value',
  found: 'a value whose properties cannot be read (a throwing getter or a revoked Proxy)',
}

/**
 * Runs an io-ts validation and maps its errors, so that no input can make a decoder throw: an
 * exotic object whose property reads throw (a getter, a revoked Proxy) becomes an `InvalidInput`.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeWith = <A>(codec: t.Decoder<unknown, A>, input: unknown): Decoded<A> => {
  try {
    const result = codec.decode(input)
    return E.isRight(result) ? E.right(result.right) : E.left(toProblems(result.left))
  } catch {
    return E.left([unreadable])
  }
}
