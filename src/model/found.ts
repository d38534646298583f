/**
 * How `InvalidInput.found` shows a value: one rendering for every layer that reports bad input
 * (documents, requests, plans): at most about 80 characters whatever the value, and never throws.
 *
 * @module
 * @internal
 */

const MAX_STRING = 40

const render = (u: unknown): string => {
  switch (typeof u) {
    case 'string':
      return u.length <= MAX_STRING
        ? JSON.stringify(u)
        : `${JSON.stringify(u.slice(0, MAX_STRING))}… (${String(u.length)} characters)`
    case 'number':
    case 'boolean':
      return String(u)
    case 'undefined':
      return 'nothing'
    case 'bigint':
      return 'a bigint'
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    case 'object':
      if (u === null) return 'null'
      if (!Array.isArray(u)) return 'an object'
      return u.length === 1 ? 'an array of 1 item' : `an array of ${String(u.length)} items`
  }
}

/**
 * A short rendering of any value for `InvalidInput.found`: strings quoted and cut after 40
 * characters (with their length), containers summarized. Never throws (a revoked Proxy, say).
 *
 * @category errors
 * @since 0.1.0
 * @internal
 */
export const describeFound = (u: unknown): string => {
  try {
    return render(u)
  } catch {
    return 'a value that cannot be read'
  }
}
