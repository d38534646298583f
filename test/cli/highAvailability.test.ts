/** `sfb-dr assess pool`, `plan quorum-recovery` and `plan backend-failover`, through the built command. */
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, scratchDir, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const scratch = scratchDir()
const state = (name: string, doc: unknown): string => scratch.write(name, JSON.stringify(doc))
const twoRunning = state('two-running.json', { pools: { 'pool1.contoso.com': { stoppedFrontEnds: ['fe3.contoso.com'] } } })
const primaryDown = state('primary-down.json', { pools: { 'pool1.contoso.com': { backEnd: { down: ['Primary'] } } } })

beforeAll(async () => {
  await sfbDrBin()
}, 120_000)

describe.concurrent('high availability on the command line', () => {
  it('assess pool: the figures and the verdict for people, the report as one JSON document', async () => {
    const base = ['assess', 'pool', '--topology', topology, '--state', twoRunning, '--pool', 'Pool1.contoso.com']
    const text = await sfbDr(base)
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toContain('Pool pool1.contoso.com: 2 of 3 Front End servers running.')
    expect(text.stdout).toContain('Status: belowStartQuorum')
    const json = await sfbDr([...base, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toStrictEqual({
      ok: true,
      report: {
        pool: 'pool1.contoso.com',
        frontEnds: 3,
        running: 2,
        neededToStart: 3,
        neededToRun: { count: 2, among: 3 },
        runningAmongFirst: { low: 2, high: 2 },
        status: 'belowStartQuorum',
      },
    })
  })

  it('plan quorum-recovery writes the exact reset cmdlet; a healthy pool is refused (exit 1)', async () => {
    const ok = await sfbDr(['plan', 'quorum-recovery', '--topology', topology, '--state', twoRunning, '--pool', 'pool1.contoso.com', '--format', 'powershell'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain("Reset-CsPoolRegistrarState -PoolFqdn 'pool1.contoso.com' -ResetType QuorumLossRecovery -Confirm:$false")
    const refused = await sfbDr(['plan', 'quorum-recovery', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com', '--format', 'json'])
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'QuorumHolds' }] })
  })

  it('plan backend-failover: --new-principal in any case, -Force when the principal is down, checks that read StateOnMirror', async () => {
    const r = await sfbDr([
      'plan', 'backend-failover', '--topology', topology, '--state', primaryDown,
      '--pool', 'pool1.contoso.com', '--new-principal', 'mirror', '--format', 'powershell',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Invoke-CsDatabaseFailover -PoolFqdn 'pool1.contoso.com' -DatabaseType User -NewPrincipal Mirror -Force")
    expect(r.stdout).toContain("Invoke-CsDatabaseFailover -PoolFqdn 'pool1.contoso.com' -DatabaseType CentralMgmt -NewPrincipal Mirror -Force")
    expect(r.stdout).toContain("Get-CsDatabaseMirrorState -PoolFqdn 'pool1.contoso.com' -DatabaseType User")
    expect(r.stdout).toContain("$_.StateOnMirror -ne 'Principal'")
  })

  it('plan backend-failover refuses a principal that is neither Primary nor Mirror as a usage error naming the nearest', async () => {
    const r = await sfbDr(['plan', 'backend-failover', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com', '--new-principal', 'mirro'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Mirror')
  })
})
