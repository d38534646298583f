/**
 * Field names of the JSON documents: which known name an unknown one most likely meant. Shared by
 * every reader of documents (topology, state, plan, journal), so they all suggest alike.
 *
 * Laws:
 * - `nearestField(f, known)` is a member of `known` or `undefined`; it is `undefined` when `f` is
 *   itself known.
 * - A name that differs from a known one only in letter case (`edgepools`) always gets it.
 * - Otherwise the suggestion is within a small edit distance (insertions, deletions,
 *   substitutions and swaps of neighbours): 1 for names up to 4 characters, 2 up to 8, 3 beyond.
 *   Ties go to the first known name.
 *
 * @module
 * @internal
 */
import type { UnknownField } from './problem.js'

/** Longest name compared: a longer one is no typo of a document field. */
const MAX_NAME = 64

const allowedDistance = (length: number): number => (length <= 4 ? 1 : length <= 8 ? 2 : 3)

/** Optimal string alignment distance of `a` and `b`, or `limit + 1` as soon as it exceeds `limit`. */
const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const m = a.length
  const n = b.length
  let before = new Array<number>(n + 1).fill(0)
  let previous = Array.from({ length: n + 1 }, (_, j) => j)
  let current = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= m; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, (before[j - 2] ?? 0) + 1)
      current[j] = d
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > limit) return limit + 1
    const recycled = before
    before = previous
    previous = current
    current = recycled
  }
  return previous[n] ?? limit + 1
}

/**
 * The known field name `field` most likely meant, or `undefined` when none is close.
 *
 * @example
 * nearestField('reachble', ['reachable', 'frontEndsRunning']) // 'reachable'
 * nearestField('edgepools', ['sites', 'pools', 'edgePools']) // 'edgePools'
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const nearestField = (field: string, known: ReadonlyArray<string>): string | undefined => {
  if (field.length > MAX_NAME || known.includes(field)) return undefined
  const folded = field.toLowerCase()
  const sameLetters = known.find((k) => k.toLowerCase() === folded)
  if (sameLetters !== undefined) return sameLetters
  let best: string | undefined
  let bestDistance = Infinity
  for (const k of known) {
    const limit = allowedDistance(Math.min(field.length, k.length))
    const d = distance(folded, k.toLowerCase(), limit)
    if (d <= limit && d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best
}

/**
 * The `UnknownField` problem of `field` at `path` (the path of the field itself), with the
 * nearest of the `known` names as its suggestion when one is close.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const unknownField = (path: string, field: string, known: ReadonlyArray<string>): UnknownField => {
  const suggestion = nearestField(field, known)
  return suggestion === undefined ? { _tag: 'UnknownField', path, field } : { _tag: 'UnknownField', path, field, suggestion }
}
