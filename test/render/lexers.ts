/**
 * Small, strict lexers for checking rendered text, written from the languages' rules rather than
 * from the renderers' code:
 * - PowerShell single-quoted literals: inside '…' the only escape is a pair of single-quote
 *   characters, of any of the five kinds (' U+2018 U+2019 U+201A U+201B); a lone one ends it.
 * - A script "skeleton": the code with every literal replaced by '_' and comments dropped, so two
 *   scripts that differ only in quoted values and comments have equal skeletons.
 * - CommonMark fenced code blocks.
 */

export const SINGLE_QUOTES: ReadonlySet<string> = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B'])
const DOUBLE_QUOTES: ReadonlySet<string> = new Set(['"', '\u201C', '\u201D', '\u201E'])

/** Reads the single-quoted literal starting at `start`: its value and the index after it. */
export const readSingleQuoted = (text: string, start: number): { readonly value: string; readonly end: number } => {
  const open = text[start]
  if (open === undefined || !SINGLE_QUOTES.has(open)) throw new Error(`no literal at ${start}`)
  let value = ''
  let i = start + 1
  for (;;) {
    const c = text[i]
    if (c === undefined) throw new Error('unterminated single-quoted literal')
    if (SINGLE_QUOTES.has(c)) {
      const next = text[i + 1]
      if (next !== undefined && SINGLE_QUOTES.has(next)) {
        value += next
        i += 2
        continue
      }
      return { value, end: i + 1 }
    }
    value += c
    i++
  }
}

/** Parses `text` as exactly one single-quoted literal and returns its value; throws otherwise. */
export const parseSingleQuotedToken = (text: string): string => {
  const { value, end } = readSingleQuoted(text, 0)
  if (end !== text.length) throw new Error(`literal ends at ${end} of ${text.length}`)
  return value
}

/**
 * The code of a script with every single-quoted literal replaced by `'_'`, comments removed and
 * blank lines dropped. Throws on anything our renderer never writes and that could smuggle code:
 * double-quoted or here-strings, backtick escapes, block comments.
 */
export const skeleton = (script: string): ReadonlyArray<string> => {
  let out = ''
  let i = 0
  while (i < script.length) {
    const c = script[i] ?? ''
    if (SINGLE_QUOTES.has(c)) {
      if (script[i - 1] === '@') throw new Error(`here-string at ${i}`)
      out += "'_'"
      i = readSingleQuoted(script, i).end
    } else if (c === '#') {
      if (script[i - 1] === '<') throw new Error(`block comment at ${i}`)
      while (i < script.length && script[i] !== '\n' && script[i] !== '\r') i++
    } else if (DOUBLE_QUOTES.has(c)) {
      throw new Error(`double-quoted string at ${i}`)
    } else if (c === '`') {
      throw new Error(`backtick escape at ${i}`)
    } else {
      out += c
      i++
    }
  }
  return out
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
}

/** The cmdlet invocations of a skeleton line: `Verb-Noun` and the `-Parameter` names after it. */
export const invocations = (line: string): ReadonlyArray<{ readonly cmdlet: string; readonly parameters: ReadonlyArray<string> }> => {
  const found: Array<{ cmdlet: string; parameters: Array<string> }> = []
  for (const m of line.matchAll(/\b([A-Z][a-z]+-[A-Za-z]+)\b/g)) {
    const rest = line.slice(m.index + m[0].length)
    const end = rest.search(/[)|;{]/)
    const args = end === -1 ? rest : rest.slice(0, end)
    found.push({ cmdlet: m[1] ?? '', parameters: Array.from(args.matchAll(/(?:^|\s)-([A-Za-z]+)/g), (p) => p[1] ?? '') })
  }
  return found
}

/** A fenced code block found by the CommonMark rules: its info string and content lines. */
export interface CodeBlock {
  readonly info: string
  readonly lines: ReadonlyArray<string>
}

/**
 * Splits Markdown into text lines (outside code blocks) and fenced code blocks, by CommonMark's
 * rules: an opening fence is 3+ backticks (or tildes) after at most 3 spaces; the block closes at
 * a line of at least as many of the same character, and nothing else; unclosed blocks run to the
 * end of the document.
 */
export const splitMarkdown = (markdown: string): { readonly text: ReadonlyArray<string>; readonly blocks: ReadonlyArray<CodeBlock> } => {
  const text: Array<string> = []
  const blocks: Array<CodeBlock> = []
  let open: { char: string; length: number; info: string; lines: Array<string> } | undefined
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (open === undefined) {
      const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
      if (m !== null && !(m[1]?.startsWith('`') === true && m[2]?.includes('`') === true)) {
        open = { char: m[1]?.[0] ?? '`', length: m[1]?.length ?? 3, info: (m[2] ?? '').trim(), lines: [] }
      } else text.push(line)
    } else {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
      const fence = close?.[1] ?? ''
      if (fence.startsWith(open.char) && fence.length >= open.length) {
        blocks.push({ info: open.info, lines: open.lines })
        open = undefined
      } else open.lines.push(line)
    }
  }
  if (open !== undefined) throw new Error('unclosed code block')
  return { text, blocks }
}
