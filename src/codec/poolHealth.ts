/**
 * Decoding the high-availability fields of a pool status (contract §9): `stoppedFrontEnds` (the
 * pool's Front End servers that do not run) and `backEnd` (which Back End server is principal, per
 * database, and which are down), each problem with its JSON path.
 *
 * Laws:
 * - `stoppedFrontEnds` decodes to the named servers in topology order (absent when empty), and
 *   `frontEndsRunning` to the pool's size minus their number; both given must agree.
 * - `backEnd` decodes to its normal form (`normalBackEnd`): absent when it says only the defaults.
 *
 * @module
 * @internal
 */
import type * as t from 'io-ts'
import type { Fqdn } from '../model/identifiers.js'
import {
  backEndServers,
  mirroredDatabases,
  normalBackEnd,
  type BackEndServer,
  type BackEndStatus,
  type MirroredDatabase,
} from '../model/state.js'
import type { Pool, Topology } from '../model/topology.js'
import { contextAt, field, isFields, itemAt, leaf, lengthOf, open, optionalLeaf, reject, type Errors, type Fields, type Key } from './fields.js'
import { fqdnCodec, oneOf } from './primitives.js'
import { pathOf, problemError } from './problems.js'
import { BACK_END_STATUS_FIELDS, DATABASE_PRINCIPAL_FIELDS } from './shapes.js'

/**
 * The high-availability part of a pool status.
 *
 * @category internal
 * @since 0.2.0
 */
export interface PoolHealth {
  /** Front End servers running. */
  readonly frontEndsRunning: number
  /** The named stopped servers, in topology order, when any are named. */
  readonly stoppedFrontEnds?: ReadonlyArray<Fqdn>
  /** The Back End status, when it says more than the defaults. */
  readonly backEnd?: BackEndStatus
}

const serverCodec = oneOf<BackEndServer>(...backEndServers)

const serverOfPool = (topology: Topology, server: Fqdn): Pool | undefined =>
  topology.pools.find((p) => p.frontEnds.includes(server))

const decodeStopped = (
  errors: Errors,
  raw: unknown,
  c: t.Context,
  key: string,
  topology: Topology,
  pool: Pool,
): ReadonlyArray<Fqdn> | undefined => {
  if (raw === undefined) return undefined
  if (!Array.isArray(raw)) {
    reject(errors, `an array of Front End server FQDNs of ${pool.fqdn}`, raw, c, key, 'stoppedFrontEnds')
    return undefined
  }
  const list: ReadonlyArray<unknown> = raw
  const before = errors.length
  const first = new Map<Fqdn, number>()
  const n = lengthOf(list)
  if (n < 0) reject(errors, `an array of Front End server FQDNs of ${pool.fqdn}`, list, c, key, 'stoppedFrontEnds')
  for (let i = 0; i < n; i++) {
    const item = itemAt(list, i)
    const server = leaf(errors, fqdnCodec, item, c, key, 'stoppedFrontEnds', i)
    if (server === undefined) continue
    const at = (n: number): t.Context => contextAt(c, fqdnCodec, item, key, 'stoppedFrontEnds', n)
    const earlier = first.get(server)
    if (earlier !== undefined) {
      const problem = { _tag: 'DuplicateName', path: pathOf(at(i)), firstPath: pathOf(at(earlier)), kind: 'server', name: server } as const
      errors.push(problemError(problem, item, at(i)))
      continue
    }
    first.set(server, i)
    if (pool.frontEnds.includes(server)) continue
    const owner = serverOfPool(topology, server)
    if (owner === undefined)
      errors.push(problemError({ _tag: 'UnknownReference', path: pathOf(at(i)), kind: 'server', name: server }, item, at(i)))
    else reject(errors, `a Front End server of ${pool.fqdn} (not of ${owner.fqdn})`, item, c, key, 'stoppedFrontEnds', i)
  }
  return errors.length > before ? undefined : pool.frontEnds.filter((s) => first.has(s))
}

