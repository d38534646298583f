/**
 * `planSiteFailover` and `planSiteFailback`: a whole site lost (or back), in one plan (contract
 * §11), composed from the same drafts as the pool and Edge planners — `failoverPart` and
 * `failbackPart`, `cmsFailoverSteps`, the Edge next-hop target rule, the Edge failover and
 * failback drafts — and validated as one plan, step by step, like every other.
 *
 * Laws:
 * - Site failover, in this order: the Backup Service checks (planned pools); ONE CMS failover and
 *   its check; the site's Edge pools' federation/XMPP routes and the media of running pools
 *   elsewhere moved to the first running Edge pool of another site; every Edge next hop that
 *   points into the site moved once, to a pool outside it; each `FailoverPool` in topology order.
 * - Site failback: the failbacks of the site's running Edge pools, then each failed-over pool
 *   of the site (its Backup Service check, its `FailbackPool`), in topology order.
 * - No plan runs `FailoverPool` while an Edge pool names that pool as next hop, fails the CMS over
 *   twice, or leaves both pools of a pair failed over; a site failover then its failback restores
 *   who services whom.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { isSiteName, type PoolFqdn, type SiteName } from '../model/identifiers.js'
import type { InvalidInput, UnknownSite, Violation } from '../model/problem.js'
import { isFailedOver, type FailoverMode, type State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { buildPlan, dedupe, stateAfter } from './build.js'
import { cmsFailoverSteps, otherCmsPool } from './cms.js'
import { setEdgeNextHop, type StepDraft } from './draft.js'
import { guardDeployment, invalidInput, ownField, parseModeField } from './input.js'
import type { Plan } from './plan.js'
import { failbackPart } from './planFailback.js'
import { edgeNextHopTarget, failoverPart } from './planFailover.js'
import { edgeFailbackDrafts, edgeFailoverDrafts } from './planEdge.js'
import { isEdgePoolReachable } from './steps/edge.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A site failover request, as a person or a portal types it.
 *
 * @category model
 * @since 0.2.0
 */
export interface SiteFailoverRequest {
  /** The site, exactly as Topology Builder names it. */
  readonly site: string
  /** The mode of every pool's failover; by default each pool's (`disaster` when unreachable). */
  readonly mode?: FailoverMode
}

/**
 * A site failback request.
 *
 * @category model
 * @since 0.2.0
 */
