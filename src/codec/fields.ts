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
import { unknownField } from '../model/fieldNames.js'
import { invalid, pathOf, problemError, UNREADABLE } from './problems.js'

export { UNREADABLE }

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
export const isFields = (u: unknown): u is Fields => {
  try {
    return typeof u === 'object' && u !== null && !Array.isArray(u)
  } catch {
    // `Array.isArray` throws on a revoked Proxy: not an object that can be read.
    return false
  }
}


/**
 * `Object.prototype.hasOwnProperty`, to be called as `hasOwn.call(object, key)` (inside a `for…in`
 * over `object`, V8 turns that call into a check of the object's shape).
 *
 * @category internal
 * @since 0.2.0
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(object, key)
export const hasOwn = Object.prototype.hasOwnProperty

/**
 * Whether `key` is an own property of `u` (never an inherited one: a polluted
 * `Object.prototype.failovers` is not a field of any document).
 *
 * @category internal
 * @since 0.2.0
 */
export const isOwn = (u: object, key: string | number): boolean => hasOwn.call(u, key)

/**
 * The own field `key` of `u`: `undefined` when it has none (inherited fields are never read),
 * {@link UNREADABLE} when reading it throws. Allocates nothing.
 *
 * @category internal
 * @since 0.2.0
 */
export const field = (u: Fields, key: string): unknown => {
  try {
    return hasOwn.call(u, key) ? u[key] : undefined
  } catch {
    return UNREADABLE
  }
}

/**
 * The length of a list, or `-1` when it cannot be read (a revoked Proxy).
 *
 * @category internal
 * @since 0.2.0
 */
export const lengthOf = (list: ReadonlyArray<unknown>): number => {
  try {
    const n = list.length
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : -1
  } catch {
    return -1
  }
}

/**
 * Item `i` of a list: own elements only (a hole is `undefined` even when a prototype has that
 * index), {@link UNREADABLE} when reading it throws. Allocates nothing.
 *
 * @category internal
 * @since 0.2.0
 */
export const itemAt = (list: ReadonlyArray<unknown>, i: number): unknown => {
  try {
    return hasOwn.call(list, i) ? list[i] : undefined
  } catch {
    return UNREADABLE
  }
}

const unreadableAt = (errors: Errors, c: t.Context): void => {
  errors.push(invalid(UNREADABLE, c, 'a plain JSON value'))
}

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

/**
 * The names of the fields of a document object, one entry per field of its document type `D` (a
 * record rather than a list, so that a field added to `D` and not here, or here and not in `D`,
 * fails to compile).
 *
 * @category internal
 * @since 0.2.0
 */
export type FieldNames<D> = { readonly [K in keyof D]-?: true }

/**
 * The field names of a {@link FieldNames} record, in declaration order.
 *
 * @category internal
 * @since 0.2.0
 */
export const namesOf = <D>(names: FieldNames<D>): ReadonlyArray<string> => Object.keys(names)

/**
 * Checks the fields of the object `u` (found at keys `k1`, `k2`, `k3` below `c`) and returns `u`,
 * to be read with {@link field}. Reports an `UnknownField` (with the nearest known name) for every
 * own field not in `known`, except a string `$schema` at the top level of a document (no key), and an
 * `InvalidInput` at `u` when its fields cannot be listed. Inherited fields are never looked at.
 * One `for…in` over the object's enum cache: allocates nothing when every field is known.
 *
 * @category internal
 * @since 0.2.0
 */
export const open = (
  errors: Errors,
  u: Fields,
  known: ReadonlyArray<string>,
  c: t.Context,
  k1?: Key,
  k2?: Key,
  k3?: Key,
): Fields => {
  try {
    for (const name in u) {
      if (!hasOwn.call(u, name) || known.includes(name)) continue
      const here = contextAt(c, t.unknown, undefined, k1, k2, k3, name)
      if (k1 === undefined && name === '$schema') {
        const value = field(u, name)
        if (typeof value !== 'string') errors.push(invalid(value, here, 'the URI of a JSON Schema (a string)'))
      } else errors.push(problemError(unknownField(pathOf(here), name, known), undefined, here))
    }
  } catch {
    unreadableAt(errors, contextAt(c, t.unknown, u, k1, k2, k3))
  }
  return u
}
