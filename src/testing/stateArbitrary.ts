/**
 * fast-check arbitraries of states valid for a topology, and of whole deployments.
 *
 * Laws:
 * - `stateArbitrary(t)` only generates states that `decodeState(t, …)` accepts: failovers only of
 *   paired pools and never of both pools of a pair, the CMS active master on the CMS pool or its
 *   partner, every Edge next hop a pool of `t`.
 *
 * @module
 */
import * as fc from 'fast-check'
import type { EdgePoolFqdn, PoolFqdn } from '../model/identifiers.js'
import {
  backEndServers,
  normalBackEnd,
  topologyXmppEdgePool,
  type BackEndServer,
  type BackupServiceStatus,
  type ExportState,
  type FailoverMode,
  type ImportState,
  type PoolStatus,
  type State,
} from '../model/state.js'
import {
  DEFAULT_SYNC_INTERVAL,
  MAX_SYNC_INTERVAL_SECONDS,
  MIN_SYNC_INTERVAL_SECONDS,
  RPO_SECONDS,
  type SyncInterval,
} from '../model/syncInterval.js'
import type { Pool, Topology } from '../model/topology.js'
import { plain, topologyArbitrary, weighted, type TopologyArbitraryOptions } from './topologyArbitrary.js'

// -------------------------------------------------------------------------------------
// state
// -------------------------------------------------------------------------------------

