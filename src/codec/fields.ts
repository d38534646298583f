/**
 * Reading document objects field by field without trusting them: fields are read by name (never by
 * iterating the input's keys into a plain object), every error is collected, and one bad field or
 * item never hides the others.
 *
 * The valid path allocates nothing: a value is located by the io-ts context of its section plus
 * up to four keys (`pools` context + `3, 'backEnd', 'mirror', 'sqlServer'`), and that context is
 * built only when an error is reported.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { invalid } from './problems.js'

/**
 * A document object: any non-array object, read only through its named fields.
 *
 * @category internal
 * @since 0.1.0
 */
export interface Fields {
  readonly [key: string]: unknown
}

/**
 * Whether `u` is a non-null, non-array object.
 *
 * @category internal
 * @since 0.1.0
 */
export const isFields = (u: unknown): u is Fields => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Collects the errors of one decoding pass.
 *
 * @category internal
 * @since 0.1.0
 */
export type Errors = Array<t.ValidationError>

/**
 * A key of an object field (a name) or of an array item (an index).
 *
 * @category internal
 * @since 0.1.0
 */
export type Key = string | number

/**
 * A codec of a leaf value whose guard is exact: `is(u)` implies that `validate(u)` succeeds with
 * `u` itself, and `validate` fails with a single error that carries no message.
 *
 * @category internal
 * @since 0.1.0
 */
export class LeafType<A, O = A> extends t.Type<A, O> {}

/**
 * The context of the value at `keys` below context `c`, the last entry typed `type` and holding
 * `actual` (built on the error path only).
 *
 * @category internal
 * @since 0.1.0
 */
export const contextAt = (
  c: t.Context,
  type: t.Decoder<unknown, unknown>,
  actual: unknown,
  ...keys: ReadonlyArray<Key | undefined>
): t.Context => {
  const present = keys.filter((k): k is Key => k !== undefined)
  let here = c
  present.forEach((k, i) => {
    const last = i === present.length - 1
    here = t.appendContext(here, String(k), last ? type : t.unknown, last ? actual : undefined)
  })
  return here
}

/**
 * Validates the leaf `value` found at `keys` below `c` (up to four keys); on failure reports an
 * `InvalidInput` there and returns `undefined`.
 *
 * @category internal
 * @since 0.1.0
 */
export const leaf = <A>(
  errors: Errors,
  codec: LeafType<A, unknown>,
  value: unknown,
  c: t.Context,
  k1: Key,
  k2?: Key,
  k3?: Key,
  k4?: Key,
): A | undefined => {
  if (codec.is(value)) return value
  const r = codec.validate(value, c)
  if (E.isRight(r)) return r.right
  errors.push(invalid(value, contextAt(c, codec, value, k1, k2, k3, k4)))
  return undefined
}

/**
 * Reports that the value at `keys` below `c` is not what `expected` says.
 *
 * @category internal
 * @since 0.1.0
 */
export const reject = (
  errors: Errors,
  expected: string,
  value: unknown,
  c: t.Context,
  k1: Key,
  k2?: Key,
  k3?: Key,
  k4?: Key,
): void => {
  errors.push(invalid(value, contextAt(c, t.unknown, value, k1, k2, k3, k4), expected))
}

/**
 * {@link leaf} for an optional field: `undefined` when `value` is `undefined`.
 *
 * @category internal
 * @since 0.1.0
 */
export const optionalLeaf = <A>(
  errors: Errors,
  codec: LeafType<A, unknown>,
  value: unknown,
  c: t.Context,
  k1: Key,
  k2?: Key,
  k3?: Key,
  k4?: Key,
): A | undefined => (value === undefined ? undefined : leaf(errors, codec, value, c, k1, k2, k3, k4))
