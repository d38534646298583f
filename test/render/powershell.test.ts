import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { withPlanId } from '../../src/plan/planId.js'
import type { Step } from '../../src/plan/step.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { fqdn, instance } from '../support/builders.js'
import { hostileAsciiString, hostilePlan, hostileString, unreadablePlans } from './hostile.js'
import { invocations, skeleton } from './lexers.js'
import { scenarioNamed, scenarios } from './scenarios.js'

/** Every parameter domain-facts §4 lists for the cmdlets we render, plus the shell cmdlets we use. */
const ALLOWED: Readonly<Record<string, ReadonlyArray<string>>> = {
  'Invoke-CsPoolFailOver': [
    'PoolFqdn', 'DisasterMode', 'FlushStorageService', 'Force', 'WaitTime', 'DatabaseCommandTimeoutInSeconds',
    'ServicesStopDelayMins', 'SkipDataVerification', 'Confirm', 'WhatIf',
  ],
  'Invoke-CsPoolFailBack': ['PoolFqdn', 'DisasterMode', 'Force', 'WaitTime', 'DatabaseCommandTimeoutInSeconds', 'SkipDataVerification', 'Confirm', 'WhatIf'],
  'Invoke-CsManagementServerFailover': [
    'BackupSqlServerFqdn', 'BackupSqlInstanceName', 'BackupMirrorSqlServerFqdn', 'BackupMirrorSqlInstanceName',
    'Force', 'Report', 'Confirm', 'WhatIf', 'Restore',
  ],
  'Get-CsManagementStoreReplicationStatus': ['ReplicaFqdn', 'CentralManagementStoreStatus'],
  'Get-CsBackupServiceStatus': ['PoolFqdn', 'Category', 'Force'],
  'Set-CsEdgeServer': ['Identity', 'Registrar', 'Force', 'WhatIf', 'Confirm'],
  // office-docs-powershell Invoke-CsBackupServiceSync and Set-CsBackupServiceConfiguration.
  'Invoke-CsBackupServiceSync': ['PoolFqdn', 'BackupModule', 'Force'],
  'Set-CsBackupServiceConfiguration': [
    'Identity', 'Instance', 'AuthorizedLocalAccounts', 'AuthorizedUniversalGroups', 'MaxBatchesPerCmsSync',
    'MaxBatchesPerUserStoreSync', 'MaxConcurrentCalls', 'MaxDataConfPackageSizeKB', 'SyncInterval',
    'MaxHighPriQueuePercentagePerUserStoreSync', 'EnableRgsBackupService', 'Force', 'Confirm', 'WhatIf',
  ],
  'Write-Host': [],
  'Read-Host': [],
  'Where-Object': [],
  // PowerShell's own (Microsoft.PowerShell.Utility): the Backup Service check polls with them.
  'Get-Date': [],
  'Start-Sleep': ['Seconds'],
}

const step = (s: Step): Plan =>
  withPlanId({ formatVersion: 1, intent: { _tag: 'Failover', pool: fqdn('p1.example.com'), mode: 'disaster' }, steps: [s], warnings: [], impact: { usersMoved: 0, pools: [] } })

