/**
 * Rendering and running the high-availability steps: the cmdlet spellings of contract §6
 * (office-docs-powershell Reset-CsPoolRegistrarState, Invoke-CsDatabaseFailover,
 * Get-CsDatabaseMirrorState), the check the script and the executor make, and the simulator.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { databasePrincipal, type PoolStatus } from '../../src/model/state.js'
import { checks } from '../../src/plan/checks.js'
import { planBackEndFailover, planQuorumRecovery } from '../../src/plan/planHighAvailability.js'
import type { CheckDatabaseMirrorState, FailoverDatabase, ResetPoolRegistrarState } from '../../src/plan/step.js'
import { stepCommand, stepCommandLine } from '../../src/render/commands.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { executePlan } from '../../src/run/executePlan.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { contosoTopology, fqdn, stateOf, type StateChange } from '../support/builders.js'

const t = contosoTopology()
const P1 = fqdn('pool1.contoso.com')
const reset: ResetPoolRegistrarState = { _tag: 'ResetPoolRegistrarState', id: '1', kind: 'action', pool: P1, resetType: 'QuorumLossRecovery' }
const failover = (force: boolean): FailoverDatabase => ({
  _tag: 'FailoverDatabase',
  id: '1',
  kind: 'action',
  pool: P1,
  databaseType: 'CentralMgmt',
  newPrincipal: 'Mirror',
  force,
})
const check: CheckDatabaseMirrorState = { _tag: 'CheckDatabaseMirrorState', id: '2', kind: 'check', pool: P1, databaseType: 'User', principal: 'Mirror' }

const pool =
  (change: Partial<PoolStatus>): StateChange =>
  (s) => ({ ...s, pools: new Map([...s.pools, [P1, { ...s.pools.get(P1)!, ...change }]]) })

describe('cmdlet spelling (contract §6)', () => {
  it('Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery without the confirmation prompt', () => {
    expect(stepCommandLine(reset)).toBe("Reset-CsPoolRegistrarState -PoolFqdn 'pool1.contoso.com' -ResetType QuorumLossRecovery -Confirm:$false")
  })

  it('Invoke-CsDatabaseFailover, with -Force only when asked', () => {
    expect(stepCommandLine(failover(false))).toBe("Invoke-CsDatabaseFailover -PoolFqdn 'pool1.contoso.com' -DatabaseType CentralMgmt -NewPrincipal Mirror")
    expect(stepCommandLine(failover(true))).toBe("Invoke-CsDatabaseFailover -PoolFqdn 'pool1.contoso.com' -DatabaseType CentralMgmt -NewPrincipal Mirror -Force")
  })

  it('Get-CsDatabaseMirrorState, whose check throws unless the new principal\'s side reads Principal for every database', () => {
    expect(stepCommandLine(check)).toBe("Get-CsDatabaseMirrorState -PoolFqdn 'pool1.contoso.com' -DatabaseType User")
    const c = stepCommand(check, 2)
    expect(c._tag === 'Command' && c.script).toStrictEqual([
      "$states = @(Get-CsDatabaseMirrorState -PoolFqdn 'pool1.contoso.com' -DatabaseType User)",
      "$bad = @($states | Where-Object { [string]$_.StateOnMirror -ne 'Principal' })",
      'if (($states.Count -eq 0) -or ($bad.Count -gt 0)) {',
      "    throw ('Step 2: the Mirror server is not principal for every User database of pool1.contoso.com; Get-CsDatabaseMirrorState shows {0}.' -f (($states | ForEach-Object { '{0}: {1}' -f $_.DatabaseName, $_.StateOnMirror }) -join ', '))",
      '}',
    ])
    const primary = stepCommand({ ...check, principal: 'Primary' }, 2)
    expect(primary._tag === 'Command' && primary.script[1]).toContain('$_.StateOnPrimary')
  })

  it('quotes an edited enumeration value instead of letting it become tokens', () => {
    const edited = { ...failover(false), databaseType: "User; Remove-Item 'x'" } as unknown as FailoverDatabase
    expect(stepCommandLine(edited)).toBe("Invoke-CsDatabaseFailover -PoolFqdn 'pool1.contoso.com' -DatabaseType 'User; Remove-Item ''x''' -NewPrincipal Mirror")
  })

  it('the runbook and the script say what each step does', () => {
    const s = stateOf(t, pool({ frontEndsRunning: 2 }))
    const plan = E.getOrElseW(() => {
      throw new Error('no plan')
    })(planQuorumRecovery(t, s, { pool: P1 }))
    expect(renderRunbook(plan)).toContain('routing-group quorum loss')
    expect(renderPowerShell(plan)).toContain("Reset-CsPoolRegistrarState -PoolFqdn 'pool1.contoso.com' -ResetType QuorumLossRecovery -Confirm:$false")
  })
})

describe('the check of CheckDatabaseMirrorState (executor and simulator)', () => {
  const judge = checks.CheckDatabaseMirrorState.judge
  it('accepts the expected principal in any letter case, refuses another or a malformed answer', () => {
    expect(judge(check, { principal: ' mirror ' })).toStrictEqual(E.right({ principal: ' mirror ' }))
    expect(E.isLeft(judge(check, { principal: 'Primary' }))).toBe(true)
    expect(E.isLeft(judge(check, { principal: 7 }))).toBe(true)
    expect(E.isLeft(judge(check, null))).toBe(true)
  })

  it('the simulator answers the recorded principal, and cannot read a principal that is down', () => {
    const observe = checks.CheckDatabaseMirrorState.observe
    expect(observe(t, stateOf(t), check)).toStrictEqual(E.right({ principal: 'Primary' }))
    const down = stateOf(t, pool({ backEnd: { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] } }))
    expect(E.isLeft(observe(t, down, check))).toBe(true)
  })

  it('executePlan with simulatedHandlers runs a Back End failover to completion and records the principal per database', async () => {
    const s = stateOf(t, pool({ backEnd: { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] } }))
    const plan = E.getOrElseW(() => {
      throw new Error('no plan')
    })(planBackEndFailover(t, s, { pool: P1, newPrincipal: 'Mirror' }))
    const sim = simulatedHandlers(t, s)
    const journal = await executePlan(plan, sim.handlers)
    expect(journal.outcome).toBe('completed')
    expect(journal.entries.map((e) => e.observed)).toStrictEqual([undefined, { principal: 'Mirror' }, undefined, { principal: 'Mirror' }])
    expect(databasePrincipal(sim.state(), P1, 'User')).toBe('Mirror')
    expect(databasePrincipal(sim.state(), P1, 'CentralMgmt')).toBe('Mirror')
  })
})
