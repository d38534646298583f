/**
 * "did you mean …?": the nearest valid spelling of a mistyped command, kind or flag.
 *
 * @module
 */

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
 * two adjacent characters each cost 1 (`topolgy` → `topology` is 1, `--mdoe` → `--mode` is 1).
 */
export const editDistance = (a: string, b: string): number => {
  const rows: Array<Array<number>> = []
  for (let i = 0; i <= a.length; i++) {
    const row: Array<number> = [i]
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const above = rows[i - 1] ?? []
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      row.push(best)
    }
    rows.push(row)
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length)
}

/**
 * The candidate nearest to `typed` (case-insensitively), when it is near enough to be a typo: at
 * most one edit for short words, about one edit in three for longer ones. Ties go to the earlier
 * candidate, so tables list their most common entries first.
 */
export const nearest = (typed: string, candidates: ReadonlyArray<string>): string | undefined => {
  const word = typed.toLowerCase()
  const limit = Math.max(1, Math.floor(word.length / 3))
  let best: { readonly candidate: string; readonly distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate.toLowerCase())
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance }
  }
  return best?.candidate
}

/** `; did you mean X?` when a near spelling exists, else nothing. */
export const didYouMean = (typed: string, candidates: ReadonlyArray<string>): string => {
  const found = nearest(typed, candidates)
  return found === undefined ? '' : `; did you mean ${found}?`
}
