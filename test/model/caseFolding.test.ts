/** Unicode case folding of SIP addresses (contract §3: compared case-insensitively as a whole). */
import { describe, expect, it } from 'vitest'
import { foldCase } from '../../src/model/caseFolding.js'

/** Every Unicode scalar value (surrogate code points excluded: they are tested apart). */
const everyCodePoint = function* (): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp)
}

describe('foldCase', () => {
  it('folds the case variants of a letter to one text', () => {
    const classes: ReadonlyArray<ReadonlyArray<string>> = [
      ['Åsa', 'ÅSA', 'åsa', 'A\u030Asa', '\u212Bsa'], // precomposed, combining ring, Angstrom sign
      ['k', 'K', '\u212A'], // Kelvin sign
      ['s', 'S', '\u017F'], // long s
      ['straße', 'STRASSE', 'strasse', 'STRA\u1E9EE'], // sharp s, capital sharp s
      ['σοφοσ', 'ΣΟΦΟΣ', 'σοφος'], // final sigma
      ['ǆ', 'ǅ', 'Ǆ'], // title case
      ['ﬁle', 'FILE', 'file'], // ligature
      ['ꭰ', 'Ꭰ'], // Cherokee
    ]
    for (const variants of classes) expect(new Set(variants.map(foldCase)).size).toBe(1)
  })

  it('keeps different letters apart', () => {
    expect(foldCase('å')).not.toBe(foldCase('a'))
    expect(foldCase('ö')).not.toBe(foldCase('o'))
    expect(foldCase('é')).not.toBe(foldCase('e'))
  })

  it('is toLowerCase on ASCII', () => {
    expect(foldCase('Alice.Smith+X@Y')).toBe('alice.smith+x@y')
  })

  it('is idempotent and blind to toUpperCase/toLowerCase, on every code point (alone and next to letters)', () => {
    const broken: Array<string> = []
    for (const c of everyCodePoint()) {
      // Characters with no case mapping and no decomposition fold to themselves: one check suffices.
      const inert = c.toUpperCase() === c && c.toLowerCase() === c && c.normalize('NFD') === c
      if (inert) {
        if (foldCase(c) !== c) broken.push(c)
        continue
      }
      for (const s of [c, `a${c}`, `${c}a`, `Σ${c}`, `${c}Σ`]) {
        const folded = foldCase(s)
        if (foldCase(folded) !== folded || foldCase(s.toUpperCase()) !== folded || foldCase(s.toLowerCase()) !== folded)
          broken.push(s)
      }
    }
    expect(broken).toStrictEqual([])
  })

  it('never throws on lone surrogates', () => {
    expect(foldCase('\uD800A')).toBe('\uD800a')
    expect(foldCase('\uDC00')).toBe('\uDC00')
  })
})
