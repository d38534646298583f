/**
 * Execution laws on generated deployments: whatever plan the planners make, running it with the
 * simulated handlers ends where `applyPlan` says; failing anywhere and resuming ends there too,
 * with every step run exactly once.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { applyPlan } from '../../src/plan/validatePlan.js'
import { executePlan } from '../../src/run/executePlan.js'
import { resumePlan } from '../../src/run/resumePlan.js'
import { deploymentArbitrary } from '../../src/testing/arbitraries.js'
import { simulatedHandlers } from '../../src/testing/index.js'
import { propertyRuns } from '../support/propertyRuns.js'

/** Whether the state's Backup Service of every direction is healthy (or unknown, so healthy). */
const backupHealthy = (state: State): boolean =>
  [...state.backupService.values()].every(
    (b) => (b.exportState === undefined || b.exportState === 'SteadyState' || b.exportState === 'FinalState') && (b.importState ?? 'NormalState') === 'NormalState',
  )

/** A deployment, a pool of it, a planner, and a step position to fail at. */
const planned = fc
  .tuple(deploymentArbitrary(), fc.nat(), fc.boolean(), fc.nat())
  .map(([{ topology, state }, poolIndex, failback, failIndex]) => {
    const pool = topology.pools[poolIndex % topology.pools.length]?.fqdn ?? ''
    const plan = (failback ? planFailback : planFailover)(topology, state, { pool })
    return { topology, state, plan, failIndex }
  })
  .filter((x): x is typeof x & { readonly plan: E.Right<Plan> } => E.isRight(x.plan))

describe('execution laws', () => {
  it('running a plan with simulated handlers completes in applyPlan’s state, unless a Backup Service check finds it unhealthy', async () => {
    await fc.assert(
      fc.asyncProperty(planned, async ({ topology, state, plan }) => {
        const sim = simulatedHandlers(topology, state)
        const journal = await executePlan(plan.right, sim.handlers)
        if (journal.outcome === 'completed') {
          expect(E.right(sim.state())).toStrictEqual(applyPlan(topology, state, plan.right))
          return
        }
        // the plan is valid, so only a check can stop it: the Backup Service the state records as unhealthy
        expect(backupHealthy(state)).toBe(false)
        const failed = journal.entries.find((e) => e.status === 'failed')
        expect(failed?._tag).toBe('CheckBackupService')
        expect(failed?.failure?._tag).toBe('CheckMismatch')
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('failing at any step, then resuming, runs every step once and ends in the same state', async () => {
    await fc.assert(
      fc.asyncProperty(planned.filter(({ state }) => backupHealthy(state)), async ({ topology, state, plan, failIndex }) => {
        const steps = plan.right.steps
        const failing = steps[failIndex % steps.length]?.id ?? ''
        const first = simulatedHandlers(topology, state, { failAt: failing })
        const journal = await executePlan(plan.right, first.handlers)
        expect(journal.outcome).toBe('failed')
        const rest = resumePlan(topology, state, plan.right, journal)
        if (E.isLeft(rest)) throw new Error(JSON.stringify(rest.left))
        const second = simulatedHandlers(topology, first.state())
        expect((await executePlan(rest.right, second.handlers)).outcome).toBe('completed')
        expect([...first.calls().slice(0, -1), ...second.calls()]).toStrictEqual(steps.map((s) => s.id))
        expect(E.right(second.state())).toStrictEqual(applyPlan(topology, state, plan.right))
      }),
      { numRuns: propertyRuns(150) },
    )
  })
})
