/** `sfb-dr assess backup` and the Backup Service plan kinds, through the built command. */
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const lagging = fixture('contoso.state.backup-lagging.json')
const failedOver = fixture('contoso.state.pool1-failed-over.json')
const NOW = '2026-11-25T10:10:00Z'

interface Step {
  readonly _tag: string
  readonly pool?: string
  readonly module?: string
  readonly waitSeconds?: number
  readonly interval?: string
}

beforeAll(async () => {
  await sfbDrBin()
}, 120_000)

describe.concurrent('sfb-dr assess backup', () => {
  it('prints a table per direction, the interval and the findings with their remedies', async () => {
    const r = await sfbDr(['assess', 'backup', '--topology', topology, '--state', lagging, '--now', NOW])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^FROM\s+TO\s+HEALTH\s+EXPORT\s+IMPORT\s+LAST SYNC\s+LAG$/)
    expect(lines[1]).toMatch(/^pool1\.contoso\.com\s+pool2\.contoso\.com\s+backlog\s+NonSteadyState\s+NormalState\s+2026-11-25T10:00:00Z\s+600 s$/)
    expect(lines[2]).toMatch(/^pool2\.contoso\.com\s+pool1\.contoso\.com\s+healthy\s+SteadyState\s+NormalState\s+2026-11-25T10:09:30Z\s+30 s$/)
    expect(r.stdout).toContain('Sync interval: 00:10:00')
    expect(r.stdout).toContain("- warning: The Backup Service replicating pool1.contoso.com to pool2.contoso.com last synced 600 seconds ago")
    expect(r.stdout).toContain("Invoke-CsBackupServiceSync -PoolFqdn 'pool1.contoso.com'")
    expect(r.stdout).toContain('- advice: The Backup Service sync interval 00:10:00 exceeds')
  })

  it('writes ONE JSON document { ok, report } with --format json', async () => {
    const r = await sfbDr(['assess', 'backup', '--topology', topology, '--state', lagging, '--now', NOW, '--format', 'json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { ok: boolean; report: { syncInterval: string; directions: ReadonlyArray<{ health: string; lagSeconds?: number }>; findings: ReadonlyArray<{ _tag: string }> } }
    expect(doc.ok).toBe(true)
    expect(doc.report.syncInterval).toBe('00:10:00')
    expect(doc.report.directions.map((d) => [d.health, d.lagSeconds])).toStrictEqual([
      ['backlog', 600],
      ['healthy', 30],
    ])
    expect(doc.report.findings.map((f) => f._tag)).toStrictEqual(['BackupServiceLagging', 'BackupServiceUnhealthy', 'SyncIntervalAboveRpo'])
  })

  it('refuses a bad --now (exit 1, the problem at path now) and needs --now (exit 2)', async () => {
    const bad = await sfbDr(['assess', 'backup', '--topology', topology, '--state', lagging, '--now', 'yesterday', '--format', 'json'])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'InvalidInput', path: 'now' }] })
    const missing = await sfbDr(['assess', 'backup', '--topology', topology, '--state', lagging])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--now')
  })
})

describe.concurrent('sfb-dr plan backup-sync | conference-content-restore | sync-interval', () => {
  const planOf = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<Step>> => {
    const r = await sfbDr(['plan', ...args, '--topology', topology, '--format', 'json'])
    expect(r.code, r.stderr).toBe(0)
    return (JSON.parse(r.stdout) as { plan: { steps: ReadonlyArray<Step> } }).plan.steps
  }

  it('backup-sync: --pool is the source, --module (any letter case) names the one module', async () => {
    expect(await planOf(['backup-sync', '--state', lagging, '--pool', 'pool2.contoso.com', '--module', 'confservices.dataconf'])).toMatchObject([
      { _tag: 'SyncBackupService', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf' },
      { _tag: 'CheckBackupService', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf', waitSeconds: 1800 },
    ])
    const r = await sfbDr(['plan', 'backup-sync', '--topology', topology, '--state', lagging, '--pool', 'pool1.contoso.com', '--module', 'DataConf'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('ConfServices.DataConf')
  })

  it('backup-sync renders Invoke-CsBackupServiceSync with -BackupModule', async () => {
    const r = await sfbDr(['plan', 'backup-sync', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com', '--module', 'UserServices.PresenceFocus', '--format', 'powershell'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Invoke-CsBackupServiceSync -PoolFqdn 'pool1.contoso.com' -BackupModule 'UserServices.PresenceFocus'")
  })

  it('conference-content-restore: the sync runs from the partner of --pool', async () => {
    expect(await planOf(['conference-content-restore', '--assume-healthy', '--pool', 'pool1.contoso.com'])).toMatchObject([
      { _tag: 'SyncBackupService', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf' },
      { _tag: 'CheckBackupService', pool: 'pool2.contoso.com', module: 'ConfServices.DataConf', waitSeconds: 1800 },
    ])
  })

  it('sync-interval: sets it, and refuses one outside 00:00:05–03:00:00 (exit 1)', async () => {
    expect(await planOf(['sync-interval', '--state', failedOver, '--interval', '00:03:00'])).toMatchObject([
      { _tag: 'SetBackupServiceSyncInterval', interval: '00:03:00' },
    ])
    const r = await sfbDr(['plan', 'sync-interval', '--topology', topology, '--assume-healthy', '--interval', '04:00:00'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('interval')
  })
})
