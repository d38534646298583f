/**
 * The one command builder: step → the exact cmdlet line a person runs, and the lines the script
 * runs (the same cmdlet line, plus the comparison that throws for checks). Both renderers use it,
 * so the script and the runbook cannot disagree on a cmdlet or its quoting.
 *
 * Laws:
 * - Every plan value in a command goes through `quotePowerShell`; the command text is otherwise
 *   constant, so a hostile value can never add a token.
 * - Cmdlet spelling is exactly the contract's (§6).
 *
 * @module
 */
import type { Step, StepOf, StepTag } from '../plan/step.js'
import { isKnownStep } from './describe.js'
import { quotePowerShell as q, toText } from './quote.js'
import { renderings } from './steps/index.js'
import type { StepRendering } from './steps/rendering.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What to run for a step: its command and script lines, or a refusal when the step cannot be
 * rendered safely (an unknown tag, or a value that is not printable ASCII: no valid identifier
 * is, and Windows PowerShell 5.1 reads a script file without a byte-order mark as Windows-1252,
 * where bytes of UTF-8 characters decode to `‘`, `’` or `‚`, which PowerShell takes for quotes).
 *
 * @category rendering
 * @since 0.1.0
 */
export type StepCommand =
  | {
      /** Discriminant. */
      readonly _tag: 'Command'
      /** The cmdlet line a person runs (runbook): printable ASCII, one line. */
      readonly command: string
      /** The script lines: the command, and for checks the comparison that throws on a mismatch. */
      readonly script: ReadonlyArray<string>
    }
  | {
      /** Discriminant. */
      readonly _tag: 'Refusal'
      /** Why the step is not rendered, one sentence. */
      readonly reason: string
      /** The script lines: a `throw` that stops the script at this step. */
      readonly script: ReadonlyArray<string>
    }

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The cmdlet line for a step, exactly as the contract spells it.
 *
 * @example
 * stepCommandLine({ _tag: 'FailoverPool', id: 'x', kind: 'action', pool, backupPool, disasterMode: true })
 * // "Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode"
 *
 * @category rendering
 * @since 0.1.0
 */
export const stepCommandLine = (step: Step): string => withRendering(step, (rendering, s) => rendering.command(s))

/**
 * What to run for a step of a plan, known or not; `number` is its 1-based position, used in the
 * messages the script throws. A step whose tag is unknown, or whose text is not printable ASCII,
 * is refused. Never throws, whatever the step holds.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planFailover, stepCommand } from 'sfb-dr'
 *
 * pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map((plan) => stepCommand(plan.steps[0], 1)))
 * // => right({ _tag: 'Command', command: "Invoke-CsManagementServerFailover -BackupSqlServerFqdn 'be2.contoso.com' …", script: […] })
 * // (script: the same command line)
 * stepCommand({ _tag: 'RebootEverything' }, 1)
 * // => { _tag: 'Refusal', reason: 'Step 1 is not rendered: unknown step RebootEverything; this plan was not made by this version of sfb-dr. Plan again.',
 * //      script: ["throw 'Step 1 is not rendered: …'"] }
 *
 * @category rendering
 * @since 0.1.0
 */
export const stepCommand = (step: unknown, number: number): StepCommand => {
  try {
    if (!isKnownStep(step)) {
      const tag = typeof step === 'object' && step !== null ? (step as { readonly _tag?: unknown })._tag : undefined
      return refusal(number, `unknown step ${printable(toText(tag).slice(0, 64))}; this plan was not made by this version of sfb-dr`)
    }
    const command = stepCommandLine(step)
    const script = withRendering(step, (rendering, s) => rendering.script?.(s, number, command) ?? [command])
    return script.every(isPrintableAscii)
      ? { _tag: 'Command', command, script }
      : refusal(number, 'a value of this step holds characters no valid name has (outside printable ASCII)')
  } catch {
    return refusal(number, 'this step cannot be read')
  }
}

/**
 * Whether `s` holds only printable ASCII (U+0020–U+007E): the alphabet of every rendered script.
 *
 * @category rendering
 * @since 0.1.0
 */
export const isPrintableAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s)

/**
 * `s` with every character outside printable ASCII replaced by `?`, for display text.
 *
 * @category rendering
 * @since 0.1.0
 */
export const printable = (s: string): string => s.replace(/[^\x20-\x7e]/gu, '?')

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const refusal = (number: number, reason: string): StepCommand => {
  const sentence = `Step ${number} is not rendered: ${reason}. Plan again.`
  return { _tag: 'Refusal', reason: sentence, script: [`throw ${q(sentence)}`] }
}

/** Runs `f` with the rendering of `step`'s tag, typed for that tag. */
const withRendering = <R>(step: Step, f: <K extends StepTag>(rendering: StepRendering<K>, step: StepOf<K>) => R): R =>
  // `renderings[step._tag]` is the rendering of `step`'s own tag; TypeScript cannot correlate the two.
  f(renderings[step._tag] as StepRendering<StepTag>, step)
