/**
 * The step catalog: ONE definition per step tag — its kind, id slug, field shapes,
 * preconditions and transition. The planners, `validatePlan`, `applyPlan` and the simulated
 * handlers all go through it, so they cannot disagree.
 *
 * Laws:
 * - Transitions are pure and total; checks do not change the state (the same reference comes back).
 * - `applyStep(t, s, step)` is `right(transition(s))` iff the step breaks no precondition and
 *   no safety rule (see `safety.ts`) for the pools it touches.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { StepPreconditionFailed, StepRule, Violation } from '../model/problem.js'
import {
  isCentralManagementStoreAvailable,
  isFailedOver,
  isPoolReachable,
  type FailoverMode,
  type State,
} from '../model/state.js'
import type { Topology } from '../model/topology.js'
import { otherCmsPool } from './cms.js'
import { guardDeployment } from './input.js'
import { safetyRules } from './safety.js'
import type { Step, StepOf, StepTag } from './step.js'
import type { BrokenRule, StepCatalog, StepDefinition } from './stepDefinition.js'

export type { BrokenRule, FieldShape, StepCatalog, StepDefinition } from './stepDefinition.js'

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------

const broken = (rule: StepRule, ...subjects: ReadonlyArray<string>): BrokenRule => ({ rule, subjects })

const when = (condition: boolean, rule: StepRule, ...subjects: ReadonlyArray<string>): ReadonlyArray<BrokenRule> =>
  condition ? [broken(rule, ...subjects)] : []

const unchanged = (_topology: Topology, state: State): State => state

/** The partner rules shared by failover and failback: the pool has a backup, and it is `backupPool`. */
const partnerRules = (topology: Topology, pool: PoolFqdn, backupPool: PoolFqdn): ReadonlyArray<BrokenRule> => {
  const partner = topology.index.partners.get(pool)
  if (partner === undefined) return [broken('PoolHasBackup', pool)]
  return when(partner !== backupPool, 'BackupPoolMatchesPartner', backupPool, partner)
}

const withFailovers = (state: State, update: (failovers: Map<PoolFqdn, FailoverMode>) => void): State => {
  const failovers = new Map(state.failovers)
  update(failovers)
  return { ...state, failovers }
}

// -------------------------------------------------------------------------------------
// the catalog
// -------------------------------------------------------------------------------------

/**
 * The definition of every step tag.
 *
 * @category model
 * @since 0.1.0
 */
