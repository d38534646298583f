/**
 * String hashing for the user index, and the one-pass check of an already-normalized SIP address
 * that hashes it while it validates it (the hot loop of `decodeTopology`).
 *
 * Laws:
 * - `isPlainSipAddress(s, out)` implies `isSipAddress(s)` (it accepts a subset: ASCII, lower-case),
 *   and then `out.hash === hashString(s)`. When it says no, callers fall back to
 *   `parseSipAddress`, so the accepted language is exactly the model's.
 *
 * @module
 */
import type { SipAddress } from './identifiers.js'

const OFFSET = 0x811c9dc5 | 0
const PRIME = 0x01000193

const finish = (h: number): number => {
  let x = h ^ (h >>> 16)
  x = Math.imul(x, 0x45d9f3b)
  return (x ^ (x >>> 16)) | 0
}

/**
 * A 32-bit hash of `s` (FNV-1a over UTF-16 code units, then mixed).
 *
 * @category internal
 * @since 0.1.0
 */
export const hashString = (s: string): number => {
  let h = OFFSET
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME)
  return finish(h)
}

/** FNV-1a state after `sip:`. */
const AFTER_SCHEME = ((): number => {
  let h = OFFSET
  for (const ch of 'sip:') h = Math.imul(h ^ ch.charCodeAt(0), PRIME)
  return h
})()

/** ASCII characters allowed in the local part of an already lower-case SIP address. */
const LOCAL_PART = ((): Uint8Array => {
  const allowed = new Uint8Array(128)
  for (let ch = 0x21; ch < 0x7f; ch++) allowed[ch] = 1
  for (const ch of '@:;<>"\'`ABCDEFGHIJKLMNOPQRSTUVWXYZ') allowed[ch.charCodeAt(0)] = 0
  return allowed
})()

const AT = 64
const DOT = 46
const HYPHEN = 45

/**
 * Where {@link isPlainSipAddress} writes the hash of the address it accepted (no allocation per
 * call).
 *
 * @category internal
 * @since 0.1.0
 */
export interface HashSlot {
  hash: number
}

/**
 * Whether `s` is a SIP address already in normal form, in the common ASCII shape
 * (`sip:` + 1–256 local-part characters + `@` + a lower-case FQDN); writes `hashString(s)` to
 * `out` when it is. `false` does not mean invalid: upper-case or non-ASCII addresses take the
 * slower `parseSipAddress` path.
 *
 * @category internal
 * @since 0.1.0
 */
export const isPlainSipAddress = (s: string, out: HashSlot): s is SipAddress => {
  const n = s.length
  if (n < 8 || n > 512) return false
  if (s.charCodeAt(0) !== 115 || s.charCodeAt(1) !== 105 || s.charCodeAt(2) !== 112 || s.charCodeAt(3) !== 58)
    return false
  let h = AFTER_SCHEME
  let i = 4
  for (; i < n; i++) {
    const ch = s.charCodeAt(i)
    if (ch === AT) break
    if (ch > 127 || LOCAL_PART[ch] !== 1) return false
    h = Math.imul(h ^ ch, PRIME)
  }
  if (i === 4 || i > 260 || i === n) return false
  h = Math.imul(h ^ AT, PRIME)
  let labels = 0
  let label = 0
  let previous = DOT
  for (i++; i < n; i++) {
    const ch = s.charCodeAt(i)
    if (ch === DOT) {
      if (label === 0 || previous === HYPHEN) return false
      labels++
      label = 0
    } else if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || (ch === HYPHEN && label > 0)) {
      if (++label > 63) return false
    } else return false
    previous = ch
    h = Math.imul(h ^ ch, PRIME)
  }
  if (label === 0 || previous === HYPHEN || labels === 0) return false
  out.hash = finish(h)
  return true
}
