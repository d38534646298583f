/**
 * Rendering laws on generated deployments: every plan the planners make renders to a printable-
 * ASCII script with no refused step, whose cmdlets are exactly the plan's, and a runbook with one
 * code block per step holding the same commands.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { backupModules } from '../../src/model/state.js'
import { planBackupSync, planConferenceContentRestore, planSyncInterval } from '../../src/plan/planBackup.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { stepCommand } from '../../src/render/commands.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { deploymentArbitrary, syncIntervalArbitrary } from '../../src/testing/arbitraries.js'
import { invocations, skeleton, splitMarkdown } from './lexers.js'
import { propertyRuns } from '../support/propertyRuns.js'

const KINDS = ['failover', 'failback', 'move', 'backup-sync', 'conference-content-restore', 'sync-interval'] as const

const plans = fc
  .tuple(
    deploymentArbitrary(),
    fc.nat(),
    fc.nat(),
    fc.constantFrom(...KINDS),
    fc.option(fc.constantFrom(...backupModules), { nil: undefined }),
    syncIntervalArbitrary,
  )
  .map(([{ topology, state }, a, b, kind, module, interval]) => {
    const pool = (i: number): string => topology.pools[i % topology.pools.length]?.fqdn ?? ''
    switch (kind) {
      case 'failover':
        return planFailover(topology, state, { pool: pool(a) })
      case 'failback':
        return planFailback(topology, state, { pool: pool(a) })
      case 'move':
        return planMoveService(topology, state, { from: pool(a), to: pool(b) })
      case 'backup-sync':
        return planBackupSync(topology, state, { pool: pool(a), ...(module === undefined ? {} : { module }) })
      case 'conference-content-restore':
        return planConferenceContentRestore(topology, state, { pool: pool(a) })
      case 'sync-interval':
        return planSyncInterval(topology, state, { interval })
    }
  })
  .filter((p): p is E.Right<Plan> => E.isRight(p))
  .map((p) => p.right)

const CMDLETS = new Set([
  'Invoke-CsPoolFailOver', 'Invoke-CsPoolFailBack', 'Invoke-CsManagementServerFailover', 'Get-CsManagementStoreReplicationStatus',
  'Get-CsBackupServiceStatus', 'Set-CsEdgeServer', 'Write-Host', 'Where-Object', 'Get-Date', 'Start-Sleep',
  'Invoke-CsBackupServiceSync', 'Set-CsBackupServiceConfiguration',
])

describe('rendering laws', () => {
  it('every planned plan renders every step, in printable ASCII, with known cmdlets only', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const script = renderPowerShell(plan)
        expect(script).toMatch(/^[\x20-\x7e\n]*$/)
        expect(script).not.toContain('is not rendered')
        for (const line of skeleton(script)) for (const { cmdlet } of invocations(line)) expect(CMDLETS).toContain(cmdlet)
        const actions = plan.steps.filter((s) => s.kind === 'action').length
        expect(skeleton(script).filter((l) => /^(Invoke-Cs|Set-Cs)/.test(l))).toHaveLength(actions)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('the runbook shows the script’s command for every step', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { blocks } = splitMarkdown(renderRunbook(plan))
        expect(blocks.map((b) => b.lines.join('\n'))).toStrictEqual(
          plan.steps.map((s, i) => {
            const c = stepCommand(s, i + 1)
            return c._tag === 'Command' ? c.command : ''
          }),
        )
      }),
      { numRuns: propertyRuns(200) },
    )
  })
})
