/**
 * The rules of a topology document that span items: names defined once (site names; FQDNs across
 * pools, servers and Edge pools), references that resolve, 1:1 pairings of Front End pools, Edge
 * next hops that are pools, at most one federation Edge pool.
 *
 * A pool or Edge pool item that failed to decode takes part through what is still readable in it
 * (see `readable.ts`): a readable FQDN still counts as defined, so that one typo does not turn
 * every reference to it into another problem, and the readable references it makes (its site, its
 * Edge pool or next hop, its federation flag, its Front End servers) are judged exactly as those
 * of a decoded item, so that one bad field does not hide the item's other problems. References to
 * pools (to sites, to Edge pools) are judged only when every item of that section has a readable
 * name: a reference to a pool whose FQDN is itself misspelled is the same mistake, reported once.
 *
 * @module
 */
import type { Fqdn, SiteName } from '../model/identifiers.js'
import type { DecodeProblem, NameKind } from '../model/problem.js'
import type { CentralManagementStore, Site } from '../model/topology.js'
import { pathFrom } from './problems.js'
import type { EdgePoolItem, PoolItem } from './readable.js'
import { StringIndex } from './stringIndex.js'

/**
 * The sections of a topology document, by document index (an `undefined` section is not an
 * array). Sites, pairings and the CMS are decoded values (`undefined` items did not decode); pool
 * and Edge pool items are decoded values or, where they failed to decode, their readable fields.
 *
 * @category internal
 * @since 0.1.0
 */
export interface Sections {
  readonly sites: ReadonlyArray<Site | undefined> | undefined
  readonly pools: ReadonlyArray<PoolItem> | undefined
  readonly pairings: ReadonlyArray<readonly [Fqdn, Fqdn] | undefined> | undefined
  readonly edgePools: ReadonlyArray<EdgePoolItem> | undefined
  readonly centralManagementStore: CentralManagementStore | undefined
}

type DefinedKind = Extract<NameKind, 'pool' | 'server' | 'edgePool'>

const KINDS: ReadonlyArray<DefinedKind> = ['pool', 'server', 'edgePool']

/** Every FQDN the document defines: what it is and where (item, and Front End for servers). */
class Names {
  /** Keeps the hidden class (and the optimized methods) alive across GCs; see `StringIndex`. */
  static readonly shape: Names = new Names(1)
  readonly #index: StringIndex
  /** Per name number, in typed arrays (off the JS heap, no growth garbage while sized right). */
  #kinds: Uint8Array
  #items: Int32Array
  #servers: Int32Array

  constructor(expected: number) {
    this.#index = new StringIndex(expected)
    this.#kinds = new Uint8Array(expected)
    this.#items = new Int32Array(expected)
    this.#servers = new Int32Array(expected)
  }

  /** Number of distinct names defined. */
  get size(): number {
    return this.#index.size
  }

