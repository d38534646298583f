/**
 * High availability (contract §9): planQuorumRecovery, planBackEndFailover, and the health rules
 * of pool failovers in the planners and in validatePlan.
 *
 * Sources: "Front End Pool high availability and management" (OfficeDocs-SkypeForBusiness,
 * high-availability.md), office-docs-powershell Reset-CsPoolRegistrarState,
 * Invoke-CsDatabaseFailover and Get-CsDatabaseMirrorState; domain-facts §1.5, §3.6, §3.10, §5.
 */
import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../src/model/formatProblem.js'
import type { Violation } from '../../src/model/problem.js'
import { databasePrincipal, type BackEndStatus, type PoolStatus } from '../../src/model/state.js'
import { makeTopology, type BackEndHa } from '../../src/model/topology.js'
import type { Plan } from '../../src/plan/plan.js'
import { planFailover } from '../../src/plan/planFailover.js'
import { planBackEndFailover, planQuorumRecovery } from '../../src/plan/planHighAvailability.js'
import { computePlanId } from '../../src/plan/planId.js'
import { validatePlan } from '../../src/plan/validatePlan.js'
import { aTopology, cmsAt, contosoTopology, fqdn, stateOf, type StateChange } from '../support/builders.js'
import { left, outline, right, validates } from './support.js'

const t = contosoTopology()
const P1 = 'pool1.contoso.com'
const P2 = 'pool2.contoso.com'

/** Changes a pool's status. */
const pool =
  (name: string, change: Partial<PoolStatus>): StateChange =>
  (s) => {
    const pools = new Map(s.pools)
    pools.set(fqdn(name), { ...pools.get(fqdn(name))!, ...change })
    return { ...s, pools }
  }

const backEnd = (name: string, status: Partial<BackEndStatus>): StateChange =>
  pool(name, { backEnd: { principal: { User: 'Primary', CentralMgmt: 'Primary' }, down: [], ...status } })

const tags = (vs: ReadonlyArray<Violation>): ReadonlyArray<string> => vs.map((v) => v._tag)
const rules = (vs: ReadonlyArray<Violation>): ReadonlyArray<string> =>
  vs.flatMap((v) => (v._tag === 'StepPreconditionFailed' ? [`${v.step}: ${v.rule}`] : [v._tag]))

/** A plan edited by hand and re-sealed with a correct id (so only its content is judged). */
const resealed = (plan: Plan, edit: (p: Plan) => Plan): Plan => {
  const edited = edit(plan)
  return { ...edited, id: computePlanId(edited) }
}

