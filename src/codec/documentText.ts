/**
 * Reading a JSON document from text or bytes as Windows tools write them (contract §4.1, §14):
 * UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one (PowerShell 5.1 `Out-File`).
 * Pure and browser-safe: bytes are decoded with the standard `TextDecoder`, never a Node API.
 *
 * Laws:
 * - `parseDocumentText(JSON.stringify(v))` is `right` of a value deep-equal to `v` for every
 *   JSON value `v`, and so are the UTF-8 and UTF-16 encodings of that text, with or without a
 *   byte-order mark (UTF-16 needs one).
 * - On text that is not JSON, the one `InvalidJson` names the line and column where the text
 *   stops being JSON, independently of the JavaScript engine's error messages.
 * - Never throws, whatever it is given.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeFound } from '../model/found.js'
import type { InvalidJson } from '../model/problem.js'

// -------------------------------------------------------------------------------------
// where JSON breaks
// -------------------------------------------------------------------------------------

/** Where a text stops being JSON: an index into the text and what JSON expects there. */
interface Break {
  readonly index: number
  readonly expected: string
}

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'NUL'],
  [0x09, 'tab'],
  [0x0a, 'line feed'],
  [0x0d, 'carriage return'],
  [0x20, 'space'],
  [0xa0, 'no-break space'],
  [0xad, 'soft hyphen'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x2060, 'word joiner'],
  [0xfeff, 'byte-order mark'],
  [0xfffd, 'replacement character: bytes that are not valid text'],
])

/** Letters, digits, punctuation and symbols are shown as themselves; anything else only by code. */
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u

const codePoint = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * The character at `index` in words: `"}"`, `"“" (U+201C)`, `U+00A0 (no-break space)`, or `the
 * end of the text`. Invisible characters never appear raw.
 */
const describeCharacter = (text: string, index: number): string => {
  const cp = text.codePointAt(index)
  if (cp === undefined) return 'the end of the text'
  const ch = String.fromCodePoint(cp)
  const name = NAMES.get(cp)
  if (name !== undefined) return `${codePoint(cp)} (${name})`
  if (!VISIBLE.test(ch)) return codePoint(cp)
  if (cp === 0x22) return 'a double quote'
  return cp < 0x80 ? JSON.stringify(ch) : `${JSON.stringify(ch)} (${codePoint(cp)})`
}

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** The index after the string starting at `i` (a `"`), or where it breaks. */
const scanString = (s: string, i: number): number | Break => {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j)
    if (c === 0x22) return j + 1
    if (c < 0x20) return { index: j, expected: 'the closing double quote (a line break or control character in a string must be escaped)' }
    if (c !== 0x5c) continue
    const e = s.charCodeAt(j + 1)
    if (e === 0x75) {
      for (let k = j + 2; k < j + 6; k++)
        if (!isHex(s.charCodeAt(k))) return { index: k, expected: 'four hexadecimal digits after \\u' }
      j += 5
    } else if ('"\\/bfnrt'.includes(s.charAt(j + 1)) && j + 1 < s.length) j++
    else return { index: j + 1, expected: 'an escape sequence (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hexadecimal digits)' }
  }
  return { index: s.length, expected: 'the closing double quote' }
}

/** The index after the number starting at `i`, or where it breaks. */
const scanNumber = (s: string, i: number): number | Break => {
  let j = i
  if (s.charCodeAt(j) === 0x2d) j++
  if (s.charCodeAt(j) === 0x30) j++
  else if (isDigit(s.charCodeAt(j))) while (isDigit(s.charCodeAt(j))) j++
  else return { index: j, expected: 'a digit' }
  if (s.charCodeAt(j) === 0x2e) {
    j++
    if (!isDigit(s.charCodeAt(j))) return { index: j, expected: 'a digit after the decimal point' }
    while (isDigit(s.charCodeAt(j))) j++
  }
  if (s.charCodeAt(j) === 0x65 || s.charCodeAt(j) === 0x45) {
    j++
    if (s.charCodeAt(j) === 0x2b || s.charCodeAt(j) === 0x2d) j++
    if (!isDigit(s.charCodeAt(j))) return { index: j, expected: 'a digit in the exponent' }
    while (isDigit(s.charCodeAt(j))) j++
  }
  return j
}

