/**
 * Runs a command line against injected effects, so that the whole CLI is one function of its
 * arguments and files. Exit codes: 0 done; 1 refused (violations, or an edited plan); 2 usage,
 * unreadable file, invalid JSON, or a document with problems.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { absurd } from 'fp-ts/lib/function.js'
import {
  auditTopology,
  formatFinding,
  formatIntent,
  renderPowerShell,
  renderRunbook,
  estimateRecoveryTime,
  type RecoveryTimeEstimate,
  validatePlan,
  type Plan,
  type Problem,
  type State,
  type Topology,
} from '../index.js'
import { parseCommand, type Invocation, type StateSource } from './args.js'
import type { AssessKind, PlanKind } from './spec.js'
import { checkPlanId, documentFailure, flagSource, loadPlan, loadState, loadTopology, planSource, type Reader, type Source } from './documents.js'
import { documentProblem, failure, write, type Failure, type Success, type Writer } from './outcome.js'
import { helpText, shortUsage } from './usage.js'

/** The effects the CLI needs, injected. */
export interface CliIo extends Reader, Writer {
  /** Writes a whole file; `Left` with a short reason when it cannot. */
  readonly writeFile: (path: string, text: string) => E.Either<string, void>
  /** The package version, fixed at build time (`undefined` when run from the sources). */
  readonly version: string | undefined
}

type Outcome = E.Either<Failure, Success>

const success = (text: string, json: Readonly<Record<string, unknown>>, notes: ReadonlyArray<string> = []): Success => ({
  _tag: 'Success',
  text,
  json,
  notes,
})

const refused = (problems: RNEA.ReadonlyNonEmptyArray<Problem>, what: string): Failure =>
  failure(1, `${what} refused:`, problems.map((p) => documentProblem(p)))

// -------------------------------------------------------------------------------------
// plans
// -------------------------------------------------------------------------------------

const assumedHealthyNote =
  'Planned with --assume-healthy: no state document was read; every pool is taken as reachable and healthy, with nothing failed over.'

/** A plan in a text format, with the `--assume-healthy` notice on its first line. */
const renderPlan = (
  plan: Plan,
  format: 'runbook' | 'powershell',
  assumedHealthy: boolean,
  estimate: RecoveryTimeEstimate,
): string => {
  // Contract §12: the runbook shows the estimate with its sources; the script says it in a comment.
  const body =
    format === 'runbook'
      ? renderRunbook(plan, { estimate })
      : withScriptComment(renderPowerShell(plan), estimateComment(estimate))
  if (!assumedHealthy) return body
  return format === 'runbook' ? `> **${assumedHealthyNote}**\n\n${body}` : `# ${assumedHealthyNote}\n${body}`
}

/** `comment` as the script's second line, under its title. */
const withScriptComment = (script: string, comment: string): string => {
  const end = script.indexOf('\n')
  return end < 0 ? `${script}\n${comment}` : `${script.slice(0, end + 1)}${comment}\n${script.slice(end + 1)}`
}

/** The estimate in one `#` comment line of the script (printable ASCII). */
const estimateComment = (estimate: RecoveryTimeEstimate): string =>
  `# Recovery time by Microsoft's figures (pool failover 20 min, CMS failover 5 min, failback 60 min per 20,000 users): ${String(estimate.totalMinutes)} minutes${
    estimate.undocumentedSteps > 0 ? `, plus ${String(estimate.undocumentedSteps)} steps with no published figure` : ''
  }.`

const planOutput = (
  plan: Plan,
  format: Invocation['format'],
  assumedHealthy: boolean | undefined,
  notes: ReadonlyArray<string>,
  topology?: Topology,
): Success => {
  // `show` has no topology: its estimate counts no users, so failbacks have no figure.
  const estimate = estimateRecoveryTime(topology ?? { index: { userCounts: new Map() } }, plan)
  const json = { ...(assumedHealthy === undefined ? {} : { assumedHealthy }), plan, estimate }
  switch (format) {
    case 'runbook':
    case 'powershell':
      return success(renderPlan(plan, format, assumedHealthy === true, estimate), json, notes)
    case 'json':
      return success('', json, notes)
    case 'text':
      return success(
        `The plan ${plan.id} is valid: ${formatIntent(plan.intent)}, in ${plan.steps.length} ${plan.steps.length === 1 ? 'step' : 'steps'}.${assumedHealthy === true ? ` ${assumedHealthyNote}` : ''}`,
        json,
        notes,
      )
  }
  return absurd(format)
}

const withDocuments = <A>(
  io: CliIo,
  state: StateSource | undefined,
  invocation: Invocation,
  then: (topology: Topology, state: State) => E.Either<Failure, A>,
): E.Either<Failure, A> => {
  const topology = loadTopology(io, flagSource('topology', invocation.values.get('topology') ?? ''))
  if (E.isLeft(topology)) return topology
  if (state === undefined) return E.left(failure(2, '', [{ _tag: 'UsageError', message: 'missing --state FILE' }]))
  const decoded = loadState(io, topology.right, state)
  if (E.isLeft(decoded)) return decoded
  return then(topology.right, decoded.right)
}