const decodePrincipal = (
  errors: Errors,
  raw: unknown,
  c: t.Context,
  key: string,
  mirrored: boolean,
): BackEndStatus['principal'] | undefined => {
  const one = (value: unknown, ...keys: ReadonlyArray<Key>): BackEndServer | undefined => {
    const [k2, k3, k4] = keys
    const server = optionalLeaf(errors, serverCodec, value, c, key, k2, k3, k4)
    if (server !== 'Mirror' || mirrored) return server
    reject(errors, '"Primary" (the pool\'s Back End has no mirror)', value, c, key, k2, k3, k4)
    return undefined
  }
  if (raw === undefined || typeof raw === 'string') {
    const server = one(raw, 'backEnd', 'principal') ?? 'Primary'
    return { User: server, CentralMgmt: server }
  }
  if (!isFields(raw)) {
    reject(errors, '"Primary", "Mirror" or { User?, CentralMgmt? }', raw, c, key, 'backEnd', 'principal')
    return undefined
  }
  const u = open(errors, raw, DATABASE_PRINCIPAL_FIELDS, c, key, 'backEnd', 'principal')
  const of = (db: MirroredDatabase): BackEndServer => one(field(u, db), 'backEnd', 'principal', db) ?? 'Primary'
  const [user, cms] = mirroredDatabases.map(of)
  return { User: user ?? 'Primary', CentralMgmt: cms ?? 'Primary' }
}

const decodeDown = (errors: Errors, raw: unknown, c: t.Context, key: string, mirrored: boolean): ReadonlyArray<BackEndServer> => {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    reject(errors, 'an array of "Primary" and "Mirror"', raw, c, key, 'backEnd', 'down')
    return []
  }
  const list: ReadonlyArray<unknown> = raw
  const seen = new Map<BackEndServer, number>()
  const n = lengthOf(list)
  if (n < 0) reject(errors, 'an array of "Primary" and "Mirror"', list, c, key, 'backEnd', 'down')
  for (let i = 0; i < n; i++) {
    const item = itemAt(list, i)
    const server = leaf(errors, serverCodec, item, c, key, 'backEnd', 'down', i)
    if (server === undefined) continue
    const at = (n: number): t.Context => contextAt(c, serverCodec, item, key, 'backEnd', 'down', n)
    const earlier = seen.get(server)
    if (earlier !== undefined) {
      const problem = { _tag: 'DuplicateName', path: pathOf(at(i)), firstPath: pathOf(at(earlier)), kind: 'server', name: server } as const
      errors.push(problemError(problem, item, at(i)))
    } else if (server === 'Mirror' && !mirrored)
      reject(errors, '"Primary" (the pool\'s Back End has no mirror)', item, c, key, 'backEnd', 'down', i)
    else seen.set(server, i)
  }
  return backEndServers.filter((s) => seen.has(s))
}

const decodeBackEnd = (errors: Errors, raw: unknown, c: t.Context, key: string, pool: Pool): BackEndStatus | undefined => {
  if (raw === undefined) return undefined
  if (!isFields(raw)) {
    reject(errors, 'a Back End status { principal?, down? }', raw, c, key, 'backEnd')
    return undefined
  }
  const mirrored = pool.backEnd.mirror !== undefined
  const u = open(errors, raw, BACK_END_STATUS_FIELDS, c, key, 'backEnd')
  const principal = decodePrincipal(errors, field(u, 'principal'), c, key, mirrored)
  const down = decodeDown(errors, field(u, 'down'), c, key, mirrored)
  return principal === undefined ? undefined : normalBackEnd({ principal, down })
}

/**
 * Decodes the high-availability fields of the status `u` of `pool`, found at `key` of the `pools`
 * map at `c`; `running` is its decoded `frontEndsRunning`, if given.
 *
 * @category internal
 * @since 0.2.0
 */
export const decodePoolHealth = (
  errors: Errors,
  u: Fields,
  c: t.Context,
  key: string,
  topology: Topology,
  pool: Pool,
  running: number | undefined,
): PoolHealth => {
  const servers = pool.frontEnds.length
  const stopped = decodeStopped(errors, field(u, 'stoppedFrontEnds'), c, key, topology, pool)
  const backEnd = decodeBackEnd(errors, field(u, 'backEnd'), c, key, pool)
  const named = stopped === undefined ? undefined : servers - stopped.length
  if (named !== undefined && running !== undefined && running !== named)
    reject(
      errors,
      `${String(named)} (${String(servers)} Front End servers, ${String(servers - named)} named in stoppedFrontEnds)`,
      field(u, 'frontEndsRunning'),
      c,
      key,
      'frontEndsRunning',
    )
  return {
    frontEndsRunning: named ?? running ?? servers,
    ...(stopped === undefined || stopped.length === 0 ? {} : { stoppedFrontEnds: stopped }),
    ...(backEnd === undefined ? {} : { backEnd }),
  }
}
