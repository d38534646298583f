/**
 * The rules of the Back End, registrar, Backup Service, CMS and pool steps that planners never
 * break, one by one: which rule refuses a hand-edited or stale step and which pools it names (what
 * `validatePlan` shows), how each check judges what its handler answers, what the simulator
 * answers, and which pools each step touches (the plan's impact lists them).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { BackEndStatus, State } from '../../src/model/state.js'
import { makeTopology } from '../../src/model/topology.js'
import { applyStep, poolsOfStep, transition } from '../../src/plan/catalog.js'
import { checks } from '../../src/plan/checks.js'
import type { Step } from '../../src/plan/step.js'
import { contosoTopology, cmsAt, down, failedOver, fqdn, healthy, instance, site, stateOf, type StateChange } from '../support/builders.js'
import { EDGE1, EDGE2, P1, P2, P9, SE1, brokenRules, contosoCmsFailover } from './support.js'

const t = contosoTopology()

/** The broken rules of one step in Contoso, each as `[rule, ...subjects]`; none when it applies. */
const broken = (state: State, step: Step): ReadonlyArray<ReadonlyArray<string>> => brokenRules(t, state, step)

const backEndOf =
  (pool: string, backEnd: BackEndStatus): StateChange =>
  (s) => ({ ...s, pools: new Map([...s.pools, [fqdn(pool), { ...s.pools.get(fqdn(pool))!, backEnd }]]) })

const failoverDatabase = (over: Partial<Extract<Step, { _tag: 'FailoverDatabase' }>> = {}): Step => ({
  _tag: 'FailoverDatabase',
  id: '1-failover-database',
  kind: 'action',
  pool: P1,
  databaseType: 'User',
  newPrincipal: 'Mirror',
  force: false,
  ...over,
})
const checkMirror = (over: Partial<Extract<Step, { _tag: 'CheckDatabaseMirrorState' }>> = {}): Step => ({
  _tag: 'CheckDatabaseMirrorState',
  id: '2-check-database-mirror',
  kind: 'check',
  pool: P1,
  databaseType: 'User',
  principal: 'Primary',
  ...over,
})

describe('FailoverDatabase (Invoke-CsDatabaseFailover): a mirrored pool, onto the other server, which runs', () => {
  const primaryDown = stateOf(t, backEndOf('pool1.contoso.com', { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] }))
  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['a failover of an unknown pool', healthy(t), failoverDatabase({ pool: P9 }), [['UnknownPool', P9]]],
    ['a pool without a mirror (nothing else is judged)', healthy(t), failoverDatabase({ pool: SE1, newPrincipal: 'Primary' }), [['PoolHasMirror', SE1]]],
    ['CentralMgmt of a pool that does not hold the CMS', healthy(t), failoverDatabase({ pool: P2, databaseType: 'CentralMgmt' }), [['PoolHoldsCentralMgmt', P2, P1]]],
    ['onto the server that is already principal', healthy(t), failoverDatabase({ newPrincipal: 'Primary' }), [['NewPrincipalDiffers', P1]]],
    [
      'CentralMgmt of a pool that does not hold the CMS, onto its principal (every rule at once)',
      healthy(t),
      failoverDatabase({ pool: P2, databaseType: 'CentralMgmt', newPrincipal: 'Primary' }),
      [['PoolHoldsCentralMgmt', P2, P1], ['NewPrincipalDiffers', P2]],
    ],
    [
      'onto a server that is down',
      stateOf(t, backEndOf('pool1.contoso.com', { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Mirror'] })),
      failoverDatabase(),
      [['NewPrincipalUp', P1]],
    ],
    ['away from a principal that is down, without -Force', primaryDown, failoverDatabase(), [['ForceWhenPrincipalDown', P1]]],
  ])('refuses %s', (_what, state, step, rules) => {
    expect(broken(state, step)).toStrictEqual(rules)
  })

  it('refuses a pool whose Back End is set to mirroring but names no mirror store (PoolHasMirror, nothing else judged)', () => {
    const noMirror = makeTopology({
      ...t,
      pools: t.pools.map((p) => (p.fqdn === P2 ? { ...p, backEnd: { sqlServer: p.backEnd.sqlServer, instance: p.backEnd.instance, ha: 'mirroring' as const } } : p)),
    })
    expect(brokenRules(noMirror, stateOf(noMirror), failoverDatabase({ pool: P2 }))).toStrictEqual([['PoolHasMirror', P2]])
  })

  it('with -Force, fails over from a principal that is down, and records the new principal of that database only', () => {
    const after = applyStep(t, primaryDown, failoverDatabase({ force: true }))
    expect(E.isRight(after) && after.right.pools.get(P1)?.backEnd).toStrictEqual({ principal: { User: 'Mirror', CentralMgmt: 'Primary' }, down: ['Primary'] })
  })

  it('a failover of an unknown pool changes nothing', () => {
    const s = healthy(t)
    expect(transition(t, s, failoverDatabase({ pool: P9 }))).toBe(s)
  })
})