const LITERALS = ['true', 'false', 'null'] as const

/** The index after the literal starting at `i`, or where it breaks. */
const scanLiteral = (s: string, i: number): number | Break | undefined => {
  const literal = LITERALS.find((l) => l.charCodeAt(0) === s.charCodeAt(i))
  if (literal === undefined) return undefined
  for (let k = 1; k < literal.length; k++)
    if (s.charCodeAt(i + k) !== literal.charCodeAt(k)) return { index: i + k, expected: `the rest of ${JSON.stringify(literal)}` }
  return i + literal.length
}

type Mode = 'value' | 'key' | 'after'

/**
 * Where `s` stops being JSON (RFC 8259), or `undefined` when it is JSON. Iterative (an explicit
 * stack), so any nesting depth is fine; linear in the length of `s`.
 */
const findBreak = (s: string): Break | undefined => {
  const stack: Array<0x7b | 0x5b> = []
  let mode: Mode = 'value'
  let afterComma = false
  let i = 0
  for (;;) {
    while (isWhitespace(s.charCodeAt(i))) i++
    const c = s.charCodeAt(i)
    if (mode === 'value') {
      if (c === 0x7b || c === 0x5b) {
        stack.push(c)
        i++
        while (isWhitespace(s.charCodeAt(i))) i++
        const close = c === 0x7b ? 0x7d : 0x5d
        if (s.charCodeAt(i) === close) {
          stack.pop()
          i++
          mode = 'after'
        } else mode = c === 0x7b ? 'key' : 'value'
        afterComma = false
        continue
      }
      const end =
        c === 0x22 ? scanString(s, i) : c === 0x2d || isDigit(c) ? scanNumber(s, i) : scanLiteral(s, i)
      if (end === undefined)
        return {
          index: i,
          expected:
            afterComma && (c === 0x5d || c === 0x7d)
              ? 'another value (JSON allows no comma before a closing bracket)'
              : 'a JSON value (an object, array, string in double quotes, number, true, false or null)',
        }
      if (typeof end !== 'number') return end
      i = end
      mode = 'after'
      continue
    }
    if (mode === 'key') {
      if (c !== 0x22)
        return {
          index: i,
          expected:
            afterComma && c === 0x7d
              ? 'another field (JSON allows no comma before a closing brace)'
              : 'a field name in double quotes',
        }
      const end = scanString(s, i)
      if (typeof end !== 'number') return end
      i = end
      while (isWhitespace(s.charCodeAt(i))) i++
      if (s.charCodeAt(i) !== 0x3a) return { index: i, expected: '":" after the field name' }
      i++
      mode = 'value'
      afterComma = false
      continue
    }
    const top = stack[stack.length - 1]
    if (top === undefined) return i >= s.length ? undefined : { index: i, expected: 'the end of the text (one JSON value per document)' }
    const close = top === 0x7b ? 0x7d : 0x5d
    if (c === 0x2c) {
      i++
      mode = top === 0x7b ? 'key' : 'value'
      afterComma = true
    } else if (c === close) {
      stack.pop()
      i++
    } else return { index: i, expected: top === 0x7b ? '"," or "}"' : '"," or "]"' }
  }
}

/** Line and column (from 1; the column in UTF-16 code units) of `index` in `s`. */
const lineAndColumn = (s: string, index: number): { readonly line: number; readonly column: number } => {
  let line = 1
  let start = 0
  for (let i = 0; i < index && i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a)) {
      line++
      start = i + 1
    }
  }
  return { line, column: index - start + 1 }
}

const invalidJson = (s: string, index: number, expected: string, found: string): InvalidJson => ({
  _tag: 'InvalidJson',
  ...lineAndColumn(s, index),
  expected,
  found,
})

// -------------------------------------------------------------------------------------
// bytes
// -------------------------------------------------------------------------------------

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

const isBytes = (u: unknown): u is Uint8Array =>
  u instanceof Uint8Array || (ArrayBuffer.isView(u) && Object.prototype.toString.call(u) === '[object Uint8Array]')

/** The encoding the byte-order mark names (UTF-8 without one) and the length of the mark. */
const encodingOf = (b: Uint8Array): readonly [Encoding, number] => {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return ['utf-8', 3]
  if (b[0] === 0xff && b[1] === 0xfe) return ['utf-16le', 2]
  if (b[0] === 0xfe && b[1] === 0xff) return ['utf-16be', 2]
  return ['utf-8', 0]
}

