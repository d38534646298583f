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
import { parseFqdn, type Fqdn, type PoolFqdn } from '../model/identifiers.js'
import type { InvalidInput, UnknownPool } from '../model/problem.js'
import type { FailoverMode } from '../model/state.js'
import { invalidInput, ownField } from '../model/guard.js'
import type { Pool, Topology } from '../model/topology.js'

export { guardDeployment, invalidInput, isRecord, ownField } from '../model/guard.js'

/**
 * A request field holding an FQDN, as the text given (for refusals that name it as typed) and as
 * the canonical FQDN.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface FqdnField {
  readonly raw: string
  readonly fqdn: Fqdn
}

/**
 * Reads a request field holding an FQDN: `InvalidInput` (saying `expected`) when it is no text or
 * no FQDN. Shared by the pool and Edge pool fields, which then look the FQDN up in the topology.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const parseFqdnField = (request: unknown, field: string, expected: string): E.Either<InvalidInput, FqdnField> => {
  const raw = ownField(request, field)
  if (typeof raw !== 'string') return E.left(invalidInput(field, expected, raw))
  const parsed = parseFqdn(raw)
  return O.isSome(parsed) ? E.right({ raw, fqdn: parsed.value }) : E.left(invalidInput(field, expected, raw))
}

/**
 * A request field naming a Front End pool of the topology, as that pool: `InvalidInput` when it
 * is not an FQDN, `UnknownPool` (with the pool as given) when the topology has no such pool.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const parseKnownPool = (
  topology: Topology,
  request: unknown,
  field: string,
): E.Either<InvalidInput | UnknownPool, Pool> =>
  E.chainW(({ raw, fqdn }: FqdnField) => {
    const known = topology.index.pools.get(fqdn)
    return known === undefined ? E.left({ _tag: 'UnknownPool', pool: raw } as const) : E.right(known)
  })(parseFqdnField(request, field, 'a pool FQDN'))

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
): E.Either<InvalidInput | UnknownPool, PoolFqdn> => E.map((pool: Pool) => pool.fqdn)(parseKnownPool(topology, request, field))

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
