/**
 * examples/automation.ts, run as its users run it: `npx tsx examples/automation.ts …` in a child
 * process. Dry runs only (no PowerShell here): the commands are printed and a simulated deployment
 * answers.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const data = (name: string): string => join(root, 'examples/data', name)

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const automation = (args: ReadonlyArray<string>, cwd: string = root): Promise<Run> =>
  new Promise((resolve) => {
    execFile(`${root}node_modules/.bin/tsx`, ['--tsconfig', join(root, 'tsconfig.json'), join(root, 'examples/automation.ts'), ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr })
    })
  })

const redmondDown = ['--topology', data('contoso.topology.json'), '--state', data('contoso.state.redmond-down.json')]

interface JournalFile {
  readonly planId: string
  readonly outcome: string
  readonly entries: ReadonlyArray<{ readonly stepId: string; readonly status: string }>
}
const readJournal = (path: string): JournalFile => JSON.parse(readFileSync(path, 'utf8')) as JournalFile

describe('examples/automation.ts', () => {
  it('without arguments: a usage error (exit 2) with the usage on stderr', async () => {
    const r = await automation([])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('automation: missing --topology, --state, --pool')
    expect(r.stderr).toContain('Usage: npx tsx examples/automation.ts --topology FILE --state FILE --pool FQDN')
  })

  it('--help: every option documented, exit 0', async () => {
    const r = await automation(['--help'])
    expect(r.code).toBe(0)
    for (const option of ['--topology', '--state', '--pool', '--action', '--mode', '--remote', '--journal', '--resume', '--fail-at', '--step-timeout', '--help']) {
      expect(r.stdout).toContain(option)
    }
  })

  it.each([
    [['--pool', 'pool1.contoso.com', '--topology', 't.json', '--state', 's.json', '--bogus'], "Unknown option '--bogus'"],
    [[...redmondDown, '--pool', 'pool1.contoso.com', '--mode', 'fast'], '--mode: planned or disaster, not fast'],
    [[...redmondDown, '--pool', 'pool1.contoso.com', '--action', 'failsideways'], '--action: failover or failback, not failsideways'],
    [[...redmondDown, '--pool', 'pool1.contoso.com', '--remote', 'fe4', '--fail-at', 'x'], '--fail-at is for dry runs'],
  ])('a usage error exits 2 and says what is wrong: %j', async (args, message) => {
    const r = await automation(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })

  it('a dry run of the Redmond outage completes (exit 0), logging each step id, and writes the journal where asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-automation-'))
    const journal = join(dir, 'run.json')
    const r = await automation([...redmondDown, '--pool', 'pool1.contoso.com', '--journal', journal])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^DRY RUN: plan [0-9a-f]{12}, 4 steps$/m)
    expect(r.stdout).toContain("would run: Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
    const ids = readJournal(journal).entries.map((e) => e.stepId)
    expect(ids).toHaveLength(4)
    for (const id of ids) expect(r.stdout).toContain(`[StepSucceeded] ${id}`)
    expect(readJournal(journal)).toMatchObject({ outcome: 'completed' })
    expect(r.stdout).toContain(`outcome: completed; journal: ${journal}`)
  })

  it('a rehearsed failure (--fail-at) exits 1 with its journal; --resume runs only what is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-automation-'))
    const first = await automation([...redmondDown, '--pool', 'pool1.contoso.com', '--fail-at', '4-failover-pool', '--journal', 'first.json'], dir)
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('[StepFailed] 4-failover-pool')
    expect(first.stdout).toContain('to run what is left: the same command with --resume first.json')
    const failed = readJournal(join(dir, 'first.json'))
    expect(failed.outcome).toBe('failed')
    expect(failed.entries.map((e) => e.status)).toStrictEqual(['succeeded', 'succeeded', 'succeeded', 'failed'])

    const rest = await automation([...redmondDown, '--pool', 'pool1.contoso.com', '--resume', 'first.json', '--journal', 'rest.json'], dir)
    expect(rest.stderr).toBe('')
    expect(rest.code).toBe(0)
    expect(rest.stdout).toMatch(/plan [0-9a-f]{12}, 1 step$/m)
    expect(rest.stdout).not.toContain('Invoke-CsManagementServerFailover')
    expect(rest.stdout).toContain('[StepSucceeded] 4-failover-pool')
    expect(readJournal(join(dir, 'rest.json')).entries.map((e) => e.stepId)).toStrictEqual(['4-failover-pool'])
  })

  it('a refused plan exits 1 with every reason; a journal of another plan is refused too', async () => {
    const refused = await automation([...redmondDown, '--pool', 'pool2.contoso.com'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('The failover of pool2.contoso.com is refused:')
    expect(refused.stderr.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2)

    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-automation-'))
    await automation([...redmondDown, '--pool', 'pool1.contoso.com', '--journal', 'done.json'], dir)
    const healthy = ['--topology', data('contoso.topology.json'), '--state', data('contoso.state.healthy.json')]
    const wrong = await automation([...healthy, '--pool', 'pool1.contoso.com', '--resume', 'done.json'], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('Cannot resume from done.json:')
  })

  it('reads documents written by Windows PowerShell 5.1 (UTF-16 with a byte-order mark)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-automation-'))
    const utf16 = join(dir, 'state.json')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(data('contoso.state.redmond-down.json'), 'utf8'), 'utf16le')]))
    const r = await automation(['--topology', data('contoso.topology.json'), '--state', utf16, '--pool', 'pool1.contoso.com', '--journal', join(dir, 'j.json')])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  it('an unreadable or invalid document exits 2', async () => {
    const missing = await automation(['--topology', 'nope.json', '--state', data('contoso.state.healthy.json'), '--pool', 'pool1.contoso.com'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read the topology nope.json')
    const invalid = await automation(['--topology', data('contoso.state.healthy.json'), '--state', data('contoso.state.healthy.json'), '--pool', 'pool1.contoso.com'])
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain('has problems:')
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-automation-'))
    writeFileSync(join(dir, 'bad.json'), '{ "pools": [ }')
    const notJson = await automation(['--topology', join(dir, 'bad.json'), '--state', data('contoso.state.healthy.json'), '--pool', 'pool1.contoso.com'])
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain(`The topology ${join(dir, 'bad.json')} is not JSON:`)
    expect(notJson.stderr).toContain('line 1, column')
  })
})

describe('remotingHandlers (the real run, with a stand-in remoting function)', () => {
  it('sends each step as its exact Management Shell command and reads the checks from the output', async () => {
    const { remotingHandlers } = await import('../../examples/automation.js')
    const { decodeState, decodeTopology, executePlan, planFailover } = await import('sfb-dr')
    const json = (name: string): unknown => JSON.parse(readFileSync(data(name), 'utf8'))
    const t = decodeTopology(json('contoso.topology.json'))
    if (t._tag === 'Left') throw new Error('sample topology')
    const s = decodeState(t.right, json('contoso.state.healthy.json'))
    if (s._tag === 'Left') throw new Error('sample state')
    const plan = planFailover(t.right, s.right, { pool: 'pool1.contoso.com' })
    if (plan._tag === 'Left') throw new Error('sample plan')

    const sent: Array<string> = []
    const remote = (script: string): Promise<string> => {
      sent.push(script)
      if (script.includes('ActiveMasterFqdn')) return Promise.resolve('POOL2.contoso.com.\r\n')
      if (script.includes('ConvertTo-Json')) {
        return Promise.resolve(JSON.stringify([{ ExportStatus: 'SteadyState', ImportStatus: 'NormalState' }, { ExportStatus: 'FinalState', ImportStatus: 'NormalState' }]))
      }
      return Promise.resolve('')
    }
    const journal = await executePlan(plan.right, remotingHandlers(remote))
    expect(journal.outcome).toBe('completed')
    expect(sent).toHaveLength(plan.right.steps.length)
    expect(sent[0]).toBe("(Get-CsBackupServiceStatus -PoolFqdn 'pool1.contoso.com' -Category UserData).BackupModules | Select-Object Identity, ExportStatus, ImportStatus | ConvertTo-Json")
    expect(sent.at(-1)).toBe("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com'")

    // an unhealthy Backup Service module stops the run at the check, before anything is changed
    const stale: Array<string> = []
    const unhealthy = (script: string): Promise<string> => {
      stale.push(script)
      return Promise.resolve(JSON.stringify({ ExportStatus: 'NonSteadyState', ImportStatus: 'NormalState' }))
    }
    const stopped = await executePlan(plan.right, remotingHandlers(unhealthy))
    expect(stopped.outcome).toBe('failed')
    expect(stopped.entries[0]).toMatchObject({ status: 'failed', observed: { exportState: 'NonSteadyState' } })
    expect(stale).toHaveLength(1)
  })
})