const cmdletLines = (plan: Plan): ReadonlyArray<string> =>
  renderPowerShell(plan)
    .split('\n')
    .filter((l) => /^\s*(\$\w+ = )?[@(]*[A-Z][a-z]+-Cs/.test(l))

describe('renderPowerShell', () => {
  for (const s of scenarios())
    it(`renders the Contoso scenario: ${s.name}`, () => {
      expect(renderPowerShell(s.plan)).toMatchSnapshot()
    })

  it('spells every cmdlet exactly as the contract does', () => {
    const p1 = fqdn('p1.example.com')
    const p2 = fqdn('p2.example.com')
    const cms = (mode: 'planned' | 'disaster', mirrored: boolean): Step => ({
      _tag: 'FailoverCentralManagementStore', id: 'c', kind: 'action', from: p1, to: p2,
      sqlServer: fqdn('be2.example.com'), instance: instance('rtc'),
      ...(mirrored ? { mirrorSqlServer: fqdn('be2m.example.com'), mirrorInstance: instance('rtc2') } : {}), mode,
    })
    const cases: ReadonlyArray<readonly [Step, string]> = [
      [{ _tag: 'FailoverPool', id: 'a', kind: 'action', pool: p1, backupPool: p2, disasterMode: true }, "Invoke-CsPoolFailOver -PoolFqdn 'p1.example.com' -DisasterMode"],
      [{ _tag: 'FailoverPool', id: 'a', kind: 'action', pool: p1, backupPool: p2, disasterMode: false }, "Invoke-CsPoolFailOver -PoolFqdn 'p1.example.com'"],
      [{ _tag: 'FailbackPool', id: 'a', kind: 'action', pool: p1, backupPool: p2, disasterMode: true }, "Invoke-CsPoolFailBack -PoolFqdn 'p1.example.com' -DisasterMode"],
      [{ _tag: 'FailbackPool', id: 'a', kind: 'action', pool: p1, backupPool: p2, disasterMode: false }, "Invoke-CsPoolFailBack -PoolFqdn 'p1.example.com'"],
      [cms('planned', true), 'Invoke-CsManagementServerFailover'],
      [cms('disaster', false), "Invoke-CsManagementServerFailover -BackupSqlServerFqdn 'be2.example.com' -BackupSqlInstanceName 'rtc' -Force"],
      [
        cms('disaster', true),
        "Invoke-CsManagementServerFailover -BackupSqlServerFqdn 'be2.example.com' -BackupSqlInstanceName 'rtc' -BackupMirrorSqlServerFqdn 'be2m.example.com' -BackupMirrorSqlInstanceName 'rtc2' -Force",
      ],
      [{ _tag: 'SetEdgeNextHop', id: 'e', kind: 'action', edgePool: fqdn('edge1.example.com'), nextHop: p2 }, "Set-CsEdgeServer -Identity 'EdgeServer:edge1.example.com' -Registrar 'Registrar:p2.example.com'"],
      [{ _tag: 'CheckCentralManagementStore', id: 'k', kind: 'check', activeMaster: p2 }, '$status = Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus'],
      // Without a module: the user-data modules only (CentralMgmt.CMSMaster reads NotInitialized
      // on every pool that does not hold the active CMS master, domain-facts §1.8).
      [{ _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: p1 }, "    $status = Get-CsBackupServiceStatus -PoolFqdn 'p1.example.com' -Category UserData"],
      [{ _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: p1, module: 'ConfServices.DataConf' }, "    $status = Get-CsBackupServiceStatus -PoolFqdn 'p1.example.com' -Category UserData"],
      [{ _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: p1, module: 'CentralMgmt.CMSMaster' }, "    $status = Get-CsBackupServiceStatus -PoolFqdn 'p1.example.com' -Category CMS"],
      [{ _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: p1, module: 'ApplicationServer.RGSFileStore' }, "    $status = Get-CsBackupServiceStatus -PoolFqdn 'p1.example.com' -Category RGS"],
    ]
    for (const [s, line] of cases) expect(cmdletLines(step(s))).toStrictEqual([line])
  })

  it('uses only parameters domain-facts §4 lists for each cmdlet', () => {
    for (const s of scenarios())
      for (const line of skeleton(renderPowerShell(s.plan)))
        for (const { cmdlet, parameters } of invocations(line)) {
          expect(Object.keys(ALLOWED)).toContain(cmdlet)
          for (const p of parameters) expect(ALLOWED[cmdlet]).toContain(p)
        }
  })

  it('checks read the real output and throw when it differs', () => {
    const script = renderPowerShell(scenarioNamed('planned failover of pool1 (healthy)').plan)
    expect(script).toContain('$observed = ([string]$status.ActiveMasterFqdn).TrimEnd(\'.\')')
    expect(script).toContain('if ($observed -ine $expected) {')
    expect(script).toContain("    $bad = @($modules | Where-Object { ([string]$_.ExportStatus -notin @('SteadyState', 'FinalState')) -or ([string]$_.ImportStatus -ne 'NormalState') })")
    // Without waitSeconds the deadline is now: it reads once and throws.
    expect(script).toContain('$deadline = (Get-Date).AddSeconds(0)')
    expect(script).toContain('    if (($modules.Count -gt 0) -and ($bad.Count -eq 0)) { break }')
    expect(script.match(/^\s*throw /gm)?.length).toBeGreaterThanOrEqual(3)
    expect(script).toContain("$ErrorActionPreference = 'Stop'")
  })

  it('a check with a module judges that module only, and with waitSeconds polls with Start-Sleep until healthy or the time runs out', () => {
    const check: Step = { _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: fqdn('p2.example.com'), module: 'ConfServices.DataConf', waitSeconds: 1800 }
    const script = renderPowerShell(step(check))
    expect(script).toContain("    $modules = @(($status).BackupModules | Where-Object { $null -ne $_ -and [string]$_.Identity -eq 'ConfServices.DataConf' })")
    expect(script).toContain('$deadline = (Get-Date).AddSeconds(1800)')
    expect(script).toContain('    if (($modules.Count -gt 0) -and ($bad.Count -eq 0)) { break }')
    expect(script).toContain('    Start-Sleep -Seconds 30')
    expect(script).not.toContain('CentralMgmt.CMSMaster')
  })

  it('pauses at manual steps with Read-Host', () => {
    const manual = { ...(step({ _tag: 'FailoverPool', id: 'm', kind: 'action', pool: fqdn('p1.example.com'), backupPool: fqdn('p2.example.com'), disasterMode: false }).steps[0]), kind: 'manual' } as unknown as Step
    const script = renderPowerShell(step(manual))
    expect(script).toContain("$null = Read-Host 'Press Enter once step 1 is done, or Ctrl+C to stop'")
    expect(script).toContain("Write-Host 'Invoke-CsPoolFailOver -PoolFqdn ''p1.example.com'''")
    expect(script).not.toMatch(/^Invoke-CsPoolFailOver/m)
  })

  it('is deterministic: the same plan, the plan back from JSON, or another day gives the same text', () => {
    for (const s of scenarios()) {
      vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
      const first = renderPowerShell(s.plan)
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'))
      const again = renderPowerShell(JSON.parse(JSON.stringify(s.plan)) as Plan)
      vi.useRealTimers()
      expect(again).toBe(first)
      expect(first).toContain(`# Plan id: ${s.plan.id}`)
    }
  })

  it('hostile printable values never change the code: the skeleton is the benign one', () => {
    for (const s of scenarios()) {
      const benign = skeleton(renderPowerShell(s.plan))
      fc.assert(
        fc.property(hostilePlan(s.plan, hostileAsciiString), (p) => {
          expect(skeleton(renderPowerShell(p))).toStrictEqual(benign)
        }),
        { numRuns: 300 },
      )
    }
  })

  it('any hostile value gives a printable-ASCII script whose code lines are benign lines or a stop', () => {
    const benign = new Set(scenarios().flatMap((s) => skeleton(renderPowerShell(s.plan))))
    benign.add("throw '_'")
    for (const s of scenarios())
      fc.assert(
        fc.property(hostilePlan(s.plan, hostileString), (p) => {
          const script = renderPowerShell(p)
          expect(script).toMatch(/^[\x20-\x7e\n]*$/)
          for (const line of skeleton(script)) expect(benign).toContain(line)
        }),
        { numRuns: 300 },
      )
  })

  it('a step that cannot be rendered makes the whole script refuse, at the top: nothing runs halfway (contract §6)', () => {
    const s = scenarioNamed('disaster failover of pool1 (Redmond down)')
    const [first, second, third, fourth, ...rest] = s.plan.steps
    // The CMS failover with -Force comes first: today's script would run it, then stop at step 4.
    expect(first._tag).toBe('FailoverCentralManagementStore')
    const bad = { ...s.plan, steps: [first, second, third, { ...fourth, pool: "pool1\u2019; Remove-Item C:\\ #" }, ...rest] } as unknown as Plan
    const script = renderPowerShell(bad)
    expect(skeleton(script)).toStrictEqual(["$ErrorActionPreference = '_'", "throw '_'"])
    expect(script).toContain(
      "throw 'This plan cannot be run; nothing was run. Step 4 is not rendered: a value of this step holds characters no valid name has (outside printable ASCII). Plan again.'",
    )
    expect(script).not.toMatch(/Invoke-Cs|Set-Cs|Get-Cs|Remove-Item/)
    expect(script).toMatch(/^# Plan id: /m)
  })

  it('an unknown step anywhere refuses the whole plan, naming every step it cannot render', () => {
    const s = scenarioNamed('planned failover of pool1 (healthy)')
    const steps = [...s.plan.steps, { _tag: 'FailoverPersistentChat', id: 'x', kind: 'action' }, { _tag: 'Nope', id: 'y', kind: 'action' }]
    const script = renderPowerShell({ ...s.plan, steps } as unknown as Plan)
    expect(skeleton(script)).toStrictEqual(["$ErrorActionPreference = '_'", "throw '_'"])
    expect(script).toContain(`Step ${steps.length - 1} is not rendered: unknown step FailoverPersistentChat;`)
    expect(script).toContain(`Step ${steps.length} is not rendered: unknown step Nope;`)
  })

  it('a plan that cannot be read gives a script that throws at the top (never a TypeError)', () => {
    for (const [name, plan] of unreadablePlans()) {
      const script = renderPowerShell(plan)
      expect(skeleton(script), name).toStrictEqual(["$ErrorActionPreference = '_'", "throw '_'"])
      expect(script, name).toMatch(/^[\x20-\x7e\n]*$/)
      expect(script, name).toContain("throw 'This plan cannot be run; nothing was run. The plan cannot be read")
    }
  })

  it('never throws and stays printable ASCII, whatever the plan value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (u) => {
        const script = renderPowerShell(u as Plan)
        expect(script).toMatch(/^[\x20-\x7e\n]*$/)
        expect(skeleton(script)).toStrictEqual(["$ErrorActionPreference = '_'", "throw '_'"])
      }),
    )
    const unknown = { ...step({ _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: fqdn('p1.example.com') }), steps: [{ _tag: "Nope'; rm -rf /", id: 'x', kind: 'action' }] } as unknown as Plan
    expect(renderPowerShell(unknown)).toContain("throw 'This plan cannot be run; nothing was run. Step 1 is not rendered: unknown step Nope''; rm -rf /; this plan was not made by this version of sfb-dr. Plan again.'")
  })
})
