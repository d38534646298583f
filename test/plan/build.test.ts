/**
 * `buildPlan`, the last gate of every planner: a draft that does not validate is refused with
 * every problem `validatePlan` would report, and a deployment that was not decoded is refused
 * before any step is looked at (never a throw).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Topology } from '../../src/model/topology.js'
import { buildPlan, type PlanDraft } from '../../src/plan/build.js'
import { failoverPool } from '../../src/plan/draft.js'
import { contosoTopology, fqdn, healthy } from '../support/builders.js'

const t = contosoTopology()
const pool1 = fqdn('pool1.contoso.com')
/** A bare planned FailoverPool for a disaster failover of pool1, in healthy Contoso. */
const bareFailover: PlanDraft = {
  intent: { _tag: 'Failover', pool: pool1, mode: 'disaster' },
  drafts: [failoverPool(pool1, fqdn('pool2.contoso.com'), 'planned')],
}

describe('buildPlan', () => {
  it('refuses a draft that does not validate, with every broken rule and the intent not achieved', () => {
    expect(buildPlan(t, healthy(t), bareFailover)).toStrictEqual(
      E.left([
        { _tag: 'StepPreconditionFailed', stepId: '1-failover-pool', step: 'FailoverPool', rule: 'CmsReadyForPoolFailover', subjects: ['pool1.contoso.com'] },
        { _tag: 'StepPreconditionFailed', stepId: '1-failover-pool', step: 'FailoverPool', rule: 'NoEdgeNextHopToFailingPool', subjects: ['edge1.contoso.com', 'pool1.contoso.com'] },
        { _tag: 'IntentNotAchieved', intent: bareFailover.intent },
      ]),
    )
  })

  it('refuses a topology that was not decoded as InvalidInput at `topology`, without throwing', () => {
    expect(buildPlan({} as unknown as Topology, healthy(t), bareFailover)).toStrictEqual(
      E.left([{ _tag: 'InvalidInput', path: 'topology', expected: 'a decoded topology (decodeTopology)', found: 'an object' }]),
    )
  })
})
