/**
 * Helpers for total queries: public queries read caller-supplied objects, which a JavaScript
 * caller may pass as raw JSON, `null`, or objects whose getters throw.
 *
 * @module
 * @internal
 */

/**
 * `f()`, or `fallback` when it throws.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const orElse = <A>(f: () => A, fallback: A): A => {
  try {
    return f()
  } catch {
    return fallback
  }
}

/**
 * A count read from a caller-supplied table: a non-negative safe integer, else 0.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const countOf = (n: unknown): number => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0)
