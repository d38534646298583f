/**
 * Codec of the user list of a topology document — the bulk of a large document — written as one
 * hand loop: validate each SIP address while hashing it, resolve its home pool through the
 * document's {@link PoolLookup}, index it in a {@link UserDirectory} (which finds duplicates) and
 * count it for its pool, with no allocation per user on the valid path. Errors build their paths
 * only when they happen; every user is checked and every problem is reported.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { parseFqdn, parseSipAddress, type PoolFqdn, type SipAddress } from '../model/identifiers.js'
import type { UserDocument } from './documents.js'
import { contextAt, field, hasOwn, isFields, itemAt, open, UNREADABLE, type Errors } from './fields.js'
import { hashString, isPlainSipAddress, type HashSlot } from '../model/hashing.js'
import type { PoolLookup } from './poolLookup.js'
import { fqdnCodec, sipAddressCodec } from './primitives.js'
import { invalid, pathOf, problemError } from './problems.js'
import { USER_FIELDS } from './shapes.js'
import { UserDirectory, UserDirectoryBuilder } from '../model/userDirectory.js'

/**
 * The decoded users: the directory and the number of users per home pool (pools in order of their
 * first user, as `countUsersPerPool` gives them).
 *
 * @category internal
 * @since 0.1.0
 */
export interface UserTable {
  readonly users: ReadonlyMap<SipAddress, PoolFqdn>
  readonly userCounts: ReadonlyMap<PoolFqdn, number>
}

const USER = 'a user { sipAddress, homePool }'
const LIST = 'an array of users { sipAddress, homePool }'

/** Reports what is wrong with the user at `row` (slow path: only for users with a problem). */
const reportUser = (
  errors: Errors,
  c: t.Context,
  row: number,
  user: unknown,
  rawSip: unknown,
  rawPool: unknown,
  sip: SipAddress | undefined,
  slot: number,
  lookup: PoolLookup | undefined,
): void => {
  if (!isFields(user)) {
    errors.push(invalid(user, contextAt(c, t.unknown, user, row), USER))
    return
  }
  if (sip === undefined)
    errors.push(invalid(rawSip, contextAt(c, sipAddressCodec, rawSip, row, 'sipAddress')))
  if (slot >= 0) return
  const here = contextAt(c, fqdnCodec, rawPool, row, 'homePool')
  const pool = typeof rawPool === 'string' ? O.toUndefined(parseFqdn(rawPool)) : undefined
  if (pool === undefined) errors.push(invalid(rawPool, here))
  else if (lookup !== undefined)
    errors.push(problemError({ _tag: 'UnknownReference', path: pathOf(here), kind: 'pool', name: pool }, rawPool, here))
}

const reportDuplicate = (errors: Errors, c: t.Context, row: number, first: number, rawSip: unknown, sip: SipAddress): void => {
  const here = contextAt(c, sipAddressCodec, rawSip, row, 'sipAddress')
  const firstPath = pathOf(contextAt(c, sipAddressCodec, undefined, first, 'sipAddress'))
  errors.push(problemError({ _tag: 'DuplicateName', path: pathOf(here), firstPath, kind: 'user', name: sip }, rawSip, here))
}

/** Whether an object on the prototype chain of `list` has index properties (a polluted prototype). */
const inheritsIndices = (list: object): boolean => {
  try {
    for (let p: unknown = Object.getPrototypeOf(list); p !== null && typeof p === 'object'; p = Object.getPrototypeOf(p))
      if (Object.getOwnPropertyNames(p).some((k) => INDEX.test(k))) return true
    return false
  } catch {
    return true
  }
}

const INDEX = /^(?:0|[1-9][0-9]*)$/

/** Whether every code unit of `s` is ASCII. */
const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false
  return true
}

/**
 * The slow path of a SIP address: any letter case, or characters beyond plain ASCII. An ASCII
 * address is lower-cased once and checked by `isPlainSipAddress` (what `parseSipAddress` would
 * give, with one string allocated); anything else goes through `parseSipAddress`.
 */
const normalizeSip = (raw: unknown, out: HashSlot): SipAddress | undefined => {
  if (typeof raw !== 'string') return undefined
  if (raw.length <= 512 && isAscii(raw)) {
    const lower = raw.toLowerCase()
    if (isPlainSipAddress(lower, out)) return lower
  }
  const sip = O.toUndefined(parseSipAddress(raw))
  if (sip !== undefined) out.hash = hashString(sip)
  return sip
}

