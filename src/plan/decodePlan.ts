/**
 * Reading a stored plan document (contract §5.1): its shape and nothing else.
 *
 * Laws:
 * - `decodePlan(JSON.parse(JSON.stringify(p)))` deep-equals `right(p)` for every plan `p` a
 *   planner returns.
 * - The result is a fresh copy made of the input's own fields only: mutating the input afterwards
 *   changes nothing, `-0` reads `0`, and a top-level `$schema` is dropped.
 * - Never throws, whatever the input.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { InvalidInput, UnknownField } from '../model/problem.js'
import { invalidInput, isRecord } from './input.js'
import type { Plan } from './plan.js'
import { isWellFormedPlan, planShapeProblems } from './planShape.js'

/**
 * A copy of a JSON-shaped value from its own enumerable fields (check its shape first: the copy
 * recurses); `-0` becomes `0`; with `top`, a top-level `$schema` is dropped.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const copyDocument = (u: unknown, top = false): unknown => {
  const copy = copyDocument
  if (Array.isArray(u)) return u.map((x: unknown) => copy(x))
  if (isRecord(u)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(u))
      if (!(top && key === '$schema')) Object.defineProperty(out, key, { value: copy(u[key]), enumerable: true, writable: true, configurable: true })
    return out
  }
  return u === 0 ? 0 : u
}

/**
 * Decodes a stored plan document, such as the JSON that `sfb-dr plan --out` writes or a portal
 * keeps for approval: checks its shape (format version, intent, every step against the catalog's
 * fields, warnings, impact) and refuses every field the plan format does not define.
 *
 * **When to use**: to read a plan back from JSON before showing it (`renderRunbook`,
 * `renderPowerShell`) or validating it. It does NOT check the plan against a deployment: for that
 * (and before `executePlan`, which runs only plans this library validated in this process) pass
 * the result to `validatePlan(topology, state, plan)`, which also recomputes the plan id.
 *
 * **Details**: every problem is reported at once, each with its path: `InvalidInput`
 * (`steps[2].pool`, `intent.mode`, …) and `UnknownField` with the nearest known name
 * (`steps[0].pol` → `pool`). Only own fields are read. A top-level `$schema` string is allowed and
 * dropped (the plan id does not cover it).
 *
 * **Gotchas**: never throws, whatever the input; the result is a fresh copy, not the input.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { decodePlan, parseDocumentText, planFailover, validatePlan } from 'sfb-dr'
 *
 * // A plan saved as JSON text, read back and checked against the state now
 * const saved = pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map((plan) => JSON.stringify(plan)))
 * pipe(
 *   saved,
 *   E.chainW(parseDocumentText),
 *   E.chainW(decodePlan),
 *   E.chainW((plan) => validatePlan(contoso, redmondDown, plan)),
 *   E.map((plan) => plan.steps.length),
 * ) // => right(4)
 *
 * @see {@link validatePlan} to check a plan against a deployment.
 * @category planning
 * @since 0.2.0
 */
export const decodePlan = (input: unknown): E.Either<RNEA.ReadonlyNonEmptyArray<InvalidInput | UnknownField>, Plan> => {
  const [first, ...rest] = planShapeProblems(input)
  if (first !== undefined) return E.left([first, ...rest])
  try {
    const plan = copyDocument(input, true)
    if (isWellFormedPlan(plan, [])) return E.right(plan)
  } catch {
    // a proxy whose fields cannot be listed or read (again): refused below
  }
  return E.left([invalidInput('', 'a plan made of plain data', input)])
}
