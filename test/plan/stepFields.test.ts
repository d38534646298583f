/**
 * Step fields as stored plans carry them (contract §4.1): a plan saved as JSON reads back equal to
 * the plan itself (no field of any step holds `undefined`, which JSON would drop), and a step
 * field with a value its cmdlet cannot take is refused by `decodePlan` with its path and what the
 * field holds.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodePlan } from '../../src/plan/decodePlan.js'
import type { Plan } from '../../src/plan/plan.js'
import { planBackupSync, planConferenceContentRestore, planSyncInterval } from '../../src/plan/planBackup.js'
import { planEdgeFailover } from '../../src/plan/planEdge.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planBackEndFailover } from '../../src/plan/planHighAvailability.js'
import { planSiteFailover } from '../../src/plan/planSite.js'
import { contosoTopology, down, edge, fqdn, healthy, pool1FailedOver, redmondDown, stateOf } from '../support/builders.js'
import { right } from './support.js'

const t = contosoTopology()

const plans = (): ReadonlyArray<readonly [string, Plan]> => [
  ['planned failover', right(planFailover(t, healthy(t), { pool: 'pool1.contoso.com' }))],
  ['disaster failover', right(planFailover(t, redmondDown(t), { pool: 'pool1.contoso.com' }))],
  ['failback after a disaster (content restore)', right(planFailback(t, pool1FailedOver(t), { pool: 'pool1.contoso.com' }))],
  ['Backup Service sync of every module', right(planBackupSync(t, healthy(t), { pool: 'pool1.contoso.com' }))],
  ['Backup Service sync of one module', right(planBackupSync(t, healthy(t), { pool: 'pool1.contoso.com', module: 'ConfServices.DataConf' }))],
  ['conference content restore', right(planConferenceContentRestore(t, healthy(t), { pool: 'pool1.contoso.com' }))],
  ['Back End failover', right(planBackEndFailover(t, healthy(t), { pool: 'pool1.contoso.com', newPrincipal: 'Mirror' }))],
  ['Edge failover', right(planEdgeFailover(t, healthy(t), { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))],
  ['site failover', right(planSiteFailover(t, stateOf(t, down('pool2.contoso.com'), edge('edge2.contoso.com', { reachable: false })), { site: 'Dublin' }))],
]

/** A copy of `plan` as JSON data, with `edit` applied to its step at `index`. */
const withStep = (plan: Plan, index: number, edit: Record<string, unknown>): unknown => {
  const doc = JSON.parse(JSON.stringify(plan)) as { steps: Array<Record<string, unknown>> }
  doc.steps[index] = { ...doc.steps[index], ...edit }
  return doc
}
const problemsOf = (doc: unknown): ReadonlyArray<readonly [string, string]> => {
  const r = decodePlan(doc)
  return E.isLeft(r) ? r.left.map((p) => [p.path, p._tag === 'InvalidInput' ? p.expected : p._tag] as const) : []
}

describe('a stored plan reads back equal to the plan', () => {
  it.each(plans())('%s', (_what, plan) => {
    expect(decodePlan(JSON.parse(JSON.stringify(plan)))).toStrictEqual(E.right({ ...plan }))
  })
})

describe('decodePlan refuses a step field its cmdlet cannot take', () => {
  const [, planned] = plans()[0]!
  const [, disaster] = plans()[1]!
  const [, sync] = plans()[3]!
  const failoverIndex = disaster.steps.findIndex((s) => s._tag === 'FailoverPool')
  const cmsIndex = disaster.steps.findIndex((s) => s._tag === 'FailoverCentralManagementStore')
  const waitIndex = sync.steps.findIndex((s) => s._tag === 'CheckBackupService')

  it.each<readonly [string, unknown, ReadonlyArray<readonly [string, string]>]>([
    ['-DisasterMode as text', withStep(disaster, failoverIndex, { disasterMode: 'yes' }), [[`steps[${failoverIndex}].disasterMode`, 'true or false']]],
    ['a CMS failover mode in another letter case', withStep(disaster, cmsIndex, { mode: 'Disaster' }), [[`steps[${cmsIndex}].mode`, '"planned" or "disaster"']]],
    ['a CMS failover mode that is a number', withStep(disaster, cmsIndex, { mode: 1 }), [[`steps[${cmsIndex}].mode`, '"planned" or "disaster"']]],
    ['a Backup Service module that does not exist', withStep(planned, 0, { module: 'ConfServices.Everything' }), [['steps[0].module', expect.stringContaining('or nothing')]]],
    ...[0, 10_801, 1.5, '60', -1].map(
      (waitSeconds) =>
        [`a wait of ${JSON.stringify(waitSeconds)} s`, withStep(sync, waitIndex, { waitSeconds }), [[`steps[${waitIndex}].waitSeconds`, 'a whole number from 1 to 10800 or nothing']]] as const,
    ),
  ])('%s', (_what, doc, problems) => {
    expect(problemsOf(doc)).toStrictEqual(problems)
  })

  it('a sync interval out of range, and an XMPP route for a site that is no site name', () => {
    const interval = right(planSyncInterval(t, healthy(t), { interval: '00:03:00' }))
    expect(problemsOf(withStep(interval, 0, { interval: '03:00:01' }))).toStrictEqual([
      ['steps[0].interval', 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"'],
    ])
    const xmpp = right(planEdgeFailover(t, { ...healthy(t), xmppEdgePool: fqdn('edge1.contoso.com') }, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))
    const routeIndex = xmpp.steps.findIndex((s) => s._tag === 'SetXmppFederationRoute')
    expect(problemsOf(withStep(xmpp, routeIndex, { site: 'Dublin; Remove-Item' }))).toStrictEqual([[`steps[${routeIndex}].site`, 'a site name']])
  })

  it('accepts the shortest and the longest wait', () => {
    for (const waitSeconds of [1, 10_800]) expect(problemsOf(withStep(sync, waitIndex, { waitSeconds }))).toStrictEqual([])
  })
})
