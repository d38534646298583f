/**
 * The plan id: the SHA-256 (hex) of the canonical JSON of everything in a plan but its `id`.
 * SHA-256 is written here in plain TypeScript so the core needs neither Node's `crypto` nor the
 * asynchronous Web Crypto API.
 *
 * Laws:
 * - `canonicalJson` sorts object keys, keeps array order, drops `undefined`, functions and
 *   symbols (as `JSON.stringify` does), and is `none` for values JSON cannot hold (cycles,
 *   bigints) — never an exception.
 * - `hasValidPlanId(withPlanId(c))` is `true`; changing any field of the content changes the id.
 * - Two contents with the same canonical JSON (key order aside) have the same id.
 *
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import type { Plan } from './plan.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A plan without its id: what the id is computed from.
 *
 * @category model
 * @since 0.1.0
 */
export type PlanContent = Omit<Plan, 'id'>

// -------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4)
// -------------------------------------------------------------------------------------

// Not mutated by `npm run mutate`: pinned by the FIPS 180-4 vectors and by node:crypto on any
// string (test/plan/planId.test.ts); its mutants cost minutes each (a million "a") and teach nothing.
// Stryker disable all

/** `⌊x^(1/n)⌋` of a bigint `x ≥ 1` (Newton's method from above, exact). */
const integerRoot = (x: bigint, n: bigint): bigint => {
  let r = 1n << (BigInt(x.toString(2).length) / n + 1n)
  for (;;) {
    const next = ((n - 1n) * r + x / r ** (n - 1n)) / n
    if (next >= r) return r
    r = next
  }
}

/**
 * The constants of FIPS 180-4 §4.2.2 and §5.3.3, computed exactly rather than listed (a table of
 * 72 numbers is 0.6 KB of a browser bundle that gzip cannot shrink): the first 32 bits of the
 * fractional parts of the cube roots of the first 64 primes (`K`), and of the square roots of the
 * first 8 (`H0`).
 */
const [K32, H0] = /* @__PURE__ */ ((): readonly [Uint32Array, Uint32Array] => {
  const primes: Array<bigint> = []
  for (let n = 2n; primes.length < 64; n++) if (primes.every((p) => n % p !== 0n)) primes.push(n)
  const bits = (root: bigint): number => Number(root & 0xffffffffn)
  return [
    Uint32Array.from(primes, (p) => bits(integerRoot(p << 96n, 3n))),
    Uint32Array.from(primes.slice(0, 8), (p) => bits(integerRoot(p << 64n, 2n))),
  ]
})()

/**
 * The SHA-256 padded message of a string: its UTF-8 bytes (a lone surrogate becomes U+FFFD, as
 * `TextEncoder` does), `0x80`, zeros, and the 64-bit big-endian bit length, a multiple of 64 bytes.
 */
const padded = (s: string): Uint8Array => {
  const utf8 = new TextEncoder().encode(s)
  const size = Math.ceil((utf8.length + 9) / 64) * 64
  const bytes = new Uint8Array(size)
  bytes.set(utf8)
  bytes[utf8.length] = 0x80
  // 64-bit big-endian bit length; messages here stay far below 2^53 bits.
  const view = new DataView(bytes.buffer)
  view.setUint32(size - 8, Math.floor(utf8.length / 0x20000000))
  view.setUint32(size - 4, (utf8.length * 8) >>> 0)
  return bytes
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/**
 * The SHA-256 digest of the UTF-8 encoding of `message`, as 64 lower-case hex digits.
 *
 * @example
 * sha256('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 *
 * @category operations
 * @since 0.1.0
 */
export const sha256 = (message: string): string => {
  const bytes = padded(message)
  const words = new DataView(bytes.buffer)
  const h = Uint32Array.from(H0)
  const w = new Uint32Array(64)
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = words.getUint32(offset + t * 4)
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] ?? 0
      const w2 = w[t - 2] ?? 0
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
      w[t] = (w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1
    }
    let a = h[0] ?? 0
    let b = h[1] ?? 0
    let c = h[2] ?? 0
    let d = h[3] ?? 0
    let e = h[4] ?? 0
    let f = h[5] ?? 0
    let g = h[6] ?? 0
    let hh = h[7] ?? 0
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + S1 + ch + (K32[t] ?? 0) + (w[t] ?? 0)) >>> 0
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] = (h[0] ?? 0) + a
    h[1] = (h[1] ?? 0) + b
    h[2] = (h[2] ?? 0) + c
    h[3] = (h[3] ?? 0) + d
    h[4] = (h[4] ?? 0) + e
    h[5] = (h[5] ?? 0) + f
    h[6] = (h[6] ?? 0) + g
    h[7] = (h[7] ?? 0) + hh
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('')
}

// Stryker restore all

// -------------------------------------------------------------------------------------
// canonical JSON
// -------------------------------------------------------------------------------------

const isArray = (u: unknown): u is ReadonlyArray<unknown> => Array.isArray(u)

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null

