/**
 * Decoding of the entries of a state document: the FQDN-keyed maps (`pools`, `edgePools`) and the
 * lists (`failovers`, `backupService`). Keys are read with `Object.keys` into a `Map` (never into
 * a plain object), normalized, and checked against the topology.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { parseFqdn, type Fqdn } from '../model/identifiers.js'
import type { DecodeProblem } from '../model/problem.js'
import type { BackupServiceStatus, ExportState, FailoverMode, ImportState } from '../model/state.js'
import { contextAt, field, isFields, itemAt, leaf, lengthOf, open, optionalLeaf, reject, UNREADABLE, type Errors, type Fields } from './fields.js'
import { dateTimeCodec, fqdnCodec, oneOf } from './primitives.js'
import { invalid, KeyedType, keyedPath, pathFrom, pathOf, problemError } from './problems.js'
import { BACKUP_SERVICE_FIELDS, FAILOVER_FIELDS } from './shapes.js'

/**
 * The context entry type of FQDN-keyed maps: their entries' paths read `pools["pool1.contoso.com"]`.
 *
 * @category internal
 * @since 0.1.0
 */
export const fqdnMap = new KeyedType<unknown>('an object keyed by FQDN', (u): u is unknown => isFields(u), t.success, t.identity)

const report = (errors: Errors, problem: DecodeProblem, c: t.Context): void => {
  errors.push(problemError(problem, undefined, c))
}

/**
 * Decodes the FQDN-keyed map in field `name` of the document at `c`: every key must be the FQDN of
 * something `known` accepts (reported as an unknown `kind` otherwise), at most once after
 * normalization, and every value decodes with `entry` (which gets the map's context and the key).
 * A missing map is empty.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeFqdnMap = <A>(
  errors: Errors,
  doc: Fields,
  c: t.Context,
  name: string,
  kind: 'pool' | 'edgePool',
  known: (fqdn: Fqdn) => boolean,
  entry: (errors: Errors, value: unknown, c: t.Context, key: string, fqdn: Fqdn) => A | undefined,
): ReadonlyMap<Fqdn, A> => {
  const entries = new Map<Fqdn, A>()
  const raw = field(doc, name)
  if (raw === undefined) return entries
  if (!isFields(raw)) {
    reject(errors, `an object keyed by ${kind === 'pool' ? 'pool' : 'Edge pool'} FQDN`, raw, c, name)
    return entries
  }
  const here = t.appendContext(c, name, fqdnMap, raw)
  const firstKey = new Map<Fqdn, string>()
  let keys: ReadonlyArray<string>
  try {
    keys = Object.keys(raw)
  } catch {
    errors.push(invalid(UNREADABLE, contextAt(c, t.unknown, undefined, name), `an object keyed by ${kind === 'pool' ? 'pool' : 'Edge pool'} FQDN`))
    return entries
  }
  for (const key of keys) {
    const value = field(raw, key)
    const fqdn = O.toUndefined(parseFqdn(key))
    if (fqdn === undefined) {
      reject(errors, `${kind === 'pool' ? 'a pool' : 'an Edge pool'} FQDN as the key`, key, here, key)
      continue
    }
    const path = keyedPath(name, key)
    const first = firstKey.get(fqdn)
    if (first !== undefined) {
      report(errors, { _tag: 'DuplicateName', path, firstPath: keyedPath(name, first), kind, name: fqdn }, here)
      continue
    }
    firstKey.set(fqdn, key)
    if (!known(fqdn)) {
      report(errors, { _tag: 'UnknownReference', path, kind, name: fqdn }, here)
      continue
    }
    const decoded = entry(errors, value, here, key, fqdn)
    if (decoded !== undefined) entries.set(fqdn, decoded)
  }
  return entries
}

/**
 * Decodes the list in field `name` of the document at `c` with `item` (missing: empty).
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeList = <A>(
  errors: Errors,
  doc: Fields,
  c: t.Context,
  name: string,
  expected: string,
  item: (errors: Errors, value: unknown, c: t.Context, i: number) => A | undefined,
): ReadonlyArray<A | undefined> => {
  const raw = field(doc, name)
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    reject(errors, expected, raw, c, name)
    return []
  }
  const list: ReadonlyArray<unknown> = raw
  const n = lengthOf(list)
  if (n < 0) reject(errors, expected, UNREADABLE, c, name)
  const here = t.appendContext(c, name, t.UnknownArray, raw)
  const out: Array<A | undefined> = []
  for (let i = 0; i < n; i++) out.push(item(errors, itemAt(list, i), here, i))
  return out
}

/**
 * A pool named by field `key` of the item at `i` of a list at `c`, which must be one `known`
 * accepts (an unknown one is reported as an `UnknownReference` to a pool).
 *
 * @category internal
 * @since 0.1.0
 */
