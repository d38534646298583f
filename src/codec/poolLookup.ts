/**
 * Resolves a pool reference as written in a document (`"pool1.contoso.com"`,
 * `"POOL1.Contoso.com."`) to the pool's slot, so that resolving a million user home pools costs one
 * small-table probe each instead of a normalization.
 *
 * Laws:
 * - `lookup.slotOf(s)` is the slot of the pool whose FQDN is `parseFqdn(s)`, or `-1`.
 * - The first time a spelling other than the normalized FQDN or the pool's own spelling is seen it
 *   is normalized and remembered; later occurrences are a map hit.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import { parseFqdn, type PoolFqdn } from '../model/identifiers.js'
import { StringIndex } from './stringIndex.js'

const PRIME = 0x01000193
/** Longest probe sequence accepted before falling back to a `Map` (colliding names). */
const MAX_PROBES = 8

const DOT = 46

/** ASCII lower case of one UTF-16 code unit (others unchanged). */
const lower = (ch: number): number => (ch >= 65 && ch <= 90 ? ch + 32 : ch)

/** Whether the first `n` code units of `s` are `key` (lower-case ASCII) up to ASCII letter case. */
const foldedEqual = (key: string, s: string, n: number): boolean => {
  for (let i = 0; i < n; i++) if (lower(s.charCodeAt(i)) !== key.charCodeAt(i)) return false
  return true
}

/** Character positions where keys of equal length differ: enough to tell any two keys apart. */
const distinguishingPositions = (keys: ReadonlyArray<string>): Int32Array => {
  const firstOfLength = new Map<number, string>()
  const positions = new Set<number>()
  for (const key of keys) {
    const first = firstOfLength.get(key.length)
    if (first === undefined) firstOfLength.set(key.length, key)
    else for (let p = 0; p < key.length; p++) if (key.charCodeAt(p) !== first.charCodeAt(p)) positions.add(p)
  }
  return Int32Array.from([...positions].sort((a, b) => a - b))
}

/**
 * A pool reference resolver for one document.
 *
 * @category internal
 * @since 0.1.0
 */
export class PoolLookup {
  /** Keeps the hidden class (and the optimized methods) alive across GCs; see `StringIndex`. */
  static readonly shape: PoolLookup = new PoolLookup([])
  /** Pool FQDNs by slot. */
  readonly pools: ReadonlyArray<PoolFqdn>
  readonly #keys: ReadonlyArray<string>
  readonly #slots: Int32Array
  readonly #positions: Int32Array
  readonly #table: Int32Array
  readonly #mask: number
  readonly #byKey: Map<string, number> | undefined
  readonly #spellings = new Map<string, number>()

  /**
   * @param pools - pool FQDNs by slot
   * @param spellings - other spellings of them found in the document (raw string → slot)
   */
  constructor(pools: ReadonlyArray<PoolFqdn>, spellings: ReadonlyArray<readonly [string, number]> = []) {
    this.pools = pools
    const total = pools.length + spellings.length
    const distinct = new StringIndex(total)
    // Sized up front: no growth garbage on the JS heap (see `usersCodec`).
    const keys = new Array<string>(total)
    const slots = new Int32Array(total)
    let n = 0
    const add = (key: string, slot: number): void => {
      if (distinct.add(key) >= 0) return
      keys[n] = key
      slots[n++] = slot
    }
    for (let i = 0; i < pools.length; i++) add(pools[i] ?? '', i)
    for (const [key, slot] of spellings) add(key, slot)
    if (n < total) keys.length = n
    this.#keys = keys
    this.#slots = n < total ? slots.slice(0, n) : slots
    this.#positions = distinguishingPositions(this.#keys)
    let capacity = 16
    while (capacity < this.#keys.length * 4) capacity *= 2
    this.#table = new Int32Array(capacity)
    this.#mask = capacity - 1
    let longest = 0
    this.#keys.forEach((key, k) => {
      let p = this.#hash(key) & this.#mask
      let probes = 1
      while (this.#table[p] !== 0) {
        p = (p + 1) & this.#mask
        probes++
      }
      this.#table[p] = k + 1
      longest = Math.max(longest, probes)
    })
    this.#byKey = longest > MAX_PROBES ? new Map(keys.map((key, k) => [key, slots[k] ?? -1])) : undefined
  }

  #hash(s: string): number {
    let h = Math.imul(s.length ^ 0x811c9dc5, PRIME)
    const positions = this.#positions
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] ?? 0
      if (p >= s.length) break
      h = Math.imul(h ^ s.charCodeAt(p), PRIME)
    }
    return (h ^ (h >>> 15)) | 0
  }

  #exact(s: string): number {
    if (this.#byKey !== undefined) return this.#byKey.get(s) ?? -1
    const table = this.#table
    const mask = this.#mask
    for (let p = this.#hash(s) & mask; ; p = (p + 1) & mask) {
      const entry = table[p] ?? 0
      if (entry === 0) return -1
      if (this.#keys[entry - 1] === s) return this.#slots[entry - 1] ?? -1
    }
  }

  /**
   * The slot of the pool whose normalized FQDN `s` is up to ASCII letter case and one trailing
   * dot, without allocating; `-1` when none (other spellings then take the `parseFqdn` path). A
   * match is exactly what `parseFqdn(s)` would find: every character of `s` is then ASCII and
   * lower-cases to the pool's (valid, normalized) FQDN.
   */
  #folded(s: string): number {
    if (this.#byKey !== undefined) return -1
    let n = s.length
    if (n > 0 && s.charCodeAt(n - 1) === DOT) n--
    let h = Math.imul(n ^ 0x811c9dc5, PRIME)
    const positions = this.#positions
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] ?? 0
      if (p >= n) break
      h = Math.imul(h ^ lower(s.charCodeAt(p)), PRIME)
    }
    h = (h ^ (h >>> 15)) | 0
    const table = this.#table
    const mask = this.#mask
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const entry = table[p] ?? 0
      if (entry === 0) return -1
      const key = this.#keys[entry - 1] ?? ''
      const slot = this.#slots[entry - 1] ?? -1
      if (key.length === n && key === this.pools[slot] && foldedEqual(key, s, n)) return slot
    }
  }

  /**
   * The slot of the pool `raw` names, in any spelling `parseFqdn` accepts; `-1` when none.
   */
  slotOf(raw: string): number {
    const exact = this.#exact(raw)
    if (exact >= 0) return exact
    const folded = this.#folded(raw)
    if (folded >= 0) return folded
    const known = this.#spellings.get(raw)
    if (known !== undefined) return known
    const normalized = parseFqdn(raw)
    if (O.isNone(normalized)) return -1
    const slot = this.#exact(normalized.value)
    if (slot >= 0) this.#spellings.set(raw, slot)
    return slot
  }
}

