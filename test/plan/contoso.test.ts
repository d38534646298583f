/**
 * The Contoso sample documents end to end: the topology is decoded from test/fixtures (so the
 * hand-built `contosoTopology()` of builders.ts is checked against the real document), the states
 * are the fixtures' contents applied to the decoded topology.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Topology } from '../../src/model/topology.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { contosoTopologyDocument } from '../support/fixtures.js'
import { contosoTopology, pool1FailedOver, redmondDown } from '../support/builders.js'
import { outline, right, validates } from './support.js'

const decoded = (): Topology => {
  const r = decodeTopology(contosoTopologyDocument())
  if (E.isLeft(r)) throw new Error(`the Contoso fixture does not decode: ${JSON.stringify(r.left)}`)
  return deepFreeze(r.right)
}

describe('Contoso, decoded from test/fixtures/contoso.topology.json', () => {
  it('equals the hand-built Contoso topology of the builders', () => {
    const t = decoded()
    const hand = contosoTopology()
    expect(t.pools).toEqual(hand.pools)
    expect(t.pairings).toEqual(hand.pairings)
    expect(t.edgePools).toEqual(hand.edgePools)
    expect(t.centralManagementStore).toEqual(hand.centralManagementStore)
    expect(t.index.userCounts).toEqual(hand.index.userCounts)
  })

  it('redmond-down: CMS failover pool1 → pool2 (be2/rtc, mirror be2m/rtc, disaster), its check, the dark edge1 re-pointed to pool2, then pool1 in disaster mode', () => {
    const t = decoded()
    const s = redmondDown(t)
    const p = right(planFailover(t, s, deepFreeze({ pool: 'pool1.contoso.com' })))
    expect(outline(p)).toEqual([
      'FailoverCentralManagementStore pool1.contoso.com -> pool2.contoso.com (disaster)',
      'CheckCentralManagementStore pool2.contoso.com',
      'SetEdgeNextHop edge1.contoso.com -> pool2.contoso.com',
      'FailoverPool pool1.contoso.com -> pool2.contoso.com (disaster)',
    ])
    expect(p.steps[0]).toMatchObject({ sqlServer: 'be2.contoso.com', instance: 'rtc', mirrorSqlServer: 'be2m.contoso.com', mirrorInstance: 'rtc' })
    // The same plan, to the id, as from the hand-built topology.
    expect(p.id).toBe(right(planFailover(contosoTopology(), redmondDown(contosoTopology()), { pool: 'pool1.contoso.com' })).id)
    validates(t, s, p)
  })

  it('pool1-failed-over: fail back pool1, or move pool2\'s service to pool1', () => {
    const t = decoded()
    const s = pool1FailedOver(t)
    expect(outline(right(planFailback(t, s, deepFreeze({ pool: 'pool1.contoso.com' }))))).toEqual([
      'CheckBackupService pool2.contoso.com',
      'FailbackPool pool1.contoso.com <- pool2.contoso.com',
      'SyncBackupService pool2.contoso.com ConfServices.DataConf',
      'CheckBackupService pool2.contoso.com ConfServices.DataConf (wait 1800 s)',
    ])
    const move = right(planMoveService(t, s, deepFreeze({ from: 'pool2.contoso.com', to: 'pool1.contoso.com' })))
    const tags = move.steps.map((x) => x._tag)
    expect(tags.indexOf('FailbackPool')).toBeLessThan(tags.indexOf('FailoverPool'))
    validates(t, s, move)
  })
})
