/** Pins docs/site-outage.md: the Contoso Redmond walk-through says what the planners answer. */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeState, decodeTopology, encodeState } from '../../src/codec/index.js'
import { formatProblem } from '../../src/model/formatProblem.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { estimateRecoveryTime } from '../../src/assess/recoveryTime.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planSiteFailback, planSiteFailover } from '../../src/plan/planSite.js'
import { applyPlan } from '../../src/plan/validatePlan.js'
import { left, outline, right } from './support.js'

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))
const decoded = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(`the document does not decode: ${JSON.stringify(r.left)}`)
  return r.right
}
const topology = (path: string): Topology => decoded(decodeTopology(json(path)))
const stateOf = (t: Topology, doc: unknown): State => decoded(decodeState(t, doc))
const doc = readFileSync(new URL('../../docs/site-outage.md', import.meta.url), 'utf8')

describe('docs/site-outage.md', () => {
  const contoso = topology('examples/data/contoso.topology.json')
  const paired = topology('examples/data/contoso-paired.topology.json')
  const down = json('examples/data/contoso.state.redmond-down.json')

  it('shows the refusal of the topology as shipped', () => {
    const refused = left(planSiteFailover(contoso, stateOf(contoso, down), { site: 'Redmond' }))
    expect(refused.map(formatProblem)).toStrictEqual(['se1.contoso.com has no backup pool, so its users cannot be failed over; pair it in Topology Builder first.'])
    expect(doc).toContain(`  - ${formatProblem(refused[0])}`)
  })

  it('lists the six failover steps, the 45-minute estimate, the failback refusal and the nine failback steps', () => {
    const lost = stateOf(paired, down)
    const over = right(planSiteFailover(paired, lost, { site: 'Redmond' }))
    expect(outline(over)).toStrictEqual([
      'FailoverCentralManagementStore pool1.contoso.com -> pool2.contoso.com (disaster)',
      'CheckCentralManagementStore pool2.contoso.com',
      'MoveFederationRoute edge1.contoso.com -> edge2.contoso.com',
      'SetEdgeNextHop edge1.contoso.com -> pool2.contoso.com',
      'FailoverPool pool1.contoso.com -> pool2.contoso.com (disaster)',
      'FailoverPool se1.contoso.com -> se2.contoso.com (disaster)',
    ])
    const estimate = estimateRecoveryTime(paired, over)
    expect([estimate.totalMinutes, estimate.undocumentedSteps]).toStrictEqual([45, 3])
    const after = encodeState(right(applyPlan(paired, lost, over)))
    const back = stateOf(paired, {
      ...after,
      pools: Object.fromEntries(Object.entries(after.pools ?? {}).map(([k, v]) => [k, { ...v, reachable: true }])),
      edgePools: Object.fromEntries(Object.entries(after.edgePools ?? {}).map(([k, v]) => [k, { ...v, reachable: true }])),
    })
    const refused = left(planFailback(paired, back, { pool: 'pool1.contoso.com' }))
    expect(doc).toContain(`  - ${formatProblem(refused[0])}`)
    const failback = right(planSiteFailback(paired, back, { site: 'Redmond' }))
    // After a DISASTER failover each failback also restores the conference content (contract §8).
    expect(outline(failback)).toStrictEqual([
      'MoveFederationRoute edge2.contoso.com -> edge1.contoso.com',
      'CheckBackupService pool2.contoso.com',
      'FailbackPool pool1.contoso.com <- pool2.contoso.com',
      'SyncBackupService pool2.contoso.com ConfServices.DataConf',
      'CheckBackupService pool2.contoso.com ConfServices.DataConf (wait 1800 s)',
      'CheckBackupService se2.contoso.com',
      'FailbackPool se1.contoso.com <- se2.contoso.com',
      'SyncBackupService se2.contoso.com ConfServices.DataConf',
      'CheckBackupService se2.contoso.com ConfServices.DataConf (wait 1800 s)',
    ])
    // The walk-through's failback table lists exactly these steps, in this order.
    const section = doc.slice(doc.indexOf('sfb-dr plan site-failback'))
    const rows = [...section.matchAll(/^\| (\d+) \| `(\w+)`/gmu)].map((m) => [Number(m[1]), m[2]])
    expect(rows).toStrictEqual(failback.steps.map((step, i) => [i + 1, step._tag]))
    expect(failback.warnings.map((w) => w._tag)).toContain('EdgeNextHopNotRestored')
  })
})