describe('CheckDatabaseMirrorState (Get-CsDatabaseMirrorState)', () => {
  it.each<readonly [string, State, Step, ReadonlyArray<ReadonlyArray<string>>]>([
    ['of an unknown pool', healthy(t), checkMirror({ pool: P9 }), [['UnknownPool', P9]]],
    ['of a pool without a mirror', healthy(t), checkMirror({ pool: SE1 }), [['PoolHasMirror', SE1]]],
    ['of CentralMgmt where the CMS is not', healthy(t), checkMirror({ pool: P2, databaseType: 'CentralMgmt' }), [['PoolHoldsCentralMgmt', P2, P1]]],
    ['expecting a principal the state does not record', healthy(t), checkMirror({ principal: 'Mirror' }), [['PrincipalMatches', P1]]],
  ])('refuses a check %s', (_what, state, step, rules) => {
    expect(broken(state, step)).toStrictEqual(rules)
  })

  it('applies, changing nothing, when the principal is the one expected', () => {
    const s = healthy(t)
    expect(applyStep(t, s, checkMirror())).toStrictEqual(E.right(s))
  })

  const judge = (observation: unknown) => checks.CheckDatabaseMirrorState.judge(checkMirror({ principal: 'Mirror' }) as never, observation)
  it('accepts the expected server in any letter case, with spaces around', () => {
    expect(judge({ principal: ' mirror ' })).toStrictEqual(E.right({ principal: ' mirror ' }))
    expect(judge({ principal: 'MIRROR' })).toStrictEqual(E.right({ principal: 'MIRROR' }))
    const judgePrimary = (observation: unknown) => checks.CheckDatabaseMirrorState.judge(checkMirror({ principal: 'Primary' }) as never, observation)
    expect(judgePrimary({ principal: ' primary ' })).toStrictEqual(E.right({ principal: ' primary ' }))
    expect(judgePrimary({ principal: 'PRIMARY' })).toStrictEqual(E.right({ principal: 'PRIMARY' }))
    expect(E.isLeft(judgePrimary({ principal: 'Mirror' }))).toBe(true)
  })

  it('refuses the other server, or no server, saying which database of which pool', () => {
    const message = 'The principal of the User database of pool1.contoso.com is Primary; expected Mirror.'
    expect(judge({ principal: 'Primary' })).toStrictEqual(
      E.left({ mismatch: { _tag: 'CheckMismatch', expected: 'Mirror', observed: 'Primary', message }, observed: { principal: 'Primary' } }),
    )
    expect(E.isLeft(judge({ principal: 'Witness' }))).toBe(true)
    expect(judge({ principal: 2 })).toStrictEqual(
      E.left({
        mismatch: {
          _tag: 'CheckMismatch',
          expected: 'Mirror',
          observed: expect.any(String) as unknown,
          message: 'The handler did not report the principal server (an object with a principal string).',
        },
      }),
    )
  })

  it('the simulator cannot read a principal that is down: DatabaseInaccessible, naming it', () => {
    const s = stateOf(t, backEndOf('pool1.contoso.com', { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: ['Primary'] }))
    expect(checks.CheckDatabaseMirrorState.observe(t, s, checkMirror() as never)).toStrictEqual(
      E.left({ code: 'DatabaseInaccessible', message: 'The principal (Primary) of the User database of pool1.contoso.com is down.' }),
    )
  })
})

describe('ResetPoolRegistrarState (Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery)', () => {
  const reset: Step = { _tag: 'ResetPoolRegistrarState', id: '1-reset-registrar', kind: 'action', pool: P9, resetType: 'QuorumLossRecovery' }
  it('refuses an unknown pool (and nothing else about it)', () => {
    expect(broken(healthy(t), reset)).toStrictEqual([['UnknownPool', P9]])
  })
  it('refuses a pool that does not need it', () => {
    expect(broken(healthy(t), { ...reset, pool: P1 })).toStrictEqual([['QuorumLossRecoveryApplies', P1]])
  })
})

