/**
 * Object-Mother builders shared by the tests: topologies and states built through the real
 * constructors (`parseFqdn`, `makeTopology`, `initialState`), deep-frozen.
 */
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import {
  parseFqdn,
  parseSipAddress,
  parseSiteName,
  parseSqlInstanceName,
  type Fqdn,
  type PoolFqdn,
  type SipAddress,
  type SiteName,
  type SqlInstanceName,
} from '../../src/model/identifiers.js'
import { initialState, type ExportState, type FailoverMode, type ImportState, type State } from '../../src/model/state.js'
import { parseSyncInterval } from '../../src/model/syncInterval.js'
import {
  makeTopology,
  type BackEnd,
  type EdgePool,
  type Pool,
  type Topology,
} from '../../src/model/topology.js'
import { deepFreeze } from './deepFreeze.js'

const get = <A>(what: string, raw: string, o: O.Option<A>): A => {
  if (O.isNone(o)) throw new Error(`test builder: invalid ${what} ${raw}`)
  return o.value
}

/** A normalized FQDN, through `parseFqdn`. */
export const fqdn = (s: string): Fqdn => get('FQDN', s, parseFqdn(s))
/** A site name, through `parseSiteName`. */
export const site = (s: string): SiteName => get('site', s, parseSiteName(s))
/** A SQL instance name, through `parseSqlInstanceName`. */
export const instance = (s: string): SqlInstanceName => get('SQL instance', s, parseSqlInstanceName(s))
/** A SIP address, through `parseSipAddress`. */
export const sip = (s: string): SipAddress => get('SIP address', s, parseSipAddress(s))

/** What a test may say about a pool. */
export interface PoolSpec {
  readonly fqdn: string
  readonly site: string
  readonly edition?: Pool['edition']
  readonly version?: Pool['version']
  /** A count (servers named `<label>-fe<n>`) or the server FQDNs; Enterprise default 3. */
  readonly frontEnds?: number | ReadonlyArray<string>
  /** Back End server; defaults to `be-<first label>.<rest>`; `mirror` adds a mirrored store. */
  readonly backEnd?: { readonly sqlServer: string; readonly mirror?: string }
  /** Base OS; Enterprise pools default to Windows Server 2012 R2, `null` for none. */
  readonly os?: string | null
  /** Associated Edge pool (for media). */
  readonly edgePool?: string
}

const frontEndsOf = (spec: PoolSpec, name: Fqdn, label: string, domain: string): RNEA.ReadonlyNonEmptyArray<Fqdn> => {
  if (spec.edition === 'Standard') return [name]
  const given = spec.frontEnds
  const names = typeof given === 'object' ? given : Array.from({ length: given ?? 3 }, (_, i) => `${label}-fe${i + 1}.${domain}`)
  const [first, ...rest] = names.map(fqdn)
  if (first === undefined) throw new Error(`test builder: ${spec.fqdn} has no Front End`)
  return [first, ...rest]
}

/** A Front End pool: Enterprise, 2015, physical, three Front Ends, instance `rtc`. */
export const aPool = (spec: PoolSpec): Pool => {
  const name = fqdn(spec.fqdn)
  const [label = '', ...rest] = name.split('.')
  const domain = rest.join('.')
  const edition = spec.edition ?? 'Enterprise'
  const sqlServer = fqdn(spec.backEnd?.sqlServer ?? (edition === 'Standard' ? name : `be-${label}.${domain}`))
  const mirror = spec.backEnd?.mirror
  const backEnd: BackEnd =
    mirror === undefined
      ? { sqlServer, instance: instance('rtc'), ha: 'none' }
      : { sqlServer, instance: instance('rtc'), mirror: { sqlServer: fqdn(mirror), instance: instance('rtc') }, ha: 'mirroring' }
  const os = spec.os === undefined ? (edition === 'Standard' ? null : 'Windows Server 2012 R2') : spec.os
  return {
    fqdn: name,
    site: site(spec.site),
    edition,
    version: spec.version ?? '2015',
    hosting: 'physical',
    ...(os === null ? {} : { os }),
    frontEnds: frontEndsOf(spec, name, label, domain),
    backEnd,
    ...(spec.edgePool === undefined ? {} : { edgePool: fqdn(spec.edgePool) }),
  }
}

