/**
 * The Edge family: where Edge pools forward to (`Set-CsEdgeServer -Registrar`), and which Edge
 * pool carries SfB federation, XMPP federation and each Front End pool's media.
 *
 * An Edge pool's next hop is topology, written to the Central Management Store, not to the Edge
 * server: it can be set while the Edge pool is down, and `Invoke-CsPoolFailOver` refuses while
 * the topology names the failing pool as a next hop (domain-facts §3.2, §6.2).
 *
 * Federation, XMPP and media follow Microsoft's "Failing over, failing back, or changing the Edge
 * pool" (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-failing-back-or-changing-the-edge-pool.md,
 * domain-facts §3.5): federation moves in Topology Builder ("Enable federation for this Edge pool
 * (Port 5061)" cleared on one Edge pool, selected on the other, publish, Deployment Wizard Run
 * Again: `MoveFederationRoute`, manual); XMPP with `Set-CsSite -XmppFederationRoute`
 * (office-docs-powershell Set-CsSite: "Service Identity of the Edge Server used for XMPP …
 * federation", `SetXmppFederationRoute`) and then external DNS (`UpdateXmppDns`, manual); media
 * with "Associate Edge Pool (for media components)" (`AssociateEdgePool`, manual). The target of
 * each must be a running Edge pool.
 *
 * @module
 */
import type { EdgePoolFqdn, PoolFqdn, SiteName } from '../../model/identifiers.js'
import { isFailedOver, isPoolReachable, topologyXmppEdgePool, type State } from '../../model/state.js'
import type { Topology } from '../../model/topology.js'
import { broken, when, type BrokenRule, type StepFamily, type StepEntry } from './definition.js'
import { fqdn, siteName } from './fields.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Point an Edge pool's next hop at another Front End pool (`Set-CsEdgeServer -Registrar`).
 *
 * @category model
 * @since 0.1.0
 */
export interface SetEdgeNextHop {
  /** Discriminant. */
  readonly _tag: 'SetEdgeNextHop'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The Edge pool. */
  readonly edgePool: EdgePoolFqdn
  /** Its new next hop. */
  readonly nextHop: PoolFqdn
}

/**
 * Move SfB federation (port 5061) from one Edge pool to another in Topology Builder, publish, and
 * run the Deployment Wizard again (manual).
 *
 * @category model
 * @since 0.2.0
 */
export interface MoveFederationRoute {
  /** Discriminant. */
  readonly _tag: 'MoveFederationRoute'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `manual`. */
  readonly kind: 'manual'
  /** The Edge pool carrying federation now. */
  readonly from: EdgePoolFqdn
  /** The Edge pool that will carry it. */
  readonly to: EdgePoolFqdn
}

/**
 * Point the XMPP federation route at an Edge pool (`Set-CsSite -XmppFederationRoute`).
 *
 * @category model
 * @since 0.2.0
 */
export interface SetXmppFederationRoute {
  /** Discriminant. */
  readonly _tag: 'SetXmppFederationRoute'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The site of `edgePool` (`-Identity`). */
  readonly site: SiteName
  /** The Edge pool that will carry XMPP federation. */
  readonly edgePool: EdgePoolFqdn
}

/**
 * Point the external DNS records of XMPP federation (SRV `_xmpp-server._tcp`, port 5269, and the
 * A record) at an Edge pool (manual; right after `SetXmppFederationRoute`).
 *
 * @category model
 * @since 0.2.0
 */
export interface UpdateXmppDns {
  /** Discriminant. */
  readonly _tag: 'UpdateXmppDns'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `manual`. */
  readonly kind: 'manual'
  /** The Edge pool now carrying XMPP federation. */
  readonly edgePool: EdgePoolFqdn
}

/**
 * Associate a Front End pool with an Edge pool for media ("Associate Edge Pool (for media
 * components)" in Topology Builder, then publish; manual).
 *
 * @category model
 * @since 0.2.0
 */
