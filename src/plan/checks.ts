/**
 * How every check step is judged and simulated: the families' `…Checks` assembled (a check tag
 * without one does not compile). Kept apart from `catalog.ts` so that planning, validation and
 * rendering — what a browser bundle needs — do not carry execution code.
 *
 * @module
 */
import type { Step, StepOf } from './step.js'
import { backEndChecks } from './steps/backEnd.js'
import { backupServiceChecks } from './steps/backupService.js'
import { cmsChecks } from './steps/cms.js'
import type { CheckSpec, CheckTag, StepChecks } from './steps/definition.js'

/**
 * The judge and simulator of every check tag.
 *
 * @category model
 * @since 0.2.0
 */
export const checks: StepChecks<CheckTag> = /* @__PURE__ */ Object.assign({}, backEndChecks, backupServiceChecks, cmsChecks)

/**
 * Whether a step is a check (its handler answers an observation).
 *
 * @category refinements
 * @since 0.2.0
 */
export const isCheckStep = (step: Step): step is StepOf<CheckTag> => Object.prototype.hasOwnProperty.call(checks, step._tag)

/**
 * The judge and simulator of a check step.
 *
 * @category operations
 * @since 0.2.0
 */
export const checkOf = (step: StepOf<CheckTag>): CheckSpec<CheckTag> =>
  // `checks[step._tag]` is the spec of `step`'s own tag; TypeScript cannot correlate the two.
  checks[step._tag] as CheckSpec<CheckTag>