describe('CheckBackupService: how the check judges and what the simulator answers', () => {
  const step = { _tag: 'CheckBackupService', id: '1-check-backup-service', kind: 'check', pool: P1 } as const
  const judge = (s: Step, observation: unknown) => checks.CheckBackupService.judge(s as never, observation)

  it('accepts the healthy states in any letter case, with spaces around', () => {
    expect(E.isRight(judge(step, { exportState: ' steadystate ', importState: 'NORMALSTATE ' }))).toBe(true)
    expect(E.isRight(judge(step, { exportState: 'FinalState', importState: 'NormalState' }))).toBe(true)
  })

  it('a backlog names the pool and the modules checked: both by default, else the one asked for', () => {
    const lagging = { exportState: 'NonSteadyState', importState: 'NormalState' }
    const both = judge(step, lagging)
    expect(E.isLeft(both) && both.left.mismatch.message).toContain('pool1.contoso.com (UserServices.PresenceFocus, ConfServices.DataConf) is not healthy (export NonSteadyState, import NormalState)')
    const one = judge({ ...step, module: 'ConfServices.DataConf' }, lagging)
    expect(E.isLeft(one) && one.left.mismatch.message).toContain('pool1.contoso.com (ConfServices.DataConf) is not healthy')
  })

  it('an answer without both states is a mismatch, whichever is missing', () => {
    for (const observation of [{ exportState: 'SteadyState' }, { importState: 'NormalState' }, { exportState: 1, importState: 'NormalState' }, 'SteadyState'])
      expect(judge(step, observation)).toStrictEqual(
        E.left({
          mismatch: {
            _tag: 'CheckMismatch',
            expected: 'export SteadyState or FinalState, import NormalState',
            observed: expect.any(String) as unknown,
            message: 'The handler did not report the Backup Service states (an object with exportState and importState strings).',
          },
        }),
      )
  })

  it('the simulator cannot read the Backup Service of a pool that is down: PoolUnreachable, naming it', () => {
    expect(checks.CheckBackupService.observe(t, stateOf(t, down('pool1.contoso.com')), step)).toStrictEqual(
      E.left({ code: 'PoolUnreachable', message: 'Cannot reach pool1.contoso.com to read its Backup Service status.' }),
    )
  })
})

describe('CheckCentralManagementStore: how the check judges', () => {
  const step = { _tag: 'CheckCentralManagementStore', id: '2-check-cms', kind: 'check', activeMaster: P2 } as const
  const judge = (observation: unknown) => checks.CheckCentralManagementStore.judge(step, observation)
  it('an empty or blank active master means the CMS is unavailable, and says so', () => {
    for (const activeMaster of ['', '   '])
      expect(judge({ activeMaster })).toStrictEqual(
        E.left({
          mismatch: {
            _tag: 'CheckMismatch',
            expected: 'pool2.contoso.com',
            observed: activeMaster,
            message: 'The Central Management Store has no active master (it is unavailable); expected pool2.contoso.com.',
          },
          observed: { activeMaster },
        }),
      )
  })
  it('an answer without an active master is a mismatch that says what was expected of the handler', () => {
    const r = judge({ master: 'pool2.contoso.com' })
    expect(E.isLeft(r) && r.left.mismatch.message).toBe('The handler did not report the active master (an object with an activeMaster string).')
  })
})

describe('FailoverCentralManagementStore: the target Back End must be the topology’s, field by field', () => {
  const step = contosoCmsFailover('1-failover-cms')
  it.each<readonly [string, Step]>([
    ['another instance', { ...step, instance: instance('other') }],
    ['another mirror server', { ...step, mirrorSqlServer: fqdn('be1m.contoso.com') }],
    ['another mirror instance', { ...step, mirrorInstance: instance('other') }],
  ])('refuses %s', (_what, s) => {
    expect(broken(healthy(t), s)).toStrictEqual([['CmsTargetBackEndMatchesTopology', P2]])
  })

  it('onto the pool that already holds it, available, changes nothing', () => {
    const there = stateOf(t, cmsAt('pool2.contoso.com'))
    expect(transition(t, there, step)).toBe(there)
  })
})

