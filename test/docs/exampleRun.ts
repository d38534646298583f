/**
 * Runs an `@example` and checks what its `// =>` comments say it returns.
 *
 * - A `// =>` comment belongs to the statement before it: on the same line, or on the lines right
 *   after it. It states the value of an expression statement (of the argument of a
 *   `console.log(x)` statement), or of the one variable a `const` statement declares.
 * - The value is written as fp-ts's docs write them: `some(x)`, `none`, `right(x)`, `left(x)`,
 *   `[a, b]`, `{ key: value }`, `Map { key => value }`, strings in quotes; `…` stands for any text.
 *   It may run over the next comment lines; whatever follows it (`: why`, `(why)`) is prose.
 * - Imports resolve as in the tests (vitest.config.ts aliases `sfb-dr` to `src/`), so the example
 *   runs against the sources.
 */
import ts from 'typescript'

/** One `// =>` claim of an example. */
export interface Claim {
  /** 1-based line of the `// =>` comment in the example. */
  readonly line: number
  /** The value as written, prose cut off. */
  readonly expected: string
}

/** The value of a claim in the comment text after `=>`: up to where its brackets and quotes close. */
export const claimedValue = (text: string): string => {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (quote !== undefined) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (depth === 0 && (c === ':' || /\s/.test(c)) && !(c === ' ' && text.slice(0, i) === 'Map')) {
      return text.slice(0, i).trim()
    }
  }
  return text.trim()
}

