/** Planning, validation, execution and rendering read per-pool counts: none of them walks the user list. */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Topology } from '../../src/model/topology.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { resumePlan } from '../../src/run/resumePlan.js'
import { contosoTopology, pool1FailedOver, redmondDown } from '../support/builders.js'

/** The topology with a user list that throws on any use. */
const withUntouchableUsers = (t: Topology): Topology => ({
  ...t,
  users: new Proxy(t.users, {
    get: (_, key) => {
      throw new Error(`the user list was read (${String(key)})`)
    },
  }),
})

describe('the user list is never walked after decoding', () => {
  const real = contosoTopology()
  const t = withUntouchableUsers(real)

  it('planFailover, validatePlan, applyPlan and the renderers work on per-pool counts', () => {
    const s = redmondDown(real)
    const plan = planFailover(t, s, { pool: 'pool1.contoso.com' })
    expect(E.isRight(plan) && plan.right.impact.usersMoved).toBe(real.index.userCounts.get(real.pools[0]!.fqdn))
    if (E.isLeft(plan)) return
    expect(E.isRight(validatePlan(t, s, plan.right))).toBe(true)
    expect(E.isRight(applyPlan(t, s, plan.right))).toBe(true)
    expect(renderPowerShell(plan.right)).toContain('Invoke-CsPoolFailOver')
    expect(renderRunbook(plan.right)).toContain('Invoke-CsPoolFailOver')
    const journal = {
      planId: plan.right.id,
      outcome: 'aborted' as const,
      entries: plan.right.steps.map((step, i) => ({ stepId: step.id, _tag: step._tag, status: i === 0 ? ('succeeded' as const) : ('notRun' as const) })),
    }
    expect(E.isRight(resumePlan(t, s, plan.right, journal))).toBe(true)
  })

  it('planFailback and planMoveService too', () => {
    const s = pool1FailedOver(real)
    expect(E.isRight(planFailback(t, s, { pool: 'pool1.contoso.com' }))).toBe(true)
    expect(E.isRight(planMoveService(t, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))).toBe(true)
  })

  it('the guard itself bites', () => {
    expect(() => t.users.size).toThrow('the user list was read')
  })
})
