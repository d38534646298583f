/**
 * The state document codec (contract §4.2): `decodeState` and `encodeState`.
 *
 * Laws:
 * - `decodeState(t, {})` equals `right(initialState(t))`: what the document does not say is as the
 *   topology configures it, healthy.
 * - The decoded state is complete for its topology (every pool and Edge pool has an entry, in
 *   topology order), so two documents that mean the same thing decode to equal states.
 * - `decodeState(t, encodeState(s))` deep-equals `right(s)` for every valid state `s` of `t`.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'
import type { EdgePoolFqdn, Fqdn, PoolFqdn } from '../model/identifiers.js'
import type { DecodeProblem } from '../model/problem.js'
import { topologyXmppEdgePool, type BackupServiceStatus, type EdgePoolStatus, type FailoverMode, type PoolStatus, type State } from '../model/state.js'
import { DEFAULT_SYNC_INTERVAL, type BackupServiceConfiguration } from '../model/syncInterval.js'
import type { Topology } from '../model/topology.js'
import type { StateDocument } from './documents.js'
import { contextAt, field, isFields, leaf, open, optionalLeaf, reject, type Errors, type Fields } from './fields.js'
import { booleanCodec, fqdnCodec, integerCodec, syncIntervalCodec } from './primitives.js'
import { decodePoolHealth } from './poolHealth.js'
import { decodeWith, keyedPath, pathFrom, pathOf, problemError } from './problems.js'
import {
  BACKUP_SERVICE_CONFIGURATION_FIELDS,
  CMS_STATUS_FIELDS,
  EDGE_POOL_STATUS_FIELDS,
  POOL_STATUS_FIELDS,
  STATE_FIELDS,
} from './shapes.js'
import { decodeBackup, decodeFailover, decodeFqdnMap, decodeList, firstOfEachPool } from './stateEntries.js'

const report = (errors: Errors, problem: DecodeProblem, c: t.Context): void => {
  errors.push(problemError(problem, undefined, c))
}

const decodePools = (errors: Errors, doc: Fields, c: t.Context, topology: Topology): ReadonlyMap<PoolFqdn, PoolStatus> => {
  const pools = topology.index.pools
  const given = decodeFqdnMap(errors, doc, c, 'pools', 'pool', (p) => pools.has(p), (errs, item, here, key, fqdn) => {
    if (!isFields(item)) {
      reject(errs, 'a pool status { reachable?, frontEndsRunning? }', item, here, key)
      return undefined
    }
    const u = open(errs, item, POOL_STATUS_FIELDS, here, key)
    const pool = pools.get(fqdn)
    const servers = pool?.frontEnds.length ?? 0
    const reachable = optionalLeaf(errs, booleanCodec, field(u, 'reachable'), here, key, 'reachable')
    const running = optionalLeaf(errs, integerCodec(0, servers), field(u, 'frontEndsRunning'), here, key, 'frontEndsRunning')
    if (pool === undefined) return { reachable: reachable ?? true, frontEndsRunning: running ?? servers }
    return { reachable: reachable ?? true, ...decodePoolHealth(errs, u, here, key, topology, pool, running) }
  })
  return new Map(
    topology.pools.map((p) => [p.fqdn, given.get(p.fqdn) ?? { reachable: true, frontEndsRunning: p.frontEnds.length }]),
  )
}

const decodeEdgePools = (
  errors: Errors,
  doc: Fields,
  c: t.Context,
  topology: Topology,
): ReadonlyMap<EdgePoolFqdn, EdgePoolStatus> => {
  const edges = topology.index.edgePools
  const given = decodeFqdnMap(errors, doc, c, 'edgePools', 'edgePool', (e) => edges.has(e), (errs, item, here, key, fqdn) => {
    if (!isFields(item)) {
      reject(errs, 'an Edge pool status { reachable?, nextHop? }', item, here, key)
      return undefined
    }
    const u = open(errs, item, EDGE_POOL_STATUS_FIELDS, here, key)
    const reachable = optionalLeaf(errs, booleanCodec, field(u, 'reachable'), here, key, 'reachable')
    const nextHop = optionalLeaf(errs, fqdnCodec, field(u, 'nextHop'), here, key, 'nextHop')
    if (nextHop !== undefined && !topology.index.pools.has(nextHop)) {
      const path = pathOf(contextAt(here, fqdnCodec, field(u, 'nextHop'), key, 'nextHop'))
      report(errs, { _tag: 'EdgeNextHopNotPool', path, edgePool: fqdn, nextHop }, here)
    }
    return { reachable: reachable ?? true, nextHop: nextHop ?? edges.get(fqdn)?.nextHop ?? fqdn }
  })
  return new Map(topology.edgePools.map((e) => [e.fqdn, given.get(e.fqdn) ?? { reachable: true, nextHop: e.nextHop }]))
}

const decodeFailovers = (
  errors: Errors,
  doc: Fields,
  c: t.Context,
  topology: Topology,
): ReadonlyMap<PoolFqdn, FailoverMode> => {
  const known = (p: Fqdn): boolean => topology.index.pools.has(p)
  const items = decodeList(errors, doc, c, 'failovers', 'an array of failovers { pool, mode? }', decodeFailover(known))
  const first = firstOfEachPool(errors, items, 'failovers', c)
  for (const f of first.values()) {
    const partner = topology.index.partners.get(f.pool)
    const other = partner === undefined ? undefined : first.get(partner)
    const path = pathFrom('failovers', f.index)
    if (partner === undefined) report(errors, { _tag: 'FailoverOfUnpairedPool', path, pool: f.pool }, c)
    else if (other !== undefined && other.index < f.index)
      report(errors, { _tag: 'BothPoolsOfPairFailedOver', path, pools: [other.pool, f.pool] }, c)
  }
  const failovers = new Map<PoolFqdn, FailoverMode>()
  for (const p of topology.pools) {
    const f = first.get(p.fqdn)
    if (f !== undefined) failovers.set(p.fqdn, f.mode)
  }
  return failovers
}

const decodeBackupService = (
  errors: Errors,
  doc: Fields,
  c: t.Context,
  topology: Topology,
): ReadonlyMap<PoolFqdn, BackupServiceStatus> => {
  const known = (p: Fqdn): boolean => topology.index.pools.has(p)
  const expected = 'an array of Backup Service statuses { pool, exportState?, importState?, lastSyncAt? }'
  const items = decodeList(errors, doc, c, 'backupService', expected, decodeBackup(known))
  const first = firstOfEachPool(errors, items, 'backupService', c)
  const statuses = new Map<PoolFqdn, BackupServiceStatus>()
  for (const p of topology.pools) {
    const b = first.get(p.fqdn)
    if (b !== undefined) statuses.set(p.fqdn, b.status)
  }
  return statuses
}

const decodeBackupServiceConfiguration = (errors: Errors, doc: Fields, c: t.Context): BackupServiceConfiguration => {
  const given = field(doc, 'backupServiceConfiguration')
  if (given === undefined) return { syncInterval: DEFAULT_SYNC_INTERVAL }
  if (!isFields(given)) {
    reject(errors, 'the Backup Service settings { syncInterval? }', given, c, 'backupServiceConfiguration')
    return { syncInterval: DEFAULT_SYNC_INTERVAL }
  }
  const raw = open(errors, given, BACKUP_SERVICE_CONFIGURATION_FIELDS, c, 'backupServiceConfiguration')
  const syncInterval = optionalLeaf(errors, syncIntervalCodec, field(raw, 'syncInterval'), c, 'backupServiceConfiguration', 'syncInterval')
  return { syncInterval: syncInterval ?? DEFAULT_SYNC_INTERVAL }
}

const decodeCms = (errors: Errors, doc: Fields, c: t.Context, topology: Topology): State['centralManagementStore'] => {
  const home = topology.centralManagementStore.pool
  const given = field(doc, 'centralManagementStore')
  if (given === undefined) return { activeMaster: home, available: true }
  if (!isFields(given)) {
    reject(errors, 'a CMS status { activeMaster?, available? }', given, c, 'centralManagementStore')
    return { activeMaster: home, available: true }
  }
  const raw = open(errors, given, CMS_STATUS_FIELDS, c, 'centralManagementStore')
  const master = optionalLeaf(errors, fqdnCodec, field(raw, 'activeMaster'), c, 'centralManagementStore', 'activeMaster')
  const available = optionalLeaf(errors, booleanCodec, field(raw, 'available'), c, 'centralManagementStore', 'available') ?? true
  if (master === undefined) return { activeMaster: home, available }
  const path = 'centralManagementStore.activeMaster'
  const partner = topology.index.partners.get(home)
  if (!topology.index.pools.has(master)) report(errors, { _tag: 'UnknownReference', path, kind: 'pool', name: master }, c)
  else if (master !== home && master !== partner)
    report(
      errors,
      { _tag: 'ActiveMasterOutsideCmsPair', path, activeMaster: master, allowed: partner === undefined ? [home] : [home, partner] },
      c,
    )
  return { activeMaster: master, available }
}

/** `federationEdgePool` or `xmppEdgePool`: an Edge pool of the topology, `null` for none, `fallback` when absent. */
const decodeEdgeRole = (
  errors: Errors,
  doc: Fields,
  c: t.Context,
  topology: Topology,
  name: 'federationEdgePool' | 'xmppEdgePool',
  fallback: EdgePoolFqdn | undefined,
): EdgePoolFqdn | undefined => {
  const raw = field(doc, name)
  if (raw === undefined) return fallback
  if (raw === null) return undefined
  const edge = leaf(errors, fqdnCodec, raw, c, name)
  if (edge === undefined || topology.index.edgePools.has(edge)) return edge
  report(errors, { _tag: 'UnknownReference', path: name, kind: 'edgePool', name: edge }, c)
  return undefined
}

