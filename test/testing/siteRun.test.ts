/**
 * A site plan run through `executePlan` against `simulatedHandlers`: manual steps (Topology
 * Builder, DNS) succeed when the operator confirms, i.e. their transition applies, so the
 * simulated deployment ends where `applyPlan` says.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { planSiteFailover } from '../../src/plan/planSite.js'
import { applyPlan } from '../../src/plan/validatePlan.js'
import { executePlan } from '../../src/run/executePlan.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { aTopology, down, edge, stateOf } from '../support/builders.js'

const t = aTopology({
  pools: [
    { fqdn: 'a1.example.com', site: 'A', edgePool: 'edge-a.example.com' },
    { fqdn: 'b1.example.com', site: 'B', edgePool: 'edge-a.example.com' },
  ],
  pairings: [['a1.example.com', 'b1.example.com']],
  edgePools: [
    { fqdn: 'edge-a.example.com', site: 'A', nextHop: 'a1.example.com', federation: true, xmpp: true },
    { fqdn: 'edge-b.example.com', site: 'B', nextHop: 'b1.example.com' },
  ],
  cms: 'a1.example.com',
})

describe('a site failover run against simulatedHandlers', () => {
  it('runs every step, manual ones included, and ends in the state applyPlan gives', async () => {
    const lost = stateOf(t, down('a1.example.com'), edge('edge-a.example.com', { reachable: false }))
    const plan = planSiteFailover(t, lost, { site: 'A' })
    if (E.isLeft(plan)) throw new Error(JSON.stringify(plan.left))
    expect(plan.right.steps.map((s) => s._tag)).toStrictEqual([
      'FailoverCentralManagementStore',
      'CheckCentralManagementStore',
      'MoveFederationRoute',
      'SetXmppFederationRoute',
      'UpdateXmppDns',
      'AssociateEdgePool',
      'SetEdgeNextHop',
      'FailoverPool',
    ])
    const sim = simulatedHandlers(t, lost)
    const journal = await executePlan(plan.right, sim.handlers)
    expect(journal.outcome).toBe('completed')
    expect(sim.calls()).toStrictEqual(plan.right.steps.map((s) => s.id))
    expect(sim.state()).toStrictEqual(E.getOrElseW(() => undefined)(applyPlan(t, lost, plan.right)))
    expect(sim.state().federationEdgePool).toBe('edge-b.example.com')
    expect(sim.state().xmppEdgePool).toBe('edge-b.example.com')
  })
})
