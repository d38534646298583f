/**
 * The Back End family: failing a mirrored Back End database over to the other server
 * (`Invoke-CsDatabaseFailover`) and checking which server is principal
 * (`Get-CsDatabaseMirrorState`).
 *
 * Microsoft (office-docs-powershell `Invoke-CsDatabaseFailover`, `Get-CsDatabaseMirrorState`;
 * domain-facts §1.5, §3.6): the cmdlet fails unless the database has both a primary and a mirror;
 * `-Force` "is also used if the current database is not accessible"; the databases of the pool
 * hosting the Central Management Store include `CentralMgmt`, failed over the same way.
 * `Get-CsDatabaseMirrorState` reports, per database, `StateOnPrimary` and `StateOnMirror`; the
 * principal side reads `Principal`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeFound } from '../../model/found.js'
import type { PoolFqdn } from '../../model/identifiers.js'
import {
  databasePrincipal,
  isBackEndServerDown,
  withDatabasePrincipal,
  type BackEndServer,
  type MirroredDatabase,
} from '../../model/state.js'
import { ownField } from '../input.js'
import { broken, checkMismatch, unchanged, when, type BrokenRule, type StepChecks, type StepEntry, type StepFamily } from './definition.js'
import { boolean, fqdn, oneOf } from './fields.js'
import type { Topology } from '../../model/topology.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Make `newPrincipal` the principal server of `pool`'s `databaseType` database
 * (`Invoke-CsDatabaseFailover`, with `-Force` when the current principal is down).
 *
 * @category model
 * @since 0.2.0
 */
export interface FailoverDatabase {
  /** Discriminant. */
  readonly _tag: 'FailoverDatabase'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `action`. */
  readonly kind: 'action'
  /** The Front End pool whose Back End it is (`-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** The database (`-DatabaseType`). */
  readonly databaseType: MirroredDatabase
  /** The server that becomes principal (`-NewPrincipal`). */
  readonly newPrincipal: BackEndServer
  /** Whether to pass `-Force` (the current principal is not accessible). */
  readonly force: boolean
}

/**
 * Verify `principal` is the principal server of `pool`'s `databaseType` database
 * (`Get-CsDatabaseMirrorState`: its side, `StateOnPrimary` or `StateOnMirror`, reads `Principal`).
 *
 * @category model
 * @since 0.2.0
 */
export interface CheckDatabaseMirrorState {
  /** Discriminant. */
  readonly _tag: 'CheckDatabaseMirrorState'
  /** Unique, deterministic id within the plan. */
  readonly id: string
  /** Always `check`. */
  readonly kind: 'check'
  /** The Front End pool whose Back End it is (`-PoolFqdn`). */
  readonly pool: PoolFqdn
  /** The database (`-DatabaseType`). */
  readonly databaseType: MirroredDatabase
  /** The server expected to be principal. */
  readonly principal: BackEndServer
}

/**
 * What a `CheckDatabaseMirrorState` handler observed: the server that is principal for the
 * database (`Primary` or `Mirror`; letter case does not matter).
 *
 * @category execution
 * @since 0.2.0
 */
export interface DatabaseMirrorObservation {
  /** `Primary` or `Mirror`, as the port read it. */
  readonly principal: string
}

/**
 * The steps of this family and what their handlers answer.
 *
 * @category model
 * @since 0.2.0
 */