/** `mediaEdgePools`: per pool, an Edge pool of the topology or `null`; a pool left out keeps its topology `edgePool`. */
const decodeMediaEdgePools = (
  errors: Errors,
  doc: Fields,
  c: t.Context,
  topology: Topology,
): ReadonlyMap<PoolFqdn, EdgePoolFqdn> => {
  const given = decodeFqdnMap(
    errors,
    doc,
    c,
    'mediaEdgePools',
    'pool',
    (p) => topology.index.pools.has(p),
    (errs, item, here, key): EdgePoolFqdn | null | undefined => {
      if (item === null) return null
      const edge = leaf(errs, fqdnCodec, item, here, key)
      if (edge === undefined || topology.index.edgePools.has(edge)) return edge
      report(errs, { _tag: 'UnknownReference', path: keyedPath('mediaEdgePools', key), kind: 'edgePool', name: edge }, here)
      return undefined
    },
  )
  const media = new Map<PoolFqdn, EdgePoolFqdn>()
  for (const p of topology.pools) {
    const edge = given.has(p.fqdn) ? given.get(p.fqdn) : p.edgePool
    if (edge !== undefined && edge !== null) media.set(p.fqdn, edge)
  }
  return media
}

const stateCodec = (topology: Topology): t.Type<State> =>
  new t.Type<State>(
    'a state document',
    (u): u is State => isFields(u) && field(u, 'pools') instanceof Map,
    (input, c) => {
      if (!isFields(input)) return t.failure(input, c, 'a state document (an object)')
      const errors: Errors = []
      const u = open(errors, input, STATE_FIELDS, c)
      const pools = decodePools(errors, u, c, topology)
      const failovers = decodeFailovers(errors, u, c, topology)
      const centralManagementStore = decodeCms(errors, u, c, topology)
      const edgePools = decodeEdgePools(errors, u, c, topology)
      const federationEdgePool = decodeEdgeRole(errors, u, c, topology, 'federationEdgePool', topology.edgePools.find((e) => e.federation)?.fqdn)
      const xmppEdgePool = decodeEdgeRole(errors, u, c, topology, 'xmppEdgePool', topologyXmppEdgePool(topology))
      const mediaEdgePools = decodeMediaEdgePools(errors, u, c, topology)
      const backupService = decodeBackupService(errors, u, c, topology)
      const backupServiceConfiguration = decodeBackupServiceConfiguration(errors, u, c)
      if (errors.length > 0) return t.failures(errors)
      const state: State = {
        pools,
        failovers,
        centralManagementStore,
        edgePools,
        ...(federationEdgePool === undefined ? {} : { federationEdgePool }),
        ...(xmppEdgePool === undefined ? {} : { xmppEdgePool }),
        mediaEdgePools,
        backupService,
        backupServiceConfiguration,
      }
      return t.success(state)
    },
    // encoding is `encodeState`, kept apart so that a bundle that only decodes does not carry it
    t.identity,
  )

