/**
 * Edge pools (contract §10). Rules from Microsoft's "Failing over, failing back, or changing the
 * Edge pool" (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-failing-back-or-changing-the-edge-pool.md)
 * and office-docs-powershell Set-CsSite (-XmppFederationRoute).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import { planEdgeFailback, planEdgeFailover } from '../../src/plan/planEdge.js'
import { planFailback } from '../../src/plan/planFailback.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import { withPlanId } from '../../src/plan/planId.js'
import type { Plan } from '../../src/plan/plan.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { aTopology, contosoTopology, down, edge, failedOver, fqdn, healthy, pool1FailedOverChanges, stateOf, type StateChange } from '../support/builders.js'
import { left, outline, right, validates } from './support.js'

const t = contosoTopology()

/** Roles moved as after an Edge failover of edge1 to edge2 (federation and pool1's media on edge2). */
const edge1Failed: StateChange = (s) => ({
  ...s,
  federationEdgePool: fqdn('edge2.contoso.com'),
  mediaEdgePools: new Map([...s.mediaEdgePools, [fqdn('pool1.contoso.com'), fqdn('edge2.contoso.com')]]),
})

describe('planEdgeFailover (failing over the Edge pool used for federation / XMPP)', () => {
  it('moves federation in Topology Builder and the media of the running pools that use it, in topology order', () => {
    const s = stateOf(t, edge('edge1.contoso.com', { reachable: false }))
    const p = right(planEdgeFailover(t, s, deepFreeze({ edgePool: 'EDGE1.contoso.com', to: 'edge2.contoso.com.' })))
    expect(p.intent).toStrictEqual({ _tag: 'EdgeFailover', edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' })
    expect(outline(p)).toStrictEqual([
      'MoveFederationRoute edge1.contoso.com -> edge2.contoso.com',
      'AssociateEdgePool pool1.contoso.com -> edge2.contoso.com',
    ])
    expect(p.steps.map((step) => step.kind)).toStrictEqual(['manual', 'manual'])
    const after = validates(t, s, p)
    expect(after.federationEdgePool).toBe('edge2.contoso.com')
    expect(after.mediaEdgePools.get(fqdn('pool1.contoso.com'))).toBe('edge2.contoso.com')
    expect(p.impact).toStrictEqual({ usersMoved: 0, pools: ['pool1.contoso.com'] })
  })

  it('moves XMPP with Set-CsSite for the target site, then DNS right after', () => {
    const s = stateOf(t, edge('edge2.contoso.com', { reachable: false }))
    const p = right(planEdgeFailover(t, s, { edgePool: 'edge2.contoso.com', to: 'edge1.contoso.com' }))
    expect(outline(p)).toStrictEqual([
      'SetXmppFederationRoute Redmond: edge1.contoso.com',
      'UpdateXmppDns edge1.contoso.com',
      'AssociateEdgePool pool2.contoso.com -> edge1.contoso.com',
    ])
    expect(validates(t, s, p).xmppEdgePool).toBe('edge1.contoso.com')
  })

  it('leaves the media of unreachable and failed-over pools alone', () => {
    const s = stateOf(t, down('pool1.contoso.com'), failedOver('pool1.contoso.com'), edge('edge1.contoso.com', { reachable: false }))
    expect(outline(right(planEdgeFailover(t, s, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' })))).toStrictEqual([
      'MoveFederationRoute edge1.contoso.com -> edge2.contoso.com',
    ])
  })

  it('refuses with every reason at once', () => {
    expect(left(planEdgeFailover(t, healthy(t), { edgePool: 'edge9.contoso.com', to: 'not a name' }))).toStrictEqual([
      { _tag: 'UnknownEdgePool', edgePool: 'edge9.contoso.com' },
      { _tag: 'InvalidInput', path: 'to', expected: 'an Edge pool FQDN', found: '"not a name"' },
    ])
    expect(left(planEdgeFailover(t, healthy(t), { edgePool: 'edge1.contoso.com', to: 'Edge1.contoso.com' }))).toStrictEqual([
      { _tag: 'SameEdgePool', edgePool: 'edge1.contoso.com' },
      { _tag: 'NothingToFailOver', edgePool: 'edge1.contoso.com' },
    ])
    const bothDown = stateOf(t, edge('edge1.contoso.com', { reachable: false }), edge('edge2.contoso.com', { reachable: false }))
    expect(left(planEdgeFailover(t, bothDown, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))).toStrictEqual([
      { _tag: 'TargetEdgePoolUnreachable', edgePool: 'edge2.contoso.com' },
    ])
  })

  it('reads each field of the request on its own: InvalidInput at "edgePool" or "to" when only that one is wrong', () => {
    expect(left(planEdgeFailover(t, healthy(t), { edgePool: 5, to: 'edge2.contoso.com' } as never))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'edgePool', expected: 'an Edge pool FQDN', found: '5' },
    ])
    expect(left(planEdgeFailover(t, healthy(t), { edgePool: 'edge1.contoso.com' } as never))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'to', expected: 'an Edge pool FQDN', found: 'nothing' },
    ])
  })

  it('failing a down Edge pool over onto itself is SameEdgePool, not also TargetEdgePoolUnreachable', () => {
    const s = stateOf(t, edge('edge1.contoso.com', { reachable: false }))
    expect(left(planEdgeFailover(t, s, { edgePool: 'edge1.contoso.com', to: 'edge1.contoso.com' }))).toStrictEqual([
      { _tag: 'SameEdgePool', edgePool: 'edge1.contoso.com' },
      { _tag: 'NothingToFailOver', edgePool: 'edge1.contoso.com' },
    ])
  })

  it('refuses NothingToFailOver when the Edge pool carries nothing now', () => {
    const s = stateOf(t, edge1Failed)
    const nothing: State = { ...s, mediaEdgePools: new Map() }
    expect(left(planEdgeFailover(t, nothing, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }))).toStrictEqual([
      { _tag: 'NothingToFailOver', edgePool: 'edge1.contoso.com' },
    ])
  })
})

