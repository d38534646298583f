/**
 * When a service move counts as done (`intentAchieved` for `MoveService`, the check behind
 * `IntentNotAchieved` in validatePlan): `to` services its own users AND everyone homed on `from`
 * — unless `from` has no users of its own. A plan that claims to move service but leaves users on
 * the old pool must not validate.
 */
import { describe, expect, it } from 'vitest'
import type { Intent } from '../../src/model/intent.js'
import type { Plan } from '../../src/plan/plan.js'
import { withPlanId } from '../../src/plan/planId.js'
import { planMoveService } from '../../src/plan/planMoveService.js'
import { intentAchieved, validatePlan } from '../../src/plan/validatePlan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { aTopology, contosoTopology, failedOver, fqdn, healthy, pool1FailedOver, stateOf } from '../support/builders.js'
import { left, right } from './support.js'

const t = contosoTopology()
const move = (from: string, to: string): Intent => ({ _tag: 'MoveService', from: fqdn(from), to: fqdn(to) })

describe('intentAchieved for MoveService', () => {
  it('not when nothing moved: the users of `from` are still serviced by `from`', () => {
    expect(intentAchieved(t, healthy(t), move('pool2.contoso.com', 'pool1.contoso.com'))).toBe(false)
  })

  it('yes when `to` services its own users and those of `from` (from failed over onto to)', () => {
    expect(intentAchieved(t, stateOf(t, failedOver('pool2.contoso.com')), move('pool2.contoso.com', 'pool1.contoso.com'))).toBe(true)
  })

  it('not when `to` is itself failed over, even though it services the users of `from`', () => {
    // Both pools of the pair failed over (a state no plan may reach, but a state can say it):
    // pool2's users are on pool1, pool1's own users are on pool2.
    const both = stateOf(t, failedOver('pool1.contoso.com'), failedOver('pool2.contoso.com'))
    expect(intentAchieved(t, both, move('pool2.contoso.com', 'pool1.contoso.com'))).toBe(false)
  })

  it('the user list never decides: a `from` with no listed user must still be failed over to `to` (its services move)', () => {
    const noUsersOnP2 = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      cms: 'p1.example.com',
      users: { 'p1.example.com': 2 },
    })
    const intent = move('p2.example.com', 'p1.example.com')
    expect(intentAchieved(noUsersOnP2, healthy(noUsersOnP2), intent)).toBe(false)
    expect(intentAchieved(noUsersOnP2, stateOf(noUsersOnP2, failedOver('p2.example.com')), intent)).toBe(true)
    expect(intentAchieved(noUsersOnP2, stateOf(noUsersOnP2, failedOver('p1.example.com')), intent)).toBe(false)
  })
})

describe('validatePlan refuses a move plan that does not move the service', () => {
  it('the real move plan validates; with its intent reversed it is IntentNotAchieved', () => {
    const s = pool1FailedOver(t)
    const plan = right(planMoveService(t, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    expect(right(validatePlan(t, s, plan))).toBe(plan)
    const { formatVersion, warnings, impact, steps } = plan
    const reversed: Plan = deepFreeze(withPlanId({ formatVersion, warnings, impact, steps, intent: move('pool1.contoso.com', 'pool2.contoso.com') }))
    expect(left(validatePlan(t, s, reversed))).toStrictEqual([{ _tag: 'IntentNotAchieved', intent: reversed.intent }])
  })

  it('a move plan stopped after the failback (users of pool2 not moved) is IntentNotAchieved', () => {
    const s = pool1FailedOver(t)
    const plan = right(planMoveService(t, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    const upTo = plan.steps.findIndex((x) => x._tag === 'FailbackPool')
    const [first, ...rest] = plan.steps.slice(0, upTo + 1)
    if (first === undefined) throw new Error('the move plan has no failback')
    const { formatVersion, warnings, impact, intent } = plan
    const partial: Plan = deepFreeze(withPlanId({ formatVersion, warnings, impact, intent, steps: [first, ...rest] }))
    expect(left(validatePlan(t, s, partial))).toContainEqual({ _tag: 'IntentNotAchieved', intent })
  })
})
