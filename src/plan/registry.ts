/**
 * The plans this library handed out in this process: deep-frozen copies, recognised by identity.
 * `executePlan` runs only these; everything else must first go through `validatePlan`.
 *
 * The plan id is a content hash anyone can recompute (`withPlanId`): it detects a stored plan
 * edited by hand, and it is no signature. What makes a plan trustworthy for execution is that this
 * library validated it — which only the identity of the object can say.
 *
 * Laws:
 * - `isRegisteredPlan(registerPlan(p))` for every plan `p`; `registerPlan` returns `p` itself when
 *   `p` is already registered, else a deep-frozen copy of it (the input is never frozen).
 * - A registered plan is deep-frozen: nothing reachable from it can change.
 * - No other object is registered: a copy, a JSON round trip or an edited and re-sealed plan is not.
 * - One registry per process: a `WeakSet` kept on `globalThis` under `Symbol.for(REGISTRY_KEY)`, so
 *   the ESM and CommonJS builds of this package (or two bundled copies) loaded side by side
 *   recognise each other's plans. It holds plans weakly: it never keeps one alive.
 *
 * @module
 * @internal
 */
import * as O from 'fp-ts/lib/Option.js'
import type { Plan } from './plan.js'

// -------------------------------------------------------------------------------------
// snapshots of plain data
// -------------------------------------------------------------------------------------

/**
 * A deep copy of a value as JSON carries it (`JSON.parse(JSON.stringify(value))`), reading every
 * field exactly once: own enumerable fields in their order, `undefined`/functions/symbols left out
 * of objects (and `null` in arrays), non-finite numbers as `null`, `-0` as `0`, `toJSON` applied,
 * no prototypes (an own `__proto__` key stays a plain field). `none` when the value is no JSON
 * data (`undefined`, a cycle, a bigint, a getter that throws, a revoked proxy, nesting too deep);
 * never throws.
 *
 * Work on the snapshot, never on the value: a getter or a proxy may answer differently each time
 * it is read, and a caller may change the value while it is being checked.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const snapshotData = (value: unknown): O.Option<unknown> => {
  try {
    const text = JSON.stringify(value) as string | undefined
    return text === undefined ? O.none : O.some(JSON.parse(text))
  } catch {
    return O.none
  }
}

/**
 * Freezes a value made by {@link snapshotData} (plain objects and arrays) and everything in it.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreeze(item)
  }
  return value
}

/**
 * A deep-frozen copy of plain data (as {@link snapshotData}), or `none` when it is no JSON data.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const frozenSnapshot = (value: unknown): O.Option<unknown> => O.map(deepFreeze)(snapshotData(value))

// -------------------------------------------------------------------------------------
// the registry
// -------------------------------------------------------------------------------------

/**
 * The key of the registry on `globalThis` (`Symbol.for`, so every copy of the package finds it).
 * The `v1` changes if the registry's shape ever does.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const REGISTRY_KEY = 'sfb-dr.validatedPlans.v1'

// Captured once: an instance's own `has`/`add`, however set, are never called.
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call on a WeakSet
const weakSetHas = WeakSet.prototype.has
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call on a WeakSet
const weakSetAdd = WeakSet.prototype.add

let local: WeakSet<object> | undefined

/** The process-wide registry, created on first use (no side effect at load: `sideEffects: false`). */
const registry = (): WeakSet<object> => {
  if (local !== undefined) return local
  const key = Symbol.for(REGISTRY_KEY)
  try {
    const found: unknown = (globalThis as Readonly<Record<symbol, unknown>>)[key]
    if (found instanceof WeakSet) {
      local = found
      return local
    }
    const created = Object.freeze(new WeakSet<object>())
    Object.defineProperty(globalThis, key, { value: created, enumerable: false, writable: false, configurable: false })
    local = created
  } catch {
    // a frozen or hostile globalThis: this copy of the package keeps its own registry
    local = new WeakSet<object>()
  }
  return local
}

/**
 * Whether `value` is a plan this library returned in this process (a planner, `validatePlan` or
 * `resumePlan`). Identity only: no field of `value` is read. Never throws.
 *
 * @category refinements
 * @since 0.2.0
 * @internal
 */
export const isRegisteredPlan = (value: unknown): value is Plan => {
  if (typeof value !== 'object' || value === null) return false
  try {
    return weakSetHas.call(registry(), value)
  } catch {
    return false
  }
}

/**
 * Registers a plan the library has just checked and that no one else holds (a fresh
 * {@link snapshotData} copy): freezes it in place, deep, and returns it.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const registerFresh = (plan: Plan): Plan => {
  deepFreeze(plan)
  weakSetAdd.call(registry(), plan)
  return plan
}

/**
 * Registers a plan the library has just checked: the plan itself when already registered, else a
 * deep-frozen copy (the caller's object is never frozen); `none` when it is no JSON data.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const registerPlan = (plan: Plan): O.Option<Plan> =>
  isRegisteredPlan(plan) ? O.some(plan) : O.map((copy: unknown) => registerFresh(copy as Plan))(snapshotData(plan))
