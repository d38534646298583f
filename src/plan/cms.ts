/**
 * The Central Management Store in plans: where it can fail over to, and the steps that do it.
 *
 * Laws:
 * - The CMS pair is the topology's CMS pool and its partner; the CMS fails over to the pool of
 *   the pair that does not hold the active master now (`otherCmsPool`).
 * - A pool failover needs the CMS failed over first when its active master is on the failing
 *   pool or it is unavailable; a failback needs it when it is unavailable. It is never failed back.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { CentralManagementStoreUnrecoverable } from '../model/problem.js'
import { databasePrincipal, isBackEndServerDown, isCentralManagementStoreAvailable, isPoolReachable, type State } from '../model/state.js'
import { partnerOf, type Topology } from '../model/topology.js'
import { checkCentralManagementStore, failoverCentralManagementStore, type StepDraft } from './draft.js'

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

/**
 * Whether a CMS failover must come before a pool failover (`failing` is the failing pool) or a
 * failback (`failing` is `none`): the active master is on the failing pool, or the CMS is
 * unavailable.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const cmsFailoverNeeded = (state: State, failing: O.Option<PoolFqdn>): boolean =>
  !isCentralManagementStoreAvailable(state) ||
  O.exists((p: PoolFqdn) => p === state.centralManagementStore.activeMaster)(failing)

/**
 * The CMS failover and its check, when one is needed before failing `failing` over (or before a
 * failback, with `none`); no steps when none is needed; `CentralManagementStoreUnrecoverable`
 * when one is needed but the other pool of the CMS pair is missing, the failing pool or
 * unreachable.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const cmsFailoverSteps = (
  topology: Topology,
  state: State,
  failing: O.Option<PoolFqdn>,
): E.Either<CentralManagementStoreUnrecoverable, ReadonlyArray<StepDraft>> => {
  if (!cmsFailoverNeeded(state, failing)) return E.right([])
  const from = state.centralManagementStore.activeMaster
  const unrecoverable = (
    reason: CentralManagementStoreUnrecoverable['reason'],
    standby: O.Option<PoolFqdn>,
  ): E.Either<CentralManagementStoreUnrecoverable, never> =>
    E.left({
      _tag: 'CentralManagementStoreUnrecoverable',
      activeMaster: from,
      ...(O.isSome(standby) ? { standby: standby.value } : {}),
      reason,
    })
  const other = otherCmsPool(topology, from)
  if (O.isNone(other)) return unrecoverable('cmsPoolUnpaired', other)
  const to = other.value
  if (O.exists((p: PoolFqdn) => p === to)(failing)) return unrecoverable('standbyIsFailingPool', other)
  const toPool = topology.index.pools.get(to)
  if (toPool === undefined || !isPoolReachable(state, to)) return unrecoverable('standbyUnreachable', other)
  // Microsoft fails the CMS over onto the Back End server of the backup pool "that runs the
  // principal instance of the Central Management store" (Get-CsDatabaseMirrorState -DatabaseType
  // Centralmgmt, then Invoke-CsManagementServerFailover onto that server: OfficeDocs-SkypeForBusiness
  // Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md, step 5).
  // With that server down, the CMS would be unavailable there too (contract §9).
  if (isBackEndServerDown(state, to, databasePrincipal(state, to, 'CentralMgmt'))) return unrecoverable('standbyBackEndDown', other)
  const mode = isCentralManagementStoreAvailable(state) ? 'planned' : 'disaster'
  return E.right([failoverCentralManagementStore(from, to, toPool.backEnd, mode), checkCentralManagementStore(to)])
}
