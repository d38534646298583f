import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { isCentralManagementStoreAvailable } from '../../src/model/state.js'
import type { FailoverPool } from '../../src/plan/step.js'
import type { StepHandlers } from '../../src/run/handlers.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { cmsAt, contosoTopology, down, edge, fqdn, healthy, stateOf } from '../support/builders.js'

const t = contosoTopology()
const failover = (disasterMode: boolean): FailoverPool => ({
  _tag: 'FailoverPool',
  id: 'f',
  kind: 'action',
  pool: fqdn('pool1.contoso.com'),
  backupPool: fqdn('pool2.contoso.com'),
  disasterMode,
})

describe('simulatedHandlers', () => {
  it('applies an action to its in-memory state through the catalog', async () => {
    const start = stateOf(t, cmsAt('pool2.contoso.com'), edge('edge1.contoso.com', { nextHop: 'pool2.contoso.com' }))
    const sim = simulatedHandlers(t, start)
    expect(await sim.handlers.FailoverPool(failover(false))()).toStrictEqual(E.right(undefined))
    expect(sim.state().failovers.get(fqdn('pool1.contoso.com'))).toBe('planned')
    expect(sim.calls()).toStrictEqual(['f'])
  })

  it('fails an action whose rules do not hold, changing nothing', async () => {
    const start = healthy(t) // the CMS is still on pool1: a pool failover of pool1 breaks rule 3
    const sim = simulatedHandlers(t, start)
    const result = await sim.handlers.FailoverPool(failover(false))()
    expect(E.isLeft(result) && result.left.code).toBe('StepPreconditionFailed')
    expect(E.isLeft(result) && result.left.message).toContain('CmsReadyForPoolFailover')
    expect(sim.state()).toBe(start)
  })

  it('is lazy: nothing happens until the task runs', () => {
    const sim = simulatedHandlers(t, stateOf(t, cmsAt('pool2.contoso.com')))
    void sim.handlers.FailoverPool(failover(false))
    expect(sim.calls()).toStrictEqual([])
    expect(sim.state().failovers.size).toBe(0)
  })

  it('answers the CMS check from its state, empty when the CMS is unavailable', async () => {
    const check = { _tag: 'CheckCentralManagementStore', id: 'k', kind: 'check', activeMaster: fqdn('pool2.contoso.com') } as const
    expect(await simulatedHandlers(t, healthy(t)).handlers.CheckCentralManagementStore(check)()).toStrictEqual(E.right({ activeMaster: 'pool1.contoso.com' }))
    const dark = stateOf(t, down('pool1.contoso.com'))
    expect(isCentralManagementStoreAvailable(dark)).toBe(false)
    expect(await simulatedHandlers(t, dark).handlers.CheckCentralManagementStore(check)()).toStrictEqual(E.right({ activeMaster: '' }))
  })

  it('answers the Backup Service check from its state, healthy by default, and fails on an unreachable pool', async () => {
    const check = { _tag: 'CheckBackupService', id: 'b', kind: 'check', pool: fqdn('pool1.contoso.com') } as const
    expect(await simulatedHandlers(t, healthy(t)).handlers.CheckBackupService(check)()).toStrictEqual(
      E.right({ exportState: 'SteadyState', importState: 'NormalState' }),
    )
    const lagging = stateOf(t, (s) => ({
      ...s,
      backupService: new Map([[fqdn('pool1.contoso.com'), { pool: fqdn('pool1.contoso.com'), exportState: 'NonSteadyState', importState: 'ErrorState' }]]),
    }))
    expect(await simulatedHandlers(t, lagging).handlers.CheckBackupService(check)()).toStrictEqual(
      E.right({ exportState: 'NonSteadyState', importState: 'ErrorState' }),
    )
    const unreachable = await simulatedHandlers(t, stateOf(t, down('pool1.contoso.com'))).handlers.CheckBackupService(check)()
    expect(E.isLeft(unreachable) && unreachable.left.code).toBe('PoolUnreachable')
  })

  it('fails the failAt step with a PortFailure, changing nothing', async () => {
    const start = stateOf(t, cmsAt('pool2.contoso.com'))
    const sim = simulatedHandlers(t, start, { failAt: 'f' })
    expect(await sim.handlers.FailoverPool(failover(false))()).toStrictEqual(
      E.left({ _tag: 'PortFailure', message: 'Simulated failure of step f.', code: 'SimulatedFailure' }),
    )
    expect(sim.state()).toBe(start)
  })

  it('a handlers record missing a tag does not compile', () => {
    const { handlers } = simulatedHandlers(t, healthy(t))
    // @ts-expect-error FailbackPool is missing
    const partial: StepHandlers = {
      CheckBackupService: handlers.CheckBackupService,
      FailoverCentralManagementStore: handlers.FailoverCentralManagementStore,
      CheckCentralManagementStore: handlers.CheckCentralManagementStore,
      SetEdgeNextHop: handlers.SetEdgeNextHop,
      FailoverPool: handlers.FailoverPool,
    }
    // @ts-expect-error an action handler answers undefined, not an observation
    const wrong: StepHandlers = { ...handlers, FailoverPool: () => TE.right({ activeMaster: 'x' }) }
    expect([partial, wrong]).toHaveLength(2)
  })
})
