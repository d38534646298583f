/**
 * Contract §6: no value from the plan becomes a link or HTML in the runbook — checked with two
 * real Markdown renderers: marked with GFM (extended autolinks: `www.`, `https://`, e-mail
 * addresses) and markdown-it with linkify (bare domains such as `contoso.com`, `//host`), as in
 * editors' previews.
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { markdownText } from '../../src/render/quote.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { hostilePlan, hostileString } from './hostile.js'
import { scenarios } from './scenarios.js'

const markdownIt = new MarkdownIt({ linkify: true })
const RENDERERS: ReadonlyArray<readonly [string, (markdown: string) => string]> = [
  ['marked (GFM)', (m) => marked.parse(m, { gfm: true, async: false })],
  ['markdown-it (linkify)', (m) => markdownIt.render(m)],
]

/** Values shaped like links, in every form the two renderers recognize. */
const LINKS = [
  'https://evil.example.com/x?a=1', 'http://x.y', 'HTTPS://X.Y', 'ftp://files.contoso.com', 'www.contoso.com',
  'WWW.CONTOSO.COM', 'alice@contoso.com', 'sip:alice@contoso.com', 'mailto:a@b.co', 'xmpp:a@b.co',
  '//evil.example.com/path', '//localhost/x', 'pool1.contoso.com', 'contoso.com/path', 'пример.рф', 'localhost:8080',
  '<https://x.y>', '[x](https://x.y)', '![i](http://x.y/i.png)', 'javascript:alert(1)', 'a.b.c.d', 'x.com.', '(www.x.com)',
  '*www.x.com*', '_http://x.y_', '~www.x.com~', 'http://[::1]/', 'https://x.y/a_(b)', 'user+tag@sub.example.co.uk',
]

/** The text a renderer shows for a paragraph: tags dropped, entities decoded. */
const shownText = (html: string): string =>
  html
    .replace(/<\/?p>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()

describe('markdownText', () => {
  for (const [name, render] of RENDERERS)
    describe(name, () => {
      it.each(LINKS)('%s stays plain text, shown as it is', (value) => {
        const html = render(`Value ${markdownText(value)}`)
        expect(html).not.toMatch(/<a\b|<img\b/)
        expect(shownText(html)).toBe(`Value ${value}`)
      })

      it('no value, however hostile, gives a link or a tag other than the paragraph', () => {
        fc.assert(
          fc.property(fc.array(fc.oneof(fc.constantFrom(...LINKS), hostileString), { maxLength: 4 }), (parts) => {
            const html = render(`Value ${markdownText(parts.join(''))}`)
            expect(html.replace(/<\/?p>/g, '')).not.toMatch(/<[a-z/!?]/i)
          }),
          { numRuns: 500 },
        )
      })
    })
})

describe('renderRunbook', () => {
  /** The HTML tags the runbook itself writes. */
  const OWN_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'pre', 'code'])
  const tagsOf = (html: string): ReadonlyArray<string> => Array.from(html.matchAll(/<\/?([a-z0-9]+)/gi), (m) => m[1]!.toLowerCase())

  for (const [name, render] of RENDERERS)
    describe(name, () => {
      it('the Contoso runbooks hold no link: FQDNs, the plan id and the warnings are plain text', () => {
        for (const s of scenarios()) {
          const html = render(renderRunbook(s.plan))
          expect(tagsOf(html).filter((t) => !OWN_TAGS.has(t))).toStrictEqual([])
          expect(html).toContain('pool1.contoso.com')
        }
      })

      it('plan values shaped like links never become links or HTML', () => {
        for (const s of scenarios())
          fc.assert(
            fc.property(hostilePlan(s.plan, fc.oneof(fc.constantFrom(...LINKS), hostileString)), (p: Plan) => {
              const html = render(renderRunbook(p))
              expect(tagsOf(html).filter((t) => !OWN_TAGS.has(t))).toStrictEqual([])
            }),
            { numRuns: 60 },
          )
      })
    })
})
