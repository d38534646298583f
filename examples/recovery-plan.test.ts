/**
 * Unit-testing a recovery plan with `sfb-dr/testing`: what an automation author writes to pin down
 * their Redmond-outage procedure before the night they need it.
 */
import { readFileSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { decodeState, decodeTopology, executePlan, planFailover, resumePlan, servingPool, type Plan } from 'sfb-dr'
import { simulatedHandlers } from 'sfb-dr/testing'
import { deploymentArbitrary } from 'sfb-dr/testing/arbitraries'
import { loadDeployment, planFor } from './portal/view.js'

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as unknown
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

const topology = right(decodeTopology(load('contoso.topology.json')))
const redmondDown = right(decodeState(topology, load('contoso.state.redmond-down.json')))

describe('our Redmond outage procedure', () => {
  const plan: Plan = right(planFailover(topology, redmondDown, { pool: 'pool1.contoso.com' }))

  it('moves the CMS to Dublin and points the dark edge1 at pool2 before failing pool1 over in disaster mode', () => {
    expect(plan.steps.map((s) => s._tag)).toStrictEqual([
      'FailoverCentralManagementStore',
      'CheckCentralManagementStore',
      'SetEdgeNextHop',
      'FailoverPool',
    ])
    expect(plan.steps[3]).toMatchObject({ pool: 'pool1.contoso.com', backupPool: 'pool2.contoso.com', disasterMode: true })
  })

  it('leaves pool1 users serviced by pool2 when run', async () => {
    const sim = simulatedHandlers(topology, redmondDown)
    const journal = await executePlan(plan, sim.handlers)
    expect(journal.outcome).toBe('completed')
    expect(servingPool(topology, sim.state(), 'pool1.contoso.com')).toStrictEqual(O.some('pool2.contoso.com'))
  })

  it('can be resumed after the pool failover itself fails', async () => {
    const poolStep = plan.steps[3]!
    const failing = simulatedHandlers(topology, redmondDown, { failAt: poolStep.id })
    const journal = await executePlan(plan, failing.handlers)
    expect(journal.outcome).toBe('failed')
    const rest = right(resumePlan(topology, redmondDown, plan, journal))
    expect(rest.steps.map((s) => s.id)).toStrictEqual([poolStep.id])
    const retry = simulatedHandlers(topology, failing.state())
    expect((await executePlan(rest, retry.handlers)).outcome).toBe('completed')
  })

  it('shows the portal user why se1 cannot be failed over', () => {
    const deployment = right(loadDeployment(load('contoso.topology.json'), O.some(load('contoso.state.redmond-down.json'))))
    const view = planFor(deployment, 'se1.contoso.com')
    expect(view.kind).toBe('refused')
    expect(view.kind === 'refused' ? view.problems.map((i) => i.text) : []).toContainEqual(
      expect.stringContaining('has no backup pool'),
    )
  })
})

describe('our automation on any deployment', () => {
  test.prop([deploymentArbitrary()], { numRuns: 50 })(
    'an accepted failover either completes, moving the users to the partner, or stops at a Backup Service check it warned about',
    async ({ topology: t, state: s }) => {
      const pairing = t.pairings[0]
      fc.pre(pairing !== undefined)
      const [pool] = pairing
      const plan = planFailover(t, s, { pool })
      if (E.isLeft(plan)) return
      const sim = simulatedHandlers(t, s)
      const journal = await executePlan(plan.right, sim.handlers)
      const failover = plan.right.steps.find((step) => step._tag === 'FailoverPool')
      if (journal.outcome === 'completed') {
        expect(servingPool(t, sim.state(), pool)).toStrictEqual(O.some(failover?.backupPool))
      } else {
        // the only thing that may stop an accepted plan on a consistent deployment is a Backup
        // Service check, and the plan warned about it beforehand
        const failed = journal.entries.find((e) => e.status === 'failed')
        expect(failed?._tag).toBe('CheckBackupService')
        expect(plan.right.warnings.map((w) => w._tag)).toContain('BackupServiceUnhealthy')
        expect(sim.state()).toStrictEqual(s)
      }
    },
  )
})
