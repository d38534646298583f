/**
 * The users of a topology: SIP address → home pool, as a compact read-only map. A built-in `Map`
 * of a million string keys costs more to fill than `JSON.parse` costs to read the whole document
 * (its inserts chase every colliding key in memory), so the decoder builds this table instead, in
 * the same pass that validates the users and finds duplicates.
 *
 * Laws:
 * - It is a `ReadonlyMap<SipAddress, PoolFqdn>`: iteration in insertion (document) order, `get` and
 *   `has` by exact (normalized) key, `size`.
 * - Equal entries in equal order give equal directories; `new Map(directory)` is an equal `Map`.
 *
 * @module
 */
import type { PoolFqdn, SipAddress } from './identifiers.js'
import { hashString } from './hashing.js'

interface Parts {
  readonly sips: ReadonlyArray<SipAddress>
  readonly slots: Uint32Array
  readonly pools: ReadonlyArray<PoolFqdn>
  readonly hashes: Int32Array
  readonly table: Int32Array
  readonly fallback: ReadonlyMap<string, number> | undefined
}

/**
 * The users of a topology, SIP address → home pool. Build one with {@link makeUserDirectory};
 * `decodeTopology` builds one for you.
 *
 * **Gotchas**: it is a `ReadonlyMap`, not a `Map`: `structuredClone` does not copy its entries
 * (copy it with `new Map(directory)` first), and two directories are equal when they hold the same
 * entries in the same order.
 *
 * @category model
 * @since 0.1.0
 */
export class UserDirectory implements ReadonlyMap<SipAddress, PoolFqdn> {
  readonly #parts: Parts

  /** @internal Use {@link makeUserDirectory}. */
  constructor(parts: Parts) {
    this.#parts = parts
  }

  /** Number of users. */
  get size(): number {
    return this.#parts.sips.length
  }

  get [Symbol.toStringTag](): string {
    return 'UserDirectory'
  }

  #indexOf(key: unknown): number {
    if (typeof key !== 'string') return -1
    const { sips, hashes, table, fallback } = this.#parts
    if (fallback !== undefined) return fallback.get(key) ?? -1
    if (table.length === 0) return -1
    const h = hashString(key)
    const mask = table.length - 1
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const entry = table[p] ?? 0
      if (entry === 0) return -1
      if (hashes[entry - 1] === h && sips[entry - 1] === key) return entry - 1
    }
  }

  #poolAt(i: number): PoolFqdn | undefined {
    const { slots, pools } = this.#parts
    return pools[slots[i] ?? -1]
  }

  /** The home pool of `sipAddress` (a normalized, lower-case SIP address). */
  get(sipAddress: SipAddress): PoolFqdn | undefined {
    const i = this.#indexOf(sipAddress)
    return i < 0 ? undefined : this.#poolAt(i)
  }

  /** Whether `sipAddress` (normalized) is a user. */
  has(sipAddress: SipAddress): boolean {
    return this.#indexOf(sipAddress) >= 0
  }

  /** Calls `f` for every user, in document order. */
  forEach(f: (pool: PoolFqdn, sipAddress: SipAddress, map: ReadonlyMap<SipAddress, PoolFqdn>) => void, thisArg?: unknown): void {
    const { sips } = this.#parts
    for (let i = 0; i < sips.length; i++) {
      const sip = sips[i]
      const pool = this.#poolAt(i)
      if (sip !== undefined && pool !== undefined) f.call(thisArg, pool, sip, this)
    }
  }

  /** `[sipAddress, homePool]` pairs in document order. */
  *entries(): MapIterator<[SipAddress, PoolFqdn]> {
    const { sips } = this.#parts
    for (let i = 0; i < sips.length; i++) {
      const sip = sips[i]
      const pool = this.#poolAt(i)
      if (sip !== undefined && pool !== undefined) yield [sip, pool]
    }
    return undefined
  }

  /** SIP addresses in document order. */
  *keys(): MapIterator<SipAddress> {
    yield* this.#parts.sips
    return undefined
  }

  /** Home pools in document order. */
  *values(): MapIterator<PoolFqdn> {
    for (let i = 0; i < this.#parts.sips.length; i++) {
      const pool = this.#poolAt(i)
      if (pool !== undefined) yield pool
    }
    return undefined
  }

  /** `[sipAddress, homePool]` pairs in document order, as {@link UserDirectory.entries}. */
  [Symbol.iterator](): MapIterator<[SipAddress, PoolFqdn]> {
    return this.entries()
  }

  /** Node's `util.inspect` shows the entries, as for a `Map`. */
  [Symbol.for('nodejs.util.inspect.custom')](): ReadonlyMap<SipAddress, PoolFqdn> {
    return new Map(this)
  }
}

/** Extra probes allowed per user, on average, before the builder switches to a `Map` (crafted collisions). */
const PROBES_PER_USER = 8