export const catalog: StepCatalog = {
  CheckBackupService: {
    kind: 'check',
    slug: 'check-backup-service',
    fields: { pool: 'fqdn' },
    pools: (step) => [step.pool],
    preconditions: (topology, state, { pool }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [
            ...when(!topology.index.partners.has(pool), 'PoolHasBackup', pool),
            ...when(!isPoolReachable(state, pool), 'PoolReachableForCheck', pool),
          ],
    transition: unchanged,
  },
  FailoverCentralManagementStore: {
    kind: 'action',
    slug: 'failover-cms',
    fields: {
      from: 'fqdn',
      to: 'fqdn',
      sqlServer: 'fqdn',
      instance: 'sqlInstance',
      mirrorSqlServer: 'optionalFqdn',
      mirrorInstance: 'optionalSqlInstance',
      mode: 'mode',
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
    fields: { activeMaster: 'fqdn' },
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
  SetEdgeNextHop: {
    kind: 'action',
    slug: 'set-edge-next-hop',
    fields: { edgePool: 'fqdn', nextHop: 'fqdn' },
    pools: (step) => [step.nextHop],
    preconditions: (topology, state, { edgePool, nextHop }) => [
      ...(topology.index.edgePools.has(edgePool)
        ? when(state.edgePools.get(edgePool)?.reachable !== true, 'EdgePoolReachable', edgePool)
        : [broken('UnknownEdgePool', edgePool)]),
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
  FailoverPool: {
    kind: 'action',
    slug: 'failover-pool',
    fields: { pool: 'fqdn', backupPool: 'fqdn', disasterMode: 'boolean' },
    pools: (step) => [step.pool, step.backupPool],
    preconditions: (topology, state, { pool, backupPool, disasterMode }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [
            ...partnerRules(topology, pool, backupPool),
            ...when(isFailedOver(state, pool), 'PoolNotFailedOver', pool),
            ...when(!disasterMode && !isPoolReachable(state, pool), 'PlannedModeNeedsReachablePool', pool),
          ],
    transition: (topology, state, { pool, disasterMode }) => {
      const mode = disasterMode ? 'disaster' : 'planned'
      if (!topology.index.partners.has(pool) || state.failovers.get(pool) === mode) return state
      return withFailovers(state, (m) => m.set(pool, mode))
    },
  },
  FailbackPool: {
    kind: 'action',
    slug: 'failback-pool',
    fields: { pool: 'fqdn', backupPool: 'fqdn', disasterMode: 'boolean' },
    pools: (step) => [step.pool, step.backupPool],
    preconditions: (topology, state, { pool, backupPool }) =>
      !topology.index.pools.has(pool)
        ? [broken('UnknownPool', pool)]
        : [...partnerRules(topology, pool, backupPool), ...when(!isFailedOver(state, pool), 'PoolFailedOver', pool)],
    transition: (_topology, state, { pool }) =>
      isFailedOver(state, pool) ? withFailovers(state, (m) => m.delete(pool)) : state,
  },
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * Runs `f` with the definition of `step`'s tag, typed for that tag.
 *
 * @category operations
 * @since 0.1.0
 */
export const withDefinition = <R>(
  step: Step,
  f: <K extends StepTag>(definition: StepDefinition<K>, step: StepOf<K>) => R,
): R => {
  switch (step._tag) {
    case 'CheckBackupService':
      return f(catalog.CheckBackupService, step)
    case 'FailoverCentralManagementStore':
      return f(catalog.FailoverCentralManagementStore, step)
    case 'CheckCentralManagementStore':
      return f(catalog.CheckCentralManagementStore, step)
    case 'SetEdgeNextHop':
      return f(catalog.SetEdgeNextHop, step)
    case 'FailoverPool':
      return f(catalog.FailoverPool, step)
    case 'FailbackPool':
      return f(catalog.FailbackPool, step)
  }
}

/**
 * The state after `step`, whether or not it may run (`validatePlan` keeps folding after a broken
 * step so that later problems are found too).
 *
 * @category operations
 * @since 0.1.0
 */
export const transition = (topology: Topology, state: State, step: Step): State =>
  withDefinition(step, (definition, s) => definition.transition(topology, state, s))

/**
 * The Front End pools a step touches, in field order.
 *
 * @category operations
 * @since 0.1.0
 */
export const poolsOfStep = (step: Step): ReadonlyArray<PoolFqdn> =>
  withDefinition(step, (definition, s) => definition.pools(s))

/**
 * Every rule `step` breaks in `state` (its preconditions, then the safety rules for the pools it
 * touches), and the state after it.
 *
 * @category operations
 * @since 0.1.0
 */
export const checkStep = (
  topology: Topology,
  state: State,
  step: Step,
): { readonly violations: ReadonlyArray<StepPreconditionFailed>; readonly next: State } => {
  const next = transition(topology, state, step)
  const rules = [
    ...withDefinition(step, (definition, s) => definition.preconditions(topology, state, s)),
    ...safetyRules(topology, state, next, step, poolsOfStep(step)),
  ]
  return {
    violations: rules.map(({ rule, subjects }) => ({
      _tag: 'StepPreconditionFailed',
      stepId: step.id,
      step: step._tag,
      rule,
      subjects,
    })),
    next,
  }
}

/**
 * Applies one step: the state after it, or every precondition and safety rule it breaks.
 *
 * **Details**
 *
 * Preconditions are checked in the state before the step; the rule that at most one pool of a
 * pair is failed over is checked in the state after it. Only the pools the step touches are
 * checked, so a state that already breaks a rule elsewhere (two disasters at once) does not block
 * steps for other pools.
 *
 * @category planning
 * @since 0.1.0
 */
export const applyStep = (
  topology: Topology,
  state: State,
  step: Step,
): E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, State> => {
  const refused = guardDeployment(topology, state)
  if (refused !== undefined) return refused
  const { violations, next } = checkStep(topology, state, step)
  const [first, ...rest] = violations
  return first === undefined ? E.right(next) : E.left([first, ...rest])
}

/**
 * Whether `tag` is a step tag of the catalog (own keys only: `__proto__` or `toString` are not).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isStepTag = (tag: unknown): tag is StepTag =>
  typeof tag === 'string' && Object.prototype.hasOwnProperty.call(catalog, tag)