const byKey = <A>(map: ReadonlyMap<string, A>): ReadonlyArray<readonly [string, A]> =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

function encodeStateDocument(s: State): StateDocument {
  return {
    pools: Object.fromEntries(
      byKey(s.pools).map(([k, p]) => [
        k,
        {
          reachable: p.reachable,
          frontEndsRunning: p.frontEndsRunning,
          ...(p.stoppedFrontEnds === undefined ? {} : { stoppedFrontEnds: [...p.stoppedFrontEnds] }),
          ...(p.backEnd === undefined ? {} : { backEnd: { principal: { ...p.backEnd.principal }, down: [...p.backEnd.down] } }),
        },
      ]),
    ),
    failovers: byKey(s.failovers).map(([pool, mode]) => ({ pool, mode })),
    centralManagementStore: {
      activeMaster: s.centralManagementStore.activeMaster,
      available: s.centralManagementStore.available,
    },
    edgePools: Object.fromEntries(byKey(s.edgePools).map(([k, e]) => [k, { reachable: e.reachable, nextHop: e.nextHop }])),
    federationEdgePool: s.federationEdgePool ?? null,
    xmppEdgePool: s.xmppEdgePool ?? null,
    // Every pool: `null` for one without a media Edge pool now, so that no topology default applies.
    mediaEdgePools: Object.fromEntries(byKey(new Map([...s.pools.keys()].map((p) => [p, s.mediaEdgePools.get(p) ?? null])))),
    backupService: byKey(s.backupService).map(([, b]) => ({ ...b })),
    backupServiceConfiguration: { syncInterval: s.backupServiceConfiguration.syncInterval },
  }
}

