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

const K: ReadonlyArray<number> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]

const H0: ReadonlyArray<number> = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]

const K32 = Uint32Array.from(K)

/**
 * The SHA-256 padded message of a string: its UTF-8 bytes (a lone surrogate becomes U+FFFD, as
 * `TextEncoder` does), `0x80`, zeros, and the 64-bit big-endian bit length, a multiple of 64 bytes.
 */
const padded = (s: string): Uint8Array => {
  const bytes = new Uint8Array(s.length * 3 + 72)
  let n = 0
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c < 0x80) {
      bytes[n++] = c
      continue
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      } else c = 0xfffd
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd
    if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6)
      bytes[n++] = 0x80 | (c & 0x3f)
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12)
      bytes[n++] = 0x80 | ((c >> 6) & 0x3f)
      bytes[n++] = 0x80 | (c & 0x3f)
    } else {
      bytes[n++] = 0xf0 | (c >> 18)
      bytes[n++] = 0x80 | ((c >> 12) & 0x3f)
      bytes[n++] = 0x80 | ((c >> 6) & 0x3f)
      bytes[n++] = 0x80 | (c & 0x3f)
    }
  }
  const length = n
  bytes[n++] = 0x80
  while (n % 64 !== 56) bytes[n++] = 0
  // 64-bit big-endian length; messages here stay far below 2^53 bits.
  const bits = length * 8
  const high = Math.floor(bits / 0x100000000)
  bytes[n++] = (high >>> 24) & 0xff
  bytes[n++] = (high >>> 16) & 0xff
  bytes[n++] = (high >>> 8) & 0xff
  bytes[n++] = high & 0xff
  bytes[n++] = (bits >>> 24) & 0xff
  bytes[n++] = (bits >>> 16) & 0xff
  bytes[n++] = (bits >>> 8) & 0xff
  bytes[n++] = bits & 0xff
  return bytes.subarray(0, n)
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
  const h = Uint32Array.from(H0)
  const w = new Uint32Array(64)
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4
      w[t] = ((bytes[j] ?? 0) << 24) | ((bytes[j + 1] ?? 0) << 16) | ((bytes[j + 2] ?? 0) << 8) | (bytes[j + 3] ?? 0)
    }
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