/** What a test may say about a deployment. */
export interface TopologySpec {
  readonly pools: ReadonlyArray<PoolSpec>
  readonly pairings?: ReadonlyArray<readonly [string, string]>
  readonly edgePools?: ReadonlyArray<{
    readonly fqdn: string
    readonly site: string
    readonly nextHop: string
    readonly federation?: boolean
    readonly xmpp?: boolean
  }>
  readonly cms: string
  /** Number of users homed on each pool. */
  readonly users?: Readonly<Record<string, number>>
}

/** A topology through `makeTopology`; users are `sip:u<n>@<pool>`. */
export const aTopology = (spec: TopologySpec): Topology => {
  const pools = spec.pools.map(aPool)
  const sites = [...new Set([...pools.map((p) => p.site), ...(spec.edgePools ?? []).map((e) => site(e.site))])].map((name) => ({ name }))
  const edgePools: ReadonlyArray<EdgePool> = (spec.edgePools ?? []).map((e) => ({
    fqdn: fqdn(e.fqdn),
    site: site(e.site),
    nextHop: fqdn(e.nextHop),
    federation: e.federation ?? false,
    xmpp: e.xmpp ?? false,
  }))
  const users = new Map<SipAddress, PoolFqdn>()
  for (const [pool, count] of Object.entries(spec.users ?? {}))
    for (let i = 0; i < count; i++) users.set(sip(`sip:u${i}@${pool}`), fqdn(pool))
  return deepFreeze(
    makeTopology({
      sites,
      pools,
      pairings: (spec.pairings ?? []).map(([a, b]) => [fqdn(a), fqdn(b)] as const),
      edgePools,
      centralManagementStore: { pool: fqdn(spec.cms) },
      users,
    }),
  )
}

/** The Contoso sample (test/fixtures/contoso.topology.json), built by hand. */
export const contosoTopology = (): Topology =>
  aTopology({
    pools: [
      {
        fqdn: 'pool1.contoso.com',
        site: 'Redmond',
        frontEnds: ['fe1.contoso.com', 'fe2.contoso.com', 'fe3.contoso.com'],
        backEnd: { sqlServer: 'be1.contoso.com', mirror: 'be1m.contoso.com' },
        edgePool: 'edge1.contoso.com',
      },
      {
        fqdn: 'pool2.contoso.com',
        site: 'Dublin',
        frontEnds: ['fe4.contoso.com', 'fe5.contoso.com', 'fe6.contoso.com'],
        backEnd: { sqlServer: 'be2.contoso.com', mirror: 'be2m.contoso.com' },
        edgePool: 'edge2.contoso.com',
      },
      { fqdn: 'se1.contoso.com', site: 'Redmond', edition: 'Standard' },
    ],
    pairings: [['pool1.contoso.com', 'pool2.contoso.com']],
    edgePools: [
      { fqdn: 'edge1.contoso.com', site: 'Redmond', nextHop: 'pool1.contoso.com', federation: true },
      { fqdn: 'edge2.contoso.com', site: 'Dublin', nextHop: 'pool2.contoso.com', xmpp: true },
    ],
    cms: 'pool1.contoso.com',
    users: { 'pool1.contoso.com': 2, 'pool2.contoso.com': 1, 'se1.contoso.com': 1 },
  })

/**
 * A plain pair: p1 (site A) ↔ p2 (site B), 2 and 3 users, CMS on p1 (p2 holds the standby),
 * Edge pools edge-a (A, → p1) and edge-b (B, → p2), plus an unpaired p3 in site A.
 */
export const aPairedDeployment = (): Topology =>
  aTopology({
    pools: [
      { fqdn: 'p1.example.com', site: 'A' },
      { fqdn: 'p2.example.com', site: 'B' },
      { fqdn: 'p3.example.com', site: 'A' },
    ],
    pairings: [['p1.example.com', 'p2.example.com']],
    edgePools: [
      { fqdn: 'edge-a.example.com', site: 'A', nextHop: 'p1.example.com' },
      { fqdn: 'edge-b.example.com', site: 'B', nextHop: 'p2.example.com' },
    ],
    cms: 'p1.example.com',
    users: { 'p1.example.com': 2, 'p2.example.com': 3, 'p3.example.com': 1 },
  })

