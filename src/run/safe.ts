/**
 * Turning whatever handlers throw or return into JSON-safe journal data, without ever throwing.
 *
 * @module
 * @internal
 */
import type { PortFailure } from './journal.js'

/** The longest message kept in a journal, in UTF-16 code units. */
const MAX_MESSAGE = 2000

const cap = (s: string): string => (s.length <= MAX_MESSAGE ? s : `${s.slice(0, MAX_MESSAGE - 3)}...`)

const hasOwn = (u: object, key: string): boolean => Object.prototype.hasOwnProperty.call(u, key)

/**
 * A value that was thrown, rejected or returned by mistake, as text: an `Error` as `name: message`,
 * a string as itself, an object with a string `message` as that message, anything else as JSON
 * or `String(value)`. Never throws, whatever the value (getters that throw, `Symbol.toPrimitive`,
 * cycles).
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const describeThrown = (value: unknown): string => {
  try {
    if (typeof value === 'string') return cap(value)
    if (value instanceof Error) return cap(`${value.name}: ${value.message}`)
    if (typeof value === 'object' && value !== null) {
      const message: unknown = (value as { readonly message?: unknown }).message
      if (typeof message === 'string') return cap(message)
      const json = JSON.stringify(value) as string | undefined
      return cap(json ?? 'an object that cannot be written as JSON')
    }
    return cap(String(value))
  } catch {
    return 'a value that cannot be described'
  }
}

/**
 * The `Left` of a handler as a clean `PortFailure`: only `message` (text) and `code` (when a
 * string) are kept, so no `Error`, function or cycle reaches the journal. A `Left` that is not a
 * `PortFailure` keeps its description as the message.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const cleanPortFailure = (left: unknown): PortFailure => {
  try {
    if (typeof left === 'object' && left !== null && (left as { readonly _tag?: unknown })._tag === 'PortFailure') {
      const { message, code } = left as { readonly message?: unknown; readonly code?: unknown }
      const text = typeof message === 'string' ? cap(message) : describeThrown(message)
      return hasOwn(left, 'code') && typeof code === 'string'
        ? { _tag: 'PortFailure', message: text, code: cap(code) }
        : { _tag: 'PortFailure', message: text }
    }
  } catch {
    // fall through: describe the value instead
  }
  return { _tag: 'PortFailure', message: describeThrown(left) }
}

/**
 * Calls a caller-supplied function for its side effect, ignoring anything it throws or rejects.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const callQuietly = <A>(f: ((a: A) => unknown) | undefined, a: A): void => {
  if (typeof f !== 'function') return
  try {
    const result = f(a)
    if (isThenable(result)) result.then(undefined, () => undefined)
  } catch {
    // a progress listener must not break execution
  }
}

/**
 * Whether a value is a thenable (has a `then` method); reading `then` may throw, which is `false`.
 *
 * @category execution
 * @since 0.2.0
 * @internal
 */
export const isThenable = (value: unknown): value is PromiseLike<unknown> => {
  try {
    return (
      (typeof value === 'object' || typeof value === 'function') &&
      value !== null &&
      typeof (value as { readonly then?: unknown }).then === 'function'
    )
  } catch {
    return false
  }
}

/**
 * How a caller-supplied computation ended: with a value, by throwing or rejecting, or not within
 * the time limit.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export type Settled =
  | { readonly _tag: 'Value'; readonly value: unknown }
  | { readonly _tag: 'Threw'; readonly reason: 'threw' | 'rejected'; readonly error: unknown }
  | { readonly _tag: 'TimedOut' }

/**
 * Runs `task` (what it returns may be a promise) with an optional time limit. Resolves once,
 * never rejects, clears its timer, and handles a late answer or rejection so that none is ever
 * unhandled.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const settle = (task: () => unknown, timeoutMs: number | undefined): Promise<Settled> =>
  new Promise<Settled>((resolve) => {
    let done = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = (settled: Settled): void => {
      if (done) return
      done = true
      if (timer !== undefined) clearTimeout(timer)
      resolve(settled)
    }
    if (timeoutMs !== undefined)
      timer = setTimeout(() => {
        finish({ _tag: 'TimedOut' })
      }, timeoutMs)
    try {
      Promise.resolve(task()).then(
        (value) => {
          finish({ _tag: 'Value', value })
        },
        (error: unknown) => {
          finish({ _tag: 'Threw', reason: 'rejected', error })
        },
      )
    } catch (error) {
      finish({ _tag: 'Threw', reason: 'threw', error })
    }
  })
