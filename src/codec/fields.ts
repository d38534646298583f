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
 * The own field `key` of `u`, `undefined` when it has none, {@link UNREADABLE} when reading it
 * throws (reported by whoever decodes `u`).
 *
 * @category internal
 * @since 0.2.0
 */
export const ownValue = (u: Fields, key: string): unknown => {
  try {
    return hasOwn.call(u, key) ? u[key] : undefined
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
  if (value === UNREADABLE) return undefined
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
  if (value === UNREADABLE) return
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
 * Reads the object `u` (found at `keys` below `c`) field by field into a prototype-free record of
 * its OWN fields, reporting on the way:
 * - an `UnknownField` (with the nearest known name) for every own field not in `known`, except a
 *   string `$schema` when `schema` is set (the top level of a document);
 * - an `InvalidInput` for every field whose read throws (its value is then {@link UNREADABLE}),
 *   and for a `u` whose keys cannot be listed.
 *
 * Inherited fields are never read. Allocates the record: not for the bulk of a document (users).
 *
 * @category internal
 * @since 0.2.0
 */
export const open = (
  errors: Errors,
  u: Fields,
  known: ReadonlyArray<string>,
  c: t.Context,
  keys: ReadonlyArray<Key>,
  schema = false,
): Fields => {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  let names: ReadonlyArray<string>
  try {
    names = Object.keys(u)
  } catch {
    unreadableAt(errors, contextAt(c, t.unknown, u, ...keys))
    return out
  }
  for (const name of names) {
    const here = (): t.Context => contextAt(c, t.unknown, undefined, ...keys, name)
    let value: unknown
    try {
      value = hasOwn.call(u, name) ? u[name] : undefined
    } catch {
      unreadableAt(errors, here())
      out[name] = UNREADABLE
      continue
    }
    if (known.includes(name)) out[name] = value
    else if (schema && name === '$schema') {
      if (typeof value !== 'string') errors.push(invalid(value, here(), 'the URI of a JSON Schema (a string)'))
    } else {
      const at = here()
      errors.push(problemError(unknownField(pathOf(at), name, known), value, at))
    }
  }
  return out
}

/**
 * The items of the array `u` (found at `keys` below `c`) as a plain array: own elements only (a
 * hole is `undefined`), an element whose read throws is {@link UNREADABLE} and reported there;
 * `undefined` (reported) when even its length cannot be read.
 *
 * @category internal
 * @since 0.2.0
 */
export const elements = (
  errors: Errors,
  u: ReadonlyArray<unknown>,
  c: t.Context,
  keys: ReadonlyArray<Key>,
): ReadonlyArray<unknown> | undefined => {
  let length: number
  try {
    length = u.length
  } catch {
    unreadableAt(errors, contextAt(c, t.unknown, u, ...keys))
    return undefined
  }
  const out: Array<unknown> = []
  for (let i = 0; i < length; i++) {
    try {
      out[i] = hasOwn.call(u, i) ? u[i] : undefined
    } catch {
      unreadableAt(errors, contextAt(c, t.unknown, undefined, ...keys, i))
      out[i] = UNREADABLE
    }
  }
  return out
}
