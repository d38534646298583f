/**
 * What the public entry points are given, checked before anything is read: the deployment (a
 * decoded topology and state, recognized structurally by {@link guardDeployment}) and request
 * fields as people type them: plain strings, normalized here (FQDN case and trailing dot) into
 * branded values, or refused with `InvalidInput` / `UnknownPool`. Callers may be untyped
 * (JavaScript, JSON from disk), so every value is inspected as `unknown`.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { describeFound } from '../model/found.js'
import { isFqdn, parseFqdn, type PoolFqdn } from '../model/identifiers.js'
import type { InvalidInput, UnknownPool } from '../model/problem.js'
import type { FailoverMode } from '../model/state.js'
import { isSyncInterval } from '../model/syncInterval.js'
import type { Topology } from '../model/topology.js'

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

/**
 * A request field naming a Front End pool of the topology: `InvalidInput` when it is not an
 * FQDN, `UnknownPool` (with the pool as given) when the topology has no such pool.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const parsePoolField = (
  topology: Topology,
  request: unknown,
  field: string,
): E.Either<InvalidInput | UnknownPool, PoolFqdn> => {
  const raw = ownField(request, field)
  if (typeof raw !== 'string') return E.left(invalidInput(field, 'a pool FQDN', raw))
  const parsed = parseFqdn(raw)
  if (O.isNone(parsed)) return E.left(invalidInput(field, 'a pool FQDN', raw))
  return topology.index.pools.has(parsed.value) ? E.right(parsed.value) : E.left({ _tag: 'UnknownPool', pool: raw })
}

/**
 * The optional `mode` field of a request: `none` when absent.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const parseModeField = (request: unknown): E.Either<InvalidInput, O.Option<FailoverMode>> => {
  const raw = ownField(request, 'mode')
  if (raw === undefined) return E.right(O.none)
  return raw === 'planned' || raw === 'disaster'
    ? E.right(O.some(raw))
    : E.left(invalidInput('mode', '"planned" or "disaster"', raw))
}

/**
 * The `pool` and optional `mode` of a failover or failback request, with every problem of both.
 *
 * @category constructors
 * @since 0.1.0
 * @internal
 */
export const parsePoolRequest = (
  topology: Topology,
  request: unknown,
): E.Either<RNEA.ReadonlyNonEmptyArray<InvalidInput | UnknownPool>, { readonly pool: PoolFqdn; readonly mode: O.Option<FailoverMode> }> => {
  const pool = parsePoolField(topology, request, 'pool')
  const mode = parseModeField(request)
  if (E.isLeft(pool)) return E.left(E.isLeft(mode) ? [pool.left, mode.left] : [pool.left])
  if (E.isLeft(mode)) return E.left([mode.left])
  return E.right({ pool: pool.right, mode: mode.right })
}

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