describe('planEdgeFailback (failing back federation / XMPP to the restored Edge pool)', () => {
  it('takes back federation from its current holder and re-associates the media of running pools', () => {
    const s = stateOf(t, edge1Failed)
    const p = right(planEdgeFailback(t, s, { edgePool: 'edge1.contoso.com' }))
    expect(p.intent).toStrictEqual({ _tag: 'EdgeFailback', edgePool: 'edge1.contoso.com' })
    expect(outline(p)).toStrictEqual([
      'MoveFederationRoute edge2.contoso.com -> edge1.contoso.com',
      'AssociateEdgePool pool1.contoso.com -> edge1.contoso.com',
    ])
    expect(validates(t, s, p)).toStrictEqual(healthy(t))
  })

  it('takes back the XMPP route for its own site', () => {
    const s: State = { ...healthy(t), xmppEdgePool: fqdn('edge1.contoso.com') }
    expect(outline(right(planEdgeFailback(t, s, { edgePool: 'edge2.contoso.com' })))).toStrictEqual([
      'SetXmppFederationRoute Dublin: edge2.contoso.com',
      'UpdateXmppDns edge2.contoso.com',
    ])
  })

  it('does not re-associate the media of a pool that uses no Edge pool now (null: nobody holds it, contract §10)', () => {
    const s = stateOf(t, edge1Failed)
    const mediaOfPool1Null: State = { ...s, mediaEdgePools: new Map([...s.mediaEdgePools].filter(([pool]) => pool !== fqdn('pool1.contoso.com'))) }
    expect(outline(right(planEdgeFailback(t, mediaOfPool1Null, { edgePool: 'edge1.contoso.com' })))).toStrictEqual([
      'MoveFederationRoute edge2.contoso.com -> edge1.contoso.com',
    ])
  })

  it('does not take back a role nobody holds now (null)', () => {
    const { federationEdgePool: _, ...none } = healthy(t)
    expect(left(planEdgeFailback(t, none, { edgePool: 'edge1.contoso.com' }))).toStrictEqual([
      { _tag: 'NothingToFailBack', edgePool: 'edge1.contoso.com' },
    ])
  })

  it('refuses while the Edge pool is still down, and with an unknown Edge pool', () => {
    const s = stateOf(t, edge1Failed, edge('edge1.contoso.com', { reachable: false }))
    expect(left(planEdgeFailback(t, s, { edgePool: 'edge1.contoso.com' }))).toStrictEqual([
      { _tag: 'EdgePoolUnreachable', edgePool: 'edge1.contoso.com' },
    ])
    expect(left(planEdgeFailback(t, s, { edgePool: 'edge9.contoso.com' }))).toStrictEqual([
      { _tag: 'UnknownEdgePool', edgePool: 'edge9.contoso.com' },
    ])
  })
})