describe('planQuorumRecovery (Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery)', () => {
  it('plans the reset for a pool below its start count that keeps pool-level quorum (2 of 3 run: "any 2")', () => {
    const s = stateOf(t, pool(P1, { frontEndsRunning: 2 }))
    const plan = right(planQuorumRecovery(t, s, { pool: 'POOL1.contoso.com.' }))
    expect(plan.intent).toStrictEqual({ _tag: 'QuorumRecovery', pool: P1 })
    expect(outline(plan)).toStrictEqual([`ResetPoolRegistrarState ${P1} (QuorumLossRecovery)`])
    expect(plan.steps[0]).toMatchObject({ id: '1-reset-registrar', kind: 'action' })
    expect(validates(t, s, plan)).toBe(s)
  })

  it('plans it for a two-server pool with both servers stopped (Microsoft: before bringing the pool back up)', () => {
    const two = aTopology({ pools: [{ fqdn: 'small.example.com', site: 'A', frontEnds: 2 }], cms: 'small.example.com' })
    const s = stateOf(two, (x) => ({ ...x, pools: new Map([[fqdn('small.example.com'), { reachable: true, frontEndsRunning: 0 }]]) }))
    const plan = right(planQuorumRecovery(two, s, { pool: 'small.example.com' }))
    expect(plan.steps.map((x) => x._tag)).toStrictEqual(['ResetPoolRegistrarState'])
    validates(two, s, plan)
  })

  it('refuses a healthy pool with QuorumHolds: start it', () => {
    const vs = left(planQuorumRecovery(t, stateOf(t), { pool: P1 }))
    expect(vs).toStrictEqual([{ _tag: 'QuorumHolds', pool: P1, frontEnds: 3, running: 3, neededToStart: 3 }])
    expect(formatProblem(vs[0])).toContain('start the pool')
  })

  it('refuses a pool at pool-level quorum loss with PoolQuorumLost: start more servers, or fail the pool over', () => {
    const vs = left(planQuorumRecovery(t, stateOf(t, pool(P1, { frontEndsRunning: 1 })), { pool: P1 }))
    expect(vs).toStrictEqual([{ _tag: 'PoolQuorumLost', pool: P1, frontEnds: 3, running: 1, neededToRun: { count: 2, among: 3 } }])
    expect(formatProblem(vs[0])).toMatch(/start more servers, or fail the pool over/)
  })

  it('refuses a pool the state says is unreachable with PoolUnreachable: fail it over', () => {
    const vs = left(planQuorumRecovery(t, stateOf(t, pool(P1, { reachable: false, frontEndsRunning: 2 })), { pool: P1 }))
    expect(vs).toStrictEqual([{ _tag: 'PoolUnreachable', pool: P1 }])
    expect(formatProblem(vs[0])).toContain('fail it over')
  })

  it('refuses with QuorumUnknown when which servers stopped decides, and says to name them', () => {
    const eight = aTopology({ pools: [{ fqdn: 'big.example.com', site: 'A', frontEnds: 8 }], cms: 'big.example.com' })
    const s = stateOf(eight, (x) => ({ ...x, pools: new Map([[fqdn('big.example.com'), { reachable: true, frontEndsRunning: 4 }]]) }))
    const vs = left(planQuorumRecovery(eight, s, { pool: 'big.example.com' }))
    expect(vs).toStrictEqual([{ _tag: 'QuorumUnknown', pool: 'big.example.com', frontEnds: 8, running: 4, reason: 'whichServers' }])
    expect(formatProblem(vs[0])).toContain('stoppedFrontEnds')
  })

  it('refuses with QuorumUnknown for a size Microsoft does not list (14 servers, 2019)', () => {
    const big = aTopology({ pools: [{ fqdn: 'big.example.com', site: 'A', frontEnds: 14, version: '2019' }], cms: 'big.example.com' })
    const s = stateOf(big, (x) => ({ ...x, pools: new Map([[fqdn('big.example.com'), { reachable: true, frontEndsRunning: 10 }]]) }))
    expect(left(planQuorumRecovery(big, s, { pool: 'big.example.com' }))).toMatchObject([{ _tag: 'QuorumUnknown', reason: 'sizeNotListed' }])
  })

  it('refuses a two-server pool with one server running with QuorumHolds: Microsoft\'s start table needs 1 of 2 (high-availability.md)', () => {
    const two = aTopology({ pools: [{ fqdn: 'small.example.com', site: 'A', frontEnds: 2 }], cms: 'small.example.com' })
    const s = stateOf(two, (x) => ({ ...x, pools: new Map([[fqdn('small.example.com'), { reachable: true, frontEndsRunning: 1 }]]) }))
    expect(left(planQuorumRecovery(two, s, { pool: 'small.example.com' }))).toStrictEqual([
      { _tag: 'QuorumHolds', pool: 'small.example.com', frontEnds: 2, running: 1, neededToStart: 1 },
    ])
  })

  it('refuses an unknown pool and a non-FQDN', () => {
    expect(tags(left(planQuorumRecovery(t, stateOf(t), { pool: 'pool9.contoso.com' })))).toStrictEqual(['UnknownPool'])
    expect(tags(left(planQuorumRecovery(t, stateOf(t), { pool: '' })))).toStrictEqual(['InvalidInput'])
  })

  it('validatePlan refuses the reset once the pool is healthy again, and a plan whose intent names another pool', () => {
    const s = stateOf(t, pool(P1, { frontEndsRunning: 2 }))
    const plan = right(planQuorumRecovery(t, s, { pool: P1 }))
    expect(rules(left(validatePlan(t, stateOf(t), plan)))).toStrictEqual(['ResetPoolRegistrarState: QuorumLossRecoveryApplies'])
    const other = resealed(plan, (p) => ({ ...p, intent: { _tag: 'QuorumRecovery', pool: fqdn(P2) } }))
    expect(tags(left(validatePlan(t, s, other)))).toStrictEqual(['IntentNotAchieved'])
  })
})

