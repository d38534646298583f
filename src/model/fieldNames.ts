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

/** Optimal string alignment distance of `a` and `b` (edits and swaps of neighbours; short names). */
const distance = (a: string, b: string): number => {
  const d: Array<Array<number>> = []
  for (let i = 0; i <= a.length; i++) {
    const row = (d[i] = [i])
    for (let j = 1; j <= b.length; j++) {
      const up = d[i - 1]
      row[j] =
        up === undefined
          ? j
          : Math.min(
              (up[j] ?? 0) + 1,
              (row[j - 1] ?? 0) + 1,
              (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
              i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (d[i - 2]?.[j - 2] ?? 0) + 1 : Infinity,
            )
    }
  }
  return d[a.length]?.[b.length] ?? 0
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
    const d = distance(folded, k.toLowerCase())
    if (d <= allowedDistance(Math.min(field.length, k.length)) && d < bestDistance) {
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