describe('FailbackPool waits for the Edge of its site (domain-facts §6.1 #15: "If the Front End pool at the same site as the failed Edge pool also failed, you can now use Invoke–CsPoolFailback")', () => {
  /** pool1 failed over (CMS on pool2, edge1 forwarding to pool2) and edge1's roles on edge2, both sites running again. */
  const both = (): State => stateOf(t, ...pool1FailedOverChanges, edge1Failed)

  it('planFailback refuses with EdgeFailbackFirst, naming the Edge pool', () => {
    expect(left(planFailback(t, both(), { pool: 'pool1.contoso.com' }))).toStrictEqual([
      { _tag: 'EdgeFailbackFirst', pool: 'pool1.contoso.com', edgePool: 'edge1.contoso.com' },
    ])
  })

  it('a plan with the Edge failback steps before FailbackPool passes; the other order breaks rule EdgeFailedBackFirst', () => {
    const s = both()
    const edgeBack = right(planEdgeFailback(t, s, { edgePool: 'edge1.contoso.com' }))
    const afterEdge = validates(t, s, edgeBack)
    const poolBack = right(planFailback(t, afterEdge, { pool: 'pool1.contoso.com' }))
    const combined = (steps: ReadonlyArray<Plan['steps'][number]>): Plan =>
      withPlanId({
        ...poolBack,
        steps: steps.map((step, i) => ({ ...step, id: `${i + 1}-${step._tag}` })) as unknown as Plan['steps'],
      })
    const good = combined([...edgeBack.steps, ...poolBack.steps])
    expect(E.isRight(validatePlan(t, s, good))).toBe(true)
    const bad = combined([...poolBack.steps, ...edgeBack.steps])
    const problems = left(validatePlan(t, s, bad))
    expect(problems).toContainEqual(
      expect.objectContaining({ _tag: 'StepPreconditionFailed', step: 'FailbackPool', rule: 'EdgeFailedBackFirst', subjects: ['edge1.contoso.com', 'pool1.contoso.com'] }),
    )
  })

  it('an Edge pool still down does not block the failback; media associations are not part of the rule', () => {
    const s = stateOf(t, ...pool1FailedOverChanges, edge1Failed, edge('edge1.contoso.com', { reachable: false }))
    expect(E.isRight(planFailback(t, s, { pool: 'pool1.contoso.com' }))).toBe(true)
    const mediaOnly = stateOf(t, ...pool1FailedOverChanges, (x) => ({
      ...x,
      mediaEdgePools: new Map([...x.mediaEdgePools, [fqdn('pool1.contoso.com'), fqdn('edge2.contoso.com')]]),
    }))
    expect(E.isRight(planFailback(t, mediaOnly, { pool: 'pool1.contoso.com' }))).toBe(true)
  })

  it('only Edge pools of the same site count', () => {
    const other = aTopology({
      pools: [
        { fqdn: 'p1.example.com', site: 'A' },
        { fqdn: 'p2.example.com', site: 'B' },
      ],
      pairings: [['p1.example.com', 'p2.example.com']],
      edgePools: [
        { fqdn: 'edge-a.example.com', site: 'A', nextHop: 'p1.example.com' },
        { fqdn: 'edge-b.example.com', site: 'B', nextHop: 'p2.example.com', federation: true },
      ],
      cms: 'p2.example.com',
    })
    const s = stateOf(other, failedOver('p1.example.com'), (x) => ({ ...x, federationEdgePool: fqdn('edge-a.example.com') }))
    expect(E.isRight(planFailback(other, s, { pool: 'p1.example.com' }))).toBe(true)
    expect(left(planFailback(other, stateOf(other, failedOver('p2.example.com'), (x) => ({ ...x, federationEdgePool: fqdn('edge-a.example.com') })), { pool: 'p2.example.com' }))).toStrictEqual([
      { _tag: 'EdgeFailbackFirst', pool: 'p2.example.com', edgePool: 'edge-b.example.com' },
    ])
  })
})
