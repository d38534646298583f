/**
 * `planEdgeFailover` and `planEdgeFailback`: move what an Edge pool carries — SfB federation
 * (port 5061), the XMPP federation route, the media of Front End pools — to another Edge pool,
 * and give it back once the Edge pool is restored (contract §10).
 *
 * Microsoft's procedures (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-failing-back-or-changing-the-edge-pool.md,
 * domain-facts §3.5): federation moves in Topology Builder; XMPP with `Set-CsSite
 * -XmppFederationRoute` and then DNS; "If the site containing the failed Edge pool contains Front
 * End Servers that are still running, you must update the Web Conferencing Service and A/V
 * Conferencing Service on these Front End pools to use an Edge pool in a remote site that is
 * still running" (media, "Associate Edge Pool (for media components)").
 *
 * Laws:
 * - Steps, in this order: `MoveFederationRoute` (federation), `SetXmppFederationRoute` then
 *   `UpdateXmppDns` (XMPP), one `AssociateEdgePool` per Front End pool in topology order (media).
 * - After an Edge failover the Edge pool carries nothing; after an Edge failback no role the
 *   topology gives it is held by another Edge pool (a role nobody holds is not taken back).
 * - Every plan returned validates with `validatePlan` in the state it was made for.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { EdgePoolFqdn, PoolFqdn } from '../model/identifiers.js'
import type { Intent } from '../model/intent.js'
import type { InvalidInput, UnknownEdgePool, Violation } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { buildPlan } from './build.js'
import { associateEdgePool, moveFederationRoute, setXmppFederationRoute, updateXmppDns, type StepDraft } from './draft.js'
import { guardDeployment, parseFqdnField, type FqdnField } from './input.js'
import type { Plan } from './plan.js'
import { isEdgePoolReachable, mediaToGiveBack, mediaUsers, rolesHeldElsewhere } from './steps/edge.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An Edge failover request, as a person or a portal types it.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeFailoverRequest {
  /** The Edge pool whose roles move (down, or about to be); any case, optional trailing dot. */
  readonly edgePool: string
  /** The running Edge pool that takes them. */
  readonly to: string
}

/**
 * An Edge failback request.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeFailbackRequest {
  /** The restored Edge pool that takes back the roles the topology gives it. */
  readonly edgePool: string
}

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

/**
 * Reads an Edge pool FQDN field of a request: `InvalidInput` when it is no FQDN,
 * `UnknownEdgePool` when the topology has no such Edge pool.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const parseEdgePoolField = (
  topology: Topology,
  request: unknown,
  field: string,
): E.Either<InvalidInput | UnknownEdgePool, EdgePoolFqdn> =>
  E.chainW(({ raw, fqdn }: FqdnField) =>
    topology.index.edgePools.has(fqdn) ? E.right(fqdn) : E.left({ _tag: 'UnknownEdgePool', edgePool: raw } as const),
  )(parseFqdnField(request, field, 'an Edge pool FQDN'))

/**
 * The drafts that move what `from` carries in `state` to `to`: federation, then XMPP (route, then
 * DNS), then the media of the running, not failed-over pools that use it and `mediaOf` keeps.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const edgeFailoverDrafts = (
  topology: Topology,
  state: State,
  from: EdgePoolFqdn,
  to: EdgePoolFqdn,
  mediaOf: (pool: PoolFqdn) => boolean = () => true,
): ReadonlyArray<StepDraft> => {
  const target = topology.index.edgePools.get(to)
  return [
    ...(state.federationEdgePool === from ? [moveFederationRoute(from, to)] : []),
    ...(state.xmppEdgePool === from && target !== undefined
      ? [setXmppFederationRoute(target.site, to), updateXmppDns(to)]
      : []),
    ...mediaUsers(topology, state, from)
      .filter(mediaOf)
      .map((pool) => associateEdgePool(pool, to)),
  ]
}

/**
 * The drafts that give `edge` back the roles the topology gives it and another Edge pool holds in
 * `state`: federation (from its holder), XMPP (route, then DNS), media of running, not
 * failed-over pools.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const edgeFailbackDrafts = (topology: Topology, state: State, edge: EdgePoolFqdn): ReadonlyArray<StepDraft> => {
  const held = rolesHeldElsewhere(topology, state, edge)
  const site = topology.index.edgePools.get(edge)?.site
  const holder = state.federationEdgePool
  return [
    ...(held.federation && holder !== undefined ? [moveFederationRoute(holder, edge)] : []),
    ...(held.xmpp && site !== undefined ? [setXmppFederationRoute(site, edge), updateXmppDns(edge)] : []),
    ...mediaToGiveBack(topology, state, edge).map((pool) => associateEdgePool(pool, edge)),
  ]
}

/**
 * Every refusal at once, or the plan of `drafts` (`whenEmpty` is among the refusals when there
 * are no drafts).
 */