/**
 * The hot loop, kept apart so that it is optimized once and stays optimized. Fills `builder` and
 * `counts` (and `firstSeen`, the slots in order of their first user, from index 0); returns the
 * errors found.
 */
const scan = (
  list: ReadonlyArray<unknown>,
  c: t.Context,
  lookup: PoolLookup | undefined,
  builder: UserDirectoryBuilder,
  counts: Uint32Array,
  firstSeen: Int32Array,
): Errors => {
  const errors: Errors = []
  const out: HashSlot = { hash: 0 }
  const ownOnly = inheritsIndices(list)
  const n = list.length
  let seen = 0
  let row = 0
  // A row whose reads threw is read again field by field (`slow`): only reads can throw, and they
  // all happen before anything of the row is recorded.
  let slow = -1
  for (;;) {
    try {
      for (; row < n; row++) {
        let user: unknown
        let rawSip: unknown
        let rawPool: unknown
        if (row === slow) {
          user = itemAt(list, row)
          if (isFields(user)) {
            open(errors, user, USER_FIELDS, c, row)
            rawSip = field(user, 'sipAddress')
            rawPool = field(user, 'homePool')
          }
        } else {
          user = ownOnly && !hasOwn.call(list, row) ? undefined : list[row]
          if (isFields(user)) {
            let other = false
            // Own enumerable fields only, from the enum cache shared by every user of one shape.
            for (const key in user) {
              if (!hasOwn.call(user, key)) continue
              if (key === 'sipAddress') rawSip = user[key]
              else if (key === 'homePool') rawPool = user[key]
              else other = true
            }
            if (other) open(errors, user, USER_FIELDS, c, row)
          }
        }
        if (!isFields(user)) {
          reportUser(errors, c, row, user, rawSip, rawPool, undefined, -1, lookup)
          continue
        }
        const sip = typeof rawSip === 'string' && isPlainSipAddress(rawSip, out) ? rawSip : normalizeSip(rawSip, out)
        const slot = lookup !== undefined && typeof rawPool === 'string' ? lookup.slotOf(rawPool) : -1
        if (sip === undefined || slot < 0) reportUser(errors, c, row, user, rawSip, rawPool, sip, slot, lookup)
        if (sip === undefined) continue
        const first = builder.add(sip, out.hash, slot < 0 ? 0 : slot, row)
        if (first >= 0) reportDuplicate(errors, c, row, first, rawSip, sip)
        else if (slot >= 0) {
          const k = counts[slot] ?? 0
          counts[slot] = k + 1
          if (k === 0) firstSeen[seen++] = slot
        }
      }
      return errors
    } catch {
      slow = row
    }
  }
}

const validateUsers = (u: unknown, c: t.Context, lookup: PoolLookup | undefined): t.Validation<UserTable> => {
  let list: ReadonlyArray<unknown> | undefined
  try {
    list = u === undefined ? [] : Array.isArray(u) ? u : undefined
    if (list !== undefined && typeof list.length !== 'number') list = undefined
  } catch {
    return t.failure(UNREADABLE, c, LIST)
  }
  if (list === undefined) return t.failure(u, c, LIST)
  const pools = lookup?.pools ?? []
  const builder = new UserDirectoryBuilder(list.length, pools)
  const counts = new Uint32Array(pools.length)
  // Off the JS heap, -1 past the last pool seen.
  const firstSeen = new Int32Array(pools.length).fill(-1)
  const errors = scan(list, c, lookup, builder, counts, firstSeen)
  if (errors.length > 0) return t.failures(errors)
  const userCounts = new Map<PoolFqdn, number>()
  for (let k = 0; k < firstSeen.length; k++) {
    const slot = firstSeen[k] ?? -1
    if (slot < 0) break
    const pool = pools[slot]
    if (pool !== undefined) userCounts.set(pool, counts[slot] ?? 0)
  }
  return t.success({ users: builder.build(), userCounts })
}

/**
 * The user list of a topology document, resolved against the document's pools (`undefined` when
 * the pools could not be read: then only the users' own shape is checked). A missing list is empty.
 *
 * @category internal
 * @since 0.1.0
 */
export const usersCodec = (lookup: PoolLookup | undefined): t.Type<UserTable, ReadonlyArray<UserDocument>> =>
  new t.Type<UserTable, ReadonlyArray<UserDocument>>(
    LIST,
    (u): u is UserTable => isFields(u) && u['users'] instanceof UserDirectory,
    (u, c) => validateUsers(u, c, lookup),
    (table) => Array.from(table.users, ([sipAddress, homePool]) => ({ sipAddress, homePool })),
  )