describe('planBackEndFailover (Invoke-CsDatabaseFailover, Get-CsDatabaseMirrorState)', () => {
  it('fails over the User database, then CentralMgmt on the pool holding the CMS, each followed by its check', () => {
    const s = stateOf(t)
    const plan = right(planBackEndFailover(t, s, { pool: P1, newPrincipal: 'mirror' }))
    expect(plan.intent).toStrictEqual({ _tag: 'BackEndFailover', pool: P1, newPrincipal: 'Mirror' })
    expect(outline(plan)).toStrictEqual([
      `FailoverDatabase ${P1} User -> Mirror`,
      `CheckDatabaseMirrorState ${P1} User = Mirror`,
      `FailoverDatabase ${P1} CentralMgmt -> Mirror`,
      `CheckDatabaseMirrorState ${P1} CentralMgmt = Mirror`,
    ])
    const after = validates(t, s, plan)
    expect(databasePrincipal(after, fqdn(P1), 'User')).toBe('Mirror')
    expect(databasePrincipal(after, fqdn(P1), 'CentralMgmt')).toBe('Mirror')
  })

  it('fails over only the User database of a pool without the CMS', () => {
    const plan = right(planBackEndFailover(t, stateOf(t), { pool: P2, newPrincipal: 'Mirror' }))
    expect(plan.steps.map((x) => x._tag)).toStrictEqual(['FailoverDatabase', 'CheckDatabaseMirrorState'])
  })

  it('uses -Force when the current principal is down ("also used if the current database is not accessible")', () => {
    const s = stateOf(t, backEnd(P2, { down: ['Primary'] }))
    const plan = right(planBackEndFailover(t, s, { pool: P2, newPrincipal: 'Mirror' }))
    expect(plan.steps[0]).toMatchObject({ _tag: 'FailoverDatabase', force: true })
    validates(t, s, plan)
  })

  it('fails back to the primary from a recorded mirror principal, without -Force when the mirror is up', () => {
    const s = stateOf(t, backEnd(P2, { principal: { User: 'Mirror', CentralMgmt: 'Mirror' } }))
    const plan = right(planBackEndFailover(t, s, { pool: P2, newPrincipal: 'Primary' }))
    expect(outline(plan)).toStrictEqual([`FailoverDatabase ${P2} User -> Primary`, `CheckDatabaseMirrorState ${P2} User = Primary`])
  })

  it('refuses NoMirror (Invoke-CsDatabaseFailover fails without a mirror), AlreadyPrincipal, NewPrincipalDown', () => {
    expect(left(planBackEndFailover(t, stateOf(t), { pool: 'se1.contoso.com', newPrincipal: 'Mirror' }))).toStrictEqual([
      { _tag: 'NoMirror', pool: 'se1.contoso.com', ha: 'none' },
    ])
    expect(left(planBackEndFailover(t, stateOf(t), { pool: P1, newPrincipal: 'Primary' }))).toStrictEqual([
      { _tag: 'AlreadyPrincipal', pool: P1, principal: 'Primary' },
    ])
    expect(left(planBackEndFailover(t, stateOf(t, backEnd(P1, { down: ['Mirror'] })), { pool: P1, newPrincipal: 'Mirror' }))).toStrictEqual([
      { _tag: 'NewPrincipalDown', pool: P1, principal: 'Mirror' },
    ])
  })

  it('refuses an unknown pool and a principal that is neither Primary nor Mirror, both at once', () => {
    expect(tags(left(planBackEndFailover(t, stateOf(t), { pool: 'x', newPrincipal: 'Witness' })))).toStrictEqual(['InvalidInput', 'InvalidInput'])
    expect(tags(left(planBackEndFailover(t, stateOf(t), { pool: 'pool9.contoso.com', newPrincipal: 'Mirror' })))).toStrictEqual(['UnknownPool'])
  })

  it('reads the new principal in any letter case, with blanks around it', () => {
    const plan = right(planBackEndFailover(t, stateOf(t), { pool: P2, newPrincipal: '  MIRROR ' }))
    expect(plan.intent).toStrictEqual({ _tag: 'BackEndFailover', pool: P2, newPrincipal: 'Mirror' })
  })

  it('refuses a principal that is neither Primary nor Mirror for a known pool, saying what is expected', () => {
    expect(left(planBackEndFailover(t, stateOf(t), { pool: P1, newPrincipal: 'Witness' }))).toStrictEqual([
      { _tag: 'InvalidInput', path: 'newPrincipal', expected: '"Primary" or "Mirror"', found: '"Witness"' },
    ])
  })

  it('refuses NoMirror for a Back End set to mirroring without a mirror store, and for AlwaysOn (Invoke-CsDatabaseFailover needs a mirror)', () => {
    const withBackEnd = (ha: BackEndHa) =>
      makeTopology({
        ...t,
        pools: t.pools.map((p) => (p.fqdn === P2 ? { ...p, backEnd: { sqlServer: p.backEnd.sqlServer, instance: p.backEnd.instance, ha } } : p)),
      })
    for (const ha of ['mirroring', 'alwaysOn'] as const) {
      const topology = withBackEnd(ha)
      expect(left(planBackEndFailover(topology, stateOf(topology), { pool: P2, newPrincipal: 'Mirror' }))).toStrictEqual([
        { _tag: 'NoMirror', pool: P2, ha },
      ])
    }
  })

  it('refuses AlreadyPrincipal and NewPrincipalDown together when the requested principal is the current one and is down', () => {
    const s = stateOf(t, backEnd(P2, { principal: { User: 'Mirror', CentralMgmt: 'Mirror' }, down: ['Mirror'] }))
    expect(left(planBackEndFailover(t, s, { pool: P2, newPrincipal: 'Mirror' }))).toStrictEqual([
      { _tag: 'AlreadyPrincipal', pool: P2, principal: 'Mirror' },
      { _tag: 'NewPrincipalDown', pool: P2, principal: 'Mirror' },
    ])
  })

  it('validatePlan refuses a Back End failover without its CentralMgmt step (intent not achieved) and onto a server now down', () => {
    const s = stateOf(t)
    const plan = right(planBackEndFailover(t, s, { pool: P1, newPrincipal: 'Mirror' }))
    const cut = resealed(plan, (p) => ({ ...p, steps: [p.steps[0], p.steps[1]!] }))
    expect(tags(left(validatePlan(t, s, cut)))).toContain('IntentNotAchieved')
    expect(rules(left(validatePlan(t, stateOf(t, backEnd(P1, { down: ['Mirror'] })), plan)))).toContain('FailoverDatabase: NewPrincipalUp')
    const noForce = stateOf(t, backEnd(P1, { down: ['Primary'] }))
    expect(rules(left(validatePlan(t, noForce, plan)))).toContain('FailoverDatabase: ForceWhenPrincipalDown')
  })
})

