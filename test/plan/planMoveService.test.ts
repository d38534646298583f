import * as E from 'fp-ts/lib/Either.js'
import { decodeTopology, encodeTopology } from '../../src/codec/index.js'
import { describe, expect, it } from 'vitest'
import * as O from 'fp-ts/lib/Option.js'
import { servingPoolOf } from '../../src/model/homing.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import type { Step } from '../../src/plan/step.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planMoveService, type MoveServiceRequest } from '../../src/plan/planMoveService.js'
import { withPlanId } from '../../src/plan/planId.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import {
  aPairedDeployment,
  aTopology,
  contosoTopology,
  down,
  failedOver,
  fqdn,
  healthy,
  pool1FailedOver,
  stateOf,
} from '../support/builders.js'
import { left, outline, right, validates } from './support.js'

const plan = (t: Topology, s: State, request: MoveServiceRequest) => planMoveService(t, s, deepFreeze(request))

describe('the seed example: P1\'s users are failed over onto P2', () => {
  const t = contosoTopology()
  const s = pool1FailedOver(t)

  it('planFailover(P2) is refused: fail P1 back first (Invoke-CsPoolFailBack -PoolFqdn P1)', () => {
    expect(left(planFailover(t, s, deepFreeze({ pool: 'pool2.contoso.com' })))).toEqual([
      { _tag: 'PartnerFailedOver', pool: 'pool2.contoso.com', partner: 'pool1.contoso.com' },
    ])
  })

  it('planMoveService({from: P2, to: P1}) fails P1 back, then fails P2 over, with the checks in the right places', () => {
    const p = right(plan(t, s, { from: 'POOL2.contoso.com.', to: 'pool1.contoso.com' }))
    expect(p.intent).toEqual({ _tag: 'MoveService', from: 'pool2.contoso.com', to: 'pool1.contoso.com' })
    expect(outline(p)).toEqual([
      'CheckBackupService pool2.contoso.com',
      'FailbackPool pool1.contoso.com <- pool2.contoso.com',
      // pool1 was failed over in disaster mode: its conference content comes back from pool2
      // (restoring-conference-contents-using-the-backup-service.md) before pool2 fails over.
      'SyncBackupService pool2.contoso.com ConfServices.DataConf',
      'CheckBackupService pool2.contoso.com ConfServices.DataConf (wait 1800 s)',
      'CheckBackupService pool2.contoso.com',
      'FailoverCentralManagementStore pool2.contoso.com -> pool1.contoso.com (planned)',
      'CheckCentralManagementStore pool1.contoso.com',
      'SetEdgeNextHop edge1.contoso.com -> pool1.contoso.com',
      'SetEdgeNextHop edge2.contoso.com -> pool1.contoso.com',
      'FailoverPool pool2.contoso.com -> pool1.contoso.com',
    ])
    expect(new Set(p.steps.map((x) => x.id)).size).toBe(p.steps.length)
    expect(p.steps.map((x) => x.id)).toEqual([
      '1-check-backup-service',
      '2-failback-pool',
      '3-sync-backup-service',
      '4-check-backup-service',
      '5-check-backup-service',
      '6-failover-cms',
      '7-check-cms',
      '8-set-edge-next-hop',
      '9-set-edge-next-hop',
      '10-failover-pool',
    ])
    // Everyone pool2 serviced (its own user and pool1's two) ends on pool1.
    expect(p.impact.usersMoved).toBe(3)
    // edge1 points home again by the end: no EdgeNextHopNotRestored.
    expect(p.warnings).toEqual([])
    const after = validates(t, s, p)
    expect(servingPoolOf(t, after, fqdn('pool2.contoso.com'))).toEqual(O.some('pool1.contoso.com'))
    expect(servingPoolOf(t, after, fqdn('pool1.contoso.com'))).toEqual(O.some('pool1.contoso.com'))
  })

  it('the swapped order (fail over P2 before failing back P1) is rejected, naming the step and rule OnePoolOfPairFailedOver', () => {
    const good = right(plan(t, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    const failback = good.steps.find((x) => x._tag === 'FailbackPool')!
    const failover = good.steps.find((x) => x._tag === 'FailoverPool')!
    const swapped = withPlanId({ formatVersion: 1, intent: good.intent, warnings: good.warnings, impact: good.impact, steps: [failover, failback] })
    expect(left(validatePlan(t, s, swapped))).toContainEqual({
      _tag: 'StepPreconditionFailed',
      stepId: failover.id,
      step: 'FailoverPool',
      rule: 'OnePoolOfPairFailedOver',
      subjects: ['pool2.contoso.com', 'pool1.contoso.com'],
    })
  })

  it('reordering the real plan (failback moved last) is rejected too', () => {
    const good = right(plan(t, s, { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    const [first, second, ...rest] = good.steps
    const reordered = withPlanId({ ...good, steps: [first, ...rest, second] as unknown as typeof good.steps })
    const violations = left(validatePlan(t, s, reordered))
    expect(violations).toContainEqual(expect.objectContaining({ step: 'FailoverPool', rule: 'OnePoolOfPairFailedOver' }))
    // The Edge next hop to pool1 (still failed over at that point) is not usable either.
    expect(violations).toContainEqual(expect.objectContaining({ step: 'SetEdgeNextHop', rule: 'EdgeNextHopIsUsablePool' }))
  })
})

describe('planMoveService', () => {
  const d = aPairedDeployment()

  it('with the partner not failed over, it is a failover of `from`', () => {
    const p = right(plan(d, healthy(d), { from: 'p2.example.com', to: 'p1.example.com' }))
    expect(outline(p)).toEqual([
      'CheckBackupService p2.example.com',
      'SetEdgeNextHop edge-b.example.com -> p1.example.com',
      'FailoverPool p2.example.com -> p1.example.com',
    ])
    expect(p.impact.usersMoved).toBe(3)
    validates(d, healthy(d), p)
  })

  it('`from` unreachable: a disaster failover of `from` (its users wait for it)', () => {
    const s = stateOf(d, down('p2.example.com'))
    const p = right(plan(d, s, { from: 'p2.example.com', to: 'p1.example.com' }))
    // edge-b is still up and forwards to p2: it must be re-pointed before the failover.
    expect(outline(p)).toEqual(['SetEdgeNextHop edge-b.example.com -> p1.example.com', 'FailoverPool p2.example.com -> p1.example.com (disaster)'])
    expect(p.warnings.map((w) => w._tag)).toContain('PossibleDataLoss')
  })

  it('`from` with no LISTED users of its own, holding `to`\'s: fails `to` back, then fails `from` over (its services move whoever is listed)', () => {
    const t = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      cms: 'p2.example.com',
      users: { 'p1.example.com': 4 },
    })
    const s = stateOf(t, failedOver('p1.example.com', 'planned'))
    const p = right(plan(t, s, { from: 'p2.example.com', to: 'p1.example.com' }))
    expect(outline(p)).toEqual([
      'CheckBackupService p2.example.com',
      'FailbackPool p1.example.com <- p2.example.com',
      'CheckBackupService p2.example.com',
      'FailoverCentralManagementStore p2.example.com -> p1.example.com (planned)',
      'CheckCentralManagementStore p1.example.com',
      'FailoverPool p2.example.com -> p1.example.com',
    ])
    expect(p.impact.usersMoved).toBe(4)
    validates(t, s, p)
  })

  it('with no user listed at all, `from` is still failed over: NothingToMove comes from the state, never the user list', () => {
    const t = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      cms: 'p1.example.com',
    })
    const p = right(plan(t, healthy(t), { from: 'p2.example.com', to: 'p1.example.com' }))
    expect(outline(p)).toEqual(['CheckBackupService p2.example.com', 'FailoverPool p2.example.com -> p1.example.com'])
    expect(p.impact.usersMoved).toBe(0)
  })

  it('the seed example with `users: []` (P1 failed over to P2; serve everyone on P2 from P1) plans the same steps as with users', () => {
    const withUsers = contosoTopology()
    const doc = encodeTopology(withUsers)
    const decoded = decodeTopology({ ...doc, users: [] })
    if (E.isLeft(decoded)) throw new Error('the topology without users does not decode')
    const noUsers = decoded.right
    const a = right(plan(withUsers, pool1FailedOver(withUsers), { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    const b = right(plan(noUsers, pool1FailedOver(noUsers), { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    expect(b.steps).toStrictEqual(a.steps)
    expect(b.impact.usersMoved).toBe(0)
  })

  it('NothingToMove: `from`\'s users are already serviced by `to`', () => {
    const t = contosoTopology()
    expect(left(plan(t, pool1FailedOver(t), { from: 'pool1.contoso.com', to: 'pool2.contoso.com' }))).toEqual([
      { _tag: 'NothingToMove', from: 'pool1.contoso.com' },
    ])
  })

  it('NotPartners', () => {
    expect(left(plan(d, healthy(d), { from: 'p1.example.com', to: 'p3.example.com' }))).toEqual([
      { _tag: 'NotPartners', from: 'p1.example.com', to: 'p3.example.com' },
    ])
    expect(left(plan(d, healthy(d), { from: 'p1.example.com', to: 'P1.example.com' }))).toEqual([
      { _tag: 'NotPartners', from: 'p1.example.com', to: 'p1.example.com' },
    ])
  })

  it('InvalidInput and UnknownPool for both fields at once', () => {
    expect(left(plan(d, healthy(d), { from: 'bad pool', to: 'p9.example.com' }))).toEqual([
      { _tag: 'InvalidInput', path: 'from', expected: 'a pool FQDN', found: '"bad pool"' },
      { _tag: 'UnknownPool', pool: 'p9.example.com' },
    ])
  })

  it('reports the refusals of both parts together', () => {
    // p1 failed over onto p2; p1 down: the failback of p1 cannot run, p2 cannot fail over onto p1,
    // and the CMS (on p1, so unavailable) could only go to p2, the pool failing over.
    const s = stateOf(d, failedOver('p1.example.com'), down('p1.example.com'))
    expect(left(plan(d, s, { from: 'p2.example.com', to: 'p1.example.com' }))).toEqual([
      { _tag: 'HomePoolUnreachable', pool: 'p1.example.com' },
      { _tag: 'BackupPoolUnreachable', pool: 'p2.example.com', backupPool: 'p1.example.com' },
      { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: 'p1.example.com', standby: 'p2.example.com', reason: 'standbyIsFailingPool' },
    ])
  })

  it('never produces duplicate step ids', () => {
    const t = contosoTopology()
    const p = right(plan(t, pool1FailedOver(t), { from: 'pool2.contoso.com', to: 'pool1.contoso.com' }))
    const ids = p.steps.map((x: Step) => x.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