export const knownPool = (
  errors: Errors,
  value: unknown,
  c: t.Context,
  i: number,
  key: string,
  known: (fqdn: Fqdn) => boolean,
): Fqdn | undefined => {
  const fqdn = leaf(errors, fqdnCodec, value, c, i, key)
  if (fqdn === undefined || known(fqdn)) return fqdn
  report(errors, { _tag: 'UnknownReference', path: pathOf(contextAt(c, fqdnCodec, value, i, key)), kind: 'pool', name: fqdn }, c)
  return undefined
}

/**
 * The mode of a failover.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const modeCodec = oneOf<FailoverMode>('planned', 'disaster')
/**
 * A Backup Service export state.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const exportCodec = oneOf<ExportState>('FinalState', 'SteadyState', 'NonSteadyState', 'NotInitialized', 'ErrorState')
/**
 * A Backup Service import state.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const importCodec = oneOf<ImportState>('NormalState', 'ErrorState')

/**
 * A decoded failover entry, with where it was.
 *
 * @category internal
 * @since 0.1.0
 */
export interface FailoverEntry {
  readonly pool: Fqdn
  readonly mode: FailoverMode
  readonly index: number
}

/**
 * Decodes item `i` of `failovers` (`mode` defaults to `"disaster"`).
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeFailover =
  (known: (fqdn: Fqdn) => boolean) =>
  (errors: Errors, item: unknown, c: t.Context, i: number): FailoverEntry | undefined => {
    if (!isFields(item)) {
      reject(errors, 'a failover { pool, mode? }', item, c, i)
      return undefined
    }
    const u = open(errors, item, FAILOVER_FIELDS, c, i)
    const pool = knownPool(errors, field(u, 'pool'), c, i, 'pool', known)
    const mode = optionalLeaf(errors, modeCodec, field(u, 'mode'), c, i, 'mode') ?? 'disaster'
    const given = field(u, 'mode')
    return pool === undefined || (given !== undefined && !modeCodec.is(given)) ? undefined : { pool, mode, index: i }
  }

/**
 * Decodes item `i` of `backupService`.
 *
 * @category internal
 * @since 0.1.0
 */
export const decodeBackup =
  (known: (fqdn: Fqdn) => boolean) =>
  (
    errors: Errors,
    item: unknown,
    c: t.Context,
    i: number,
  ): { readonly pool: Fqdn; readonly index: number; readonly status: BackupServiceStatus } | undefined => {
    if (!isFields(item)) {
      reject(errors, 'a Backup Service status { pool, exportState?, importState?, lastSyncAt? }', item, c, i)
      return undefined
    }
    const u = open(errors, item, BACKUP_SERVICE_FIELDS, c, i)
    const before = errors.length
    const pool = knownPool(errors, field(u, 'pool'), c, i, 'pool', known)
    const exportState = optionalLeaf(errors, exportCodec, field(u, 'exportState'), c, i, 'exportState')
    const importState = optionalLeaf(errors, importCodec, field(u, 'importState'), c, i, 'importState')
    const lastSyncAt = optionalLeaf(errors, dateTimeCodec, field(u, 'lastSyncAt'), c, i, 'lastSyncAt')
    if (pool === undefined || errors.length > before) return undefined
    const status: { -readonly [K in keyof BackupServiceStatus]: BackupServiceStatus[K] } = { pool }
    if (exportState !== undefined) status.exportState = exportState
    if (importState !== undefined) status.importState = importState
    if (lastSyncAt !== undefined) status.lastSyncAt = lastSyncAt
    return { pool, index: i, status }
  }

/**
 * Reports a pool named twice in a list (`failovers`, `backupService`); the items keep their index.
 *
 * @category internal
 * @since 0.1.0
 */
export const firstOfEachPool = <A extends { readonly pool: Fqdn; readonly index: number }>(
  errors: Errors,
  items: ReadonlyArray<A | undefined>,
  field: string,
  c: t.Context,
): ReadonlyMap<Fqdn, A> => {
  const first = new Map<Fqdn, A>()
  for (const item of items) {
    if (item === undefined) continue
    const earlier = first.get(item.pool)
    if (earlier === undefined) first.set(item.pool, item)
    else
      report(
        errors,
        {
          _tag: 'DuplicateName',
          path: pathFrom(field, item.index, 'pool'),
          firstPath: pathFrom(field, earlier.index, 'pool'),
          kind: 'pool',
          name: item.pool,
        },
        c,
      )
  }
  return first
}
