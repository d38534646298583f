/**
 * Plain sentences about plans and steps, shared by the PowerShell script (inside comments) and
 * the runbook (as Markdown text). The sentences hold raw plan values: each renderer escapes the
 * whole sentence for its sink (`commentText`, `markdownText`), never the other way round.
 *
 * @module
 */
import { absurd } from 'fp-ts/lib/function.js'
import type { Finding } from '../model/findings.js'
import { formatFinding, formatIntent } from '../model/formatProblem.js'
import type { Intent } from '../model/intent.js'
import { isStepTag } from '../plan/catalog.js'
import type { Step } from '../plan/step.js'
import { toText } from './quote.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a step does and what to check after it, in words.
 *
 * @category rendering
 * @since 0.1.0
 */
export interface StepDescription {
  /** What the step does, one sentence. */
  readonly sentence: string
  /** What to verify once it ran, one sentence. */
  readonly verify: string
}

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
  const severity = toText(finding.severity) === 'unsupported' ? 'Unsupported' : 'Advice'
  return `${severity}: ${guarded(() => formatFinding(finding), `finding ${toText(finding._tag)}`)}`
}

const mode = (disaster: boolean): string => (disaster ? 'disaster mode, -DisasterMode' : 'planned mode')

/**
 * What a known step does and what to verify afterwards.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describeStep = (step: Step): StepDescription => {
  switch (step._tag) {
    case 'CheckBackupService':
      return {
        sentence: `Check that the Backup Service replicating ${t(step.pool)} to its backup pool is healthy.`,
        verify:
          'Every backup module shows ExportStatus SteadyState or FinalState and ImportStatus NormalState; otherwise stop, because changes not yet replicated would be lost.',
      }
    case 'FailoverCentralManagementStore':
      return {
        sentence:
          step.mode === 'planned'
            ? `Fail the Central Management Store over from ${t(step.from)} to ${t(step.to)} (planned mode). Run it on a Front End server of ${t(step.to)}.`
            : `Fail the Central Management Store over from ${t(step.from)} to the Back End of ${t(step.to)} (${t(step.sqlServer)}, instance ${t(step.instance)}${
                step.mirrorSqlServer === undefined ? '' : `, mirror ${t(step.mirrorSqlServer)}`
              }) in disaster mode. Run it on a Front End server of ${t(step.to)}.`,
        verify: 'The command ends without an error; the next step confirms the new active master.',
      }
    case 'CheckCentralManagementStore':
      return {
        sentence: `Check that the Central Management Store active master is ${t(step.activeMaster)}.`,
        verify: `ActiveMasterFqdn is ${t(step.activeMaster)} (letter case and a trailing dot do not matter); otherwise stop.`,
      }
    case 'SetEdgeNextHop':
      return {
        sentence: `Point the next hop of Edge pool ${t(step.edgePool)} at ${t(step.nextHop)}.`,
        verify: `The command ends without an error and the Edge pool ${t(step.edgePool)} lists Registrar ${t(step.nextHop)} as its next hop.`,
      }
    case 'FailoverPool':
      return {
        sentence: `Fail over the users homed on ${t(step.pool)} onto ${t(step.backupPool)} (${mode(step.disasterMode)}).`,
        verify: `The command ends without an error; users homed on ${t(step.pool)} sign in and are serviced by ${t(step.backupPool)}.`,
      }
    case 'FailbackPool':
      return {
        sentence: `Fail back the users homed on ${t(step.pool)} from ${t(step.backupPool)} (${mode(step.disasterMode)}).`,
        verify: `The command ends without an error; users homed on ${t(step.pool)} are serviced by ${t(step.pool)} again (this can take up to an hour for 20,000 users).`,
      }
  }
  return absurd(step)
}

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

const t = toText

/** Runs a formatter on data that may not have its declared shape; never throws. */
const guarded = (f: () => string, fallback: string): string => {
  try {
    return toText(f())
  } catch {
    return fallback
  }
}
