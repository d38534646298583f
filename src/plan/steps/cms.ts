/**
 * The Central Management Store family: failing the CMS over to the other pool of the CMS pair
 * (`Invoke-CsManagementServerFailover`) and checking where its active master is
 * (`Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { Fqdn, PoolFqdn, SqlInstanceName } from '../../model/identifiers.js'
import { databasePrincipal, isBackEndServerDown, isCentralManagementStoreAvailable, isPoolReachable, type FailoverMode } from '../../model/state.js'
import { partnerOf, type BackEnd, type Topology } from '../../model/topology.js'
import { describeFound } from '../../model/found.js'
import { ownField } from '../input.js'
import { broken, checkMismatch, unchanged, when, type StepChecks, type StepFamily, type StepEntry } from './definition.js'
import { fqdn, oneOf, optional, sqlInstance } from './fields.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Fail the Central Management Store over to the Back End of the other pool of the CMS pair
 * (`Invoke-CsManagementServerFailover`).
 *
 * @category model
 * @since 0.1.0
 */
export interface FailoverCentralManagementStore {
  /** Discriminant. */
  readonly _tag: 'FailoverCentralManagementStore'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The pool holding the active master now. */
  readonly from: PoolFqdn
  /** The pool that will hold it. */
  readonly to: PoolFqdn
  /** `to`'s Back End SQL server. */
  readonly sqlServer: Fqdn
  /** `to`'s Back End SQL instance. */
  readonly instance: SqlInstanceName
  /** `to`'s Back End mirror server, when mirrored. */
  readonly mirrorSqlServer?: Fqdn
  /** `to`'s Back End mirror instance, when mirrored. */
  readonly mirrorInstance?: SqlInstanceName
  /** `planned` when the CMS is available (no parameters), `disaster` otherwise (`-Force`). */
  readonly mode: FailoverMode
}

/**
 * Verify the CMS active master is `activeMaster`
 * (`Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`).
 *
 * @category model
 * @since 0.1.0
 */
export interface CheckCentralManagementStore {
  /** Discriminant. */
  readonly _tag: 'CheckCentralManagementStore'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `check`. */
  readonly kind: 'check'
  /** The pool expected in `ActiveMasterFqdn`. */
  readonly activeMaster: PoolFqdn
}

/**
 * What a `CheckCentralManagementStore` handler observed.
 *
 * @category execution
 * @since 0.1.0
 */
