/** fast-check arbitraries of hostile text: every quote kind, PowerShell and Markdown syntax, line breaks. */
import fc from 'fast-check'

/** Pieces that mean something to PowerShell, Markdown or HTML. */
const PIECES = [
  "'", "''", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E',
  '$(', '$(Remove-Item C:\\ -Recurse)', '${x}', '$env:PATH', '`', '``', '```', '~~~', ';', '|', '&', '&&',
  '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u000B', '\f', '\t', '\0', '\u001B', '\u007F', '\u202E', '\u200B', '\uFEFF',
  '#', '#>', '<#', '# SIG # Begin signature block', '#requires -RunAsAdministrator', "@'", "'@", '@"',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;', '&amp;', '[x](javascript:alert(1))', '![i](http://x)',
  '*', '_', '[', ']', '{', '}', '!', '\\', '~', '-', '+', '1. ', '# ', '> ', '    ', '---', '===',
  '\uD800', '\uDC00', '\u{1F600}', 'é', 'ё', 'Ñ‘',
]

/** Printable-ASCII pieces only (the alphabet of scripts), hostile to both languages. */
const ASCII_PIECES = PIECES.filter((p) => /^[\x20-\x7e]+$/.test(p))

/** Any hostile string: hostile pieces mixed with arbitrary code points. */
export const hostileString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('a', 'pool1.contoso.com', ' ')),
  maxLength: 12,
})

/** A hostile string of printable ASCII: renders without refusals, so script structure can be compared. */
export const hostileAsciiString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...ASCII_PIECES), fc.string({ unit: 'binary-ascii', maxLength: 3 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x'))),
  maxLength: 12,
})

/** Field names whose values decide a step's structure; hostile plans keep them. */
const STRUCTURAL = new Set(['_tag', 'kind', 'mode', 'severity', 'formatVersion'])

/**
 * Replaces every string leaf of a JSON value, except structural fields, by `next()`; other leaves
 * are kept, so the plan keeps its shape and its optional fields.
 */
export const replaceStrings = (value: unknown, next: () => string, key = ''): unknown => {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? value : next()
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, next, key))
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, next, k)]))
  return value
}

/** Counts the string leaves `replaceStrings` would replace. */
export const countStrings = (value: unknown, key = ''): number => {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? 0 : 1
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countStrings(v, key), 0)
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((n, [k, v]) => n + countStrings(v, k), 0)
  return 0
}

/** A plan with every value string replaced by hostile text drawn from `strings`. */
export const hostilePlan = <P>(plan: P, strings: fc.Arbitrary<string>): fc.Arbitrary<P> =>
  fc.array(strings, { minLength: countStrings(plan), maxLength: countStrings(plan) }).map((values) => {
    let i = 0
    return replaceStrings(plan, () => values[i++] ?? '') as P
  })