/**
 * Decodes a state document (contract §4.2) for `topology`. Every field is optional: what the
 * document leaves out is as the topology configures it, healthy (reachable, every Front End
 * running, Edge next hops as configured, the CMS active and on its topology pool, federation on
 * the topology's federation Edge pool). The result has an entry for every pool and Edge pool.
 *
 * **Details**: FQDNs (also as map keys) are normalized. Reported, each with its JSON path
 * (`pools["pool9.contoso.com"]`, `failovers[1]`): invalid values (`InvalidInput`), pools or Edge
 * pools not in the topology (`UnknownReference`), a pool given twice (`DuplicateName`), a failover
 * of an unpaired pool, both pools of a pair failed over, an active CMS master outside the CMS pool
 * and its partner, an Edge next hop that is not a pool, a Backup Service sync interval that is not
 * `hh:mm:ss` from `00:00:05` to `03:00:00` (default `00:02:00`), a field the document type does not
 * define (`UnknownField`, with the nearest known name; only a top-level `$schema` string is allowed);
 * `federationEdgePool: null` means no Edge pool carries federation now.
 *
 * **Gotchas**: never throws, whatever the input; the input is only read.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodeState, formatProblem, isPoolReachable } from 'sfb-dr'
 *
 * // What the document leaves out is healthy: here only pool1 is down
 * pipe(decodeState(contoso, { pools: { 'pool1.contoso.com': { reachable: false } } }), E.map((state) => contoso.pools.map((p) => isPoolReachable(state, p.fqdn))))
 * // => right([false, true, true])
 * pipe(decodeState(contoso, { pools: { 'pool9.contoso.com': { reachable: false } } }), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['pools["pool9.contoso.com"]: "pool9.contoso.com" is not a Front End pool defined in the topology; define it or fix the name.'])
 *
 * @see {@link encodeState} for the inverse.
 * @category codecs
 * @since 0.1.0
 */
export const decodeState = (topology: Topology, input: unknown): E.Either<ReadonlyNonEmptyArray<DecodeProblem>, State> =>
  decodeWith(stateCodec(topology), input)

/**
 * Encodes a state as a complete, deterministic document (map entries and lists sorted by FQDN,
 * every field written, `federationEdgePool: null` when none), so that stored states can be diffed;
 * decoding it with the same topology gives the state back.
 *
 * @example
 * import { encodeState } from 'sfb-dr'
 *
 * encodeState(pool1FailedOver).failovers // => [{ pool: 'pool1.contoso.com', mode: 'disaster' }]
 * encodeState(redmondDown).pools
 * // => { 'pool1.contoso.com': { reachable: false, frontEndsRunning: 3 }, 'pool2.contoso.com': { reachable: true, frontEndsRunning: 3 },
 * //      'se1.contoso.com': { reachable: false, frontEndsRunning: 1 } }
 *
 * @see {@link decodeState} for the inverse.
 * @category codecs
 * @since 0.1.0
 */
export const encodeState = (state: State): StateDocument => encodeStateDocument(state)
