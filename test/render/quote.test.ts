import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  commentText,
  markdownCodeBlock,
  markdownText,
  maxCommentLength,
  powerShellSingleQuotes,
  quotePowerShell,
  toText,
} from '../../src/render/quote.js'
import { hostileString } from './hostile.js'
import { parseSingleQuotedToken, SINGLE_QUOTES, splitMarkdown } from './lexers.js'

describe('quotePowerShell', () => {
  it('doubles every kind of single quote', () => {
    expect(quotePowerShell("it's")).toBe("'it''s'")
    expect(quotePowerShell('\u2018a\u2019b\u201Ac\u201Bd')).toBe("'\u2018\u2018a\u2019\u2019b\u201A\u201Ac\u201B\u201Bd'")
    expect(quotePowerShell('')).toBe("''")
    expect(quotePowerShell('$(Remove-Item C:\\) `n ;')).toBe("'$(Remove-Item C:\\) `n ;'")
    expect([...SINGLE_QUOTES].sort()).toStrictEqual([...powerShellSingleQuotes].sort())
  })

  it('renders any string as exactly one single-quoted token whose value is the string', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        expect(parseSingleQuotedToken(quotePowerShell(s))).toBe(s)
      }),
      { numRuns: 2000 },
    )
  })

  it('renders any code points as one token, too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(parseSingleQuotedToken(quotePowerShell(s))).toBe(s)
      }),
    )
  })

  it('never throws on values that are not strings (plans reloaded from JSON)', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(() => parseSingleQuotedToken(quotePowerShell(u as string))).not.toThrow()
      }),
    )
    const hostile = { toString: () => { throw new Error('no') } }
    expect(toText(hostile)).toBe('[object]')
    expect(toText(null)).toBe('')
    expect(toText(12)).toBe('12')
  })
})

describe('commentText', () => {
  it('leaves no line break, control, format character or # in a comment, and is bounded', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const c = commentText(s)
        expect(c).not.toMatch(/[\r\n\u0085\u2028\u2029]/)
        expect(c).not.toMatch(/[\p{Cc}\p{Cf}]/u)
        expect(c).not.toContain('#')
        expect(Array.from(c).length).toBeLessThanOrEqual(maxCommentLength)
        // no lone surrogate survives
        expect(c).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps ordinary text as it is and cuts long text with ...', () => {
    expect(commentText('Fail over pool1.contoso.com (disaster mode).')).toBe('Fail over pool1.contoso.com (disaster mode).')
    expect(commentText('a\r\nb#>c<#d')).toBe('a  b\uFF03>c<\uFF03d')
    const long = commentText('x'.repeat(1000))
    expect(long).toHaveLength(maxCommentLength)
    expect(long.endsWith('...')).toBe(true)
  })
})

describe('markdownText', () => {
  it('leaves no raw HTML, no line break and no unescaped inline syntax', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const m = markdownText(s)
        expect(m).not.toMatch(/[\r\n\u0085\u2028\u2029<>]/)
        expect(m.replace(/&(amp|lt|gt);/g, '')).not.toContain('&')
        // every inline-syntax or autolink character is preceded by a backslash that is not itself
        // escaped: a `.` followed by a character, a `/` followed by `/`, and `:` and `@` anywhere
        const unescaped = m.replace(/\\[\\`*_[\]{}#!|~$:@./]/g, '')
        expect(unescaped).not.toMatch(/[\\`*_[\]{}#!|~$:@]|\.\S|\/\//)
      }),
      { numRuns: 2000 },
    )
  })

  it('breaks every autolink with backslash escapes, which render as the characters', () => {
    expect(markdownText('pool1.contoso.com')).toBe('pool1\\.contoso\\.com')
    expect(markdownText('https://www.x.com/a//b.')).toBe('https\\:\\//www\\.x\\.com/a\\//b.')
    expect(markdownText('sip:alice@contoso.com ends here. Next')).toBe('sip\\:alice\\@contoso\\.com ends here. Next')
    expect(markdownText('<b>`x`</b> & *y*')).toBe('&lt;b&gt;\\`x\\`&lt;/b&gt; &amp; \\*y\\*')
  })
})

describe('markdownCodeBlock', () => {
  it('is one fenced block holding exactly the code, whatever the code', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const code = s.replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n')
        const { text, blocks } = splitMarkdown(`before\n\n${markdownCodeBlock('powershell', code)}\n\nafter`)
        expect(blocks).toHaveLength(1)
        expect(blocks[0]?.info).toBe('powershell')
        expect(blocks[0]?.lines.join('\n')).toBe(code)
        expect(text).toStrictEqual(['before', '', '', 'after'])
      }),
      { numRuns: 1000 },
    )
  })
})