/** Values `JSON.stringify` leaves out of objects (and turns into `null` inside arrays). */
const isOmitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** The canonical JSON of `value`, or `undefined` when it cannot be written (no Option per node). */
const encode = (value: unknown, ancestors: Set<object>): string | undefined => {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'string':
      return JSON.stringify(value)
    case 'bigint':
      return undefined
    case 'undefined':
    case 'function':
    case 'symbol':
      return 'null'
    case 'object':
      break
  }
  if (ancestors.has(value)) return undefined
  ancestors.add(value)
  let out: string | undefined
  if (isArray(value)) {
    out = '['
    for (let i = 0; i < value.length; i++) {
      const encoded = encode(value[i], ancestors)
      if (encoded === undefined) {
        out = undefined
        break
      }
      out += i === 0 ? encoded : `,${encoded}`
    }
    if (out !== undefined) out += ']'
  } else {
    out = '{'
    let first = true
    for (const key of Object.keys(value).sort()) {
      const item = (value as Readonly<Record<string, unknown>>)[key]
      if (isOmitted(item)) continue
      const encoded = encode(item, ancestors)
      if (encoded === undefined) {
        out = undefined
        break
      }
      out += `${first ? '' : ','}${JSON.stringify(key)}:${encoded}`
      first = false
    }
    if (out !== undefined) out += '}'
  }
  ancestors.delete(value)
  return out
}

/**
 * The canonical JSON of a value: object keys sorted, arrays in order, `undefined` left out, no
 * white space. `none` when the value cannot be written as JSON (a cycle, a bigint, a getter that
 * throws, nesting too deep for the stack); this function itself never throws.
 *
 * @category operations
 * @since 0.1.0
 */
export const canonicalJson = (value: unknown): O.Option<string> => {
  try {
    return O.fromNullable(encode(value, new Set()))
  } catch {
    return O.none
  }
}

// -------------------------------------------------------------------------------------
// plan id
// -------------------------------------------------------------------------------------

/**
 * Drops the `id` field of whatever object it is given, and its `$schema` (editor metadata, not
 * content), without reading any other field.
 */
const withoutId = (plan: unknown): unknown => {
  if (!isRecord(plan) || isArray(plan)) return plan
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(plan)) {
    if (key !== 'id' && key !== '$schema') Object.defineProperty(out, key, { value: plan[key], enumerable: true })
  }
  return out
}

const idOf = (content: unknown): O.Option<string> => {
  try {
    return O.map(sha256)(canonicalJson(withoutId(content)))
  } catch {
    return O.none
  }
}

/**
 * {@link computePlanId} of any value, such as a plan read back from JSON: the id its content
 * hashes to, or the empty string when it cannot be written as JSON.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const planIdOfValue = (value: unknown): string => O.getOrElse(() => '')(idOf(value))

/**
 * The id of a plan's content: the SHA-256 (hex) of its canonical JSON. An `id` field, if the
 * value has one, is ignored. Content that cannot be written as JSON (a cycle, say) gets the empty
 * string, which no valid plan id equals.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { computePlanId, planFailover } from 'sfb-dr'
 *
 * pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map((plan) => computePlanId(plan) === plan.id))
 * // => right(true): the plan's own id field is left out of the hash
 *
 * @category operations
 * @since 0.1.0
 */
export const computePlanId = (content: PlanContent): string => planIdOfValue(content)

/**
 * Seals plan content with its id.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { hasValidPlanId, planFailover, validatePlan, withPlanId } from 'sfb-dr'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * // Dropping the data-loss warning breaks the id; re-sealing mends the id, not the plan
 * pipe(plan, E.map((p) => hasValidPlanId(withPlanId({ ...p, warnings: [] })))) // => right(true)
 * pipe(plan, E.chainW((p) => validatePlan(contoso, redmondDown, withPlanId({ ...p, warnings: [] }))), E.mapLeft((problems) => problems.map((x) => x._tag)))
 * // => left(['PlanContentMismatch'])
 *
 * @category constructors
 * @since 0.1.0
 */
export const withPlanId = (content: PlanContent): Plan => ({ ...content, id: computePlanId(content) })

/**
 * Whether a plan's id matches its content. `false` for anything that is not an object with a
 * string `id`, or whose content cannot be written as JSON; never throws.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { hasValidPlanId, planFailover } from 'sfb-dr'
 *
 * const plan = planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' })
 * pipe(plan, E.map(hasValidPlanId)) // => right(true)
 * pipe(plan, E.map((p) => hasValidPlanId({ ...p, warnings: [] }))) // => right(false): edited after it was sealed
 *
 * @category refinements
 * @since 0.1.0
 */
export const hasValidPlanId = (plan: Plan): boolean => {
  const value: unknown = plan
  if (!isRecord(value)) return false
  try {
    const id = value['id']
    return typeof id === 'string' && O.exists((expected: string) => expected === id)(idOf(value))
  } catch {
    return false
  }
}
