/**
 * Command-line arguments → a command, or ONE usage error naming the problem (and the nearest
 * valid spelling) with the usage of the command it is about.
 *
 * Rules: `--flag value` and `--flag=value`; values are trimmed; a flag the command does not take,
 * an unknown flag, a repeated flag, a flag without its value, a value outside a flag's choices
 * (matched case-insensitively), an extra argument: each a usage error. `-` as a file reads
 * standard input, for at most one file. `--` ends the flags.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  allFlags,
  kindTables,
  simpleCommands,
  topWords,
  type CommandShape,
  type Flag,
  type Format,
  type KindTable,
} from './commands.js'
import { didYouMean } from './spelling.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Where the state comes from. */
export type StateSource = { readonly _tag: 'File'; readonly path: string } | { readonly _tag: 'AssumeHealthy' }

/** A command line that parsed: its shape and its values. */
export interface Invocation {
  readonly shape: CommandShape
  /** The operand (`show PLAN.json`), when the command takes one. */
  readonly operand: string | undefined
  /** Value of every flag given, by flag name, trimmed (choices in their canonical spelling). */
  readonly values: ReadonlyMap<string, string>
  /** The request the kind's flags built: field → value. */
  readonly request: Readonly<Record<string, string>>
  readonly format: Format
  /** For commands that take `--state` / `--assume-healthy`. */
  readonly state: StateSource | undefined
}

/** What the user asked for. */
export type Command =
  | { readonly _tag: 'Help'; readonly topic: HelpTopic }
  | { readonly _tag: 'Version' }
  | { readonly _tag: 'Run'; readonly invocation: Invocation }

/** What `--help` is about. */
export type HelpTopic =
  | { readonly _tag: 'Top' }
  | { readonly _tag: 'Table'; readonly table: KindTable }
  | { readonly _tag: 'Command'; readonly shape: CommandShape }

/** A usage error: one line, the topic whose usage follows, and whether JSON was asked for. */
export interface UsageError {
  readonly message: string
  readonly topic: HelpTopic
  readonly json: boolean
}

// -------------------------------------------------------------------------------------
// tokens
// -------------------------------------------------------------------------------------

type Token =
  | {
      readonly _tag: 'Flag'
      /** Without its dashes; a single-dash word (`-pool`) keeps its dash, so it matches no flag. */
      readonly name: string
      readonly value: string | undefined
      readonly inline: boolean
    }
  | { readonly _tag: 'Word'; readonly value: string }

const isSwitch = (name: string): boolean => {
  const known = allFlags.get(name)
  // An unknown flag is read as a switch: it is reported before any value would matter.
  return known === undefined || known.metavar === undefined
}

const tokenize = (argv: ReadonlyArray<string>): ReadonlyArray<Token> => {
  const tokens: Array<Token> = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      tokens.push(...argv.slice(i + 1).map((value): Token => ({ _tag: 'Word', value })))
      break
    }
    if (arg === '-h') {
      tokens.push({ _tag: 'Flag', name: 'help', value: undefined, inline: false })
    } else if (arg.startsWith('-') && arg.length > 1) {
      const body = arg.startsWith('--') ? arg.slice(2) : arg
      const eq = body.indexOf('=')
      if (eq >= 0) {
        tokens.push({ _tag: 'Flag', name: body.slice(0, eq), value: body.slice(eq + 1), inline: true })
      } else if (isSwitch(body)) {
        tokens.push({ _tag: 'Flag', name: body, value: undefined, inline: false })
      } else {
        const next = argv[i + 1]
        const takes = next !== undefined && !next.startsWith('--')
        tokens.push({ _tag: 'Flag', name: body, value: takes ? next : undefined, inline: false })
        if (takes) i++
      }
    } else {
      tokens.push({ _tag: 'Word', value: arg })
    }
  }
  return tokens
}

// -------------------------------------------------------------------------------------
// resolution
// -------------------------------------------------------------------------------------

