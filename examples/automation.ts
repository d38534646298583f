/**
 * Automation with real ports: every step runs as a Management Shell command on a Front End server
 * through a PowerShell remoting function YOU inject (here: `pwsh` and `Invoke-Command`; WinRM, SSH
 * or a job runner work the same way). The plan is made and checked, run step by step, journaled to
 * a file, and resumed from that journal after a failure.
 *
 *   npx tsx examples/automation.ts --help
 *   npx tsx examples/automation.ts --topology examples/data/contoso.topology.json \
 *     --state examples/data/contoso.state.redmond-down.json --pool pool1.contoso.com
 *
 * Without `--remote` it is a DRY RUN: each command is printed, not sent, and a simulated deployment
 * (`simulatedHandlers` of `sfb-dr/testing`, started from the state file) answers the checks, so the
 * dry run goes through the same steps, checks and journal as the real run. Rehearse a failure with
 * `--fail-at <step id>`, then pick up where it stopped with `--resume <journal>`.
 *
 * Exit codes: 0 the plan ran to completion; 1 the plan was refused, or a step failed (the journal
 * says which); 2 usage error, unreadable file, or a document with problems.
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import {
  applyStep,
  decodeState,
  decodeTopology,
  executePlan,
  formatProblem,
  parseDocumentText,
  planFailback,
  planFailover,
  portFailure,
  resumePlan,
  stepCommand,
  type BackupServiceObservation,
  type ExecutionEvent,
  type FailoverMode,
  type Journal,
  type Plan,
  type PortFailure,
  type Problem,
  type State,
  type Step,
  type StepHandler,
  type StepHandlers,
  type StepTag,
  type Topology,
} from 'sfb-dr'
import { simulatedHandlers } from 'sfb-dr/testing'

// -------------------------------------------------------------------------------------
// real ports: one remoting function
// -------------------------------------------------------------------------------------

/** Runs one PowerShell script on a Front End server and answers its standard output. */
export type RemotePowerShell = (script: string) => Promise<string>

/** The command line of a step, exactly as `renderPowerShell` writes it (every value quoted). */
const commandOf = (step: Step): E.Either<PortFailure, string> => {
  const c = stepCommand(step, 1)
  return c._tag === 'Command' ? E.right(c.command) : E.left(portFailure(c.reason, 'Refused'))
}

const run = (remote: RemotePowerShell, script: string): TE.TaskEither<PortFailure, string> =>
  TE.tryCatch(
    () => remote(script),
    (e) => portFailure(e instanceof Error ? e.message : String(e), 'RemotingFailed'),
  )

const action =
  (remote: RemotePowerShell) =>
  (step: Step): TE.TaskEither<PortFailure, undefined> =>
    TE.map(() => undefined)(TE.chain((cmd: string) => run(remote, cmd))(TE.fromEither(commandOf(step))))

/** A manual step (Topology Builder, DNS): shows what to do and succeeds once the operator presses Enter. */
const byHand = (step: Step): TE.TaskEither<PortFailure, undefined> =>
  TE.tryCatch(
    async () => {
      const c = stepCommand(step, 1)
      const rl = createInterface({ input: process.stdin, output: process.stdout })
      try {
        await rl.question(`Manual step ${step.id}: ${c._tag === 'Command' ? c.command : c.reason}\nPress Enter once it is done. `)
      } finally {
        rl.close()
      }
      return undefined
    },
    (e) => portFailure(e instanceof Error ? e.message : String(e), 'NotConfirmed'),
  )

const HEALTHY: ReadonlySet<string> = new Set(['FinalState', 'SteadyState', 'NormalState'])

/**
 * Reduces the Backup Service modules a check judges (its module, or every module of the category
 * it read) to the worst export and import states.
 */
