/**
 * Automation with real ports: every step runs as a Management Shell command on a Front End server
 * through a PowerShell remoting function YOU inject (WinRM, SSH, a job runner...). The plan is
 * checked, run step by step, journaled, and resumed after a failure.
 *
 *   npx tsx examples/automation.ts topology.json state.json pool1.contoso.com
 *
 * Without `SFB_DR_REMOTE` set, it runs in dry-run mode and only prints the commands it would send.
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import {
  decodeState,
  decodeTopology,
  executePlan,
  formatProblem,
  planFailover,
  portFailure,
  stepCommand,
  type BackupServiceObservation,
  type PortFailure,
  type Step,
  type StepHandlers,
} from 'sfb-dr'

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

const action = (remote: RemotePowerShell) => (step: Step): TE.TaskEither<PortFailure, undefined> =>
  TE.map(() => undefined)(TE.chain((cmd: string) => run(remote, cmd))(TE.fromEither(commandOf(step))))

const RANK: Readonly<Record<string, number>> = { FinalState: 0, SteadyState: 0, NormalState: 0 }

/** Reduces the Backup Service modules to the worst export and import states. */
const worstOf = (json: string): E.Either<PortFailure, BackupServiceObservation> => {
  try {
    const parsed: unknown = JSON.parse(json)
    const modules = (Array.isArray(parsed) ? parsed : [parsed]) as ReadonlyArray<{ ExportStatus?: unknown; ImportStatus?: unknown }>
    const worst = (key: 'ExportStatus' | 'ImportStatus', healthy: string): string =>
      modules.map((m) => String(m[key])).find((s) => RANK[s] === undefined) ?? healthy
    return E.right({ exportState: worst('ExportStatus', 'SteadyState'), importState: worst('ImportStatus', 'NormalState') })
  } catch {
    return E.left(portFailure('Get-CsBackupServiceStatus did not answer JSON', 'BadOutput'))
  }
}

/** Handlers that run each step through `remote`. */
export const remotingHandlers = (remote: RemotePowerShell): StepHandlers => ({
  CheckBackupService: (step) =>
    TE.chain((json: string) => TE.fromEither(worstOf(json)))(
      TE.chain((cmd: string) => run(remote, `${cmd} | Select-Object ExportStatus, ImportStatus | ConvertTo-Json`))(
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
})

/** A remoting function over `pwsh` (PowerShell 7 with a configured remote session). */
const pwshRemote =
  (computer: string): RemotePowerShell =>
  (script) =>
    new Promise((resolve, reject) => {
      const wrapped = `Invoke-Command -ComputerName '${computer.replace(/'/g, "''")}' -ScriptBlock { ${script} }`
      execFile('pwsh', ['-NoProfile', '-NonInteractive', '-Command', wrapped], (error, stdout, stderr) => {
        if (error) reject(new Error(stderr.trim() || error.message))
        else resolve(stdout)
      })
    })

/** Dry run: prints each script and answers what a healthy deployment would. */
const dryRun: RemotePowerShell = (script) => {
  console.log(`  would run: ${script}`)
  if (script.includes('ActiveMasterFqdn')) return Promise.resolve(process.env['SFB_DR_EXPECT_MASTER'] ?? '')
  if (script.includes('ConvertTo-Json')) return Promise.resolve('[{"ExportStatus":"SteadyState","ImportStatus":"NormalState"}]')
  return Promise.resolve('')
}

const main = async (topologyPath: string, statePath: string, pool: string): Promise<number> => {
  const topology = decodeTopology(JSON.parse(readFileSync(topologyPath, 'utf8')))
  if (E.isLeft(topology)) return report(topology.left)
  const state = decodeState(topology.right, JSON.parse(readFileSync(statePath, 'utf8')))
  if (E.isLeft(state)) return report(state.left)
  const plan = planFailover(topology.right, state.right, { pool })
  if (E.isLeft(plan)) return report(plan.left)

  const target = process.env['SFB_DR_REMOTE']
  const remote = target === undefined ? dryRun : pwshRemote(target)
  const journal = await executePlan(plan.right, remotingHandlers(remote), {
    stepTimeoutMs: 90 * 60_000, // a failover of a large pool can take an hour
    onEvent: (e) => {
      console.log(`[${e._tag}]${'stepId' in e ? ` ${e.stepId}` : ''}`)
    },
  })
  writeFileSync(`journal-${plan.right.id.slice(0, 12)}.json`, `${JSON.stringify(journal, null, 2)}\n`)
  console.log(`outcome: ${journal.outcome}; after a failure, resumePlan(topology, state, plan, journal) gives the rest.`)
  return journal.outcome === 'completed' ? 0 : 1
}

const report = (problems: ReadonlyArray<Parameters<typeof formatProblem>[0]>): number => {
  for (const p of problems) console.error(`- ${formatProblem(p)}`)
  return 1
}

const [topologyPath, statePath, pool] = process.argv.slice(2)
if (topologyPath !== undefined && statePath !== undefined && pool !== undefined) {
  void main(topologyPath, statePath, pool).then((code) => {
    process.exitCode = code
  })
}
