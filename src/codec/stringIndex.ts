/**
 * A set of strings numbered in insertion order, for the decoder's name tables. It hashes with
 * {@link hashString} into an open-addressing table of typed arrays, so adding thousands of names
 * freshly read by `JSON.parse` costs neither an object per name nor a built-in `Map`'s hashing of
 * every new string.
 *
 * Crafted inputs whose names all collide cannot make it quadratic: past a probe budget it moves its
 * strings into a built-in `Map` (seeded hashing) and carries on there.
 *
 * Laws:
 * - `add(s)` returns `-1` the first time `s` is added and the number of the first `s` afterwards;
 *   `indexOf(s)` is that number, or `-1` for a string never added.
 *
 * @module
 */
import { hashString } from '../model/hashing.js'

/**
 * A growable set of strings numbered 0, 1, 2… in insertion order.
 *
 * @category internal
 * @since 0.1.0
 */
export class StringIndex {
  /**
   * One instance kept for the life of the program: V8 holds the hidden classes of instances
   * weakly, and a GC that finds no instance left drops them together with the optimized code of
   * every method, so each decode after a GC would start slow.
   */
  static readonly shape: StringIndex = new StringIndex(1)
  /** Pre-sized to the expected count (one allocation, no growth garbage); `#size` are used. */
  readonly #strings: Array<string>
  #size = 0
  #hashes: Int32Array
  #table: Int32Array
  #probes = 0
  #map: Map<string, number> | undefined

  /** @param expected - how many strings will likely be added (the table grows past it) */
  constructor(expected = 8) {
    let size = 16
    while (size < expected * 2) size *= 2
    this.#table = new Int32Array(size)
    this.#hashes = new Int32Array(Math.max(8, expected))
    this.#strings = new Array<string>(Math.max(0, expected))
  }

  /** Number of strings added. */
  get size(): number {
    return this.#size
  }

  /** The string numbered `i`. */
  at(i: number): string | undefined {
    return i >= 0 && i < this.#size ? this.#strings[i] : undefined
  }

  #find(s: string, h: number): number {
    const table = this.#table
    const mask = table.length - 1
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const entry = table[p] ?? 0
      if (entry === 0) return -1 - p
      if (this.#hashes[entry - 1] === h && this.#strings[entry - 1] === s) return entry - 1
      this.#probes++
    }
  }

  /** The number of `s`, or `-1`. */
  indexOf(s: string): number {
    if (this.#map !== undefined) return this.#map.get(s) ?? -1
    const found = this.#find(s, hashString(s))
    return found < 0 ? -1 : found
  }

  /** Adds `s`; `-1` when it is new, otherwise the number it already has. */
  add(s: string): number {
    if (this.#map !== undefined) {
      const known = this.#map.get(s)
      if (known !== undefined) return known
      this.#map.set(s, this.#size)
      this.#append(s)
      return -1
    }
    const h = hashString(s)
    const found = this.#find(s, h)
    if (found >= 0) return found
    const n = this.#size
    if (this.#probes > 16 * n + 1024) {
      const map = new Map<string, number>()
      for (let i = 0; i < n; i++) map.set(this.#strings[i] ?? '', i)
      this.#map = map
      return this.add(s)
    }
    if ((n + 1) * 2 > this.#table.length) {
      this.#grow()
      return this.add(s)
    }
    this.#table[-1 - found] = n + 1
    if (n === this.#hashes.length) {
      const hashes = new Int32Array(n * 2)
      hashes.set(this.#hashes)
      this.#hashes = hashes
    }
    this.#hashes[n] = h
    this.#append(s)
    return -1
  }

  #append(s: string): void {
    const n = this.#size
    if (n < this.#strings.length) this.#strings[n] = s
    else this.#strings.push(s)
    this.#size = n + 1
  }

  #grow(): void {
    const table = new Int32Array(this.#table.length * 2)
    const mask = table.length - 1
    for (let i = 0; i < this.#size; i++) {
      let p = (this.#hashes[i] ?? 0) & mask
      while (table[p] !== 0) p = (p + 1) & mask
      table[p] = i + 1
    }
    this.#table = table
  }
}

