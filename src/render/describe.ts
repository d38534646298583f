/**
 * Plain sentences about plans and steps, shared by the PowerShell script (inside comments) and
 * the runbook (as Markdown text). The sentences hold raw plan values: each renderer escapes the
 * whole sentence for its sink (`commentText`, `markdownText`), never the other way round.
 *
 * @module
 */
import type { Finding } from '../model/findings.js'
import { formatFinding, formatIntent } from '../model/formatProblem.js'
import type { Intent } from '../model/intent.js'
import { isStepTag } from '../plan/catalog.js'
import type { Step, StepTag } from '../plan/step.js'
import { toText } from './quote.js'
import { renderings } from './steps/index.js'
import type { StepDescription, StepRendering } from './steps/rendering.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type { StepDescription } from './steps/rendering.js'

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether a step (possibly reloaded from JSON) carries a tag this version knows. Renderers render
 * unknown steps as a stop, never through the exhaustive switch.
 *
 * @category rendering
 * @since 0.1.0
 */
export const isKnownStep = (step: unknown): step is Step => {
  if (typeof step !== 'object' || step === null) return false
  return isStepTag((step as { readonly _tag?: unknown })._tag)
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The intent as a sentence starting with a capital letter.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describeIntent = (intent: Intent): string => {
  const text = guarded(() => formatIntent(intent), 'Unknown intent')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A finding or plan warning as a sentence, prefixed with its severity.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describeFinding = (finding: Finding): string => {
  const tag = toText(finding.severity)
  const severity = tag === 'warning' ? 'Warning' : tag === 'unsupported' ? 'Unsupported' : 'Advice'
  return `${severity}: ${guarded(() => formatFinding(finding), `finding ${toText(finding._tag)}`)}`
}

/**
 * What a known step does and what to verify afterwards.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describeStep = (step: Step): StepDescription =>
  // `renderings[step._tag]` is the rendering of `step`'s own tag; TypeScript cannot correlate the two.
  (renderings[step._tag] as StepRendering<StepTag>).describe(step)

/**
 * The description of a step this version does not know: a stop.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describeUnknownStep = (tag: unknown): StepDescription => ({
  sentence: `Unknown step ${toText(tag)}: this plan was not made by this version of sfb-dr.`,
  verify: 'Do not continue: plan again with the current version.',
})

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/** Runs a formatter on data that may not have its declared shape; never throws. */
const guarded = (f: () => string, fallback: string): string => {
  try {
    return toText(f())
  } catch {
    return fallback
  }
}
