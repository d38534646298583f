/**
 * Deep-freezes a value (objects, arrays, Maps and Sets) so that any mutation by the code under
 * test throws in strict mode. Maps and Sets are frozen by replacing their mutators.
 */
export const deepFreeze = <A>(value: A): A => {
  const seen = new WeakSet<object>()
  const freeze = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v) || Object.isFrozen(v)) return
    seen.add(v)
    if (v instanceof Map) {
      for (const [k, x] of v) {
        freeze(k)
        freeze(x)
      }
      const fail = (): never => {
        throw new TypeError('mutation of a frozen Map')
      }
      Object.defineProperties(v, { set: { value: fail }, delete: { value: fail }, clear: { value: fail } })
    } else if (v instanceof Set) {
      for (const x of v) freeze(x)
      const fail = (): never => {
        throw new TypeError('mutation of a frozen Set')
      }
      Object.defineProperties(v, { add: { value: fail }, delete: { value: fail }, clear: { value: fail } })
    } else {
      for (const x of Object.values(v)) freeze(x)
    }
    Object.freeze(v)
  }
  freeze(value)
  return value
}