const flagName = (f: Flag): string => `--${f.flag}`
const top: HelpTopic = { _tag: 'Top' }

interface Resolved {
  readonly shape: CommandShape
  /** The words that are not the command's own. */
  readonly rest: ReadonlyArray<string>
}

/** The command the words name, or the usage error about them. */
const resolve = (words: ReadonlyArray<string>): E.Either<Omit<UsageError, 'json'>, Resolved> => {
  const [word, ...rest] = words
  if (word === undefined) return E.left({ message: 'no command given', topic: top })
  const table = kindTables.find((t) => t.word === word)
  if (table !== undefined) {
    const [kind, ...after] = rest
    const names = table.kinds.map((k) => k.name)
    if (kind === undefined)
      return E.left({ message: `${word} needs a kind: ${names.join(', ')}`, topic: { _tag: 'Table', table } })
    const found = table.kinds.find((k) => k.name === kind)
    if (found === undefined)
      return E.left({ message: `unknown ${word} kind "${kind}"${didYouMean(kind, names)}`, topic: { _tag: 'Table', table } })
    return E.right({ shape: found.shape, rest: after })
  }
  const simple = simpleCommands.find((c) => c.words[0] === word)
  if (simple !== undefined) return E.right({ shape: simple, rest })
  return E.left({ message: `unknown command "${word}"${didYouMean(word, topWords)}`, topic: top })
}

/** What `help <words>` or `<words> --help` is about: as far as the words go. */
const helpTopic = (words: ReadonlyArray<string>): E.Either<Omit<UsageError, 'json'>, HelpTopic> => {
  if (words.length === 0) return E.right(top)
  const table = kindTables.find((t) => t.word === words[0])
  if (table !== undefined && words.length === 1) return E.right({ _tag: 'Table', table })
  return E.map((r: Resolved) => ({ _tag: 'Command', shape: r.shape }) as const)(resolve(words))
}

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

const commandName = (shape: CommandShape): string => shape.words.join(' ')

const choice = (f: Flag, value: string): E.Either<string, string> => {
  if (f.choices === undefined) return E.right(value)
  const found = f.choices.find((c) => c.toLowerCase() === value.toLowerCase())
  return found === undefined
    ? E.left(`${flagName(f)} must be ${f.choices.join(' or ')}, not "${value}"${didYouMean(value, f.choices)}`)
    : E.right(found)
}

/** Every flag token checked against the command, in argument order; the first problem wins. */
const readFlags = (shape: CommandShape, tokens: ReadonlyArray<Token>): E.Either<string, ReadonlyMap<string, string>> => {
  const values = new Map<string, string>()
  const takes = new Map(shape.flags.map((f) => [f.flag, f]))
  const candidates = shape.flags.map(flagName)
  for (const token of tokens) {
    if (token._tag !== 'Flag') continue
    const f = takes.get(token.name)
    const typed = token.name.startsWith('-') ? token.name : `--${token.name}`
    if (f === undefined) {
      return E.left(
        allFlags.has(token.name)
          ? `${commandName(shape)} does not take ${typed}${didYouMean(typed, candidates)}`
          : `unknown flag ${typed}${didYouMean(typed, candidates)}`,
      )
    }
    if (values.has(f.flag)) return E.left(`${typed} is given more than once; give it once`)
    if (f.metavar === undefined) {
      if (token.inline) return E.left(`${typed} takes no value`)
      values.set(f.flag, '')
      continue
    }
    const value = token.value?.trim() ?? ''
    if (value === '') return E.left(`${typed} needs a value (${f.metavar})`)
    const chosen = choice(f, value)
    if (E.isLeft(chosen)) return chosen
    values.set(f.flag, chosen.right)
  }
  return E.right(values)
}

