/**
 * The registrar family: recovering a Front End pool from routing-group quorum loss
 * (`Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`).
 *
 * Microsoft (OfficeDocs-SkypeForBusiness "Front End Pool high availability and management",
 * domain-facts §3.10; office-docs-powershell `Reset-CsPoolRegistrarState`): when fewer servers
 * than the start table asks for can be started, "but enough servers can be started so that you
 * are not at pool-level quorum loss", the QuorumLossRecovery reset lets the pool recover; in a
 * two-server pool whose two servers were both down and cannot be restarted together or in reverse
 * order of shutdown, it is run before bringing the pool back up. The reset reloads the routing
 * groups in quorum loss from the backup store: it starts no server, so the model's state does not
 * change.
 *
 * @module
 */
import type { PoolFqdn } from '../../model/identifiers.js'
import { assessKnownPool, needsQuorumLossRecovery } from '../../assess/assessPool.js'
import { broken, unchanged, when, type StepEntry, type StepFamily } from './definition.js'
import { fqdn, oneOf } from './fields.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Recover `pool` from routing-group quorum loss
 * (`Reset-CsPoolRegistrarState -PoolFqdn <pool> -ResetType QuorumLossRecovery -Confirm:$false`).
 *
 * @category model
 * @since 0.2.0
 */
export interface ResetPoolRegistrarState {
  /** Discriminant. */
  readonly _tag: 'ResetPoolRegistrarState'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The Front End pool (`-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** Always `QuorumLossRecovery` (`-ResetType`). */
  readonly resetType: 'QuorumLossRecovery'
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface RegistrarSteps {
  /** `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`. */
  readonly ResetPoolRegistrarState: StepEntry<ResetPoolRegistrarState, undefined>
}

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

/**
 * The definitions of the registrar family.
 *
 * @category model
 * @since 0.2.0
 */
export const registrarSteps: StepFamily<keyof RegistrarSteps> = {
  ResetPoolRegistrarState: {
    kind: 'action',
    slug: 'reset-registrar',
    fields: { pool: fqdn, resetType: oneOf('QuorumLossRecovery') },
    pools: (step) => [step.pool],
    preconditions: (topology, state, { pool }) => {
      const known = topology.index.pools.get(pool)
      if (known === undefined) return [broken('UnknownPool', pool)]
      return when(!needsQuorumLossRecovery(assessKnownPool(known, state)), 'QuorumLossRecoveryApplies', pool)
    },
    transition: unchanged,
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Recover `pool` from routing-group quorum loss.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const resetPoolRegistrarState = (pool: PoolFqdn): Omit<ResetPoolRegistrarState, 'id'> => ({
  _tag: 'ResetPoolRegistrarState',
  kind: 'action',
  pool,
  resetType: 'QuorumLossRecovery',
})
