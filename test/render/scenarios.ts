/**
 * The Contoso sample scenarios as plans, made by the real planners, for rendering and execution
 * tests. Each comes with the topology and the state it was planned in.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { contosoTopology, healthy, lastSync, pool1FailedOver, redmondDown } from '../support/builders.js'

const lastSyncAfter = (s: State): State => lastSync('pool1.contoso.com', '2026-11-25T10:00:00Z')(s)

export interface Scenario {
  readonly name: string
  readonly topology: Topology
  readonly state: State
  readonly plan: Plan
}

const must = (what: string, result: E.Either<unknown, Plan>): Plan => {
  if (E.isLeft(result)) throw new Error(`scenario ${what} does not plan: ${JSON.stringify(result.left)}`)
  return result.right
}

const scenario = (name: string, topology: Topology, state: State, plan: (t: Topology, s: State) => E.Either<unknown, Plan>): Scenario => ({
  name,
  topology,
  state,
  plan: must(name, plan(topology, state)),
})

/** Every Contoso scenario. */
export const scenarios = (): ReadonlyArray<Scenario> => {
  const t = contosoTopology()
  return [
    scenario('planned failover of pool1 (healthy)', t, healthy(t), (tt, s) => planFailover(tt, s, { pool: 'pool1.contoso.com' })),
    scenario('disaster failover of pool1 (Redmond down)', t, redmondDown(t), (tt, s) => planFailover(tt, s, { pool: 'pool1.contoso.com' })),
    scenario(
      'disaster failover of pool1 with a last sync time',
      t,
      lastSyncAfter(redmondDown(t)),
      (tt, s) => planFailover(tt, s, { pool: 'pool1.contoso.com' }),
    ),
    scenario('failback of pool1', t, pool1FailedOver(t), (tt, s) => planFailback(tt, s, { pool: 'pool1.contoso.com' })),
    scenario('move service from pool2 to pool1', t, pool1FailedOver(t), (tt, s) =>
      planMoveService(tt, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }),
    ),
  ]
}

/** A scenario by name. */
export const scenarioNamed = (name: string): Scenario => {
  const found = scenarios().find((s) => s.name === name)
  if (found === undefined) throw new Error(`no scenario ${name}`)
  return found
}