export interface CentralManagementStoreObservation {
  /** The active master's pool FQDN as reported, in any letter case, with or without a trailing dot. */
  readonly activeMaster: string
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface CmsSteps {
  /** `Invoke-CsManagementServerFailover`. */
  readonly FailoverCentralManagementStore: StepEntry<FailoverCentralManagementStore, undefined>
  /** `Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`. */
  readonly CheckCentralManagementStore: StepEntry<CheckCentralManagementStore, CentralManagementStoreObservation>
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The pool the CMS fails over to from `activeMaster`: the CMS pool's partner when the active
 * master is on the CMS pool (`none` if it is unpaired), the CMS pool otherwise.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const otherCmsPool = (topology: Topology, activeMaster: PoolFqdn): O.Option<PoolFqdn> => {
  const cmsPool = topology.centralManagementStore.pool
  return activeMaster === cmsPool ? partnerOf(topology, cmsPool) : O.some(cmsPool)
}

const normalizeFqdn = (s: string): string => s.trim().replace(/\.$/, '').toLowerCase()

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

/**
 * The definitions of the CMS family.
 *
 * @category model
 * @since 0.2.0
 */
export const cmsSteps: StepFamily<keyof CmsSteps> = {
  FailoverCentralManagementStore: {
    kind: 'action',
    slug: 'failover-cms',
    fields: {
      from: fqdn,
      to: fqdn,
      sqlServer: fqdn,
      instance: sqlInstance,
      mirrorSqlServer: optional(fqdn),
      mirrorInstance: optional(sqlInstance),
      mode: oneOf('planned', 'disaster'),
    },
    pools: (step) => [step.from, step.to],
    preconditions: (topology, state, step) => {
      const { activeMaster } = state.centralManagementStore
      const target = topology.index.pools.get(step.to)
      const backEnd = target?.backEnd
      const backEndMatches =
        backEnd !== undefined &&
        backEnd.sqlServer === step.sqlServer &&
        backEnd.instance === step.instance &&
        backEnd.mirror?.sqlServer === step.mirrorSqlServer &&
        backEnd.mirror?.instance === step.mirrorInstance
      return [
        ...when(step.from !== activeMaster, 'CmsSourceIsActiveMaster', step.from, activeMaster),
        ...(target === undefined
          ? [broken('UnknownPool', step.to)]
          : [
              ...when(
                !O.exists((p: PoolFqdn) => p === step.to)(otherCmsPool(topology, activeMaster)),
                'CmsTargetIsCmsPartner',
                step.to,
              ),
              ...when(!isPoolReachable(state, step.to), 'CmsTargetReachable', step.to),
              // The target's principal CentralMgmt server must run: Microsoft fails the CMS over onto
              // it (failing-over-and-failing-back-a-pool.md, step 5), and without it the CMS is
              // unavailable there (contract §9).
              ...when(isBackEndServerDown(state, step.to, databasePrincipal(state, step.to, 'CentralMgmt')), 'CmsTargetBackEndUp', step.to),
              ...when(!backEndMatches, 'CmsTargetBackEndMatchesTopology', step.to),
            ]),
        ...when(
          (step.mode === 'planned') !== isCentralManagementStoreAvailable(state),
          'CmsModeMatchesAvailability',
          activeMaster,
        ),
      ]
    },
    transition: (_topology, state, { to }) =>
      state.centralManagementStore.activeMaster === to && state.centralManagementStore.available
        ? state
        : { ...state, centralManagementStore: { activeMaster: to, available: true } },
  },
  CheckCentralManagementStore: {
    kind: 'check',
    slug: 'check-cms',
    fields: { activeMaster: fqdn },
    pools: (step) => [step.activeMaster],
    preconditions: (_topology, state, { activeMaster }) =>
      when(
        activeMaster !== state.centralManagementStore.activeMaster,
        'ActiveMasterMatches',
        activeMaster,
        state.centralManagementStore.activeMaster,
      ),
    transition: unchanged,
  },
}

/**
 * How the checks of this family are judged (`executePlan`) and simulated (`simulatedHandlers`).
 *
 * @category model
 * @since 0.2.0
 */
export const cmsChecks: StepChecks<'CheckCentralManagementStore'> = {
  CheckCentralManagementStore: {
    // Accepted iff the observed activeMaster, trimmed, without one trailing dot and lower-cased,
    // equals the expected pool normalized the same way.
    judge: (step, observation) => {
      const expected = String(step.activeMaster)
      const activeMaster = ownField(observation, 'activeMaster')
      if (typeof activeMaster !== 'string')
        return E.left({
          mismatch: checkMismatch(
            expected,
            describeFound(observation),
            'The handler did not report the active master (an object with an activeMaster string).',
          ),
        })
      const observed = { activeMaster }
      if (normalizeFqdn(activeMaster) === normalizeFqdn(expected)) return E.right(observed)
      return E.left({
        mismatch: checkMismatch(
          expected,
          activeMaster,
          activeMaster.trim() === ''
            ? `The Central Management Store has no active master (it is unavailable); expected ${expected}.`
            : `The Central Management Store active master is ${activeMaster}; expected ${expected}.`,
        ),
        observed,
      })
    },
    // `ActiveMasterFqdn` is empty while the CMS is unavailable.
    observe: (_topology, state) =>
      E.right({
        activeMaster: isCentralManagementStoreAvailable(state) ? state.centralManagementStore.activeMaster : '',
      }),
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Fail the CMS over from `from` to `to`, whose Back End (and mirror, if any) receives it.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const failoverCentralManagementStore = (
  from: PoolFqdn,
  to: PoolFqdn,
  backEnd: BackEnd,
  mode: FailoverMode,
): Omit<FailoverCentralManagementStore, 'id'> => ({
  _tag: 'FailoverCentralManagementStore',
  kind: 'action',
  from,
  to,
  sqlServer: backEnd.sqlServer,
  instance: backEnd.instance,
  ...(backEnd.mirror === undefined
    ? {}
    : { mirrorSqlServer: backEnd.mirror.sqlServer, mirrorInstance: backEnd.mirror.instance }),
  mode,
})

/**
 * Check the CMS active master is `activeMaster`.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const checkCentralManagementStore = (activeMaster: PoolFqdn): Omit<CheckCentralManagementStore, 'id'> => ({
  _tag: 'CheckCentralManagementStore',
  kind: 'check',
  activeMaster,
})
