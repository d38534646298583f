/**
 * Unicode case folding for identifiers compared case-insensitively beyond ASCII (SIP addresses).
 *
 * Laws (checked on every code point by the tests):
 * - `foldCase(foldCase(s)) === foldCase(s)`.
 * - `foldCase(s.toUpperCase()) === foldCase(s) === foldCase(s.toLowerCase())`.
 * - `foldCase(s) === s.toLowerCase()` for ASCII `s`.
 *
 * @module
 * @internal
 */

/** Only ASCII (a character class that does not list the control characters one by one). */
const ASCII_RE = /^[^\u0080-\uffff]*$/
/**
 * Unicode case folding of `s`, the normal form in which SIP addresses are stored and compared:
 * two strings fold to the same text iff they are equal ignoring letter case (`Åsa`, `ÅSA` and
 * `åsa`; `ß`, `ẞ` and `SS`; `σ`, `ς` and `Σ`; `K`, the Kelvin sign and `k`) and canonical
 * equivalence (`Å` as one character, as `A` + combining ring, or as the Angstrom sign).
 *
 * **Details**
 *
 * JavaScript has no case-folding function, and `toLowerCase` alone is not one: `ß` stays `ß`
 * while `SS` becomes `ss`, and a final `Σ` becomes `ς` or `σ` by context. The folding here
 * follows Unicode's canonical caseless match (D145: normalize, fold, normalize): the text is
 * decomposed (NFD), mapped lower → upper → lower, so that every case variant meets in one upper
 * form first (full mappings: `ß` → `SS` → `ss`), and recomposed (NFC) to store it compactly.
 * Tested on every code point: folding is idempotent and unchanged by `toUpperCase` or
 * `toLowerCase` of its input; ASCII text folds to its `toLowerCase`. One deliberate difference
 * from CaseFolding.txt: the dotless `ı` (U+0131) folds with `i` and `I`, since its upper case is
 * `I` (as in upper-casing comparisons such as .NET's `OrdinalIgnoreCase`); otherwise an address
 * and its upper-case spelling would be two users.
 *
 * @example
 * foldCase('ÅSA') === foldCase('Åsa') // true, both 'åsa'
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const foldCase = (s: string): string =>
  ASCII_RE.test(s) ? s.toLowerCase() : s.normalize('NFD').toLowerCase().toUpperCase().toLowerCase().normalize('NFC')

