/**
 * The only ways a value reaches rendered text: PowerShell single-quoted literals, `#` line
 * comments and Markdown inline text. Plans are stored and reloaded as JSON, so every renderer
 * treats every plan value as hostile, including FQDNs that were valid when the plan was made.
 *
 * Laws:
 * - `quotePowerShell(s)` is exactly one PowerShell single-quoted string token whose value is `s`:
 *   inside `'…'` PowerShell's only escape is a doubled single-quote character, and it has five of
 *   them (`'`, U+2018, U+2019, U+201A, U+201B); each is doubled.
 * - `commentText(s)` holds no line terminator, no control or format character and no `#`, so a
 *   `#` comment ends at the end of its line and never closes a `<# … #>` block or forms a
 *   signature-block marker.
 * - `markdownText(s)` holds no line terminator, no raw `<`, `>` or `&` other than the entities it
 *   wrote, and every character that can open inline Markdown backslash-escaped.
 * - No value becomes a link: besides `[` and `<`, the characters every autolink needs are
 *   backslash-escaped — `:` (schemes: `https:`, `mailto:`), `@` (e-mail addresses), a `.` with a
 *   character after it (`www.`, bare domains such as `contoso.com`) and `/` before `/`
 *   (protocol-relative `//host`). A backslash escape ends the text an autolink is recognized in,
 *   in GFM (cmark-gfm, marked) and in markdown-it's linkify alike, and renders as the character.
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The five characters PowerShell treats as a single quote: `'`, `‘` (U+2018), `’` (U+2019),
 * `‚` (U+201A) and `‛` (U+201B).
 *
 * @category rendering
 * @since 0.1.0
 */
export const powerShellSingleQuotes: ReadonlyArray<string> = ["'", '\u2018', '\u2019', '\u201A', '\u201B']

/**
 * The longest comment text {@link commentText} keeps, in code points; longer text is cut and ends
 * with `...`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const maxCommentLength = 480

const SINGLE_QUOTES_RE = /['\u2018\u2019\u201A\u201B]/g
/** Line terminators and other whitespace controls: replaced by a space. */
const BREAKS_RE = /[\t\n\v\f\r\u0085\u2028\u2029]/g
/** Other control (Cc) and format (Cf: bidi overrides, zero-width) characters, lone surrogates. */
const INVISIBLE_RE = /[\p{Cc}\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu
/**
 * Characters that can start inline Markdown (emphasis, code, links, images, tables, math,
 * headings), and the ones autolinks are made of (`:`, `@`, a `.` followed by a character, `//`).
 */
const MARKDOWN_PUNCTUATION_RE = /[\\`*_[\]{}#!|~$:@]|\.(?=\S)|\/(?=\/)/g

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Any value as text, without ever throwing: strings as they are, numbers, booleans and bigints
 * with `String`, `null`/`undefined` as the empty string, anything else as `[object]`. Renderers
 * receive plans reloaded from JSON, so a field typed `string` may hold anything.
 *
 * @category rendering
 * @since 0.1.0
 */
export const toText = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value)
    case 'undefined':
      return ''
    case 'symbol':
    case 'function':
    case 'object':
      return value === null ? '' : '[object]'
  }
}

/**
 * Quotes a value as one PowerShell single-quoted string: `'…'` with each of the five single-quote
 * characters doubled. Nothing inside such a literal is interpreted (`$()`, backticks, `;`, line
 * breaks are plain text), so the result is safe for any value.
 *
 * @example
 * import { quotePowerShell } from 'sfb-dr'
 *
 * quotePowerShell("it's") // => "'it''s'"
 *
 * @category rendering
 * @since 0.1.0
 */
export const quotePowerShell = (value: string): string =>
  `'${toText(value).replace(SINGLE_QUOTES_RE, (q) => q + q)}'`

/**
 * Makes text safe inside a PowerShell `#` line comment: line terminators and tabs become spaces,
 * other control and format characters (bidi overrides included) and lone surrogates become
 * U+FFFD, `#` becomes `＃` (U+FF03), and text longer than {@link maxCommentLength} code points is
 * cut with `...`.
 *
 * @example
 * import { commentText } from 'sfb-dr'
 *
 * commentText('pool1 # down\nsince 02:00') // => 'pool1 ＃ down since 02:00'
 *
 * @category rendering
 * @since 0.1.0
 */
export const commentText = (value: string): string => {
  const flat = toText(value).replace(BREAKS_RE, ' ').replace(INVISIBLE_RE, '\uFFFD').replace(/#/g, '\uFF03')
  const points = Array.from(flat)
  return points.length <= maxCommentLength ? flat : `${points.slice(0, maxCommentLength - 3).join('')}...`
}

/**
 * Makes text safe as Markdown inline text: line terminators become spaces, control and format
 * characters U+FFFD, `&`, `<` and `>` become entities, and ``\ ` * _ [ ] { } # ! | ~ $`` are
 * backslash-escaped, so no value can open a block, a link, a code span, emphasis or raw HTML.
 * So are `:`, `@`, a `.` followed by a character and a `/` followed by `/`, so that no value
 * becomes an autolink (`https://…`, `www.…`, `alice@contoso.com`, GFM's extended autolinks and
 * markdown-it's linkify): `pool1.contoso.com` is written `pool1\.contoso\.com` and renders as
 * `pool1.contoso.com`, as plain text.
 * Characters that only matter at the start of a line (`-`, `+`, `1.`, `=`) are left alone: the
 * text never contains a line break.
 *
 * @category rendering
 * @since 0.1.0
 */
export const markdownText = (value: string): string =>
  toText(value)
    .replace(BREAKS_RE, ' ')
    .replace(INVISIBLE_RE, '\uFFFD')
    .replace(MARKDOWN_PUNCTUATION_RE, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))

/**
 * A Markdown fenced code block around `code`: the fence is one backtick longer than the longest
 * run of backticks in `code` (at least three), so no line of `code` can close it early.
 *
 * @category rendering
 * @since 0.1.0
 */
export const markdownCodeBlock = (info: string, code: string): string => {
  let longest = 0
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${code}\n${fence}`
}