export interface AssociateEdgePool {
  /** Discriminant. */
  readonly _tag: 'AssociateEdgePool'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `manual`. */
  readonly kind: 'manual'
  /** The Front End pool. */
  readonly pool: PoolFqdn
  /** The Edge pool it will use for media. */
  readonly edgePool: EdgePoolFqdn
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeSteps {
  /** `Set-CsEdgeServer -Registrar`. */
  readonly SetEdgeNextHop: StepEntry<SetEdgeNextHop, undefined>
  /** Topology Builder: federation from one Edge pool to another. */
  readonly MoveFederationRoute: StepEntry<MoveFederationRoute, undefined>
  /** `Set-CsSite -XmppFederationRoute`. */
  readonly SetXmppFederationRoute: StepEntry<SetXmppFederationRoute, undefined>
  /** External DNS for XMPP federation. */
  readonly UpdateXmppDns: StepEntry<UpdateXmppDns, undefined>
  /** Topology Builder: the media Edge pool of a Front End pool. */
  readonly AssociateEdgePool: StepEntry<AssociateEdgePool, undefined>
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Whether an Edge pool is up (unknown Edge pools are not).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const isEdgePoolReachable = (state: State, edgePool: EdgePoolFqdn): boolean =>
  state.edgePools.get(edgePool)?.reachable === true

/**
 * The roles the topology gives `edge` that ANOTHER Edge pool holds in `state` (a role nobody holds
 * now is not counted): `federation` and `xmpp`.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const rolesHeldElsewhere = (
  topology: Topology,
  state: State,
  edge: EdgePoolFqdn,
): { readonly federation: boolean; readonly xmpp: boolean } => {
  const configured = topology.index.edgePools.get(edge)
  return {
    federation:
      configured?.federation === true && state.federationEdgePool !== undefined && state.federationEdgePool !== edge,
    xmpp: topologyXmppEdgePool(topology) === edge && state.xmppEdgePool !== undefined && state.xmppEdgePool !== edge,
  }
}

/**
 * The Edge pools to fail back before the Front End pool `pool` fails back (contract §10,
 * domain-facts §6.1 #15 — Microsoft: "If the Front End pool at the same site as the failed Edge
 * pool also failed, you can now use Invoke-CsPoolFailback", after the Edge failback): every
 * REACHABLE Edge pool of `pool`'s site whose topology federation or XMPP role another Edge pool
 * holds now, in topology order. Media associations are not part of this rule.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const edgePoolsToFailBackFirst = (topology: Topology, state: State, pool: PoolFqdn): ReadonlyArray<EdgePoolFqdn> => {
  const site = topology.index.pools.get(pool)?.site
  if (site === undefined) return []
  return topology.edgePools
    .filter((e) => {
      if (e.site !== site || !isEdgePoolReachable(state, e.fqdn)) return false
      const held = rolesHeldElsewhere(topology, state, e.fqdn)
      return held.federation || held.xmpp
    })
    .map((e) => e.fqdn)
}

/**
 * The running, not failed-over Front End pools that use `edge` for media now, in topology order
 * (those an Edge failover re-associates).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const mediaUsers = (topology: Topology, state: State, edge: EdgePoolFqdn): ReadonlyArray<PoolFqdn> =>
  topology.pools
    .filter((p) => state.mediaEdgePools.get(p.fqdn) === edge && isPoolReachable(state, p.fqdn) && !isFailedOver(state, p.fqdn))
    .map((p) => p.fqdn)

/**
 * The running, not failed-over Front End pools the topology associates with `edge` for media that
 * use another Edge pool now (none: not failed back), in topology order (those an Edge failback
 * re-associates).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const mediaToGiveBack = (topology: Topology, state: State, edge: EdgePoolFqdn): ReadonlyArray<PoolFqdn> =>
  topology.pools
    .filter((p) => {
      const now = state.mediaEdgePools.get(p.fqdn)
      return p.edgePool === edge && now !== undefined && now !== edge && isPoolReachable(state, p.fqdn) && !isFailedOver(state, p.fqdn)
    })
    .map((p) => p.fqdn)

/** `UnknownEdgePool` for each Edge pool the topology does not have. */
const knownEdgePools = (topology: Topology, ...edges: ReadonlyArray<EdgePoolFqdn>): ReadonlyArray<BrokenRule> =>
  edges.filter((e) => !topology.index.edgePools.has(e)).map((e) => broken('UnknownEdgePool', e))

/** The target of a role must be a running Edge pool of the topology. */
const usableTarget = (topology: Topology, state: State, edge: EdgePoolFqdn): ReadonlyArray<BrokenRule> =>
  topology.index.edgePools.has(edge) ? when(!isEdgePoolReachable(state, edge), 'EdgePoolReachable', edge) : []

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

/**
 * The definitions of the Edge family.
 *
 * @category model
 * @since 0.2.0
 */
export const edgeSteps: StepFamily<keyof EdgeSteps> = {
  SetEdgeNextHop: {
    kind: 'action',
    slug: 'set-edge-next-hop',
    fields: { edgePool: fqdn, nextHop: fqdn },
    pools: (step) => [step.nextHop],
    // Reachable or not: the next hop is topology (see the module comment).
    preconditions: (topology, state, { edgePool, nextHop }) => [
      ...(topology.index.edgePools.has(edgePool) ? [] : [broken('UnknownEdgePool', edgePool)]),
      ...when(
        !topology.index.pools.has(nextHop) || !isPoolReachable(state, nextHop) || isFailedOver(state, nextHop),
        'EdgeNextHopIsUsablePool',
        nextHop,
      ),
    ],
    transition: (topology, state, { edgePool, nextHop }) => {
      const status = state.edgePools.get(edgePool)
      if (status === undefined || status.nextHop === nextHop || !topology.index.pools.has(nextHop)) return state
      const edgePools = new Map(state.edgePools)
      edgePools.set(edgePool, { ...status, nextHop })
      return { ...state, edgePools }
    },
  },
  MoveFederationRoute: {
    kind: 'manual',
    slug: 'move-federation-route',
    fields: { from: fqdn, to: fqdn },
    pools: () => [],
    preconditions: (topology, state, { from, to }) => [
      ...knownEdgePools(topology, from, to),
      ...when(from === to, 'DistinctEdgePools', from),
      ...when(state.federationEdgePool !== from, 'FederationOnSourceEdgePool', from),
      ...usableTarget(topology, state, to),
    ],
    transition: (topology, state, { to }) =>
      state.federationEdgePool === to || !topology.index.edgePools.has(to) ? state : { ...state, federationEdgePool: to },
  },
  SetXmppFederationRoute: {
    kind: 'action',
    slug: 'set-xmpp-federation-route',
    fields: { site: siteName, edgePool: fqdn },
    pools: () => [],
    // Set-CsSite -Identity names "the site containing the Edge pool which will now host the XMPP
    // federation route" (failing-over-failing-back-or-changing-the-edge-pool.md, step 3).
    preconditions: (topology, state, { site, edgePool }) => [
      ...knownEdgePools(topology, edgePool),
      ...when(
        topology.index.edgePools.has(edgePool) && topology.index.edgePools.get(edgePool)?.site !== site,
        'XmppSiteIsEdgePoolSite',
        edgePool,
        site,
      ),
      ...usableTarget(topology, state, edgePool),
    ],
    transition: (topology, state, { edgePool }) =>
      state.xmppEdgePool === edgePool || !topology.index.edgePools.has(edgePool) ? state : { ...state, xmppEdgePool: edgePool },
  },
  UpdateXmppDns: {
    kind: 'manual',
    slug: 'update-xmpp-dns',
    fields: { edgePool: fqdn },
    pools: () => [],
    // The DNS records follow the route: only once the route points at this Edge pool.
    preconditions: (topology, state, { edgePool }) => [
      ...knownEdgePools(topology, edgePool),
      ...when(state.xmppEdgePool !== edgePool, 'XmppRouteOnEdgePool', edgePool),
    ],
    transition: (_topology, state) => state,
  },
  AssociateEdgePool: {
    kind: 'manual',
    slug: 'associate-edge-pool',
    fields: { pool: fqdn, edgePool: fqdn },
    pools: (step) => [step.pool],
    preconditions: (topology, state, { pool, edgePool }) => [
      ...when(!topology.index.pools.has(pool), 'UnknownPool', pool),
      ...knownEdgePools(topology, edgePool),
      ...usableTarget(topology, state, edgePool),
    ],
    transition: (topology, state, { pool, edgePool }) => {
      if (state.mediaEdgePools.get(pool) === edgePool || !topology.index.pools.has(pool) || !topology.index.edgePools.has(edgePool))
        return state
      const mediaEdgePools = new Map(state.mediaEdgePools)
      mediaEdgePools.set(pool, edgePool)
      return { ...state, mediaEdgePools }
    },
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Point `edgePool` at `nextHop`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const setEdgeNextHop = (edgePool: EdgePoolFqdn, nextHop: PoolFqdn): Omit<SetEdgeNextHop, 'id'> => ({
  _tag: 'SetEdgeNextHop',
  kind: 'action',
  edgePool,
  nextHop,
})

/**
 * Move federation from `from` to `to`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const moveFederationRoute = (from: EdgePoolFqdn, to: EdgePoolFqdn): Omit<MoveFederationRoute, 'id'> => ({
  _tag: 'MoveFederationRoute',
  kind: 'manual',
  from,
  to,
})

/**
 * Point the XMPP route at `edgePool` (of `site`).
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const setXmppFederationRoute = (site: SiteName, edgePool: EdgePoolFqdn): Omit<SetXmppFederationRoute, 'id'> => ({
  _tag: 'SetXmppFederationRoute',
  kind: 'action',
  site,
  edgePool,
})

/**
 * Point the XMPP DNS records at `edgePool`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const updateXmppDns = (edgePool: EdgePoolFqdn): Omit<UpdateXmppDns, 'id'> => ({
  _tag: 'UpdateXmppDns',
  kind: 'manual',
  edgePool,
})

/**
 * Associate `pool` with `edgePool` for media.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const associateEdgePool = (pool: PoolFqdn, edgePool: EdgePoolFqdn): Omit<AssociateEdgePool, 'id'> => ({
  _tag: 'AssociateEdgePool',
  kind: 'manual',
  pool,
  edgePool,
})