describe('health in pool failovers (contract §9)', () => {
  it('a pool with no Front End running fails over in disaster mode by default; planned is refused', () => {
    const s = stateOf(t, pool(P1, { frontEndsRunning: 0 }))
    const plan = right(planFailover(t, s, { pool: P1 }))
    expect(plan.intent).toMatchObject({ mode: 'disaster' })
    expect(tags(left(planFailover(t, s, { pool: P1, mode: 'planned' })))).toStrictEqual(['PlannedFailoverOfUnreachablePool'])
  })

  it('a pool whose User database principal is down fails over in disaster mode; planned is refused naming both remedies', () => {
    const s = stateOf(t, backEnd(P2, { down: ['Primary'] }))
    expect(right(planFailover(t, s, { pool: P2 })).intent).toMatchObject({ mode: 'disaster' })
    const vs = left(planFailover(t, s, { pool: P2, mode: 'planned' }))
    expect(vs).toStrictEqual([{ _tag: 'PlannedFailoverWithBackEndDown', pool: P2, principal: 'Primary', mirrorUp: true }])
    expect(formatProblem(vs[0])).toMatch(/planBackEndFailover.*disaster mode/)
  })

  it('after a Back End failover to the mirror, the same pool fails over in planned mode again', () => {
    const s = stateOf(t, backEnd(P2, { down: ['Primary'] }))
    const after = validates(t, s, right(planBackEndFailover(t, s, { pool: P2, newPrincipal: 'Mirror' })))
    expect(right(planFailover(t, after, { pool: P2 })).intent).toMatchObject({ mode: 'planned' })
  })

  it('a down server that is not the current principal does not take the Back End down', () => {
    const s = stateOf(t, backEnd(P2, { principal: { User: 'Mirror', CentralMgmt: 'Mirror' }, down: ['Primary'] }))
    expect(right(planFailover(t, s, { pool: P2 })).intent).toMatchObject({ mode: 'planned' })
  })

  it('the CMS is unavailable when the CentralMgmt principal of its pool is down: its failover runs in disaster mode', () => {
    const s = stateOf(t, backEnd(P1, { down: ['Primary'] }))
    const plan = right(planFailover(t, s, { pool: P1 }))
    expect(outline(plan)).toContain(`FailoverCentralManagementStore ${P1} -> ${P2} (disaster)`)
  })

  it('a CentralMgmt principal on the mirror, with the primary down, leaves the CMS available', () => {
    const s = stateOf(t, cmsAt(P1), backEnd(P1, { principal: { User: 'Mirror', CentralMgmt: 'Mirror' }, down: ['Primary'] }))
    expect(outline(right(planFailover(t, s, { pool: P1 })))).toContain(`FailoverCentralManagementStore ${P1} -> ${P2} (planned)`)
  })

  it('refuses a failover onto a backup pool at pool-level quorum loss (BackupPoolQuorumLost)', () => {
    const s = stateOf(t, pool(P2, { frontEndsRunning: 1 }))
    const vs = left(planFailover(t, s, { pool: P1 }))
    expect(vs).toStrictEqual([
      { _tag: 'BackupPoolQuorumLost', pool: P1, backupPool: P2, running: 1, neededToRun: { count: 2, among: 3 } },
    ])
    expect(formatProblem(vs[0])).toContain('start more of its Front End servers')
  })

  it('a backup pool with no server running is unreachable (BackupPoolUnreachable, and the CMS has nowhere to go), not BackupPoolQuorumLost', () => {
    expect(tags(left(planFailover(t, stateOf(t, pool(P2, { frontEndsRunning: 0 })), { pool: P1 })))).toStrictEqual([
      'BackupPoolUnreachable',
      'CentralManagementStoreUnrecoverable',
    ])
  })

  describe('validatePlan checks the same health at every step', () => {
    const plannedP2 = (): Plan => right(planFailover(t, stateOf(t), { pool: P2, mode: 'planned' }))

    it('a planned failover plan no longer validates once the pool has no server running', () => {
      expect(rules(left(validatePlan(t, stateOf(t, pool(P2, { frontEndsRunning: 0 })), plannedP2())))).toStrictEqual([
        'CheckBackupService: PoolReachableForCheck',
        'FailoverPool: PlannedModeNeedsReachablePool',
      ])
    })

    it('nor once its Back End is down (PlannedModeNeedsBackEnd)', () => {
      expect(rules(left(validatePlan(t, stateOf(t, backEnd(P2, { down: ['Primary'] })), plannedP2())))).toStrictEqual([
        'FailoverPool: PlannedModeNeedsBackEnd',
      ])
    })

    it('nor once the backup pool has lost pool-level quorum (BackupPoolHasQuorum)', () => {
      expect(rules(left(validatePlan(t, stateOf(t, pool(P1, { frontEndsRunning: 1 })), plannedP2())))).toStrictEqual([
        'FailoverPool: BackupPoolHasQuorum',
      ])
    })

    it('a CMS failover planned while the CMS was available is refused once its CentralMgmt principal is down', () => {
      const s = stateOf(t, cmsAt(P1))
      const plan = right(planFailover(t, s, { pool: P1, mode: 'planned' }))
      expect(rules(left(validatePlan(t, stateOf(t, backEnd(P1, { down: ['Primary'] })), plan)))).toContain(
        'FailoverCentralManagementStore: CmsModeMatchesAvailability',
      )
    })
  })
})