  #path(i: number): string {
    const kind = KINDS[this.#kinds[i] ?? 0]
    const item = this.#items[i] ?? -1
    return kind === 'server'
      ? pathFrom('pools', item, 'frontEnds', this.#servers[i] ?? -1)
      : pathFrom(kind === 'pool' ? 'pools' : 'edgePools', item, 'fqdn')
  }

  #grow(): void {
    const n = this.#kinds.length * 2 + 8
    const kinds = new Uint8Array(n)
    const items = new Int32Array(n)
    const servers = new Int32Array(n)
    kinds.set(this.#kinds)
    items.set(this.#items)
    servers.set(this.#servers)
    this.#kinds = kinds
    this.#items = items
    this.#servers = servers
  }

  /** Defines `name`; reports it when it is already defined. */
  define(name: Fqdn, kind: DefinedKind, item: number, server: number, problems: Array<DecodeProblem>): void {
    const first = this.#index.add(name)
    if (first < 0) {
      const n = this.#index.size - 1
      if (n >= this.#kinds.length) this.#grow()
      this.#kinds[n] = KINDS.indexOf(kind)
      this.#items[n] = item
      this.#servers[n] = server
      return
    }
    const path =
      kind === 'server'
        ? pathFrom('pools', item, 'frontEnds', server)
        : pathFrom(kind === 'pool' ? 'pools' : 'edgePools', item, 'fqdn')
    problems.push({ _tag: 'DuplicateName', path, firstPath: this.#path(first), kind, name })
  }

  /** The number of `name`, or `-1` when the document does not define it. */
  numberOf(name: Fqdn): number {
    return this.#index.indexOf(name)
  }

  /** What `name` is, if the document defines it. */
  kindOf(name: Fqdn): DefinedKind | undefined {
    const i = this.#index.indexOf(name)
    return i < 0 ? undefined : KINDS[this.#kinds[i] ?? 0]
  }
}

const unknownReference = (path: string, kind: NameKind, name: string): DecodeProblem => ({
  _tag: 'UnknownReference',
  path,
  kind,
  name,
})

/**
 * Defines every readable name: pools, their Front End servers and Edge pools. A Standard Edition
 * pool defines no server (its one server is the pool itself); a broken pool whose edition is
 * unreadable defines its servers except one named like the pool, which it may be.
 */
const defineNames = (
  pools: ReadonlyArray<PoolItem>,
  edgePools: ReadonlyArray<EdgePoolItem>,
  problems: Array<DecodeProblem>,
): Names => {
  let expected = edgePools.length
  for (const pool of pools) expected += 1 + (pool.frontEnds?.length ?? 0)
  const names = new Names(expected)
  for (let index = 0; index < pools.length; index++) {
    const pool = pools[index]
    if (pool === undefined) continue
    if (pool.fqdn !== undefined) names.define(pool.fqdn, 'pool', index, -1, problems)
    const servers = pool.frontEnds
    if (pool.edition === 'Standard' || servers === undefined) continue
    const maybeStandard = pool.edition === undefined
    for (let j = 0; j < servers.length; j++) {
      const server = servers[j]
      if (server !== undefined && !(maybeStandard && server === pool.fqdn)) names.define(server, 'server', index, j, problems)
    }
  }
  for (let index = 0; index < edgePools.length; index++) {
    const edge = edgePools[index]
    if (edge?.fqdn !== undefined) names.define(edge.fqdn, 'edgePool', index, -1, problems)
  }
  return names
}

const complete = (list: ReadonlyArray<unknown> | undefined): boolean =>
  list !== undefined && list.every((x) => x !== undefined)

const named = (list: ReadonlyArray<{ readonly fqdn?: Fqdn | undefined }> | undefined): boolean =>
  list !== undefined && list.every((x) => x.fqdn !== undefined)

/**
 * Whether every pool of the document has a readable FQDN, so that references to pools can be
 * judged.
 *
 * @category internal
 * @since 0.1.0
 */
export const poolsKnown = (s: Pick<Sections, 'pools'>): boolean => named(s.pools)

/** How problems name an Edge pool: its FQDN, or the path of its item when that is unreadable. */
const edgeName = (edge: EdgePoolItem, k: number): string => edge.fqdn ?? pathFrom('edgePools', k)

const checkSites = (s: Sections, problems: Array<DecodeProblem>): ReadonlySet<SiteName> | undefined => {
  if (s.sites === undefined) return undefined
  const firstIndex = new Map<SiteName, number>()
  s.sites.forEach((site, i) => {
    if (site === undefined) return
    const first = firstIndex.get(site.name)
    if (first === undefined) firstIndex.set(site.name, i)
    else
      problems.push({
        _tag: 'DuplicateName',
        path: pathFrom('sites', i, 'name'),
        firstPath: pathFrom('sites', first, 'name'),
        kind: 'site',
        name: site.name,
      })
  })
  return complete(s.sites) ? new Set(firstIndex.keys()) : undefined
}

const checkPairings = (s: Sections, names: Names, judge: boolean, problems: Array<DecodeProblem>): void => {
  /** Where each pool (by name number) is first paired: pairing index × 2 + member index + 1; 0 when not yet. */
  const pairedAt = new Float64Array(names.size)
  const pairings = s.pairings ?? []
  for (let i = 0; i < pairings.length; i++) {
    const pair = pairings[i]
    if (pair === undefined) continue
    const self = pair[0] === pair[1]
    if (self) problems.push({ _tag: 'PoolPairedWithItself', path: pathFrom('pairings', i), pool: pair[0] })
    for (let j = 0; j < (self ? 1 : 2); j++) {
      const member = pair[j === 0 ? 0 : 1]
      const kind = names.kindOf(member)
      if (kind !== 'pool') {
        if (judge)
          problems.push({
            _tag: 'PairingMemberNotFrontEndPool',
            path: pathFrom('pairings', i, j),
            name: member,
            actualKind: kind ?? 'unknown',
          })
        continue
      }
      const at = names.numberOf(member)
      const first = (pairedAt[at] ?? 0) - 1
      if (first < 0) pairedAt[at] = i * 2 + j + 1
      else if (!self)
        problems.push({
          _tag: 'PoolInTwoPairings',
          path: pathFrom('pairings', i, j),
          firstPath: pathFrom('pairings', Math.floor(first / 2), first % 2),
          pool: member,
        })
    }
  }
}

const checkEdgePools = (
  s: Sections,
  names: Names,
  sites: ReadonlySet<SiteName> | undefined,
  judge: boolean,
  problems: Array<DecodeProblem>,
): void => {
  const federation: Array<{ readonly name: string; readonly index: number }> = []
  s.edgePools?.forEach((edge, k) => {
    if (edge.site !== undefined && sites !== undefined && !sites.has(edge.site))
      problems.push(unknownReference(pathFrom('edgePools', k, 'site'), 'site', edge.site))
    if (edge.nextHop !== undefined && judge && names.kindOf(edge.nextHop) !== 'pool')
      problems.push({
        _tag: 'EdgeNextHopNotPool',
        path: pathFrom('edgePools', k, 'nextHop'),
        edgePool: edgeName(edge, k),
        nextHop: edge.nextHop,
      })
    if (edge.federation === true) federation.push({ name: edgeName(edge, k), index: k })
  })
  const second = federation.length > 1 ? federation[1] : undefined
  if (second !== undefined)
    problems.push({
      _tag: 'MultipleFederationEdgePools',
      path: pathFrom('edgePools', second.index, 'federation'),
      edgePools: federation.map((e) => e.name),
    })
}

/**
 * Every cross-item problem of a topology document, in document order of the sections.
 *
 * @category internal
 * @since 0.1.0
 */
export const checkReferences = (s: Sections): ReadonlyArray<DecodeProblem> => {
  const problems: Array<DecodeProblem> = []
  const sites = checkSites(s, problems)
  const names = defineNames(s.pools ?? [], s.edgePools ?? [], problems)
  const edgesKnown = named(s.edgePools)
  s.pools?.forEach((pool, i) => {
    if (pool.site !== undefined && sites !== undefined && !sites.has(pool.site))
      problems.push(unknownReference(pathFrom('pools', i, 'site'), 'site', pool.site))
    if (pool.edgePool !== undefined && edgesKnown && names.kindOf(pool.edgePool) !== 'edgePool')
      problems.push(unknownReference(pathFrom('pools', i, 'edgePool'), 'edgePool', pool.edgePool))
  })
  const judge = poolsKnown(s)
  checkPairings(s, names, judge, problems)
  checkEdgePools(s, names, sites, judge, problems)
  const cms = s.centralManagementStore
  if (cms !== undefined && judge && names.kindOf(cms.pool) !== 'pool')
    problems.push(unknownReference('centralManagementStore.pool', 'pool', cms.pool))
  return problems
}
