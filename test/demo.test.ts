/** `npm run demo` — the first command of the README's quick start — keeps working. */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))

it('the demo prints the sample summary, then the failover of pool1 as a runbook and a script', async () => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(`${root}node_modules/.bin/tsx`, ['examples/demo.ts'], { cwd: root }, (error, out) => {
      if (error) reject(new Error(error.message))
      else resolve(out)
    })
  })
  expect(stdout).toContain('pool1.contoso.com (Redmond, Enterprise 2015, 3 Front Ends; functions with any 2 of its Front Ends running)')
  expect(stdout).toContain('[advice] se1.contoso.com has no backup pool')
  // Counts read as English: "1 Front End", "1 user", never "1 Front Ends" or "user(s)".
  expect(stdout).toContain('se1.contoso.com (Redmond, Standard 2015, 1 Front End;')
  expect(stdout).not.toMatch(/\b1 Front Ends\b|\(s\)/)
  // The Backup Service assessment of the sample: one line per direction, the lag finding with its remedy.
  expect(stdout).toContain('## Backup Service at 2026-11-25T10:10:00Z (sync interval 00:10:00)')
  expect(stdout).toContain('- pool1.contoso.com → pool2.contoso.com: backlog, last sync 600 seconds ago')
  expect(stdout).toContain('- pool2.contoso.com → pool1.contoso.com: healthy, last sync 30 seconds ago')
  expect(stdout).toContain("[warning] The Backup Service replicating pool1.contoso.com to pool2.contoso.com last synced 600 seconds ago")
  // The runbook escapes `.` in values so that no FQDN becomes a link (it renders as a dot).
  const runbook = stdout.indexOf('# Runbook: Fail over the users homed on pool1\\.contoso\\.com (disaster mode)')
  const script = stdout.indexOf("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
  expect(runbook).toBeGreaterThan(0)
  expect(script).toBeGreaterThan(runbook)
  expect(stdout.indexOf('Invoke-CsManagementServerFailover -BackupSqlServerFqdn')).toBeLessThan(script)
})
