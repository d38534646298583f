/**
 * Contract §5.2, the safety rules as laws of the catalog: whatever pools, partners and modes a
 * step names, in whatever state, `applyStep` accepts a pool failover or failback only when rules
 * (1) and (2) hold. `validatePlan` and `applyPlan` fold every step through the same definitions.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { isFailedOver, isPoolReachable } from '../../src/model/state.js'
import { applyStep } from '../../src/plan/catalog.js'
import type { Step } from '../../src/plan/step.js'
import { deploymentArbitrary } from '../../src/testing/stateArbitrary.js'

/** A deployment and a pool step naming any two of its pools (partners or not), in either mode. */
const poolStepCase = deploymentArbitrary().chain(({ topology, state }) =>
  fc
    .record({
      tag: fc.constantFrom('FailoverPool' as const, 'FailbackPool' as const),
      pool: fc.constantFrom(...topology.pools.map((p) => p.fqdn)),
      partnerOrAny: fc.boolean(),
      any: fc.constantFrom(...topology.pools.map((p) => p.fqdn)),
      disasterMode: fc.boolean(),
    })
    .map(({ tag, pool, partnerOrAny, any, disasterMode }) => {
      const backupPool = partnerOrAny ? (topology.index.partners.get(pool) ?? any) : any
      const step = { _tag: tag, id: '1-step', kind: 'action', pool, backupPool, disasterMode } as Step
      return { topology, state, step, pool, backupPool, disasterMode }
    }),
)

describe('contract §5.2 safety rules hold for every step the catalog accepts', () => {
  it('the generated cases include accepted failovers and failbacks (the laws below are not vacuous)', () => {
    const accepted = fc.sample(poolStepCase, { numRuns: 400, seed: 20261201 }).filter((c) => E.isRight(applyStep(c.topology, c.state, c.step)))
    expect(accepted.some((c) => c.step._tag === 'FailoverPool')).toBe(true)
    expect(accepted.some((c) => c.step._tag === 'FailbackPool')).toBe(true)
  })

  test.prop([poolStepCase], { numRuns: 400 })(
    'rule 2: a pool is failed over only onto its reachable partner; failed back only when its home pool (and, unless in disaster mode, its backup pool) is reachable',
    ({ topology, state, step, pool, backupPool, disasterMode }) => {
      const after = applyStep(topology, state, step)
      if (E.isLeft(after)) return
      expect(topology.index.partners.get(pool)).toBe(backupPool)
      if (step._tag === 'FailoverPool') expect(isPoolReachable(state, backupPool)).toBe(true)
      else {
        expect(isPoolReachable(state, pool)).toBe(true)
        if (!disasterMode) expect(isPoolReachable(state, backupPool)).toBe(true)
      }
    },
  )

  test.prop([poolStepCase], { numRuns: 400 })(
    'rule 1: after an accepted step, the pair it touches has at most one pool failed over',
    ({ topology, state, step, pool, backupPool }) => {
      const after = applyStep(topology, state, step)
      if (E.isLeft(after)) return
      expect(isFailedOver(after.right, pool) && isFailedOver(after.right, backupPool)).toBe(false)
    },
  )
})
