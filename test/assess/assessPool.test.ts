/**
 * assessPool against Microsoft's two quorum tables, "Front End Pool high availability and
 * management" (MicrosoftDocs/OfficeDocs-SkypeForBusiness,
 * Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md).
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { assessPool, runningAmong, type PoolAssessment } from '../../src/assess/assessPool.js'
import type { PoolStatus, State } from '../../src/model/state.js'
import type { ProductVersion, Topology } from '../../src/model/topology.js'
import { aTopology, fqdn, stateOf } from '../support/builders.js'

const POOL = 'pool1.example.com'

/** A one-pool topology: `n` Front End servers (`pool1-fe1` … in topology order), `version`. */
const poolOf = (n: number, version: ProductVersion = '2015'): Topology =>
  aTopology({ pools: [{ fqdn: POOL, site: 'A', frontEnds: n, version, edition: n === 1 ? 'Standard' : 'Enterprise' }], cms: POOL })

const server = (i: number): string => `pool1-fe${i}.example.com`

const withStatus =
  (status: Partial<PoolStatus>) =>
  (s: State): State => {
    const pools = new Map(s.pools)
    const current = pools.get(fqdn(POOL))!
    pools.set(fqdn(POOL), { ...current, ...status })
    return { ...s, pools }
  }

const running = (count: number) => withStatus({ frontEndsRunning: count })
const stopped = (t: Topology, ...ids: ReadonlyArray<number>) => {
  const names = t.pools[0]!.frontEnds.filter((_, i) => ids.includes(i + 1))
  return withStatus({ frontEndsRunning: t.pools[0]!.frontEnds.length - names.length, stoppedFrontEnds: names })
}

