/**
 * Every command line `sfb-dr` understands, as data: the top-level commands, the flags each one
 * takes, and their formats. The plan and assess kinds come from their tables.
 *
 * @module
 */
import { assessKinds } from './assessKinds.js'
import { planKinds } from './planKinds.js'
import type { AssessKind, PlanKind } from './spec.js'

// -------------------------------------------------------------------------------------
// flags
// -------------------------------------------------------------------------------------

/** A flag as the parser sees it. */
export interface Flag {
  /** Without dashes. */
  readonly flag: string
  /** Placeholder of its value; absent for a switch (`--assume-healthy`). */
  readonly metavar?: string
  /** One line for `--help`. */
  readonly help: string
  readonly required?: true
  /** Accepted values, matched case-insensitively. */
  readonly choices?: ReadonlyArray<string>
  /** The request field it fills (plan and assess kinds). */
  readonly field?: string
  /** Its value names a file to read (`-` is standard input). */
  readonly file?: true
}

/** Output formats. */
export type Format = 'runbook' | 'powershell' | 'json' | 'text'

const topology: Flag = { flag: 'topology', metavar: 'FILE', required: true, file: true, help: 'the topology document (JSON; - reads standard input)' }
const state: Flag = { flag: 'state', metavar: 'FILE', file: true, help: 'the state document: what is true now (JSON; - reads standard input)' }
const stateRequired: Flag = { ...state, required: true }
const assumeHealthy: Flag = {
  flag: 'assume-healthy',
  help: 'no state document: every pool reachable and healthy, nothing failed over (the output says so)',
}
const format = (choices: ReadonlyArray<Format>): Flag => ({
  flag: 'format',
  metavar: choices.join('|'),
  choices,
  help: `output format (default ${choices[0] ?? ''}); json writes one document { "ok", … } in every outcome`,
})
const out: Flag = { flag: 'out', metavar: 'FILE', help: 'also save the plan document (JSON) to FILE, whatever --format prints' }

/** Switches every command takes. */
export const globalSwitches: ReadonlyArray<Flag> = [
  { flag: 'help', help: 'print the usage of the command' },
  { flag: 'version', help: 'print the version of sfb-dr' },
]

// -------------------------------------------------------------------------------------
// commands
// -------------------------------------------------------------------------------------

/** What a command does. */
export type Action =
  | { readonly _tag: 'Plan'; readonly kind: PlanKind }
  | { readonly _tag: 'Assess'; readonly kind: AssessKind }
  | { readonly _tag: 'Show' }
  | { readonly _tag: 'Validate' }
  | { readonly _tag: 'Audit' }

/** A command line shape: what `sfb-dr <words> …` takes. */
export interface CommandShape {
  readonly action: Action
  /** The words after `sfb-dr`: `['plan', 'failover']`. */
  readonly words: ReadonlyArray<string>
  /** One line for `--help`. */
  readonly summary: string
  /** A file named without a flag (`show PLAN.json`). */
  readonly operand?: { readonly metavar: string; readonly help: string }
  /** Request flags first, then the common ones. */
  readonly flags: ReadonlyArray<Flag>
  /** Its formats; the first is the default. */
  readonly formats: ReadonlyArray<Format>
  /** Whether `--state` may be replaced by `--assume-healthy`. */
  readonly assumeHealthy: boolean
}

const planFormats: ReadonlyArray<Format> = ['runbook', 'powershell', 'json']
const reportFormats: ReadonlyArray<Format> = ['text', 'json']

/** The shape of `plan <kind>`. */
export const planShape = (kind: PlanKind): CommandShape => ({
  action: { _tag: 'Plan', kind },
  words: ['plan', kind.name],
  summary: kind.summary,
  flags: [topology, state, assumeHealthy, ...kind.flags, format(planFormats), out],
  formats: planFormats,
  assumeHealthy: true,
})

/** The shape of `assess <kind>`. */
export const assessShape = (kind: AssessKind): CommandShape => ({
  action: { _tag: 'Assess', kind },
  words: ['assess', kind.name],
  summary: kind.summary,
  flags: [topology, stateRequired, ...kind.flags, format(reportFormats)],
  formats: reportFormats,
  assumeHealthy: false,
})

const planOperand = { metavar: 'PLAN.json', help: 'a plan document saved with `sfb-dr plan … --out` (- reads standard input)' }

/** `show PLAN.json`. */
export const showShape: CommandShape = {
  action: { _tag: 'Show' },
  words: ['show'],
  summary: 'Show a saved plan as a runbook, a PowerShell script or JSON (its id is checked; the state is not).',
  operand: planOperand,
  flags: [format(planFormats)],
  formats: planFormats,
  assumeHealthy: false,
}

const validateFormats: ReadonlyArray<Format> = ['text', 'runbook', 'powershell', 'json']

/** `validate PLAN.json`. */
export const validateShape: CommandShape = {
  action: { _tag: 'Validate' },
  words: ['validate'],
  summary:
    'Check a saved plan against the topology and the state now: refused with every reason when stale or edited; with --format runbook|powershell, prints the plan it validated.',
  operand: planOperand,
  flags: [topology, state, assumeHealthy, format(validateFormats)],
  formats: validateFormats,
  assumeHealthy: true,
}

/** `audit`. */
export const auditShape: CommandShape = {
  action: { _tag: 'Audit' },
  words: ['audit'],
  summary: 'List the unsupported or unwise choices of a topology (findings).',
  flags: [topology, format(reportFormats)],
  formats: reportFormats,
  assumeHealthy: false,
}

/** A command word followed by a kind from a table. */
export interface KindTable {
  readonly word: 'plan' | 'assess'
  readonly summary: string
  readonly kinds: ReadonlyArray<{ readonly name: string; readonly shape: CommandShape }>
}

/** `plan <kind>`. */
export const planTable: KindTable = {
  word: 'plan',
  summary: 'Make a validated recovery plan; print it as a runbook, a PowerShell script or JSON.',
  kinds: planKinds.map((k) => ({ name: k.name, shape: planShape(k) })),
}

/** `assess <kind>`. */
export const assessTable: KindTable = {
  word: 'assess',
  summary: 'Assess the health of part of the deployment from the state.',
  kinds: assessKinds.map((k) => ({ name: k.name, shape: assessShape(k) })),
}

/** The kind tables that have kinds (a table without any is not offered). */
export const kindTables: ReadonlyArray<KindTable> = [planTable, assessTable].filter((t) => t.kinds.length > 0)

/** Top-level commands without kinds. */
export const simpleCommands: ReadonlyArray<CommandShape> = [showShape, validateShape, auditShape]

/** Every top-level word, in help order. */
export const topWords: ReadonlyArray<string> = [
  ...kindTables.map((t) => t.word),
  ...simpleCommands.map((c) => c.words[0] ?? ''),
  'help',
]

/** Every flag of every command, by name (for "not a flag of this command" versus "unknown"). */
export const allFlags: ReadonlyMap<string, Flag> = new Map(
  [
    ...globalSwitches,
    ...kindTables.flatMap((t) => t.kinds.flatMap((k) => k.shape.flags)),
    ...simpleCommands.flatMap((c) => c.flags),
  ].map((f) => [f.flag, f]),
)
