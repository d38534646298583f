/**
 * The rules of a topology document that span items: names defined once (site names; FQDNs across
 * pools, servers and Edge pools), references that resolve, 1:1 pairings of Front End pools, Edge
 * next hops that are pools, at most one federation Edge pool.
 *
 * Items that failed to decode are left out (their own problems are already reported), but a broken
 * pool or Edge pool whose FQDN is readable still counts as defined, so that one typo does not turn
 * every reference to it into another problem. References to pools (to sites, to Edge pools) are
 * judged only when every item of that section has a readable name: a reference to a pool whose
 * FQDN is itself misspelled is the same mistake, reported once.
 *
 * @module
 */
import type { Fqdn, PoolFqdn, SiteName } from '../model/identifiers.js'
import type { DecodeProblem, NameKind } from '../model/problem.js'
import type { CentralManagementStore, EdgePool, Pool, Site } from '../model/topology.js'
import { pathFrom } from './problems.js'
import { StringIndex } from './stringIndex.js'

/**
 * The decoded sections of a topology document, by document index (`undefined` items did not
 * decode; an `undefined` section is not an array).
 *
 * @category internal
 * @since 0.1.0
 */
export interface Sections {
  readonly sites: ReadonlyArray<Site | undefined> | undefined
  readonly pools: ReadonlyArray<Pool | undefined> | undefined
  /** The readable FQDN of every pool item, decoded or not. */
  readonly poolNames: ReadonlyArray<Fqdn | undefined>
  readonly pairings: ReadonlyArray<readonly [Fqdn, Fqdn] | undefined> | undefined
  readonly edgePools: ReadonlyArray<EdgePool | undefined> | undefined
  /** The readable FQDN of every Edge pool item, decoded or not. */
  readonly edgePoolNames: ReadonlyArray<Fqdn | undefined>
  readonly centralManagementStore: CentralManagementStore | undefined
}

type DefinedKind = Extract<NameKind, 'pool' | 'server' | 'edgePool'>

/** Every FQDN the document defines: what it is and where (item, and Front End for servers). */
class Names {
  /** Keeps the hidden class (and the optimized methods) alive across GCs; see `StringIndex`. */
  static readonly shape: Names = new Names(1)
  readonly #index: StringIndex
  readonly #kinds: Array<DefinedKind> = []
  readonly #items: Array<number> = []
  readonly #servers: Array<number> = []

  constructor(expected: number) {
    this.#index = new StringIndex(expected)
  }

  #path(i: number): string {
    const kind = this.#kinds[i]
    const item = this.#items[i] ?? -1
    return kind === 'server'
      ? pathFrom('pools', item, 'frontEnds', this.#servers[i] ?? -1)
      : pathFrom(kind === 'pool' ? 'pools' : 'edgePools', item, 'fqdn')
  }

  /** Defines `name`; reports it when it is already defined. */
  define(name: Fqdn, kind: DefinedKind, item: number, server: number, problems: Array<DecodeProblem>): void {
    const first = this.#index.add(name)
    if (first < 0) {
      this.#kinds.push(kind)
      this.#items.push(item)
      this.#servers.push(server)
      return
    }
    const path =
      kind === 'server'
        ? pathFrom('pools', item, 'frontEnds', server)
        : pathFrom(kind === 'pool' ? 'pools' : 'edgePools', item, 'fqdn')
    problems.push({ _tag: 'DuplicateName', path, firstPath: this.#path(first), kind, name })
  }

  /** What `name` is, if the document defines it. */
  kindOf(name: Fqdn): DefinedKind | undefined {
    const i = this.#index.indexOf(name)
    return i < 0 ? undefined : this.#kinds[i]
  }
}

const unknownReference = (path: string, kind: NameKind, name: string): DecodeProblem => ({
  _tag: 'UnknownReference',
  path,
  kind,
  name,
})

const defineNames = (s: Sections, problems: Array<DecodeProblem>): Names => {
  const names = new Names(s.poolNames.length * 4 + s.edgePoolNames.length)
  s.poolNames.forEach((name, index) => {
    if (name === undefined) return
    names.define(name, 'pool', index, -1, problems)
    const pool = s.pools?.[index]
    if (pool === undefined || pool.edition === 'Standard') return
    pool.frontEnds.forEach((server, j) => {
      names.define(server, 'server', index, j, problems)
    })
  })
  s.edgePoolNames.forEach((name, index) => {
    if (name !== undefined) names.define(name, 'edgePool', index, -1, problems)
  })
  return names
}

const complete = (list: ReadonlyArray<unknown> | undefined): boolean =>
  list !== undefined && list.every((x) => x !== undefined)

/**
 * Whether every pool of the document has a readable FQDN, so that references to pools can be
 * judged.
 *
 * @category internal
 * @since 0.1.0
 */
export const poolsKnown = (s: Pick<Sections, 'pools' | 'poolNames'>): boolean => s.pools !== undefined && complete(s.poolNames)

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
  /** Where each pool is first paired: pairing index × 2 + member index. */
  const pairedAt = new Map<PoolFqdn, number>()
  s.pairings?.forEach((pair, i) => {
    if (pair === undefined) return
    const members = pair[0] === pair[1] ? [pair[0]] : pair
    if (pair[0] === pair[1]) problems.push({ _tag: 'PoolPairedWithItself', path: pathFrom('pairings', i), pool: pair[0] })
    members.forEach((member, j) => {
      const kind = names.kindOf(member)
      if (kind !== 'pool') {
        if (judge)
          problems.push({
            _tag: 'PairingMemberNotFrontEndPool',
            path: pathFrom('pairings', i, j),
            name: member,
            actualKind: kind ?? 'unknown',
          })
        return
      }
      const first = pairedAt.get(member)
      if (first === undefined) pairedAt.set(member, i * 2 + j)
      else if (members.length === 2)
        problems.push({
          _tag: 'PoolInTwoPairings',
          path: pathFrom('pairings', i, j),
          firstPath: pathFrom('pairings', Math.floor(first / 2), first % 2),
          pool: member,
        })
    })
  })
}

const checkEdgePools = (
  s: Sections,
  names: Names,
  sites: ReadonlySet<SiteName> | undefined,
  judge: boolean,
  problems: Array<DecodeProblem>,
): void => {
  const federation: Array<{ readonly fqdn: string; readonly index: number }> = []
  s.edgePools?.forEach((edge, k) => {
    if (edge === undefined) return
    if (sites !== undefined && !sites.has(edge.site))
      problems.push(unknownReference(pathFrom('edgePools', k, 'site'), 'site', edge.site))
    if (judge && names.kindOf(edge.nextHop) !== 'pool')
      problems.push({
        _tag: 'EdgeNextHopNotPool',
        path: pathFrom('edgePools', k, 'nextHop'),
        edgePool: edge.fqdn,
        nextHop: edge.nextHop,
      })
    if (edge.federation) federation.push({ fqdn: edge.fqdn, index: k })
  })
  const second = federation[1]
  if (second !== undefined)
    problems.push({
      _tag: 'MultipleFederationEdgePools',
      path: pathFrom('edgePools', second.index, 'federation'),
      edgePools: federation.map((e) => e.fqdn),
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
  const names = defineNames(s, problems)
  const edgesKnown = s.edgePools !== undefined && complete(s.edgePoolNames)
  s.pools?.forEach((pool, i) => {
    if (pool === undefined) return
    if (sites !== undefined && !sites.has(pool.site))
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