const worstOf = (json: string, module: string | undefined): E.Either<PortFailure, BackupServiceObservation> => {
  try {
    const parsed: unknown = JSON.parse(json)
    const all = (Array.isArray(parsed) ? parsed : [parsed]) as ReadonlyArray<{ Identity?: unknown; ExportStatus?: unknown; ImportStatus?: unknown }>
    const modules = module === undefined ? all : all.filter((m) => String(m.Identity) === module)
    if (modules.length === 0) return E.left(portFailure(`Get-CsBackupServiceStatus reported none of the modules judged`, 'BadOutput'))
    const worst = (key: 'ExportStatus' | 'ImportStatus', healthy: string): string =>
      modules.map((m) => String(m[key])).find((s) => !HEALTHY.has(s)) ?? healthy
    return E.right({ exportState: worst('ExportStatus', 'SteadyState'), importState: worst('ImportStatus', 'NormalState') })
  } catch {
    return E.left(portFailure('Get-CsBackupServiceStatus did not answer JSON', 'BadOutput'))
  }
}

/** Handlers that run each step through `remote`. */
export const remotingHandlers = (remote: RemotePowerShell): StepHandlers => ({
  CheckBackupService: (step) =>
    TE.chain((json: string) => TE.fromEither(worstOf(json, step.module)))(
      TE.chain((cmd: string) => run(remote, `(${cmd}).BackupModules | Select-Object Identity, ExportStatus, ImportStatus | ConvertTo-Json`))(
        TE.fromEither(commandOf(step)),
      ),
    ),
  FailoverCentralManagementStore: action(remote),
  CheckCentralManagementStore: () =>
    TE.map((out: string) => ({ activeMaster: out.trim() }))(
      run(remote, '(Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus).ActiveMasterFqdn'),
    ),
  SetEdgeNextHop: action(remote),
  FailoverPool: action(remote),
  FailbackPool: action(remote),
  SyncBackupService: action(remote),
  SetBackupServiceSyncInterval: action(remote),
  ResetPoolRegistrarState: action(remote),
  FailoverDatabase: action(remote),
  // The principal is the side every database of the type reports as `Principal`.
  CheckDatabaseMirrorState: (step) =>
    TE.map((out: string) => ({ principal: out.trim() }))(
      TE.chain((cmd: string) =>
        run(
          remote,
          `$s = @(${cmd}); if ($s.Count -gt 0 -and @($s | Where-Object { [string]$_.StateOnMirror -ne 'Principal' }).Count -eq 0) { 'Mirror' } elseif ($s.Count -gt 0 -and @($s | Where-Object { [string]$_.StateOnPrimary -ne 'Principal' }).Count -eq 0) { 'Primary' } else { 'none' }`,
        ),
      )(TE.fromEither(commandOf(step))),
    ),
  MoveFederationRoute: byHand,
  SetXmppFederationRoute: action(remote),
  UpdateXmppDns: byHand,
  AssociateEdgePool: byHand,
})

/** A remoting function over `pwsh` (PowerShell 7 with a configured remote session to `computer`). */
export const pwshRemote =
  (computer: string): RemotePowerShell =>
  (script) =>
    new Promise((resolve, reject) => {
      const wrapped = `Invoke-Command -ComputerName '${computer.replace(/'/g, "''")}' -ScriptBlock { ${script} }`
      execFile('pwsh', ['-NoProfile', '-NonInteractive', '-Command', wrapped], (error, stdout, stderr) => {
        if (error) reject(new Error(stderr.trim() || error.message))
        else resolve(stdout)
      })
    })

// -------------------------------------------------------------------------------------
// dry run: print the commands, let a simulated deployment answer
// -------------------------------------------------------------------------------------

const printing =
  <K extends StepTag>(handler: StepHandler<K>): StepHandler<K> =>
  (step) => {
    const c = stepCommand(step, 1)
    console.log(`  would run: ${c._tag === 'Command' ? c.command : `(not rendered: ${c.reason})`}`)
    return handler(step)
  }

