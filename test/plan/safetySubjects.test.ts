/**
 * The safety violations name the pools they are about (contract §5.2): the operator reads
 * "pool2.contoso.com is not reachable", not a bare rule name, and the CLI and runbook print these
 * subjects. Each case pins the whole violation, subjects included.
 */
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import { applyStep } from '../../src/plan/catalog.js'
import type { Step } from '../../src/plan/step.js'
import { cmsAt, contosoTopology, down, edge, failedOver, fqdn, stateOf } from '../support/builders.js'
import { left } from './support.js'

const t = contosoTopology()
const P1 = fqdn('pool1.contoso.com')
const P2 = fqdn('pool2.contoso.com')

const violations = (state: State, step: Step): ReadonlyArray<unknown> => left(applyStep(t, state, step))

const failover: Step = { _tag: 'FailoverPool', id: '3-failover-pool', kind: 'action', pool: P1, backupPool: P2, disasterMode: true }
const failback: Step = { _tag: 'FailbackPool', id: '2-failback-pool', kind: 'action', pool: P1, backupPool: P2, disasterMode: false }
const broken = (step: Step, rule: string, ...subjects: ReadonlyArray<string>) => ({
  _tag: 'StepPreconditionFailed',
  stepId: step.id,
  step: step._tag,
  rule,
  subjects,
})

describe('safety violations carry the pools they are about', () => {
  it('FailoverOntoReachablePartner names the unreachable backup pool', () => {
    const s = stateOf(t, cmsAt('pool1.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), down('pool1.contoso.com', 'pool2.contoso.com'))
    expect(violations(s, failover)).toStrictEqual([
      broken(failover, 'FailoverOntoReachablePartner', 'pool2.contoso.com'),
      broken(failover, 'CmsReadyForPoolFailover', 'pool1.contoso.com'),
    ])
  })

  it('OnePoolOfPairFailedOver names both pools of the pair, the step’s pool first', () => {
    const s = stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }), failedOver('pool2.contoso.com'), down('pool1.contoso.com'))
    expect(violations(s, failover)).toStrictEqual([broken(failover, 'OnePoolOfPairFailedOver', 'pool1.contoso.com', 'pool2.contoso.com')])
  })

  it('FailbackToReachablePools names the unreachable home pool, or the unreachable backup pool', () => {
    const homeDown = stateOf(t, failedOver('pool1.contoso.com'), cmsAt('pool2.contoso.com'), down('pool1.contoso.com'))
    expect(violations(homeDown, failback)).toStrictEqual([broken(failback, 'FailbackToReachablePools', 'pool1.contoso.com')])
    const backupDown = stateOf(t, failedOver('pool1.contoso.com'), down('pool2.contoso.com'))
    expect(violations(backupDown, failback)).toStrictEqual([broken(failback, 'FailbackToReachablePools', 'pool2.contoso.com')])
  })

  it('CmsAvailableForPoolFailback names the CMS active master', () => {
    const s = stateOf(t, failedOver('pool1.contoso.com'), cmsAt('pool2.contoso.com', false))
    expect(violations(s, failback)).toStrictEqual([broken(failback, 'CmsAvailableForPoolFailback', 'pool2.contoso.com')])
  })

  it('NoEdgeNextHopToFailingPool names the Edge pool and the failing pool', () => {
    const s = stateOf(t, cmsAt('pool2.contoso.com'), down('pool1.contoso.com'))
    expect(violations(s, failover)).toStrictEqual([broken(failover, 'NoEdgeNextHopToFailingPool', 'edge1.contoso.com', 'pool1.contoso.com')])
  })
})
