/**
 * estimateRecoveryTime (contract §12), from Microsoft's figures only: pool failover RTO 15-20
 * minutes and CMS failover RTO 5 minutes (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md),
 * failback "up to 60 minutes for a pool of 20,000 users"
 * (Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md).
 */
import { describe, expect, it } from 'vitest'
import { estimateRecoveryTime } from '../../src/assess/recoveryTime.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { aTopology, contosoTopology, failedOver, redmondDown, stateOf, cmsAt } from '../support/builders.js'
import { right } from '../plan/support.js'

describe('estimateRecoveryTime', () => {
  const t = contosoTopology()

  it('counts FailoverPool 20 minutes and FailoverCentralManagementStore 5; every other step has no published figure', () => {
    const plan = right(planFailover(t, redmondDown(t), { pool: 'pool1.contoso.com' }))
    const estimate = estimateRecoveryTime(t, plan)
    expect(estimate.steps.map((s) => [plan.steps.find((p) => p.id === s.stepId)?._tag, s.minutes])).toStrictEqual(
      plan.steps.map((step) => [step._tag, step._tag === 'FailoverPool' ? 20 : step._tag === 'FailoverCentralManagementStore' ? 5 : null]),
    )
    expect(estimate.totalMinutes).toBe(25)
    expect(estimate.undocumentedSteps).toBe(plan.steps.length - 2)
  })

  it('scales the failback figure to the users homed on the pool: ceil(60 × users / 20000), null when the topology lists none', () => {
    const sized = (users: number) =>
      aTopology({
        pools: [
          { fqdn: 'p1.example.com', site: 'A' },
          { fqdn: 'p2.example.com', site: 'B' },
        ],
        pairings: [['p1.example.com', 'p2.example.com']],
        cms: 'p2.example.com',
        users: { 'p1.example.com': users },
      })
    const minutes = (users: number): number | null => {
      const topology = sized(users)
      const plan = right(planFailback(topology, stateOf(topology, failedOver('p1.example.com'), cmsAt('p2.example.com')), { pool: 'p1.example.com' }))
      return estimateRecoveryTime(topology, plan).steps.find((s) => s.stepId.endsWith('failback-pool'))?.minutes ?? null
    }
    expect(minutes(20000)).toBe(60)
    expect(minutes(10000)).toBe(30)
    expect(minutes(1)).toBe(1)
    expect(minutes(20001)).toBe(61)
    expect(minutes(0)).toBeNull()
  })

  it('never throws, whatever it is given: unreadable steps have no figure', () => {
    const hostile = { steps: [null, 7, { _tag: 'FailoverPool' }, { get _tag(): string { throw new Error('boom') } }] }
    expect(estimateRecoveryTime(t, hostile as never)).toStrictEqual({
      steps: [
        { stepId: '', minutes: null },
        { stepId: '', minutes: null },
        { stepId: '', minutes: 20 },
        { stepId: '', minutes: null },
      ],
      totalMinutes: 20,
      undocumentedSteps: 3,
    })
    expect(estimateRecoveryTime(t, null as never)).toStrictEqual({ steps: [], totalMinutes: 0, undocumentedSteps: 0 })
  })
})

describe('renderRunbook(plan, { estimate })', () => {
  const t = contosoTopology()
  const plan = right(planFailover(t, redmondDown(t), { pool: 'pool1.contoso.com' }))

  it('shows the estimate per step and in total, and cites where the figures come from', () => {
    // Markdown escapes punctuation (`disaster-recovery\.md`): read the text as it renders.
    const text = renderRunbook(plan, { estimate: estimateRecoveryTime(t, plan) }).replace(/\\([!-/:-@[-`{-~])/g, '$1')
    expect(text).toContain('## Recovery time')
    expect(text).toMatch(/Estimated: 25 minutes for the steps with a published figure, plus \d+ steps without one\./)
    const failover = plan.steps.findIndex((s) => s._tag === 'FailoverPool') + 1
    expect(text).toContain(`- Step ${String(failover)}: 20 minutes`)
    expect(text).toContain('disaster-recovery.md')
    expect(text).toContain('failing-over-and-failing-back-a-pool.md')
  })

  it('shows no such section without an estimate', () => {
    expect(renderRunbook(plan)).not.toContain('## Recovery time')
  })
})