const save = (io: CliIo, path: string | undefined, plan: Plan): E.Either<Failure, ReadonlyArray<string>> => {
  if (path === undefined) return E.right([])
  const written = io.writeFile(path, `${JSON.stringify(plan, null, 2)}\n`)
  if (E.isLeft(written))
    return E.left(
      failure(2, '', [{ _tag: 'UnwritableFile', message: `cannot write --out ${path}: ${written.left}`, file: path, reason: written.left }]),
    )
  return E.right([`saved plan ${plan.id} to ${path}; check it right before running it with: sfb-dr validate ${path} --topology … --state …`])
}

const runPlan = (io: CliIo, kind: PlanKind, inv: Invocation): Outcome =>
  withDocuments(io, inv.state, inv, (topology, state) => {
    const plan = kind.plan(topology, state, inv.request)
    if (E.isLeft(plan)) return E.left(refused(plan.left, 'the request is'))
    const notes = save(io, inv.values.get('out'), plan.right)
    if (E.isLeft(notes)) return notes
    return E.right(planOutput(plan.right, inv.format, inv.state?._tag === 'AssumeHealthy', notes.right, topology))
  })

const runShow = (io: CliIo, inv: Invocation): Outcome => {
  const source = planSource(inv.operand ?? '')
  return E.map((plan: Plan) => planOutput(plan, inv.format, undefined, []))(E.chain((p: Plan) => checkPlanId(source, p))(loadPlan(io, source)))
}

const runValidate = (io: CliIo, inv: Invocation): Outcome => {
  const source: Source = planSource(inv.operand ?? '')
  const plan = loadPlan(io, source)
  if (E.isLeft(plan)) return plan
  return withDocuments(io, inv.state, inv, (topology, state) =>
    E.bimap(
      // A plan that does not even read as a plan (InvalidInput: `steps[2]._tag`) is a document
      // with problems, not a refusal.
      (ps: RNEA.ReadonlyNonEmptyArray<Problem>) =>
        ps.some((p) => p._tag === 'InvalidInput') ? documentFailure(source, ps) : refused(ps, `${source.label} is`),
      (p: Plan) => planOutput(p, inv.format, inv.state?._tag === 'AssumeHealthy', [], topology),
    )(validatePlan(topology, state, plan.right)),
  )
}

// -------------------------------------------------------------------------------------
// reports
// -------------------------------------------------------------------------------------

const runAudit = (io: CliIo, inv: Invocation): Outcome =>
  E.map((topology: Topology) => {
    const findings = auditTopology(topology).map((f) => ({ ...f, message: formatFinding(f) }))
    const lines = findings.map((f) => `[${f.severity}] ${f._tag}: ${f.message}`)
    return success([`${findings.length} finding(s)`, ...lines].join('\n'), { report: { findings } })
  })(loadTopology(io, flagSource('topology', inv.values.get('topology') ?? '')))

const runAssess = (io: CliIo, kind: AssessKind, inv: Invocation): Outcome =>
  withDocuments(io, inv.state, inv, (topology, state) =>
    E.bimap(
      (ps: RNEA.ReadonlyNonEmptyArray<Problem>) => refused(ps, 'the assessment is'),
      (a: { readonly report: unknown; readonly text: string }) => success(a.text, { report: a.report }),
    )(kind.assess(topology, state, inv.request)),
  )

// -------------------------------------------------------------------------------------
// entry
// -------------------------------------------------------------------------------------

const run = (io: CliIo, inv: Invocation): Outcome => {
  const action = inv.shape.action
  switch (action._tag) {
    case 'Plan':
      return runPlan(io, action.kind, inv)
    case 'Assess':
      return runAssess(io, action.kind, inv)
    case 'Show':
      return runShow(io, inv)
    case 'Validate':
      return runValidate(io, inv)
    case 'Audit':
      return runAudit(io, inv)
  }
  return absurd(action)
}

/** Runs the CLI on `argv` (without `node` and the script path) and returns the exit code. */
export const runCli = (argv: ReadonlyArray<string>, io: CliIo): 0 | 1 | 2 => {
  const command = parseCommand(argv)
  if (E.isLeft(command)) {
    const usage = shortUsage(command.left.topic)
    return write(io, command.left.json, failure(2, '', [{ _tag: 'UsageError', message: command.left.message, usage }], usage))
  }
  const c = command.right
  switch (c._tag) {
    case 'Help':
      io.out(`${helpText(c.topic)}\n`)
      return 0
    case 'Version':
      if (io.version === undefined) {
        io.err('sfb-dr: the version is set by the build; this copy runs from the sources\n')
        return 2
      }
      io.out(`${io.version}\n`)
      return 0
    case 'Run':
      return write(io, c.invocation.format === 'json', E.toUnion(run(io, c.invocation)))
  }
  return absurd(c)
}