/**
 * Fills a {@link UserDirectory} one user at a time, telling duplicates apart.
 *
 * @category internal
 * @since 0.1.0
 */
export class UserDirectoryBuilder {
  /** Keeps the hidden classes (and the optimized methods) alive across GCs; see `StringIndex`. */
  static readonly shapes: ReadonlyArray<object> = [
    new UserDirectoryBuilder(1, []),
    new UserDirectoryBuilder(1, []).build(),
  ]
  readonly #pools: ReadonlyArray<PoolFqdn>
  readonly #sips: Array<SipAddress>
  #size = 0
  readonly #rows: Int32Array
  readonly #slots: Uint32Array
  readonly #hashes: Int32Array
  readonly #table: Int32Array
  readonly #mask: number
  #probes = 0
  #fallback: Map<SipAddress, number> | undefined

  /**
   * @param capacity - the most users that will be added
   * @param pools - pool FQDNs by slot
   * @param probeBudget - extra probes allowed in all before switching to a `Map` (tests lower it)
   */
  constructor(capacity: number, pools: ReadonlyArray<PoolFqdn>, probeBudget = PROBES_PER_USER * capacity + 64) {
    this.#pools = pools
    this.#sips = new Array<SipAddress>(capacity)
    this.#rows = new Int32Array(capacity)
    this.#slots = new Uint32Array(capacity)
    this.#hashes = new Int32Array(capacity)
    let size = 16
    while (size < capacity * 2) size *= 2
    this.#table = new Int32Array(size)
    this.#mask = size - 1
    this.#probes = -probeBudget
  }

  /** Number of users added. */
  get size(): number {
    return this.#size
  }

  /**
   * Adds `sip` (whose {@link hashString} is `hash`) homed on pool `slot`, found at document row
   * `row`. Returns `-1` when added, or the row of the user that already has this address.
   */
  add(sip: SipAddress, hash: number, slot: number, row: number): number {
    const n = this.#size
    if (this.#fallback !== undefined) {
      const first = this.#fallback.get(sip)
      if (first !== undefined) return this.#rows[first] ?? -1
      this.#fallback.set(sip, n)
    } else {
      const table = this.#table
      const mask = this.#mask
      let p = hash & mask
      for (let entry = table[p] ?? 0; entry !== 0; entry = table[p] ?? 0) {
        if (this.#hashes[entry - 1] === hash && this.#sips[entry - 1] === sip) return this.#rows[entry - 1] ?? -1
        p = (p + 1) & mask
        if (++this.#probes > 0) return this.#switchToMap(sip, hash, slot, row)
      }
      table[p] = n + 1
    }
    this.#sips[n] = sip
    this.#size = n + 1
    this.#rows[n] = row
    this.#slots[n] = slot
    this.#hashes[n] = hash
    return -1
  }

  #switchToMap(sip: SipAddress, hash: number, slot: number, row: number): number {
    const map = new Map<SipAddress, number>()
    for (let i = 0; i < this.#size; i++) {
      const s = this.#sips[i]
      if (s !== undefined) map.set(s, i)
    }
    this.#fallback = map
    return this.add(sip, hash, slot, row)
  }

  /** The directory of the users added so far. */
  build(): UserDirectory {
    const n = this.#size
    return new UserDirectory({
      sips: n === this.#sips.length ? this.#sips : this.#sips.slice(0, n),
      slots: n === this.#slots.length ? this.#slots : this.#slots.slice(0, n),
      pools: this.#pools,
      hashes:
        this.#fallback !== undefined ? new Int32Array(0) : n === this.#hashes.length ? this.#hashes : this.#hashes.slice(0, n),
      table: this.#fallback === undefined ? this.#table : new Int32Array(0),
      fallback: this.#fallback,
    })
  }
}

/**
 * A user directory of `entries` (SIP address → home pool); a later entry for the same address
 * replaces the earlier one's pool, as in a `Map`.
 *
 * @example
 * import { makeUserDirectory } from 'sfb-dr'
 *
 * const users = makeUserDirectory([...contoso.users].filter(([, pool]) => pool !== 'se1.contoso.com'))
 * users.size // => 3
 * Array.from(users.keys()) // => ['sip:alice@contoso.com', 'sip:bob@contoso.com', 'sip:carol@contoso.com']
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUserDirectory = (entries: Iterable<readonly [SipAddress, PoolFqdn]>): UserDirectory => {
  const unique = new Map(entries)
  const slotOf = new Map<PoolFqdn, number>()
  for (const pool of unique.values()) if (!slotOf.has(pool)) slotOf.set(pool, slotOf.size)
  const builder = new UserDirectoryBuilder(unique.size, [...slotOf.keys()])
  let row = 0
  for (const [sip, pool] of unique) builder.add(sip, hashString(sip), slotOf.get(pool) ?? 0, row++)
  return builder.build()
}