export interface SiteFailbackRequest {
  /** The site, exactly as Topology Builder names it. */
  readonly site: string
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

type Refusals = RNEA.ReadonlyNonEmptyArray<Violation>

const parseSite = (topology: Topology, request: unknown): E.Either<InvalidInput | UnknownSite, SiteName> => {
  const raw = ownField(request, 'site')
  if (!isSiteName(raw)) return E.left(invalidInput('site', 'a site name', raw))
  return topology.sites.some((s) => s.name === raw) ? E.right(raw) : E.left({ _tag: 'UnknownSite', site: raw })
}

const refuseAll = (violations: ReadonlyArray<Violation>): O.Option<Refusals> => {
  const [first, ...rest] = dedupe(violations)
  return first === undefined ? O.none : O.some([first, ...rest])
}

const nonEmpty = (drafts: ReadonlyArray<StepDraft>): O.Option<RNEA.ReadonlyNonEmptyArray<StepDraft>> => {
  const [first, ...rest] = drafts
  return first === undefined ? O.none : O.some([first, ...rest])
}

/**
 * The CMS failover of a site failover: needed when the active master is on a pool of the site or
 * the CMS is unavailable; unrecoverable when it would land in the site.
 */
const siteCmsSteps = (topology: Topology, state: State, inSite: (pool: PoolFqdn) => boolean) => {
  const master = state.centralManagementStore.activeMaster
  const standby = otherCmsPool(topology, master)
  const failing = inSite(master) ? O.some(master) : O.filter(inSite)(standby)
  return cmsFailoverSteps(topology, state, failing)
}

/**
 * The site's Edge pools' roles moved to the first running Edge pool of another site (media only of
 * pools outside the site); none when there is no such Edge pool (the plan's claims then warn
 * `NoSurvivingEdgePool`: `intentWarnings`).
 */
const edgeRoleMoves = (
  topology: Topology,
  state: State,
  site: SiteName,
  inSite: (pool: PoolFqdn) => boolean,
): ReadonlyArray<StepDraft> => {
  const survivor = topology.edgePools.find((e) => e.site !== site && isEdgePoolReachable(state, e.fqdn))
  if (survivor === undefined) return []
  const outside = (pool: PoolFqdn): boolean => !inSite(pool)
  const drafts: Array<StepDraft> = []
  let current = state
  for (const edge of topology.edgePools) {
    if (edge.site !== site) continue
    const moves = edgeFailoverDrafts(topology, current, edge.fqdn, survivor.fqdn, outside)
    drafts.push(...moves)
    current = stateAfter(topology, current, moves)
  }
  return drafts
}

/**
 * Every Edge next hop that points into the site, moved by the §5.1 target rule (`edgeNextHopTarget`)
 * to a pool outside it: the target is chosen as if every pool of the site were already failed
 * over, so no Edge pool is moved twice.
 */
const nextHopMoves = (topology: Topology, state: State, inSite: (pool: PoolFqdn) => boolean, failing: ReadonlyArray<PoolFqdn>) => {
  const failovers = new Map(state.failovers)
  for (const pool of failing) failovers.set(pool, 'disaster')
  const asIfGone: State = { ...state, failovers }
  return topology.edgePools.flatMap((edge): ReadonlyArray<StepDraft> => {
    const nextHop = state.edgePools.get(edge.fqdn)?.nextHop
    if (nextHop === undefined || !inSite(nextHop)) return []
    return O.match(
      () => [],
      (target: PoolFqdn) => (inSite(target) ? [] : [setEdgeNextHop(edge.fqdn, target)]),
    )(edgeNextHopTarget(topology, asIfGone, edge, nextHop))
  })
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans the failover of a whole site: every paired Front End pool of it that is not failed over
 * yet, the Central Management Store if it is there (or unavailable), and what its Edge pools carry.
 *
 * **When to use**
 *
 * A data center is lost (or about to be shut down): one plan instead of one per pool, with the
 * CMS failed over once and every Edge pool moved once.
 *
 * **Details**
 *
 * Order: Backup Service checks (planned pools); ONE CMS failover and its check (when the active
 * master is on a pool of the site, or the CMS is unavailable); the site's Edge pools' federation
 * and XMPP routes, and the media associations of running pools elsewhere that use them, moved to
 * the first running Edge pool of another site in topology order (with none, a
 * `NoSurvivingEdgePool` warning); every Edge pool's next hop that points into the site moved to a
 * pool outside it (the `planFailover` target rule); then each `FailoverPool`, in topology order.
 * Each pool's mode is `planFailover`'s default unless `mode` is given.
 *
 * **Gotchas**
 *
 * Every problem of every pool is reported at once: `InvalidInput`, `UnknownSite`,
 * `PartnerInSameSite`, `NoBackupPool` (an unpaired pool of the site would be left without
 * service), `BackupPoolUnreachable`, `PartnerFailedOver`, `PlannedFailoverOfUnreachablePool`,
 * `CentralManagementStoreUnrecoverable`, `NothingToFailOver`.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { formatProblem, planSiteFailover } from 'sfb-dr'
 *
 * pipe(planSiteFailover(contoso, redmondDown, { site: 'Redmond' }), E.mapLeft((problems) => problems.map(formatProblem)))
 * // => left(['se1.contoso.com has no backup pool, so its users cannot be failed over; pair it in Topology Builder first.'])
 *
 * @see {@link planSiteFailback} for the inverse.
 * @category planning
 * @since 0.2.0
 */
export const planSiteFailover = (
  topology: Topology,
  state: State,
  request: SiteFailoverRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const site = parseSite(topology, request)
  const mode = parseModeField(request)
  if (E.isLeft(site)) return E.left([site.left, ...(E.isLeft(mode) ? [mode.left] : [])])
  if (E.isLeft(mode)) return E.left([mode.left])
  const name = site.right
  const sitePools = topology.pools.filter((p) => p.site === name).map((p) => p.fqdn)
  const inSite = (pool: PoolFqdn): boolean => topology.index.pools.get(pool)?.site === name
  const refusals: Array<Violation> = []
  const failing: Array<PoolFqdn> = []
  for (const pool of sitePools) {
    const partner = topology.index.partners.get(pool)
    if (partner === undefined) refusals.push({ _tag: 'NoBackupPool', pool })
    else if (inSite(partner)) {
      if (pool < partner) refusals.push({ _tag: 'PartnerInSameSite', site: name, pools: [pool, partner] })
    } else if (!isFailedOver(state, pool)) failing.push(pool)
  }
  if (failing.length === 0 && refusals.length === 0) refusals.push({ _tag: 'NothingToFailOver', site: name })
  const cms = siteCmsSteps(topology, state, inSite)
  if (E.isLeft(cms)) refusals.push(cms.left)
  const cmsDrafts = E.isRight(cms) ? cms.right : []
  const afterCms = stateAfter(topology, state, cmsDrafts)
  const edges = edgeRoleMoves(topology, afterCms, name, inSite)
  const afterEdges = stateAfter(topology, afterCms, edges)
  const nextHops = nextHopMoves(topology, afterEdges, inSite, failing)
  const prefix = stateAfter(topology, afterEdges, nextHops)
  const checks: Array<StepDraft> = []
  const failovers: Array<StepDraft> = []
  for (const pool of failing) {
    const part = failoverPart(topology, prefix, pool, mode.right)
    if (E.isLeft(part)) {
      // a CMS refusal equal to the site's own is said once (refuseAll drops repeats)
      refusals.push(...part.left)
      continue
    }
    for (const draft of part.right.drafts) (draft._tag === 'CheckBackupService' ? checks : failovers).push(draft)
  }
  const blocked = refuseAll(refusals)
  if (O.isSome(blocked)) return E.left(blocked.value)
  const drafts = nonEmpty([...checks, ...cmsDrafts, ...edges, ...nextHops, ...failovers])
  if (O.isNone(drafts)) return E.left([{ _tag: 'NothingToFailOver', site: name }])
  return buildPlan(topology, state, {
    intent: { _tag: 'SiteFailover', site: name, ...(O.isSome(mode.right) ? { mode: mode.right.value } : {}) },
    drafts: drafts.value,
  })
}

/**
 * Plans the failback of a whole site: its running Edge pools take back their roles, then every
 * failed-over pool of the site comes back.
 *
 * **When to use**
 *
 * The site is restored after {@link planSiteFailover} (or pool and Edge failovers of its pools).
 *
 * **Details**
 *
 * The failbacks of the site's reachable Edge pools first (`planEdgeFailback`'s steps, in topology
 * order) — Microsoft fails the Edge back before `Invoke-CsPoolFailback` of a pool at the same
 * site — then, for each failed-over pool of the site in topology order, `planFailback`'s steps
 * (its Backup Service check, a CMS failover when the CMS is unavailable, its `FailbackPool`).
 * Warnings: each pool's failback warnings (data loss in disaster mode, Edge next hops left on the
 * backup pool).
 *
 * **Gotchas**
 *
 * Refusals, all at once: `InvalidInput`, `UnknownSite`, `NothingToFailBack`, and each pool's
 * failback refusals (`HomePoolUnreachable`, `PlannedFailbackWithUnreachableBackup`,
 * `CentralManagementStoreUnrecoverable`). An Edge pool of the site that is still down is not
 * failed back and does not block the pools (the rule concerns running Edge pools only).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planSiteFailback } from 'sfb-dr'
 *
 * // Redmond is back: pool1 (failed over onto pool2 in Dublin) fails back
 * pipe(planSiteFailback(contoso, pool1FailedOver, { site: 'Redmond' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['CheckBackupService', 'FailbackPool', 'SyncBackupService', 'CheckBackupService'])
 *
 * @see {@link planSiteFailover} for the inverse.
 * @category planning
 * @since 0.2.0
 */
export const planSiteFailback = (
  topology: Topology,
  state: State,
  request: SiteFailbackRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const site = parseSite(topology, request)
  if (E.isLeft(site)) return E.left([site.left])
  const name = site.right
  const drafts: Array<StepDraft> = []
  let current = state
  for (const edge of topology.edgePools) {
    if (edge.site !== name || !isEdgePoolReachable(state, edge.fqdn)) continue
    const back = edgeFailbackDrafts(topology, current, edge.fqdn)
    drafts.push(...back)
    current = stateAfter(topology, current, back)
  }
  // only a pool of the site that is failed over can be refused
  const refusals: Array<Violation> = []
  for (const pool of topology.pools) {
    if (pool.site !== name || !isFailedOver(state, pool.fqdn)) continue
    const part = failbackPart(topology, current, pool.fqdn, O.none)
    if (E.isLeft(part)) {
      refusals.push(...part.left)
      continue
    }
    drafts.push(...part.right.drafts)
    current = stateAfter(topology, current, part.right.drafts)
  }
  const all = nonEmpty(drafts)
  const blocked = refuseAll(refusals)
  if (O.isSome(blocked)) return E.left(blocked.value)
  if (O.isNone(all)) return E.left([{ _tag: 'NothingToFailBack', site: name }])
  return buildPlan(topology, state, {
    intent: { _tag: 'SiteFailback', site: name },
    drafts: all.value,
  })
}
