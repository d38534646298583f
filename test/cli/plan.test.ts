/** `sfb-dr plan <kind>`, through the built command in a child process. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, scratchDir, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const redmondDown = fixture('contoso.state.redmond-down.json')
const failedOver = fixture('contoso.state.pool1-failed-over.json')
const scratch = scratchDir()

interface PlanJson {
  readonly id: string
  readonly steps: ReadonlyArray<{ readonly _tag: string }>
}
const tags = (plan: PlanJson): ReadonlyArray<string> => plan.steps.map((s) => s._tag)

beforeAll(async () => {
  await sfbDrBin()
}, 120_000)

describe.concurrent('sfb-dr plan', () => {
  it('plans a failover as a runbook by default (FQDNs in any case)', async () => {
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'POOL1.contoso.com'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toMatch(/^# Runbook: Fail over the users homed on pool1\\\.contoso\\\.com \(disaster mode\)/)
    expect(r.stdout.indexOf('Invoke-CsManagementServerFailover')).toBeLessThan(r.stdout.indexOf('Invoke-CsPoolFailOver'))
  })

  it('plans a failover as PowerShell, and as ONE JSON document { ok, assumedHealthy, plan }', async () => {
    const base = ['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com']
    const ps = await sfbDr([...base, '--format', 'powershell'])
    expect(ps.code).toBe(0)
    expect(ps.stdout).toMatch(/^# sfb-dr plan for the Skype for Business Server Management Shell/)
    expect(ps.stdout).toContain("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
    const json = await sfbDr([...base, '--format', ' JSON '])
    expect(json.code).toBe(0)
    const doc = JSON.parse(json.stdout) as { ok: boolean; assumedHealthy: boolean; plan: PlanJson }
    expect(Object.keys(doc)).toStrictEqual(['ok', 'assumedHealthy', 'plan', 'estimate'])
    expect(doc).toMatchObject({ ok: true, assumedHealthy: false })
    expect(tags(doc.plan)).toStrictEqual(['FailoverCentralManagementStore', 'CheckCentralManagementStore', 'SetEdgeNextHop', 'FailoverPool'])
    expect(doc.plan.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('plans a failback and a move of service', async () => {
    const back = await sfbDr(['plan', 'failback', '--topology', topology, '--state', failedOver, '--pool', 'pool1.contoso.com', '--format', 'json'])
    expect(back.code).toBe(0)
    // pool1 was failed over in disaster mode: its conference content comes back from pool2 afterwards.
    expect(tags((JSON.parse(back.stdout) as { plan: PlanJson }).plan)).toStrictEqual([
      'CheckBackupService',
      'FailbackPool',
      'SyncBackupService',
      'CheckBackupService',
    ])
    const move = await sfbDr(['plan', 'move', '--topology', topology, '--state', failedOver, '--from', 'pool2.contoso.com', '--to', 'pool1.contoso.com', '--format=json'])
    expect(move.code).toBe(0)
    const moved = tags((JSON.parse(move.stdout) as { plan: PlanJson }).plan)
    expect(moved.indexOf('FailbackPool')).toBeLessThan(moved.indexOf('FailoverPool'))
  })

  it('--mode is passed on, case-insensitively', async () => {
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--mode', 'Planned'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^sfb-dr: the request is refused:\n {2}- .*pool1\.contoso\.com/)
  })

  it('--assume-healthy plans from the topology alone and says so at the top of every format', async () => {
    const base = ['plan', 'failover', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com']
    const runbook = await sfbDr(base)
    expect(runbook.code).toBe(0)
    expect(runbook.stdout.split('\n')[0]).toMatch(/^> \*\*Planned with --assume-healthy: no state document was read/)
    expect(runbook.stdout).toContain('(planned mode)')
    const ps = await sfbDr([...base, '--format', 'powershell'])
    expect(ps.stdout.split('\n')[0]).toMatch(/^# Planned with --assume-healthy: no state document was read/)
    const json = await sfbDr([...base, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, assumedHealthy: true })
  })

  it('refuses with every reason on stderr, exit 1; in JSON as { ok: false, problems } on stdout', async () => {
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', failedOver, '--pool', 'pool2.contoso.com'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain("Invoke-CsPoolFailBack -PoolFqdn 'pool1.contoso.com'")
    const json = await sfbDr(['plan', 'failover', '--topology', topology, '--assume-healthy', '--pool', 'se1.contoso.com', '--format', 'json'])
    expect(json).toMatchObject({ code: 1, stderr: '' })
    expect(JSON.parse(json.stdout)).toStrictEqual({
      ok: false,
      problems: [{ _tag: 'NoBackupPool', message: expect.stringContaining('has no backup pool') as unknown, pool: 'se1.contoso.com' }],
    })
  })

  it('--out saves the plan document itself, whatever --format prints; nothing is saved when refused', async () => {
    const out = join(scratch.dir, 'plan.json')
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', 'powershell', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Invoke-CsPoolFailOver')
    const saved = JSON.parse(readFileSync(out, 'utf8')) as PlanJson & Record<string, unknown>
    expect(Object.keys(saved).sort()).toStrictEqual(['formatVersion', 'id', 'impact', 'intent', 'steps', 'warnings'])
    expect(r.stderr).toContain(`saved plan ${saved.id} to ${out}`)
    const json = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', 'json'])
    expect((JSON.parse(json.stdout) as { plan: unknown }).plan).toStrictEqual(saved)

    const refusedOut = join(scratch.dir, 'refused.json')
    const refused = await sfbDr(['plan', 'failover', '--topology', topology, '--assume-healthy', '--pool', 'se1.contoso.com', '--out', refusedOut])
    expect(refused.code).toBe(1)
    expect(() => readFileSync(refusedOut)).toThrow()
  })

  it('an --out that cannot be written is exit 2 (UnwritableFile)', async () => {
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com', '--format', 'json', '--out', join(scratch.dir, 'no/such/dir/plan.json')])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'UnwritableFile', message: expect.stringContaining('cannot write --out') as unknown }] })
  })
})
