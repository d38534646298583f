/**
 * Runs a parsed command against injected I/O, so the whole CLI logic is testable without a
 * process. Exit codes: 0 success, 1 refused (documents or request), 2 usage or unreadable file.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import {
  auditTopology,
  decodeState,
  decodeTopology,
  formatFinding,
  formatProblem,
  initialState,
  planFailback,
  planFailover,
  planMoveService,
  renderPowerShell,
  renderRunbook,
  type Plan,
  type Problem,
  type State,
  type Topology,
} from '../index.js'
import { parseCommand, usage, type Command, type PlanFormat } from './args.js'

/** The effects the CLI needs, injected. */
export interface CliIo {
  /** Reads a whole UTF-8 file; `Left` with a one-line reason when it cannot. */
  readonly readFile: (path: string) => E.Either<string, string>
  /** Writes to standard output. */
  readonly out: (text: string) => void
  /** Writes to standard error. */
  readonly err: (text: string) => void
}

/** A failure that ends the run with an exit code. */
interface Exit {
  readonly code: 1 | 2
  readonly lines: ReadonlyArray<string>
}

const usageError = (line: string): Exit => ({ code: 2, lines: [`sfb-dr: ${line}`] })
const refused = (problems: RNEA.ReadonlyNonEmptyArray<Problem>, what: string): Exit => ({
  code: 1,
  lines: [`sfb-dr: ${what} refused:`, ...problems.map((p) => `  - ${formatProblem(p)}`)],
})

const readJson = (io: CliIo, flag: string, path: string): E.Either<Exit, unknown> => {
  const text = io.readFile(path)
  if (E.isLeft(text)) return E.left(usageError(`cannot read --${flag} ${path}: ${text.left}`))
  try {
    return E.right(JSON.parse(text.right) as unknown)
  } catch (e) {
    return E.left(usageError(`--${flag} ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`))
  }
}

const loadTopology = (io: CliIo, path: string): E.Either<Exit, Topology> =>
  E.chain((doc: unknown) => E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) => refused(ps, `topology ${path}`))(decodeTopology(doc)))(
    readJson(io, 'topology', path),
  )

const loadState = (io: CliIo, topology: Topology, path: string | undefined): E.Either<Exit, State> =>
  path === undefined
    ? E.right(initialState(topology))
    : E.chain((doc: unknown) => E.mapLeft((ps: RNEA.ReadonlyNonEmptyArray<Problem>) => refused(ps, `state ${path}`))(decodeState(topology, doc)))(
        readJson(io, 'state', path),
      )

const renderPlan = (plan: Plan, format: PlanFormat): string => {
  switch (format) {
    case 'runbook':
      return renderRunbook(plan)
    case 'powershell':
      return renderPowerShell(plan)
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`
  }
}

const plan = (io: CliIo, command: Extract<Command, { readonly _tag: 'PlanPool' | 'PlanMove' }>): E.Either<Exit, string> => {
  const topology = loadTopology(io, command.topology)
  if (E.isLeft(topology)) return topology
  const state = loadState(io, topology.right, command.state)
  if (E.isLeft(state)) return state
  const result =
    command._tag === 'PlanMove'
      ? planMoveService(topology.right, state.right, { from: command.from, to: command.to })
      : (command.kind === 'failover' ? planFailover : planFailback)(topology.right, state.right, {
          pool: command.pool,
          ...(command.mode === undefined ? {} : { mode: command.mode }),
        })
  return E.bimap(
    (ps: RNEA.ReadonlyNonEmptyArray<Problem>) => refused(ps, 'the request is'),
    (p: Plan) => renderPlan(p, command.format),
  )(result)
}

const audit = (io: CliIo, command: Extract<Command, { readonly _tag: 'Audit' }>): E.Either<Exit, string> =>
  E.map((topology: Topology) => {
    const findings = auditTopology(topology)
    if (command.format === 'json') return `${JSON.stringify(findings, null, 2)}\n`
    const lines = findings.map((f) => `[${f.severity}] ${f._tag}: ${formatFinding(f)}`)
    return `${[`${findings.length} finding(s) in ${command.topology}`, ...lines].join('\n')}\n`
  })(loadTopology(io, command.topology))

/**
 * Runs the CLI on `argv` (without `node` and the script path) and returns the exit code.
 */
export const runCli = (argv: ReadonlyArray<string>, io: CliIo): 0 | 1 | 2 => {
  const command = parseCommand(argv)
  if (E.isLeft(command)) {
    io.err(`sfb-dr: ${command.left}\n`)
    return 2
  }
  const c = command.right
  const result: E.Either<Exit, string> =
    c._tag === 'Help' ? E.right(`${usage}\n`) : c._tag === 'Audit' ? audit(io, c) : plan(io, c)
  if (E.isLeft(result)) {
    io.err(`${result.left.lines.join('\n')}\n`)
    return result.left.code
  }
  io.out(result.right)
  return 0
}
