/**
 * The Edge family: where Edge pools forward to (`Set-CsEdgeServer -Registrar`).
 *
 * An Edge pool's next hop is topology, written to the Central Management Store, not to the Edge
 * server: it can be set while the Edge pool is down, and `Invoke-CsPoolFailOver` refuses while
 * the topology names the failing pool as a next hop (domain-facts §3.2, §6.2).
 *
 * @module
 */
import type { EdgePoolFqdn, PoolFqdn } from '../../model/identifiers.js'
import { isFailedOver, isPoolReachable } from '../../model/state.js'
import { broken, when, type StepFamily, type StepEntry } from './definition.js'
import { fqdn } from './fields.js'

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
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface EdgeSteps {
  /** `Set-CsEdgeServer -Registrar`. */
  readonly SetEdgeNextHop: StepEntry<SetEdgeNextHop, undefined>
}

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