describe('FailoverPool and FailbackPool of a pool the topology does not know', () => {
  it.each<readonly [string, Step]>([
    ['FailoverPool', { _tag: 'FailoverPool', id: '1-failover-pool', kind: 'action', pool: P9, backupPool: P2, disasterMode: true }],
    ['FailbackPool', { _tag: 'FailbackPool', id: '1-failback-pool', kind: 'action', pool: P9, backupPool: P2, disasterMode: true }],
  ])('%s: UnknownPool, naming it', (_tag, step) => {
    const rules = broken(stateOf(t, cmsAt('pool2.contoso.com')), step)
    expect(rules[0]).toStrictEqual(['UnknownPool', P9])
  })

  it('failing over an unpaired pool changes nothing; a second failover in the same mode neither', () => {
    const s = healthy(t)
    expect(transition(t, s, { _tag: 'FailoverPool', id: '1', kind: 'action', pool: SE1, backupPool: P2, disasterMode: true })).toBe(s)
    const failed = stateOf(t, failedOver('pool1.contoso.com', 'disaster'))
    expect(transition(t, failed, { _tag: 'FailoverPool', id: '1', kind: 'action', pool: P1, backupPool: P2, disasterMode: true })).toBe(failed)
  })
})

describe('Edge transitions change nothing for what the topology does not know, or what is already so', () => {
  it.each<readonly [string, Step]>([
    ['a next hop onto an unknown pool', { _tag: 'SetEdgeNextHop', id: '1', kind: 'action', edgePool: EDGE1, nextHop: P9 }],
    ['a next hop of an unknown Edge pool', { _tag: 'SetEdgeNextHop', id: '1', kind: 'action', edgePool: fqdn('edge9.contoso.com'), nextHop: P2 }],
    ['the next hop it has', { _tag: 'SetEdgeNextHop', id: '1', kind: 'action', edgePool: EDGE1, nextHop: P1 }],
    ['the federation route onto an unknown Edge pool', { _tag: 'MoveFederationRoute', id: '1', kind: 'manual', from: EDGE1, to: fqdn('edge9.contoso.com') }],
    ['the federation route where it is', { _tag: 'MoveFederationRoute', id: '1', kind: 'manual', from: EDGE2, to: EDGE1 }],
    ['the XMPP route onto an unknown Edge pool', { _tag: 'SetXmppFederationRoute', id: '1', kind: 'action', site: site('Dublin'), edgePool: fqdn('edge9.contoso.com') }],
    ['the XMPP route where it is', { _tag: 'SetXmppFederationRoute', id: '1', kind: 'action', site: site('Dublin'), edgePool: EDGE2 }],
    ['media of an unknown pool', { _tag: 'AssociateEdgePool', id: '1', kind: 'manual', pool: P9, edgePool: EDGE2 }],
    ['media onto an unknown Edge pool', { _tag: 'AssociateEdgePool', id: '1', kind: 'manual', pool: P1, edgePool: fqdn('edge9.contoso.com') }],
    ['media where they are', { _tag: 'AssociateEdgePool', id: '1', kind: 'manual', pool: P1, edgePool: EDGE1 }],
  ])('%s', (_what, step) => {
    const s = healthy(t)
    expect(transition(t, s, step)).toBe(s)
  })
})

describe('the pools each step touches (the plan’s impact lists them, and pair safety is checked for them)', () => {
  it.each<readonly [Step, ReadonlyArray<string>]>([
    [{ _tag: 'CheckBackupService', id: '1', kind: 'check', pool: P1 }, [P1]],
    [{ _tag: 'SyncBackupService', id: '1', kind: 'action', pool: P1 }, [P1]],
    [{ _tag: 'CheckCentralManagementStore', id: '1', kind: 'check', activeMaster: P2 }, [P2]],
    [{ _tag: 'SetEdgeNextHop', id: '1', kind: 'action', edgePool: EDGE1, nextHop: P2 }, [P2]],
    [{ _tag: 'FailoverDatabase', id: '1', kind: 'action', pool: P1, databaseType: 'User', newPrincipal: 'Mirror', force: false }, [P1]],
    [{ _tag: 'CheckDatabaseMirrorState', id: '1', kind: 'check', pool: P1, databaseType: 'User', principal: 'Mirror' }, [P1]],
    [{ _tag: 'ResetPoolRegistrarState', id: '1', kind: 'action', pool: P1, resetType: 'QuorumLossRecovery' }, [P1]],
    [{ _tag: 'AssociateEdgePool', id: '1', kind: 'manual', pool: P1, edgePool: EDGE2 }, [P1]],
    [{ _tag: 'MoveFederationRoute', id: '1', kind: 'manual', from: EDGE1, to: EDGE2 }, []],
  ])('%s', (step, pools) => {
    expect(poolsOfStep(step)).toStrictEqual(pools)
  })
})