const assess = (t: Topology, s: State): PoolAssessment => {
  const r = assessPool(t, s, POOL)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

// Microsoft's start table ("Number of servers that must be running for the pool to be started
// the first time"), 16 only for Skype for Business Server 2019.
const START: ReadonlyArray<readonly [number, number]> = [
  [2, 1], [3, 3], [4, 3], [5, 4], [6, 5], [7, 5], [8, 6], [9, 7], [10, 8], [11, 9], [12, 10], [16, 12],
]
// Microsoft's pool-level table ("Number of servers that must be running for pool to be functional").
const RUN_2015: ReadonlyArray<readonly [number, number, number]> = [
  [2, 1, 2], [3, 2, 3], [4, 2, 4], [5, 3, 5], [6, 3, 6], [7, 4, 7], [8, 4, 7], [9, 4, 7], [10, 5, 9], [11, 5, 9], [12, 5, 9],
]
// 2019: the same up to 11; "12-16: any 7 of the first 12" (12 is listed twice; 2019 reads the 12-16 row).
const RUN_2019: ReadonlyArray<readonly [number, number, number]> = [
  ...RUN_2015.filter(([n]) => n < 12),
  [12, 7, 12], [13, 7, 12], [14, 7, 12], [15, 7, 12], [16, 7, 12],
]

describe('the start table (HA planning: servers needed to start the pool)', () => {
  describe.each(['2015', '2019'] as const)('Skype for Business Server %s', (version) => {
    it.each(START.filter(([n]) => n !== 16 || version === '2019'))('a pool of %i needs %i running to start', (n, needed) => {
      const t = poolOf(n, version)
      expect(assess(t, stateOf(t)).neededToStart).toBe(needed)
    })
  })

  it('lists no 16-server pool for 2015 (its maximum is 12), nor 13 to 15 servers for 2019', () => {
    for (const [n, version] of [[16, '2015'], [13, '2019'], [14, '2019'], [15, '2019'], [13, '2015']] as const) {
      const t = poolOf(n, version)
      expect(assess(t, stateOf(t)).neededToStart).toBeNull()
    }
  })

  it('a Standard Edition pool (one server) needs its server', () => {
    const t = poolOf(1)
    expect(assess(t, stateOf(t))).toMatchObject({ neededToStart: 1, neededToRun: { count: 1, among: 1 } })
  })
})

describe('the pool-level table (HA planning: servers needed for the pool to function)', () => {
  it.each(RUN_2015)('2015: a pool of %i needs any %i of its first %i', (n, count, among) => {
    const t = poolOf(n, '2015')
    expect(assess(t, stateOf(t)).neededToRun).toStrictEqual({ count, among })
  })
  it.each(RUN_2019)('2019: a pool of %i needs any %i of its first %i', (n, count, among) => {
    const t = poolOf(n, '2019')
    expect(assess(t, stateOf(t)).neededToRun).toStrictEqual({ count, among })
  })
  it('has no row beyond a version\'s maximum (13 servers in 2015)', () => {
    const t = poolOf(13, '2015')
    expect(assess(t, stateOf(t)).neededToRun).toBeNull()
  })
})

describe('status (contract §9)', () => {
  it('is unreachable when the state says reachable: false, whatever runs', () => {
    const t = poolOf(5)
    expect(assess(t, stateOf(t, withStatus({ reachable: false }))).status).toBe('unreachable')
  })

  it('is healthy when at least the start count runs', () => {
    const t = poolOf(5)
    expect(assess(t, stateOf(t)).status).toBe('healthy')
    expect(assess(t, stateOf(t, running(4))).status).toBe('healthy')
  })

  it('is belowStartQuorum when "any 3" of 5 run but a start needs 4: QuorumLossRecovery territory', () => {
    const t = poolOf(5)
    expect(assess(t, stateOf(t, running(3)))).toStrictEqual({
      pool: fqdn(POOL),
      frontEnds: 5,
      running: 3,
      neededToStart: 4,
      neededToRun: { count: 3, among: 5 },
      runningAmongFirst: { low: 3, high: 3 },
      status: 'belowStartQuorum',
    })
  })

  it('is poolQuorumLost when fewer than "any 3" of 5 run (the remaining servers stop all services)', () => {
    const t = poolOf(5)
    expect(assess(t, stateOf(t, running(2))).status).toBe('poolQuorumLost')
  })

  it('is poolQuorumLost, not unreachable, when the pool is reachable and no server runs', () => {
    const t = poolOf(3)
    expect(assess(t, stateOf(t, running(0))).status).toBe('poolQuorumLost')
  })

  it('is quorumUnknown when only a count is known and "4 of the first 7" depends on which servers stopped', () => {
    const t = poolOf(8)
    // 4 of 8 run: among the first 7, between 7 - 4 = 3 and min(4, 7) = 4 run.
    expect(assess(t, stateOf(t, running(4)))).toMatchObject({ runningAmongFirst: { low: 3, high: 4 }, status: 'quorumUnknown' })
  })

  it('is exact once the stopped servers are named: the first ones stopped loses quorum, the last ones keeps it', () => {
    const t = poolOf(8)
    expect(assess(t, stateOf(t, stopped(t, 1, 2, 3, 4)))).toMatchObject({ runningAmongFirst: { low: 3, high: 3 }, status: 'poolQuorumLost' })
    expect(assess(t, stateOf(t, stopped(t, 5, 6, 7, 8)))).toMatchObject({ runningAmongFirst: { low: 4, high: 4 }, status: 'belowStartQuorum' })
  })

  it('is quorumUnknown for a size the start table does not list, unless pool-level quorum is surely lost', () => {
    const t = poolOf(14, '2019')
    expect(assess(t, stateOf(t)).status).toBe('quorumUnknown')
    expect(assess(t, stateOf(t, running(6))).status).toBe('poolQuorumLost')
  })

  it('reads the stopped servers in topology order: the first 12 of a 16-server 2019 pool', () => {
    const t = poolOf(16, '2019')
    const s = stateOf(t, stopped(t, 13, 14, 15, 16, 1))
    expect(assess(t, s)).toMatchObject({ running: 11, runningAmongFirst: { low: 11, high: 11 }, status: 'belowStartQuorum' })
    expect(server(13)).toBe(t.pools[0]!.frontEnds[12])
  })
})

describe('bounds from a count alone', () => {
  it('low = max(0, among - stopped), high = min(running, among)', () => {
    const t = poolOf(10)
    const pool = t.pools[0]!
    expect(runningAmong(pool, 6, 9, undefined)).toStrictEqual({ low: 5, high: 6 })
    expect(runningAmong(pool, 1, 9, undefined)).toStrictEqual({ low: 0, high: 1 })
    expect(runningAmong(pool, 10, 9, undefined)).toStrictEqual({ low: 9, high: 9 })
  })

  test.prop([
    fc.constantFrom<ProductVersion>('2015', '2019').chain((version) =>
      fc.integer({ min: 1, max: version === '2019' ? 16 : 12 }).chain((n) =>
        fc.tuple(fc.constant(version), fc.constant(n), fc.array(fc.boolean(), { minLength: n, maxLength: n })),
      ),
    ),
  ])('the status from named servers always lies within what the count alone allowed', ([version, n, stops]) => {
    const t = poolOf(n, version)
    const ids = stops.flatMap((x, i) => (x ? [i + 1] : []))
    const named = assess(t, stateOf(t, stopped(t, ...ids)))
    const counted = assess(t, stateOf(t, running(n - ids.length)))
    expect(named.runningAmongFirst.low).toBe(named.runningAmongFirst.high)
    expect(counted.runningAmongFirst.low).toBeLessThanOrEqual(named.runningAmongFirst.low)
    expect(named.runningAmongFirst.high).toBeLessThanOrEqual(counted.runningAmongFirst.high)
    if (counted.status !== 'quorumUnknown') expect(named.status).toBe(counted.status)
  })
})

describe('requests', () => {
  const t = poolOf(3)
  it('reads the pool as people type it', () => {
    expect(E.isRight(assessPool(t, stateOf(t), 'POOL1.Example.com.'))).toBe(true)
  })
  it('answers UnknownPool for a pool not in the topology, InvalidInput for a non-FQDN or a non-string', () => {
    expect(assessPool(t, stateOf(t), 'pool9.example.com')).toStrictEqual(E.left([{ _tag: 'UnknownPool', pool: 'pool9.example.com' }]))
    expect(assessPool(t, stateOf(t), 'not a pool')).toMatchObject(E.left([{ _tag: 'InvalidInput', path: 'pool' }]))
    expect(assessPool(t, stateOf(t), 42 as unknown as string)).toMatchObject(E.left([{ _tag: 'InvalidInput', path: 'pool' }]))
  })
})