/** Dry-run handlers: print each command; the simulated deployment applies it and answers checks. */
export const dryRunHandlers = (topology: Topology, state: State, failAt: string | undefined): StepHandlers => {
  const sim = simulatedHandlers(topology, state, failAt === undefined ? {} : { failAt }).handlers
  return {
    CheckBackupService: printing(sim.CheckBackupService),
    FailoverCentralManagementStore: printing(sim.FailoverCentralManagementStore),
    CheckCentralManagementStore: printing(sim.CheckCentralManagementStore),
    SetEdgeNextHop: printing(sim.SetEdgeNextHop),
    FailoverPool: printing(sim.FailoverPool),
    FailbackPool: printing(sim.FailbackPool),
    SyncBackupService: printing(sim.SyncBackupService),
    SetBackupServiceSyncInterval: printing(sim.SetBackupServiceSyncInterval),
    ResetPoolRegistrarState: printing(sim.ResetPoolRegistrarState),
    FailoverDatabase: printing(sim.FailoverDatabase),
    CheckDatabaseMirrorState: printing(sim.CheckDatabaseMirrorState),
    MoveFederationRoute: printing(sim.MoveFederationRoute),
    SetXmppFederationRoute: printing(sim.SetXmppFederationRoute),
    UpdateXmppDns: printing(sim.UpdateXmppDns),
    AssociateEdgePool: printing(sim.AssociateEdgePool),
  }
}

// -------------------------------------------------------------------------------------
// command line
// -------------------------------------------------------------------------------------

export const usage = `Usage: npx tsx examples/automation.ts --topology FILE --state FILE --pool FQDN [options]

Plans the failover (or failback) of a pool, runs it step by step and journals every step.

Required:
  --topology FILE       the topology document (JSON)
  --state FILE          the state document: what is true now (JSON)
  --pool FQDN           the pool whose home users move

Options:
  --action failover|failback
                        what to plan (default: failover)
  --mode planned|disaster
                        the failover mode (default: disaster when the pool is unreachable,
                        planned otherwise)
  --remote COMPUTER     run every command for real on COMPUTER, a Front End server, through
                        pwsh Invoke-Command. Without it: a dry run (commands printed, a simulated
                        deployment answers)
  --journal FILE        where to write the journal (default: journal-<plan id, 12 chars>.json)
  --resume FILE         resume the plan from the journal of an earlier run that stopped: run
                        what is left (same topology, state and pool as that run)
  --fail-at STEP_ID     dry run only: the simulated step STEP_ID fails (rehearse --resume)
  --step-timeout MIN    give up on a step after MIN minutes (default: 90)
  -h, --help            show this help

Exit codes: 0 completed; 1 refused or a step failed; 2 usage error or unusable file.
`

/** What the command line asks for. */
export interface Options {
  readonly topology: string
  readonly state: string
  readonly pool: string
  readonly action: 'failover' | 'failback'
  readonly mode: FailoverMode | undefined
  readonly remote: string | undefined
  readonly journal: string | undefined
  readonly resume: string | undefined
  readonly failAt: string | undefined
  readonly stepTimeoutMinutes: number
}

/** Parses the arguments: the options, `help`, or a usage error. */
export const parseOptions = (args: ReadonlyArray<string>): E.Either<string, Options | 'help'> => {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        topology: { type: 'string' },
        state: { type: 'string' },
        pool: { type: 'string' },
        action: { type: 'string' },
        mode: { type: 'string' },
        remote: { type: 'string' },
        journal: { type: 'string' },
        resume: { type: 'string' },
        'fail-at': { type: 'string' },
        'step-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (e) {
    return E.left(e instanceof Error ? e.message : String(e))
  }
  if (values.help === true) return E.right('help')
  const missing = (['topology', 'state', 'pool'] as const).filter((k) => values[k] === undefined)
  if (missing.length > 0) return E.left(`missing ${missing.map((k) => `--${k}`).join(', ')}`)
  const action = values.action ?? 'failover'
  if (action !== 'failover' && action !== 'failback') return E.left(`--action: failover or failback, not ${action}`)
  const mode = values.mode
  if (mode !== undefined && mode !== 'planned' && mode !== 'disaster') return E.left(`--mode: planned or disaster, not ${mode}`)
  const minutes = Number(values['step-timeout'] ?? '90')
  if (!(minutes > 0)) return E.left(`--step-timeout: a number of minutes, not ${values['step-timeout'] ?? ''}`)
  if (values['fail-at'] !== undefined && values.remote !== undefined) return E.left('--fail-at is for dry runs: not with --remote')
  return E.right({
    topology: values.topology ?? '',
    state: values.state ?? '',
    pool: values.pool ?? '',
    action,
    mode,
    remote: values.remote,
    journal: values.journal,
    resume: values.resume,
    failAt: values['fail-at'],
    stepTimeoutMinutes: minutes,
  })
}