const isoDateTimeArbitrary: fc.Arbitrary<string> = fc
  .record({
    y: fc.integer({ min: 2015, max: 2035 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    zone: fc.constantFrom('Z', '+01:00', '-05:00', '+05:30'),
  })
  .map(({ y, mo, d, h, mi, s, fraction, zone }) => {
    const two = (n: number): string => String(n).padStart(2, '0')
    return `${String(y)}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${fraction === undefined ? '' : `.${fraction}`}${zone}`
  })

const hhmmss = (seconds: number): string => {
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`
}

/**
 * Backup Service sync intervals Microsoft accepts (`hh:mm:ss` from `00:00:05` to `03:00:00`):
 * mostly the default `00:02:00`, the bounds, the 5-minute RPO and either side of it, and any
 * value in range.
 *
 * @category arbitraries
 * @since 0.2.0
 */
export const syncIntervalArbitrary: fc.Arbitrary<SyncInterval> = fc.oneof(
  { arbitrary: fc.constant(DEFAULT_SYNC_INTERVAL), weight: 3 },
  {
    arbitrary: fc
      .constantFrom(MIN_SYNC_INTERVAL_SECONDS, RPO_SECONDS - 1, RPO_SECONDS, RPO_SECONDS + 1, MAX_SYNC_INTERVAL_SECONDS)
      .map((n) => hhmmss(n) as SyncInterval),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: MIN_SYNC_INTERVAL_SECONDS, max: MAX_SYNC_INTERVAL_SECONDS }).map((n) => hhmmss(n) as SyncInterval),
    weight: 1,
  },
)

const backupStatusArbitrary = (pool: PoolFqdn): fc.Arbitrary<BackupServiceStatus> =>
  fc
    .record({
      exportState: fc.option(
        fc.constantFrom<ExportState>('FinalState', 'SteadyState', 'NonSteadyState', 'NotInitialized', 'ErrorState'),
        { nil: undefined },
      ),
      importState: fc.option(fc.constantFrom<ImportState>('NormalState', 'ErrorState'), { nil: undefined }),
      lastSyncAt: fc.option(isoDateTimeArbitrary, { nil: undefined }),
    })
    .map((b) => ({
      pool,
      ...(b.exportState === undefined ? {} : { exportState: b.exportState }),
      ...(b.importState === undefined ? {} : { importState: b.importState }),
      ...(b.lastSyncAt === undefined ? {} : { lastSyncAt: b.lastSyncAt }),
    }))

const modeArbitrary = fc.constantFrom<FailoverMode>('planned', 'disaster')

/** A Back End server, mostly `Primary`; `Mirror` only when `mirrored`. */
const serverArbitrary = (mirrored: boolean): fc.Arbitrary<BackEndServer> =>
  mirrored ? weighted<BackEndServer>('Primary', ['Mirror']) : fc.constant('Primary')

/**
 * A pool's status: reachability; running Front Ends as a count or as named stopped servers (so
 * quorum is sometimes exact, sometimes a range); Back End faults (principal per database, servers
 * down), mostly healthy.
 */
const poolStatusArbitrary = (pool: Pool, reachable: fc.Arbitrary<boolean>): fc.Arbitrary<PoolStatus> => {
  const n = pool.frontEnds.length
  const mirrored = pool.backEnd.mirror !== undefined
  const servers = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: n }).map((running) => ({ running })), weight: 2 },
    { arbitrary: fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((stops) => ({ stops })), weight: 1 },
  )
  const backEnd = fc.option(
    fc.record({
      user: serverArbitrary(mirrored),
      cms: serverArbitrary(mirrored),
      down: fc.subarray(mirrored ? [...backEndServers] : backEndServers.slice(0, 1)),
    }),
    { nil: undefined, freq: 2 },
  )
  return fc.record({ reachable, servers, backEnd }).map(({ reachable: r, servers: sv, backEnd: b }): PoolStatus => {
    const stopped = 'stops' in sv ? pool.frontEnds.filter((_, i) => sv.stops[i] === true) : []
    const health = b === undefined ? undefined : normalBackEnd({ principal: { User: b.user, CentralMgmt: b.cms }, down: b.down })
    return {
      reachable: r,
      frontEndsRunning: 'running' in sv ? sv.running : n - stopped.length,
      ...(stopped.length === 0 ? {} : { stoppedFrontEnds: stopped }),
      ...(health === undefined ? {} : { backEnd: health }),
    }
  })
}

/**
 * Valid states of `topology`: reachability and running Front Ends per pool, failovers of paired
 * pools only (never both of a pair), the CMS active master on the CMS pool or its partner, Edge
 * pools forwarding to pools of the topology, an optional federation Edge pool, the XMPP route and
 * each pool's media Edge pool (mostly as the topology configures them, sometimes elsewhere or
 * none), Backup Service statuses of paired pools (any mix of recorded export, import and last
 * sync) and a sync interval.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import fc from 'fast-check'
 * import { planFailover, validatePlan } from 'sfb-dr'
 * import { stateArbitrary } from 'sfb-dr/testing/arbitraries'
 *
 * // In any state of the Contoso topology, a failover plan of pool1, when there is one, validates
 * fc.assert(
 *   fc.property(stateArbitrary(contoso), (state) =>
 *     pipe(planFailover(contoso, state, { pool: 'pool1.contoso.com' }), E.match(() => true, (plan) => E.isRight(validatePlan(contoso, state, plan)))),
 *   ),
 * )
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const stateArbitrary = (topology: Topology): fc.Arbitrary<State> => {
  const poolNames = topology.pools.map((p) => p.fqdn)
  const reachable = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 })
  const cmsPool = topology.centralManagementStore.pool
  const cmsPartner = topology.index.partners.get(cmsPool)
  const anyPool = fc.constantFrom(...poolNames)
  return fc
    .record({
      pools: fc.tuple(
        ...topology.pools.map((p) => poolStatusArbitrary(p, reachable)),
      ),
      failovers: fc.tuple(
        ...topology.pairings.map(() =>
          fc.record({ side: weighted<number>(-1, [0, 1]), mode: modeArbitrary }),
        ),
      ),
      activeMaster: cmsPartner === undefined ? fc.constant(cmsPool) : weighted(cmsPool, [cmsPartner]),
      available: weighted(true, [false]),
      edgePools: fc.tuple(
        ...topology.edgePools.map((e) =>
          fc.record({ reachable, nextHop: fc.oneof(fc.constant(e.nextHop), anyPool) }, plain),
        ),
      ),
      federation:
        topology.edgePools.length === 0
          ? fc.constant(undefined)
          : fc.option(fc.constantFrom(...topology.edgePools.map((e) => e.fqdn)), { nil: undefined }),
      syncInterval: syncIntervalArbitrary,
      // Mostly where the topology puts them (healthy), sometimes moved to another Edge pool or to none.
      xmpp:
        topology.edgePools.length === 0
          ? fc.constant(undefined)
          : weighted<EdgePoolFqdn | undefined>(topologyXmppEdgePool(topology), [
              undefined,
              ...topology.edgePools.map((e) => e.fqdn),
            ]),
      media: fc.tuple(
        ...topology.pools.map((p) =>
          topology.edgePools.length === 0
            ? fc.constant(p.edgePool)
            : weighted<EdgePoolFqdn | undefined>(p.edgePool, [undefined, ...topology.edgePools.map((e) => e.fqdn)]),
        ),
      ),
      backup: fc.tuple(
        ...poolNames.map((p) =>
          topology.index.partners.has(p) ? fc.option(backupStatusArbitrary(p), { nil: undefined }) : fc.constant(undefined),
        ),
      ),
    })
    .map((g): State => {
      const modes = new Map<PoolFqdn, FailoverMode>()
      topology.pairings.forEach((pair, k) => {
        const f = g.failovers[k]
        const pool = f === undefined || f.side < 0 ? undefined : pair[f.side === 0 ? 0 : 1]
        if (f !== undefined && pool !== undefined) modes.set(pool, f.mode)
      })
      return {
        pools: new Map(
          topology.pools.map((p, i) => [p.fqdn, g.pools[i] ?? { reachable: true, frontEndsRunning: p.frontEnds.length }]),
        ),
        failovers: new Map(poolNames.flatMap((p) => (modes.has(p) ? [[p, modes.get(p) ?? 'disaster'] as const] : []))),
        centralManagementStore: { activeMaster: g.activeMaster, available: g.available },
        edgePools: new Map(
          topology.edgePools.map((e, k) => [e.fqdn, g.edgePools[k] ?? { reachable: true, nextHop: e.nextHop }]),
        ),
        ...(g.federation === undefined ? {} : { federationEdgePool: g.federation }),
        ...(g.xmpp === undefined ? {} : { xmppEdgePool: g.xmpp }),
        mediaEdgePools: new Map(
          topology.pools.flatMap((p, i) => {
            const edge = g.media[i]
            return edge === undefined ? [] : [[p.fqdn, edge] as const]
          }),
        ),
        backupService: new Map(
          g.backup.flatMap((b) => (b === undefined ? [] : [[b.pool, b] as const])),
        ),
        backupServiceConfiguration: { syncInterval: g.syncInterval },
      }
    })
}

/**
 * A topology and a state valid for it.
 *
 * @category testing
 * @since 0.1.0
 */
export interface Deployment {
  /** The topology. */
  readonly topology: Topology
  /** A state of that topology. */
  readonly state: State
}

/**
 * A valid topology together with a valid state of it.
 *
 * @example
 * import fc from 'fast-check'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { expect } from 'vitest'
 * import { decodeState, encodeState } from 'sfb-dr'
 * import { deploymentArbitrary } from 'sfb-dr/testing/arbitraries'
 *
 * // A state survives its JSON document
 * fc.assert(
 *   fc.property(deploymentArbitrary({ maxPairs: 2 }), ({ topology, state }) => {
 *     expect(decodeState(topology, encodeState(state))).toStrictEqual(E.right(state))
 *   }),
 * )
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const deploymentArbitrary = (
  options: TopologyArbitraryOptions = {},
): fc.Arbitrary<Deployment> =>
  topologyArbitrary(options).chain((topology) => stateArbitrary(topology).map((state) => ({ topology, state })))