const planOrRefuse = (
  topology: Topology,
  state: State,
  refusals: ReadonlyArray<Violation>,
  drafts: ReadonlyArray<StepDraft>,
  whenEmpty: Violation,
  intent: Intent,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const [head, ...tail] = drafts
  const [first, ...rest] = refusals
  if (first !== undefined) return E.left(head === undefined ? [first, ...rest, whenEmpty] : [first, ...rest])
  return head === undefined ? E.left([whenEmpty]) : buildPlan(topology, state, { intent, drafts: [head, ...tail] })
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Plans moving what an Edge pool carries now to another Edge pool.
 *
 * **When to use**
 *
 * An Edge pool is down (or about to be taken down): federation, XMPP federation and the media of
 * the Front End pools that use it should go through another, running Edge pool. Once it is
 * back, {@link planEdgeFailback}.
 *
 * **Details**
 *
 * Steps (Microsoft, "Failing over, failing back, or changing the Edge pool"): `MoveFederationRoute`
 * (Topology Builder, by hand) when it carries SfB federation; `SetXmppFederationRoute` for `to`'s
 * site then `UpdateXmppDns` (by hand) when it carries the XMPP route; `AssociateEdgePool` (by
 * hand) for each reachable, not failed-over Front End pool, in topology order, whose media goes
 * through it. Edge next hops are another matter: a pool failover moves them (`SetEdgeNextHop`).
 *
 * **Gotchas**
 *
 * Refusals, all at once: `InvalidInput`, `UnknownEdgePool`, `SameEdgePool`,
 * `TargetEdgePoolUnreachable`, `NothingToFailOver` (it carries nothing now). The Edge pool itself
 * may be up: a planned move is allowed.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planEdgeFailover } from 'sfb-dr'
 *
 * pipe(planEdgeFailover(contoso, healthy, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }), E.map((plan) => plan.steps.map((s) => s._tag)))
 * // => right(['MoveFederationRoute', 'AssociateEdgePool']): edge1 carries federation and pool1's media
 *
 * @see {@link planEdgeFailback} for the inverse.
 * @category planning
 * @since 0.2.0
 */
export const planEdgeFailover = (
  topology: Topology,
  state: State,
  request: EdgeFailoverRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const from = parseEdgePoolField(topology, request, 'edgePool')
  const to = parseEdgePoolField(topology, request, 'to')
  if (E.isLeft(from)) return E.left([from.left, ...(E.isLeft(to) ? [to.left] : [])])
  if (E.isLeft(to)) return E.left([to.left])
  const [edge, target] = [from.right, to.right]
  const refusals: ReadonlyArray<Violation> = [
    ...(edge === target ? [{ _tag: 'SameEdgePool', edgePool: edge } as const] : []),
    ...(edge !== target && !isEdgePoolReachable(state, target) ? [{ _tag: 'TargetEdgePoolUnreachable', edgePool: target } as const] : []),
  ]
  const drafts = edge === target ? [] : edgeFailoverDrafts(topology, state, edge, target)
  return planOrRefuse(topology, state, refusals, drafts, { _tag: 'NothingToFailOver', edgePool: edge }, {
    _tag: 'EdgeFailover',
    edgePool: edge,
    to: target,
  })
}

/**
 * Plans giving a restored Edge pool back the roles the topology gives it.
 *
 * **When to use**
 *
 * The Edge pool is running again after {@link planEdgeFailover} (or a site failover). Do it
 * before failing back a Front End pool of the same site: `planFailback` refuses with
 * `EdgeFailbackFirst` until then (Microsoft: "If the Front End pool at the same site as the
 * failed Edge pool also failed, you can now use Invoke–CsPoolFailback").
 *
 * **Details**
 *
 * Steps: `MoveFederationRoute { from: <the Edge pool carrying federation now>, to: edgePool }`
 * when the topology gives it federation; `SetXmppFederationRoute` then `UpdateXmppDns` when it is
 * the topology's XMPP Edge pool; `AssociateEdgePool` for each reachable, not failed-over Front
 * End pool whose topology `edgePool` it is and whose media goes through another Edge pool now. A
 * role nobody holds now (`null` in the state) is not taken back.
 *
 * **Gotchas**
 *
 * Refusals, all at once: `InvalidInput`, `UnknownEdgePool`, `EdgePoolUnreachable`,
 * `NothingToFailBack`.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { applyPlan, planEdgeFailback, planEdgeFailover } from 'sfb-dr'
 *
 * pipe(
 *   planEdgeFailover(contoso, healthy, { edgePool: 'edge1.contoso.com', to: 'edge2.contoso.com' }),
 *   E.chainW((plan) => applyPlan(contoso, healthy, plan)),
 *   E.chainW((moved) => planEdgeFailback(contoso, moved, { edgePool: 'edge1.contoso.com' })),
 *   E.map((plan) => plan.steps.map((s) => s._tag)),
 * ) // => right(['MoveFederationRoute', 'AssociateEdgePool']): federation and pool1's media back on edge1
 *
 * @see {@link planEdgeFailover} for the inverse.
 * @category planning
 * @since 0.2.0
 */
export const planEdgeFailback = (
  topology: Topology,
  state: State,
  request: EdgeFailbackRequest,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, Plan> =>
  guardDeployment(topology, state) ?? pipe(
    parseEdgePoolField(topology, request, 'edgePool'),
    E.mapLeft((v): RNEA.ReadonlyNonEmptyArray<Violation> => [v]),
    E.chain((edge) =>
      planOrRefuse(
        topology,
        state,
        isEdgePoolReachable(state, edge) ? [] : [{ _tag: 'EdgePoolUnreachable', edgePool: edge }],
        edgeFailbackDrafts(topology, state, edge),
        { _tag: 'NothingToFailBack', edgePool: edge },
        { _tag: 'EdgeFailback', edgePool: edge },
      ),
    ),
  )
