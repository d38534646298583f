/**
 * Usage and `--help` texts, derived from the command tables.
 *
 * @module
 */
import { absurd } from 'fp-ts/lib/function.js'
import type { HelpTopic } from './args.js'
import { globalSwitches, kindTables, simpleCommands, type CommandShape, type Flag, type KindTable } from './commands.js'

const flagUsage = (f: Flag): string => (f.metavar === undefined ? `--${f.flag}` : `--${f.flag} ${f.metavar}`)

/** One line: `sfb-dr plan failover --topology FILE (--state FILE | --assume-healthy) --pool FQDN [--mode …] …`. */
export const synopsis = (shape: CommandShape): string => {
  const parts = ['sfb-dr', ...shape.words]
  if (shape.operand !== undefined) parts.push(shape.operand.metavar)
  for (const f of shape.flags) {
    if (shape.assumeHealthy && f.flag === 'assume-healthy') continue
    if (shape.assumeHealthy && f.flag === 'state') parts.push(`(${flagUsage(f)} | --assume-healthy)`)
    else parts.push(f.required === true ? flagUsage(f) : `[${flagUsage(f)}]`)
  }
  return parts.join(' ')
}

const columns = (rows: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> => {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}

const exitCodes =
  'Exit codes: 0 done; 1 refused (every reason is printed); 2 usage error, unreadable file, invalid JSON or a document with problems.'

const tableSynopsis = (table: KindTable): string => `sfb-dr ${table.word} <kind> …`

/** The usage of the whole command. */
const topHelp = (): string =>
  [
    'sfb-dr — plan, save, show and validate Skype for Business Server disaster recovery.',
    '',
    'Usage:',
    ...kindTables.map((t) => `  ${tableSynopsis(t)}`),
    ...simpleCommands.map((c) => `  ${synopsis(c)}`),
    '  sfb-dr help [command]',
    '  sfb-dr --version',
    '',
    ...kindTables.flatMap((t) => [
      `${t.word} — ${t.summary} Kinds:`,
      ...columns(t.kinds.map((k) => [k.name, k.shape.summary])),
      '',
    ]),
    ...simpleCommands.flatMap((c) => [`${c.words.join(' ')} — ${c.summary}`]),
    '',
    'The flow: `sfb-dr plan … --out plan.json` saves the plan; `sfb-dr show plan.json` prints it;',
    '`sfb-dr validate plan.json --topology … --state …` checks it against the state right before it runs.',
    '',
    "Run `sfb-dr help <command>` (or `sfb-dr <command> --help`) for a command's flags.",
    exitCodes,
  ].join('\n')

const tableHelp = (table: KindTable): string =>
  [
    `Usage: ${tableSynopsis(table)}`,
    '',
    table.summary,
    '',
    ...table.kinds.flatMap((k) => [`  ${synopsis(k.shape)}`, `      ${k.shape.summary}`]),
    '',
    `Run \`sfb-dr ${table.word} <kind> --help\` for the flags of a kind.`,
    exitCodes,
  ].join('\n')

const commandHelp = (shape: CommandShape): string =>
  [
    `Usage: ${synopsis(shape)}`,
    '',
    shape.summary,
    '',
    ...(shape.operand === undefined ? [] : [`  ${shape.operand.metavar}`, `      ${shape.operand.help}`]),
    ...columns([...shape.flags, ...globalSwitches].map((f) => [flagUsage(f), f.help])),
    '',
    exitCodes,
  ].join('\n')

/** The full `--help` text of a topic. */
export const helpText = (topic: HelpTopic): string => {
  switch (topic._tag) {
    case 'Top':
      return topHelp()
    case 'Table':
      return tableHelp(topic.table)
    case 'Command':
      return commandHelp(topic.shape)
  }
  return absurd(topic)
}

/** The short usage printed after a usage error: the synopsis and where to read more. */
export const shortUsage = (topic: HelpTopic): string => {
  switch (topic._tag) {
    case 'Top':
      return [
        'Usage:',
        ...kindTables.map((t) => `  ${tableSynopsis(t)}`),
        ...simpleCommands.map((c) => `  ${synopsis(c)}`),
        'Run `sfb-dr --help` for more.',
      ].join('\n')
    case 'Table':
      return [
        'Usage:',
        ...topic.table.kinds.map((k) => `  ${synopsis(k.shape)}`),
        `Run \`sfb-dr ${topic.table.word} <kind> --help\` for more.`,
      ].join('\n')
    case 'Command':
      return [`Usage: ${synopsis(topic.shape)}`, `Run \`sfb-dr ${topic.shape.words.join(' ')} --help\` for more.`].join('\n')
  }
  return absurd(topic)
}
