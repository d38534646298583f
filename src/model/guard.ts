/**
 * The guard of the public entry points that take a deployment: a decoded topology and state are
 * recognized structurally, every field read defensively (own fields only; a throwing getter or a
 * revoked proxy reads as nothing), so that a JavaScript caller passing raw JSON, `null` or `{}`
 * gets an `InvalidInput` instead of a `TypeError`. In the model layer so that the planners and the
 * assessments share it.
 *
 * @module
 * @internal
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeFound } from './found.js'
import { isFqdn } from './identifiers.js'
import type { InvalidInput } from './problem.js'
import { isSyncInterval } from './syncInterval.js'

/**
 * Whether `u` is a non-null object (arrays included), so its fields can be read.
 *
 * @category refinements
 * @since 0.1.0
 * @internal
 */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null

/**
 * An own field of `u`, or `undefined` (never an inherited one such as `__proto__` or `toString`;
 * `undefined` too when reading it throws, as a hostile getter or a revoked proxy may).
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const ownField = (u: unknown, key: string): unknown => {
  try {
    return isRecord(u) && Object.prototype.hasOwnProperty.call(u, key) ? u[key] : undefined
  } catch {
    return undefined
  }
}

/**
 * An `InvalidInput` problem.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const invalidInput = (path: string, expected: string, found: unknown): InvalidInput => ({
  _tag: 'InvalidInput',
  path,
  expected,
  found: describeFound(found),
})

// -------------------------------------------------------------------------------------
// deployment guard
// -------------------------------------------------------------------------------------

/** Whether `u` is a `Map` (a Proxy around one is not: `Map` methods refuse it as receiver). */
const isMap = (u: unknown): boolean => u instanceof Map && (Map.prototype.has.call(u, ''), true)

/** Whether every field of `u` named in `keys` (space-separated) passes `check`. */
const every = (u: unknown, keys: string, check: (field: unknown) => boolean): boolean =>
  isRecord(u) && keys.split(' ').every((key) => check(ownField(u, key)))

/** `check(u)`, or `false` when it throws (a revoked proxy, a proxy whose traps throw). */
const safely = (check: (u: unknown) => boolean, u: unknown): boolean => {
  try {
    return check(u)
  } catch {
    return false
  }
}

/**
 * Whether `u` has the shape of a decoded topology: the lists and the index the planners read
 * (its `users` are not read: planning never walks them).
 */
const isDecodedTopology = (u: unknown): boolean =>
  every(u, 'sites pools pairings edgePools', Array.isArray) &&
  every(ownField(u, 'index'), 'pools partners edgePools userCounts', isMap) &&
  isFqdn(ownField(ownField(u, 'centralManagementStore'), 'pool'))

/** Whether `u` has the shape of a decoded state: its tables and CMS status. */
const isDecodedState = (u: unknown): boolean => {
  const cms = ownField(u, 'centralManagementStore')
  return (
    every(u, 'pools failovers edgePools backupService', isMap) &&
    isFqdn(ownField(cms, 'activeMaster')) &&
    typeof ownField(cms, 'available') === 'boolean' &&
    isSyncInterval(ownField(ownField(u, 'backupServiceConfiguration'), 'syncInterval'))
  )
}

/**
 * The one guard of the public entry points that take a deployment (planners, `validatePlan`,
 * `applyPlan`, `applyStep`, `resumePlan`): `undefined` when `topology` and `state` look like
 * decoded values, else a `Left` with an `InvalidInput` for each that does not (path `topology` or
 * `state`), so that a JavaScript caller passing raw JSON, `null` or `{}` gets an answer instead
 * of a `TypeError`. Recognizes values structurally (no registry of decoded values: a topology
 * copied with a spread, or built by another copy of this library, is accepted), reads every field
 * defensively and never throws. Entry points use it as `guardDeployment(topology, state) ?? body`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const guardDeployment = (topology: unknown, state: unknown): E.Left<RNEA.ReadonlyNonEmptyArray<InvalidInput>> | undefined => {
  const problems: ReadonlyArray<InvalidInput> = [
    ...(safely(isDecodedTopology, topology) ? [] : [invalidInput('topology', 'a decoded topology (decodeTopology)', topology)]),
    ...(safely(isDecodedState, state) ? [] : [invalidInput('state', 'a decoded state (decodeState)', state)]),
  ]
  const [first, ...rest] = problems
  return first === undefined ? undefined : { _tag: 'Left', left: [first, ...rest] }
}