// -------------------------------------------------------------------------------------
// states
// -------------------------------------------------------------------------------------

/** The healthy state, frozen. */
export const healthy = (topology: Topology): State => deepFreeze(initialState(topology))

/** A change to a state (returns a new, frozen state). */
export type StateChange = (state: State) => State

/** Applies changes in order to the healthy state of `topology`. */
export const stateOf = (topology: Topology, ...changes: ReadonlyArray<StateChange>): State =>
  deepFreeze(changes.reduce((s, change) => change(s), initialState(topology)))

/** Marks pools unreachable. */
export const down =
  (...pools: ReadonlyArray<string>): StateChange =>
  (s) => {
    const m = new Map(s.pools)
    for (const p of pools) m.set(fqdn(p), { reachable: false, frontEndsRunning: 0 })
    return { ...s, pools: m }
  }

/** Marks a pool failed over. */
export const failedOver =
  (pool: string, mode: FailoverMode = 'disaster'): StateChange =>
  (s) => ({ ...s, failovers: new Map([...s.failovers, [fqdn(pool), mode]]) })

/** Sets the CMS status. */
export const cmsAt =
  (activeMaster: string, available = true): StateChange =>
  (s) => ({ ...s, centralManagementStore: { activeMaster: fqdn(activeMaster), available } })

/** Sets an Edge pool's status. */
export const edge =
  (edgePool: string, change: { readonly reachable?: boolean; readonly nextHop?: string }): StateChange =>
  (s) => {
    const m = new Map(s.edgePools)
    const current = m.get(fqdn(edgePool))
    if (current === undefined) throw new Error(`test builder: unknown Edge pool ${edgePool}`)
    m.set(fqdn(edgePool), {
      reachable: change.reachable ?? current.reachable,
      nextHop: change.nextHop === undefined ? current.nextHop : fqdn(change.nextHop),
    })
    return { ...s, edgePools: m }
  }

/** Records the last sync of the direction `pool` → partner. */
export const lastSync =
  (pool: string, lastSyncAt: string): StateChange =>
  (s) => ({
    ...s,
    backupService: new Map([...s.backupService, [fqdn(pool), { pool: fqdn(pool), exportState: 'SteadyState', importState: 'NormalState', lastSyncAt }]]),
  })

/** Records what the Backup Service of the direction `pool` → partner reported (only the given fields). */
export const backup =
  (pool: string, status: { readonly exportState?: ExportState; readonly importState?: ImportState; readonly lastSyncAt?: string }): StateChange =>
  (s) => ({ ...s, backupService: new Map([...s.backupService, [fqdn(pool), { pool: fqdn(pool), ...status }]]) })

/** Sets the global Backup Service sync interval (through its parser: a bad one throws). */
export const syncIntervalOf =
  (interval: string): StateChange =>
  (s) => ({ ...s, backupServiceConfiguration: { syncInterval: get('sync interval', interval, parseSyncInterval(interval)) } })

/** The changes that turn healthy Contoso into Redmond-dark: pool1, se1 and edge1 unreachable. */
export const redmondDownChanges: ReadonlyArray<StateChange> = [
  down('pool1.contoso.com', 'se1.contoso.com'),
  edge('edge1.contoso.com', { reachable: false }),
]

/** Contoso with Redmond dark (contoso.state.redmond-down.json). */
export const redmondDown = (t: Topology): State => stateOf(t, ...redmondDownChanges)

/** The changes of contoso.state.pool1-failed-over.json: pool1's users on pool2, CMS on pool2, edge1 → pool2. */
export const pool1FailedOverChanges: ReadonlyArray<StateChange> = [
  failedOver('pool1.contoso.com', 'disaster'),
  cmsAt('pool2.contoso.com'),
  edge('edge1.contoso.com', { reachable: true, nextHop: 'pool2.contoso.com' }),
]

/** Contoso after pool1's failover, pool1 repaired (contoso.state.pool1-failed-over.json). */
export const pool1FailedOver = (t: Topology): State => stateOf(t, ...pool1FailedOverChanges)