/** Shows a value the way the examples write it (see the module comment). */
export const show = (value: unknown): string => {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') {
    const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
    return value.includes("'") && !value.includes('"') ? `"${body}"` : `'${body.replace(/'/g, "\\'")}'`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (typeof value !== 'object') return `[${typeof value}]`
  if (value instanceof Map) {
    const entries = [...(value as Map<unknown, unknown>)].map(([k, v]) => `${show(k)} => ${show(v)}`)
    return entries.length === 0 ? 'Map {}' : `Map { ${entries.join(', ')} }`
  }
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (record['_tag'] === 'None' && keys.length === 1) return 'none'
  if (record['_tag'] === 'Some' && keys.length === 2) return `some(${show(record['value'])})`
  if (record['_tag'] === 'Right' && keys.length === 2) return `right(${show(record['right'])})`
  if (record['_tag'] === 'Left' && keys.length === 2) return `left(${show(record['left'])})`
  if (keys.length === 0) return '{}'
  return `{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : show(k)}: ${show(record[k])}`).join(', ')} }`
}

/** Both sides of a comparison, spaced alike: one space for any run, none inside `(`/`[` edges. */
const spaced = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([[(]) /g, '$1')
    .replace(/ ([\])])/g, '$1')
    .trim()

/** Whether `actual` (shown) is what `expected` says, `…` matching any text. */
export const matches = (expected: string, actual: string): boolean => {
  const pattern = spaced(expected)
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?')
  return new RegExp(`^${pattern}$`).test(spaced(actual))
}

/** The example with each claimed value handed to `__claim(n, value)`, and its claims. */
export const instrument = (code: string): { readonly code: string; readonly claims: ReadonlyArray<Claim> } => {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true)
  const lines = code.split('\n')
  const claims: Array<Claim> = []
  const edits: Array<{ readonly start: number; readonly end: number; readonly text: string }> = []

  /** The `// =>` claim after the line where a statement ends, if any. */
  const claimAfter = (end: number): Claim | undefined => {
    const last = sf.getLineAndCharacterOfPosition(end).line
    const rest = (lines[last] ?? '').slice(sf.getLineAndCharacterOfPosition(end).character)
    let at = /^\s*(?:;\s*)?\/\/ =>/.test(rest) ? last : undefined
    let text = at === undefined ? '' : rest.slice(rest.indexOf('=>') + 2)
    if (at === undefined) {
      for (let l = last + 1; l < lines.length && /^\s*\/\//.test(lines[l] ?? ''); l++) {
        const m = /^\s*\/\/ =>(.*)$/.exec(lines[l] ?? '')
        if (m !== null) {
          at = l
          text = m[1] ?? ''
          break
        }
      }
    }
    if (at === undefined) return undefined
    for (let l = at + 1; l < lines.length; l++) {
      const m = /^\s*\/\/(?! =>)(.*)$/.exec(lines[l] ?? '')
      if (m === null) break
      text += ` ${m[1] ?? ''}`
    }
    return { line: at + 1, expected: claimedValue(text.trim()) }
  }

  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const claim = claimAfter(node.getEnd())
      if (claim !== undefined) {
        const e = node.expression
        const logged =
          ts.isCallExpression(e) && e.getText(sf).startsWith('console.log(') && e.arguments.length === 1 ? e.arguments[0] : undefined
        const shown = (logged ?? e).getText(sf)
        edits.push({ start: node.getStart(sf), end: node.getEnd(), text: `__claim(${String(claims.length)}, (${shown}));` })
        claims.push(claim)
      }
    } else if (ts.isVariableStatement(node)) {
      const claim = claimAfter(node.getEnd())
      const [only, ...more] = node.declarationList.declarations
      if (claim !== undefined && only !== undefined && more.length === 0 && ts.isIdentifier(only.name)) {
        edits.push({ start: node.getEnd(), end: node.getEnd(), text: `\n__claim(${String(claims.length)}, ${only.name.text});` })
        claims.push(claim)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  let out = code
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return { code: out, claims }
}

/** The `// =>` comments of an example, by 1-based line. */
export const claimLines = (code: string): ReadonlyArray<number> =>
  code.split('\n').flatMap((line, i) => (/^\s*\/\/ =>|\S.*\/\/ =>/.test(line) ? [i + 1] : []))

/** The constructor of async functions: an example's code runs as the body of one (it may `await`). */
const AsyncFunction = (async () => {
  await Promise.resolve()
}).constructor as new (
  ...args: ReadonlyArray<string>
) => (...values: ReadonlyArray<unknown>) => Promise<void>

/**
 * Runs an example: its imports come from `load` (by specifier), the names of `sample` are in
 * scope. Answers a message per claim that does not hold, or why the example did not run.
 */
export const runExample = async (
  code: string,
  load: (specifier: string) => Promise<unknown>,
  sample: Readonly<Record<string, unknown>>,
): Promise<ReadonlyArray<string>> => {
  const { code: instrumented, claims } = instrument(code)
  const missed = claimLines(code).filter((line) => !claims.some((c) => c.line === line))
  const problems: Array<string> = missed.map((line) => `line ${String(line)}: a \`// =>\` that follows no expression statement or const`)
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, false)
  const modules = new Map<string, unknown>()
  for (const s of sf.statements)
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) modules.set(s.moduleSpecifier.text, await load(s.moduleSpecifier.text))
  const js = ts.transpileModule(instrumented, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false, verbatimModuleSyntax: false },
  }).outputText
  const seen = new Map<number, unknown>()
  const names = Object.keys(sample)
  try {
    const run = new AsyncFunction('require', 'exports', '__claim', 'console', ...names, js)
    await run(
      (specifier: string) => modules.get(specifier),
      {},
      (n: number, value: unknown) => {
        seen.set(n, value)
      },
      { log: () => undefined },
      ...names.map((n) => sample[n]),
    )
  } catch (e) {
    return [...problems, `throws: ${e instanceof Error ? e.message : String(e)}`]
  }
  claims.forEach((claim, n) => {
    if (!seen.has(n)) problems.push(`line ${String(claim.line)}: never reached`)
    else if (!matches(claim.expected, show(seen.get(n))))
      problems.push(`line ${String(claim.line)}: the comment says ${claim.expected}, the code gives ${show(seen.get(n))}`)
  })
  return problems
}