const checkComplete = (shape: CommandShape, values: ReadonlyMap<string, string>, operand: string | undefined): E.Either<string, StateSource | undefined> => {
  if (shape.operand !== undefined && operand === undefined)
    return E.left(`${commandName(shape)} needs ${shape.operand.metavar}`)
  const missing = shape.flags.find((f) => f.required === true && !values.has(f.flag))
  if (missing !== undefined) return E.left(`missing ${flagName(missing)} ${missing.metavar ?? ''}`.trimEnd())
  if (values.has('out') && values.get('out') === '-')
    return E.left('--out needs a file name: with --format json the plan goes to standard output')
  const stdin = [
    ...(operand === '-' ? [shape.operand?.metavar ?? 'the operand'] : []),
    ...shape.flags.filter((f) => f.file === true && values.get(f.flag) === '-').map(flagName),
  ]
  if (stdin.length > 1) return E.left(`standard input (-) can be read once, but is given for ${stdin.join(' and ')}`)
  const statePath = values.get('state')
  if (!shape.assumeHealthy) return E.right(statePath === undefined ? undefined : { _tag: 'File', path: statePath })
  const assumed = values.has('assume-healthy')
  if (statePath !== undefined && assumed) return E.left('--state and --assume-healthy exclude each other: give one')
  if (statePath !== undefined) return E.right({ _tag: 'File', path: statePath })
  if (assumed) return E.right({ _tag: 'AssumeHealthy' })
  return E.left('missing --state FILE (or --assume-healthy to plan from the topology alone)')
}

// -------------------------------------------------------------------------------------
// parse
// -------------------------------------------------------------------------------------

const asksJson = (tokens: ReadonlyArray<Token>): boolean => {
  const f = tokens.find((t) => t._tag === 'Flag' && t.name === 'format')
  return f?._tag === 'Flag' && f.value?.trim().toLowerCase() === 'json'
}

/** Parses argv (without `node` and the script) into a command, or one usage error. */
export const parseCommand = (argv: ReadonlyArray<string>): E.Either<UsageError, Command> => {
  const tokens = tokenize(argv)
  const json = asksJson(tokens)
  const words = tokens.flatMap((t) => (t._tag === 'Word' ? [t.value] : []))
  const has = (name: string): boolean => tokens.some((t) => t._tag === 'Flag' && t.name === name)
  const fail = (e: Omit<UsageError, 'json'>): E.Either<UsageError, Command> => E.left({ ...e, json })

  if (words[0] === 'help') {
    const topic = helpTopic(words.slice(1))
    return E.isLeft(topic) ? fail(topic.left) : E.right({ _tag: 'Help', topic: topic.right })
  }
  if (has('help')) {
    // `plan failover --help`, even with other mistakes on the line: help is what was asked for.
    const topic = helpTopic(words)
    return E.right({ _tag: 'Help', topic: E.getOrElse((): HelpTopic => top)(topic) })
  }
  if (has('version')) return E.right({ _tag: 'Version' })
  if (words.length === 0 && tokens.length === 0) return E.right({ _tag: 'Help', topic: top })

  const resolved = resolve(words)
  if (E.isLeft(resolved)) return fail(resolved.left)
  const { shape, rest } = resolved.right
  const topic: HelpTopic = { _tag: 'Command', shape }
  const values = readFlags(shape, tokens)
  if (E.isLeft(values)) return fail({ message: values.left, topic })
  const operand = shape.operand === undefined ? undefined : rest[0]?.trim()
  const unexpected = shape.operand === undefined ? rest[0] : rest[1]
  if (unexpected !== undefined) return fail({ message: `unexpected argument "${unexpected}"`, topic })
  const stateSource = checkComplete(shape, values.right, operand)
  if (E.isLeft(stateSource)) return fail({ message: stateSource.left, topic })

  const request: Record<string, string> = {}
  for (const f of shape.flags) {
    const v = values.right.get(f.flag)
    if (f.field !== undefined && v !== undefined) request[f.field] = v
  }
  const format = (values.right.get('format') ?? shape.formats[0] ?? 'text') as Format
  return E.right({
    _tag: 'Run',
    invocation: { shape, operand, values: values.right, request, format, state: stateSource.right },
  })
}
