/**
 * The `@example` blocks of the public entry points (typedoc.json `entryPoints`), read with the
 * TypeScript compiler API, and an in-memory type-check of them against `src/`. See
 * examples.test.ts for the convention the examples follow.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The names every example may use without declaring them: the Contoso sample of examples/data
 * (decoded with `decodeTopology` / `decodeState`).
 */
export const PRELUDE = `
/** examples/data/contoso.topology.json: pool1 (Redmond) ↔ pool2 (Dublin), se1 (Redmond, unpaired), edge1/edge2, CMS on pool1. */
declare const contoso: import('sfb-dr').Topology
/** examples/data/contoso.state.healthy.json: everything up, the Backup Service in sync. */
declare const healthy: import('sfb-dr').State
/** examples/data/contoso.state.redmond-down.json: pool1, se1 and edge1 unreachable. */
declare const redmondDown: import('sfb-dr').State
/** examples/data/contoso.state.pool1-failed-over.json: pool1's users served by pool2, CMS on pool2. */
declare const pool1FailedOver: import('sfb-dr').State
/** examples/data/contoso.state.backup-lagging.json: the Backup Service behind. */
declare const backupLagging: import('sfb-dr').State
`

/** The sample names of {@link PRELUDE} and the files they are decoded from. */
export const SAMPLE_FILES = {
  contoso: 'contoso.topology.json',
  healthy: 'contoso.state.healthy.json',
  redmondDown: 'contoso.state.redmond-down.json',
  pool1FailedOver: 'contoso.state.pool1-failed-over.json',
  backupLagging: 'contoso.state.backup-lagging.json',
} as const

export interface Example {
  /** `entry export#n`, for messages. */
  readonly name: string
  readonly code: string
}

export interface Export {
  readonly name: string
  /** typedoc converts it as a Function (and the plugin's `requiredTags` asks it for an `@example`). */
  readonly isFunction: boolean
  readonly examples: ReadonlyArray<string>
}

const compilerOptions = (): ts.CompilerOptions => {
  const file = join(root, 'tsconfig.json')
  const { config, error } = ts.readConfigFile(file, (f) => ts.sys.readFile(f))
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file).options
}

const isFunctionLikeInitializer = (node: ts.Expression): boolean =>
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ((ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) && isFunctionLikeInitializer(node.expression))

/** typedoc's rule (`shouldAutomaticallyConvertAsFunction`): what it lists as a Function. */
const isTypedocFunction = (d: ts.Declaration): boolean =>
  ts.isFunctionDeclaration(d) ||
  (ts.isVariableDeclaration(d) && d.type === undefined && d.initializer !== undefined && isFunctionLikeInitializer(d.initializer))

/**
 * The `@example` texts of one doc comment, from its raw source text (so code keeps its
 * indentation). A block runs to the next block tag outside a code fence; its code is the whole
 * text, or, when the text holds Markdown code fences, what they fence.
 */
export const examplesOfComment = (comment: string): ReadonlyArray<string> => {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
  const blocks: Array<Array<string>> = []
  let current: Array<string> | undefined
  let fenced = false
  for (const line of lines) {
    if (!fenced) {
      const tag = /^\s*(@\w+)\s?(.*)$/.exec(line)
      if (tag !== null) {
        current = tag[1] === '@example' ? [] : undefined
        if (current !== undefined) blocks.push(current)
        if ((tag[2] ?? '').trim() !== '') current?.push(tag[2] ?? '')
        continue
      }
    }
    if (/^\s*```/.test(line)) fenced = !fenced
    current?.push(line)
  }
  return blocks.map((block) => {
    const text = block.join('\n')
    const fences = [...text.matchAll(/^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm)].map((m) => m[1] ?? '')
    return (fences.length > 0 ? fences.join('\n') : text).trim()
  })
}

/** The doc comment of a declaration (for a `const`, its statement's): the last one before it. */
const docComments = (d: ts.Declaration): ReadonlyArray<string> => {
  const sf = d.getSourceFile()
  return ts
    .getJSDocCommentsAndTags(d)
    .filter(ts.isJSDoc)
    .slice(-1)
    .map((doc) => sf.text.slice(doc.getStart(sf), doc.end))
}

const exportsOf = (program: ts.Program, entry: string): ReadonlyArray<Export> => {
  const checker = program.getTypeChecker()
  const sf = program.getSourceFile(entry)
  const module = sf === undefined ? undefined : checker.getSymbolAtLocation(sf)
  if (module === undefined) throw new Error(`${entry}: no module`)
  return checker.getExportsOfModule(module).map((s) => {
    const declarations = ((s.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(s) : s).declarations ?? []
    return {
      name: s.name,
      isFunction: declarations.some(isTypedocFunction),
      examples: [...new Set(declarations.flatMap(docComments))].flatMap(examplesOfComment),
    }
  })
}

/** One entry point of typedoc.json (relative to the root) and its exports. */
export interface EntryPoint {
  readonly entry: string
  readonly exports: ReadonlyArray<Export>
}

/** Reads the entry points' exports and examples. */
export const readExamples = (): {
  readonly entryPoints: ReadonlyArray<EntryPoint>
  readonly examples: ReadonlyArray<Example>
  readonly typeCheck: (examples: ReadonlyArray<Example>) => ReadonlyArray<string>
} => {
  const entries = (JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { readonly entryPoints: ReadonlyArray<string> }).entryPoints
  const rootNames = entries.map((e) => join(root, e))
  const options = compilerOptions()
  const host = ts.createCompilerHost(options)
  const program = ts.createProgram({ rootNames, options, host })
  const entryPoints = entries.map((entry) => ({ entry, exports: exportsOf(program, join(root, entry)) }))
  const examples = entryPoints.flatMap(({ entry, exports }) =>
    exports.flatMap((e) => e.examples.map((code, i) => ({ name: `${entry} ${e.name}#${String(i + 1)}`, code }))),
  )

  /** Type-checks examples in memory (reusing the program above); answers the errors, by example. */
  const typeCheck = (all: ReadonlyArray<Example>): ReadonlyArray<string> => {
    const dir = join(root, 'test/docs/.examples')
    const files = new Map<string, string>([[join(dir, 'prelude.d.ts'), PRELUDE]])
    const names = new Map<string, string>()
    all.forEach((e, i) => {
      const file = join(dir, `example${String(i)}.ts`)
      files.set(file, e.code)
      names.set(file, e.name)
    })
    // An example may bind a value only to show it.
    const exampleOptions: ts.CompilerOptions = { ...options, noUnusedLocals: false, noUnusedParameters: false }
    const virtual: ts.CompilerHost = {
      ...host,
      fileExists: (f) => files.has(f) || host.fileExists(f),
      readFile: (f) => files.get(f) ?? host.readFile(f),
      getSourceFile: (f, language, onError, create) => {
        const text = files.get(f)
        return text === undefined ? host.getSourceFile(f, language, onError, create) : ts.createSourceFile(f, text, language, true)
      },
    }
    const checked = ts.createProgram({ rootNames: [...rootNames, ...files.keys()], options: exampleOptions, host: virtual, oldProgram: program })
    return [...files.keys()].flatMap((file) => {
      const sf = checked.getSourceFile(file)
      if (sf === undefined) return [`${names.get(file) ?? file}: not compiled`]
      return [...checked.getSyntacticDiagnostics(sf), ...checked.getSemanticDiagnostics(sf)].map((d) => {
        const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1
        return `${names.get(file) ?? file}, line ${String(line)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
      })
    })
  }

  return { entryPoints, examples, typeCheck }
}