export interface BackEndSteps {
  /** `Invoke-CsDatabaseFailover`. */
  readonly FailoverDatabase: StepEntry<FailoverDatabase, undefined>
  /** `Get-CsDatabaseMirrorState`. */
  readonly CheckDatabaseMirrorState: StepEntry<CheckDatabaseMirrorState, DatabaseMirrorObservation>
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** The pool is known, has a mirror, and (for `CentralMgmt`) holds the CMS active master. */
const databaseRules = (
  topology: Topology,
  activeMaster: PoolFqdn,
  pool: PoolFqdn,
  databaseType: MirroredDatabase,
): ReadonlyArray<BrokenRule> => {
  const known = topology.index.pools.get(pool)
  if (known === undefined) return [broken('UnknownPool', pool)]
  return [
    ...when(known.backEnd.ha !== 'mirroring' || known.backEnd.mirror === undefined, 'PoolHasMirror', pool),
    ...when(databaseType === 'CentralMgmt' && activeMaster !== pool, 'PoolHoldsCentralMgmt', pool, activeMaster),
  ]
}

const serverName = (u: unknown): BackEndServer | undefined => {
  if (typeof u !== 'string') return undefined
  const s = u.trim().toLowerCase()
  return s === 'primary' ? 'Primary' : s === 'mirror' ? 'Mirror' : undefined
}

// -------------------------------------------------------------------------------------
// definitions
// -------------------------------------------------------------------------------------

const SERVER = oneOf('Primary', 'Mirror')
const DATABASE = oneOf('User', 'CentralMgmt')

/**
 * The definitions of the Back End family.
 *
 * @category model
 * @since 0.2.0
 */
export const backEndSteps: StepFamily<keyof BackEndSteps> = {
  FailoverDatabase: {
    kind: 'action',
    slug: 'failover-database',
    fields: { pool: fqdn, databaseType: DATABASE, newPrincipal: SERVER, force: boolean },
    pools: (step) => [step.pool],
    preconditions: (topology, state, step) => {
      const rules = databaseRules(topology, state.centralManagementStore.activeMaster, step.pool, step.databaseType)
      if (rules.some((r) => r.rule === 'UnknownPool' || r.rule === 'PoolHasMirror')) return rules
      const current = databasePrincipal(state, step.pool, step.databaseType)
      return [
        ...rules,
        ...when(current === step.newPrincipal, 'NewPrincipalDiffers', step.pool),
        ...when(isBackEndServerDown(state, step.pool, step.newPrincipal), 'NewPrincipalUp', step.pool),
        ...when(!step.force && isBackEndServerDown(state, step.pool, current), 'ForceWhenPrincipalDown', step.pool),
      ]
    },
    transition: (topology, state, step) =>
      topology.index.pools.has(step.pool) ? withDatabasePrincipal(state, step.pool, step.databaseType, step.newPrincipal) : state,
  },
  CheckDatabaseMirrorState: {
    kind: 'check',
    slug: 'check-database-mirror',
    fields: { pool: fqdn, databaseType: DATABASE, principal: SERVER },
    pools: (step) => [step.pool],
    preconditions: (topology, state, step) => {
      const rules = databaseRules(topology, state.centralManagementStore.activeMaster, step.pool, step.databaseType)
      if (rules.length > 0) return rules
      return when(
        databasePrincipal(state, step.pool, step.databaseType) !== step.principal,
        'PrincipalMatches',
        step.pool,
      )
    },
    transition: unchanged,
  },
}

/**
 * How the checks of this family are judged (`executePlan`) and simulated (`simulatedHandlers`).
 *
 * @category model
 * @since 0.2.0
 */
export const backEndChecks: StepChecks<'CheckDatabaseMirrorState'> = {
  CheckDatabaseMirrorState: {
    // Accepted iff the observed principal, trimmed and in any letter case, is the expected one.
    judge: (step, observation) => {
      const principal = ownField(observation, 'principal')
      if (typeof principal !== 'string')
        return E.left({
          mismatch: checkMismatch(
            step.principal,
            describeFound(observation),
            'The handler did not report the principal server (an object with a principal string).',
          ),
        })
      const observed = { principal }
      if (serverName(principal) === step.principal) return E.right(observed)
      return E.left({
        mismatch: checkMismatch(
          step.principal,
          principal,
          `The principal of the ${step.databaseType} database of ${String(step.pool)} is ${principal}; expected ${step.principal}.`,
        ),
        observed,
      })
    },
    // A principal that is down cannot be read (DatabaseInaccessibleOrMirroringNotEnabled).
    observe: (_topology, state, step) => {
      const principal = databasePrincipal(state, step.pool, step.databaseType)
      return isBackEndServerDown(state, step.pool, principal)
        ? E.left({
            code: 'DatabaseInaccessible',
            message: `The principal (${principal}) of the ${step.databaseType} database of ${step.pool} is down.`,
          })
        : E.right({ principal })
    },
  },
}

// -------------------------------------------------------------------------------------
// drafts
// -------------------------------------------------------------------------------------

/**
 * Make `newPrincipal` the principal of `pool`'s `databaseType` database (`force` when the current
 * principal is down).
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const failoverDatabase = (
  pool: PoolFqdn,
  databaseType: MirroredDatabase,
  newPrincipal: BackEndServer,
  force: boolean,
): Omit<FailoverDatabase, 'id'> => ({ _tag: 'FailoverDatabase', kind: 'action', pool, databaseType, newPrincipal, force })

/**
 * Check that `principal` is the principal of `pool`'s `databaseType` database.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const checkDatabaseMirrorState = (
  pool: PoolFqdn,
  databaseType: MirroredDatabase,
  principal: BackEndServer,
): Omit<CheckDatabaseMirrorState, 'id'> => ({ _tag: 'CheckDatabaseMirrorState', kind: 'check', pool, databaseType, principal })