const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
}

/** `bytes` as text, or the `InvalidJson` that says where they stop being text of their encoding. */
const decodeBytes = (bytes: Uint8Array): E.Either<InvalidJson, { readonly text: string; readonly bom: boolean }> => {
  const [encoding, bom] = encodingOf(bytes)
  const body = bytes.subarray(bom)
  try {
    return E.right({ text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), bom: bom > 0 })
  } catch {
    // The first replacement character of a lenient decoding is where the bytes stop being text.
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
    const at = lenient.indexOf('\uFFFD')
    const index = at < 0 ? lenient.length : at
    const expected =
      encoding === 'utf-8'
        ? 'text encoded as UTF-8, or as UTF-16 with a byte-order mark (save the file as UTF-8)'
        : `text encoded as ${ENCODING_NAMES[encoding]}, as its byte-order mark says`
    return E.left(invalidJson(lenient, index, expected, `bytes that are not ${ENCODING_NAMES[encoding]}`))
  }
}

// -------------------------------------------------------------------------------------
// parsing
// -------------------------------------------------------------------------------------

const parseText = (text: string, fromBytesWithoutBom: boolean): E.Either<readonly [InvalidJson], unknown> => {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return E.right(JSON.parse(s))
  } catch {
    const at = findBreak(s)
    if (at === undefined)
      // The grammar holds but the engine gave up: nesting deeper or strings longer than it handles.
      return E.left([invalidJson(s, 0, 'a JSON document this JavaScript engine can hold', 'one too deeply nested or too large')])
    if (fromBytesWithoutBom && s.charCodeAt(at.index) === 0)
      return E.left([
        invalidJson(s, at.index, 'UTF-8 text, or UTF-16 with a byte-order mark', 'NUL bytes (UTF-16 text without a byte-order mark)'),
      ])
    return E.left([invalidJson(s, at.index, at.expected, describeCharacter(s, at.index))])
  }
}

/**
 * Reads a JSON document from text or bytes, as the `sfb-dr` command reads its files, for portals
 * and scripts that read files themselves: the result is ready for `decodeTopology`,
 * `decodeState`, `decodePlan` or `decodeJournal`.
 *
 * **Details**: bytes are UTF-8 with or without a byte-order mark, or UTF-16 LE or BE with one
 * (what Windows PowerShell 5.1 `Out-File` and `Set-Content -Encoding Unicode` write); text may
 * start with a byte-order mark (U+FEFF), which is skipped. Text that is not JSON gives one
 * `InvalidJson` with the line and column where it stops being JSON, what JSON expects there and
 * what was found, invisible characters named by code point (`U+00A0 (no-break space)`).
 *
 * **Gotchas**: pure and browser-safe (the standard `TextDecoder`, no Node API); never throws,
 * whatever it is given. Only `JSON.parse` runs on valid text: the locating scanner runs only when
 * it fails.
 *
 * @example
 * import { parseDocumentText } from 'sfb-dr'
 *
 * parseDocumentText(new TextEncoder().encode('{ "pools": {} }')) // => right({ pools: {} })
 * parseDocumentText('{ "pools": [')
 * // => left([{ _tag: 'InvalidJson', line: 1, column: 13, expected: 'a JSON value (an object, array, string in double quotes, number, true, false or null)',
 * //            found: 'the end of the text' }])
 *
 * @category codecs
 * @since 0.2.0
 */
export const parseDocumentText = (text: string | Uint8Array): E.Either<readonly [InvalidJson], unknown> => {
  try {
    if (typeof text === 'string') return parseText(text, false)
    if (!isBytes(text))
      return E.left([
        { _tag: 'InvalidJson', line: 1, column: 1, expected: 'JSON text (a string or a Uint8Array)', found: describeFound(text) },
      ])
    const decoded = decodeBytes(text)
    return E.isLeft(decoded) ? E.left([decoded.left]) : parseText(decoded.right.text, !decoded.right.bom)
  } catch {
    return E.left([{ _tag: 'InvalidJson', line: 1, column: 1, expected: 'JSON text', found: 'a value that cannot be read' }])
  }
}
