/**
 * Contract §4.1/§14: files written by Windows tools decode — UTF-8 with or without a byte-order
 * mark, UTF-16 LE/BE with one (what PowerShell 5.1 `Out-File` writes) — and text that is not JSON
 * says where it breaks, never showing invisible characters raw.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseDocumentText } from '../../src/codec/documentText.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import { formatProblem } from '../../src/model/formatProblem.js'
import type { InvalidJson } from '../../src/model/problem.js'
import { contosoTopologyDocument } from '../support/fixtures.js'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const utf16 = (s: string, littleEndian: boolean, bom = true): Uint8Array => {
  const units = (bom ? '\uFEFF' : '') + s
  const bytes = new Uint8Array(units.length * 2)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian)
  return bytes
}
const withBom = (b: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...b])

const problemOf = (input: string | Uint8Array): InvalidJson => {
  const r = parseDocumentText(input)
  if (E.isRight(r)) throw new Error('expected the text to be refused')
  expect(r.left).toHaveLength(1)
  return r.left[0]
}

const text = JSON.stringify(contosoTopologyDocument(), null, 2)

describe('parseDocumentText: encodings', () => {
  it.each([
    ['a string', text],
    ['a string starting with U+FEFF', `\uFEFF${text}`],
    ['UTF-8 bytes', utf8(text)],
    ['UTF-8 bytes with a byte-order mark', withBom(utf8(text))],
    ['UTF-16 LE bytes with a byte-order mark (PowerShell 5.1 Out-File)', utf16(text, true)],
    ['UTF-16 BE bytes with a byte-order mark', utf16(text, false)],
  ])('reads %s', (_, input) => {
    const r = parseDocumentText(input)
    expect(r).toStrictEqual(E.right(contosoTopologyDocument()))
    expect(E.isRight(E.chainW(decodeTopology)(r))).toBe(true)
  })

  it('keeps non-ASCII text intact in every encoding', () => {
    const doc = '{"site":"Zürich – 東京 😀"}'
    for (const input of [utf8(doc), withBom(utf8(doc)), utf16(doc, true), utf16(doc, false)])
      expect(parseDocumentText(input)).toStrictEqual(E.right({ site: 'Zürich – 東京 😀' }))
  })

  test.prop([fc.jsonValue()])('reads every JSON value back, from text and from bytes', (v) => {
    const s = JSON.stringify(v)
    const expected = JSON.parse(s) as unknown
    for (const input of [s, utf8(s), withBom(utf8(s)), utf16(s, true), utf16(s, false)])
      expect(parseDocumentText(input)).toStrictEqual(E.right(expected))
  })

  it('refuses UTF-16 without a byte-order mark, saying so', () => {
    expect(problemOf(utf16('{"a":1}', true, false))).toEqual({
      _tag: 'InvalidJson',
      line: 1,
      column: 2,
      expected: 'UTF-8 text, or UTF-16 with a byte-order mark',
      found: 'NUL bytes (UTF-16 text without a byte-order mark)',
    })
  })

  it('refuses bytes that are not UTF-8 (a Windows-1252 file), pointing at the first one', () => {
    expect(problemOf(new Uint8Array([...utf8('{\n "site": "Z'), 0xfc, ...utf8('rich"}')]))).toEqual({
      _tag: 'InvalidJson',
      line: 2,
      column: 12,
      expected: 'text encoded as UTF-8, or as UTF-16 with a byte-order mark (save the file as UTF-8)',
      found: 'bytes that are not UTF-8',
    })
    expect(problemOf(new Uint8Array([0xff, 0xfe, 0x7b]))).toMatchObject({ found: 'bytes that are not UTF-16 LE' })
  })
})

describe('parseDocumentText: where the JSON breaks', () => {
  it.each([
    ['{"a":1,}', 1, 8, 'another field (JSON allows no comma before a closing brace)', '"}"'],
    ['[1,2,]', 1, 6, 'another value (JSON allows no comma before a closing bracket)', '"]"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '"," or "}"', 'a double quote'],
    ['{\r\n  "a": 1,\r\n  b: 2\r\n}', 3, 3, 'a field name in double quotes', '"b"'],
    ['{"a":\u00a01}', 1, 6, expect.stringContaining('a JSON value'), 'U+00A0 (no-break space)'],
    ['{"a":1}\u200b', 1, 8, 'the end of the text (one JSON value per document)', 'U+200B (zero-width space)'],
    ['{"a":"x\ny"}', 1, 8, expect.stringContaining('the closing double quote'), 'U+000A (line feed)'],
    ['{"a":\u201cx\u201d}', 1, 6, expect.stringContaining('a JSON value'), '"\u201c" (U+201C)'],
    ['{"a":tru}', 1, 9, 'the rest of "true"', '"}"'],
    ['{"a":01}', 1, 7, '"," or "}"', '"1"'],
    ['{"a":1.}', 1, 8, 'a digit after the decimal point', '"}"'],
    ['{"a":"\\x"}', 1, 8, expect.stringContaining('an escape sequence'), '"x"'],
    ['', 1, 1, expect.stringContaining('a JSON value'), 'the end of the text'],
    ['{"a":[1,2', 1, 10, '"," or "]"', 'the end of the text'],
    ['\uFEFF\uFEFF{}', 1, 1, expect.stringContaining('a JSON value'), 'U+FEFF (byte-order mark)'],
  ])('%j breaks at line %i, column %i', (input, line, column, expected, found) => {
    expect(problemOf(input)).toEqual({ _tag: 'InvalidJson', line, column, expected, found })
  })

  it('never puts an invisible character into the sentence', () => {
    for (const input of ['{"a":\u00a01}', '{"a":1}\u200b', '{"a"\u0000:1}', '\u2028{}', '{"a":1}\u0007'])
      expect(formatProblem(problemOf(input))).toMatch(/^[\x20-\x7e\u201c\u201d]+$/u)
  })

  test.prop([fc.string({ unit: 'binary' })])('agrees with JSON.parse on which texts are JSON, and never throws', (s) => {
    let valid = true
    try {
      JSON.parse(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s)
    } catch {
      valid = false
    }
    expect(E.isRight(parseDocumentText(s))).toBe(valid)
  })

  it('handles deep nesting and long texts without recursion', () => {
    expect(E.isRight(parseDocumentText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(true)
    expect(problemOf(`${'['.repeat(100_000)}${']'.repeat(99_999)}`)).toMatchObject({ line: 1, column: 200_000 })
  })

  it('answers InvalidJson, never throws, for what is neither text nor bytes', () => {
    for (const u of [null, undefined, 42, {}, [1], new Uint16Array(2)])
      expect(problemOf(u as never)).toMatchObject({ _tag: 'InvalidJson', line: 1, column: 1, expected: 'JSON text (a string or a Uint8Array)' })
  })
})
