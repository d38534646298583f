/** The `sfb-dr` command, through a real child process: exit codes, stdout and stderr. */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (name: string): string => join(root, 'test/fixtures', name)
const tsx = join(root, 'node_modules/.bin/tsx')
const main = join(root, 'src/cli/main.ts')

interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const sfbDr = (...args: ReadonlyArray<string>): Promise<Result> =>
  new Promise((resolve) => {
    execFile(tsx, [main, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr })
    })
  })

const scratch = mkdtempSync(join(tmpdir(), 'sfb-dr-cli-'))
const write = (name: string, text: string): string => {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

const topology = fixture('contoso.topology.json')
const redmondDown = fixture('contoso.state.redmond-down.json')
const failedOver = fixture('contoso.state.pool1-failed-over.json')

describe('sfb-dr', () => {
  it('prints the usage with --help and with no arguments', async () => {
    for (const args of [['--help'], []]) {
      const r = await sfbDr(...args)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('sfb-dr plan failover --topology FILE')
      expect(r.stderr).toBe('')
    }
  })

  it('plans a failover as a runbook by default', async () => {
    const r = await sfbDr('plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'POOL1.contoso.com')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^# Runbook: Fail over the users homed on pool1\.contoso\.com \(disaster mode\)/)
    expect(r.stdout.indexOf('Invoke-CsManagementServerFailover')).toBeLessThan(r.stdout.indexOf('Invoke-CsPoolFailOver'))
  })

  it('plans a failover as PowerShell and as JSON', async () => {
    const ps = await sfbDr('plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', 'powershell')
    expect(ps.code).toBe(0)
    expect(ps.stdout).toContain("$ErrorActionPreference = 'Stop'")
    expect(ps.stdout).toContain("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
    const json = await sfbDr('plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', 'json')
    expect(json.code).toBe(0)
    const plan = JSON.parse(json.stdout) as { steps: ReadonlyArray<{ _tag: string }>; id: string }
    expect(plan.steps.map((s) => s._tag)).toStrictEqual(['FailoverCentralManagementStore', 'CheckCentralManagementStore', 'FailoverPool'])
    expect(plan.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('plans a failback and a move of service', async () => {
    const back = await sfbDr('plan', 'failback', '--topology', topology, '--state', failedOver, '--pool', 'pool1.contoso.com', '--format', 'json')
    expect(back.code).toBe(0)
    expect((JSON.parse(back.stdout) as { steps: ReadonlyArray<{ _tag: string }> }).steps.map((s) => s._tag)).toStrictEqual(['CheckBackupService', 'FailbackPool'])
    const move = await sfbDr('plan', 'move', '--topology', topology, '--state', failedOver, '--from', 'pool2.contoso.com', '--to', 'pool1.contoso.com', '--format', 'json')
    expect(move.code).toBe(0)
    const tags = (JSON.parse(move.stdout) as { steps: ReadonlyArray<{ _tag: string }> }).steps.map((s) => s._tag)
    expect(tags.indexOf('FailbackPool')).toBeLessThan(tags.indexOf('FailoverPool'))
  })

  it('refuses with every reason on stderr and exit 1', async () => {
    const r = await sfbDr('plan', 'failover', '--topology', topology, '--state', failedOver, '--pool', 'pool2.contoso.com')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain("Invoke-CsPoolFailBack -PoolFqdn 'pool1.contoso.com'")
    const se1 = await sfbDr('plan', 'failover', '--topology', topology, '--pool', 'se1.contoso.com')
    expect(se1.code).toBe(1)
    expect(se1.stderr).toContain('has no backup pool')
  })

  it('reports every problem of an invalid document with its path, exit 1', async () => {
    const bad = write('bad.json', JSON.stringify({ sites: [], pools: [{ fqdn: 'x', site: 'Nowhere' }], pairings: [] }))
    const r = await sfbDr('audit', '--topology', bad)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('pools[0].fqdn')
    expect(r.stderr).toContain('centralManagementStore')
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('audits a topology as text and JSON', async () => {
    const text = await sfbDr('audit', '--topology', topology)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('[advice] UnpairedPool: se1.contoso.com has no backup pool')
    const json = await sfbDr('audit', '--topology', topology, '--format', 'json')
    expect(JSON.parse(json.stdout)).toStrictEqual([{ _tag: 'UnpairedPool', severity: 'advice', pools: ['se1.contoso.com'] }])
  })

  it.each([
    [['plan', 'failover', '--pool', 'pool1.contoso.com'], 'missing --topology'],
    [['plan', 'failover', '--topology', topology], 'missing --pool'],
    [['plan', 'sideways', '--topology', topology], 'unknown plan kind "sideways"'],
    [['plan', 'failover', '--topology', topology, '--pool', 'p.contoso.com', '--mode', 'later'], '--mode must be one of planned, disaster'],
    [['plan', 'failover', '--topology', topology, '--pool', 'p.contoso.com', '--format', 'pdf'], '--format must be one of'],
    [['plan', 'failover', '--topology', topology, '--pool', 'p.contoso.com', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['audit', '--topology', '/nonexistent/topology.json'], 'cannot read --topology /nonexistent/topology.json: no such file'],
  ])('usage errors exit 2 with one line: %j', async (args, message) => {
    const r = await sfbDr(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('an unreadable JSON file is a usage error (exit 2), not a crash', async () => {
    const r = await sfbDr('audit', '--topology', write('broken.json', '{ "sites": ['))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: --topology .*broken\.json is not valid JSON/)
  })
})