/** A run that cannot start: its exit code and what to print. */
class Stop extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly lines: ReadonlyArray<string>,
  ) {
    super(lines.join('\n'))
  }
}

/** Reads a JSON document: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
const readJson = (path: string, what: string): unknown => {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (e) {
    throw new Stop(2, [`cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`])
  }
  return orStop(parseDocumentText(bytes), 2, `The ${what} ${path} is not JSON`)
}

const orStop = <A>(result: E.Either<ReadonlyArray<Problem>, A>, code: 1 | 2, what: string): A => {
  if (E.isRight(result)) return result.right
  throw new Stop(code, [`${what}:`, ...result.left.map((p) => `- ${formatProblem(p)}`)])
}

const logEvent = (e: ExecutionEvent): void => {
  switch (e._tag) {
    case 'StepStarted':
      console.log(`[StepStarted] ${e.stepId} (${e.stepTag})`)
      return
    case 'StepSucceeded':
      console.log(`[StepSucceeded] ${e.entry.stepId}`)
      return
    case 'StepFailed':
      console.log(`[StepFailed] ${e.entry.stepId}: ${e.entry.failure === undefined ? 'no detail' : JSON.stringify(e.entry.failure)}`)
      return
    case 'PlanFinished':
      console.log(`[PlanFinished] ${e.journal.outcome}`)
      return
  }
}

/**
 * The state a dry run starts from: the state file for a new plan; for a resumed plan, the state
 * after the steps that already succeeded (`applyStep`: the transitions the simulation applies).
 */
const stateForRun = (topology: Topology, state: State, full: Plan, rest: Plan): State =>
  full.steps
    .slice(0, full.steps.length - rest.steps.length)
    .reduce((s, step) => orStop(applyStep(topology, s, step), 1, `Step ${step.id} does not apply`), state)

/** Runs the automation; answers the exit code. */
export const main = async (args: ReadonlyArray<string>): Promise<number> => {
  const parsed = parseOptions(args)
  if (E.isLeft(parsed)) {
    console.error(`automation: ${parsed.left}\n\n${usage}`)
    return 2
  }
  if (parsed.right === 'help') {
    console.log(usage)
    return 0
  }
  const o = parsed.right
  try {
    const topology = orStop(decodeTopology(readJson(o.topology, 'topology')), 2, `The topology ${o.topology} has problems`)
    const state = orStop(decodeState(topology, readJson(o.state, 'state')), 2, `The state ${o.state} has problems`)
    const request = { pool: o.pool, ...(o.mode === undefined ? {} : { mode: o.mode }) }
    const full: Plan = orStop(
      o.action === 'failover' ? planFailover(topology, state, request) : planFailback(topology, state, request),
      1,
      `The ${o.action} of ${o.pool} is refused`,
    )
    // Resuming: the plan is made again from the same documents (same plan id), then what is left.
    const plan =
      o.resume === undefined
        ? full
        : orStop(resumePlan(topology, state, full, readJson(o.resume, 'journal') as Journal), 1, `Cannot resume from ${o.resume}`)

    console.log(`${o.remote === undefined ? 'DRY RUN' : `Running on ${o.remote}`}: plan ${plan.id.slice(0, 12)}, ${String(plan.steps.length)} ${plan.steps.length === 1 ? 'step' : 'steps'}`)
    const handlers = o.remote === undefined ? dryRunHandlers(topology, stateForRun(topology, state, full, plan), o.failAt) : remotingHandlers(pwshRemote(o.remote))
    const journal = await executePlan(plan, handlers, { stepTimeoutMs: o.stepTimeoutMinutes * 60_000, onEvent: logEvent })
    const journalPath = o.journal ?? `journal-${plan.id.slice(0, 12)}.json`
    writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`)
    console.log(`outcome: ${journal.outcome}; journal: ${journalPath}`)
    if (journal.outcome !== 'completed') {
      console.log(`to run what is left: the same command with --resume ${journalPath}`)
      return 1
    }
    return 0
  } catch (e) {
    if (!(e instanceof Stop)) throw e
    for (const line of e.lines) console.error(line)
    return e.code
  }
}

if (process.argv[1] !== undefined && /automation\.ts$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
