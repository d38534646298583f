/**
 * What rendering a step takes: its cmdlet line, its script lines and its description. Each step
 * family has one file in `render/steps/` giving these for each of its tags; the script, the
 * runbook and the CLI all read them, so they say the same.
 *
 * @module
 */
import type { StepOf, StepTag } from '../../plan/step.js'

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

/**
 * How one step tag is rendered.
 *
 * Laws: every plan value in `command` and `script` goes through `quotePowerShell`; the rest is
 * constant text, so a hostile value can never add a token.
 *
 * @category rendering
 * @since 0.2.0
 */
export interface StepRendering<K extends StepTag> {
  /** The cmdlet line a person runs (the runbook shows it), exactly as the contract spells it (§6). */
  readonly command: (step: StepOf<K>) => string
  /**
   * The script lines (`number` is the step's 1-based position, for the messages it throws): the
   * command, and for checks the comparison that throws on a mismatch, for manual steps the
   * pause. Without it, the command alone.
   */
  readonly script?: (step: StepOf<K>, number: number, command: string) => ReadonlyArray<string>
  /** What the step does and what to verify, in words (raw plan values: each renderer escapes). */
  readonly describe: (step: StepOf<K>) => StepDescription
}

/**
 * The renderings of a family of step tags.
 *
 * @category rendering
 * @since 0.2.0
 */
export type StepRenderings<K extends StepTag> = { readonly [T in K]: StepRendering<T> }

/**
 * `' (disaster mode, -DisasterMode)'` or `' (planned mode)'`.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const modeText = (disaster: boolean): string => (disaster ? 'disaster mode, -DisasterMode' : 'planned mode')

/**
 * `true` only for the boolean `true` (plan values may come from JSON).
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const isTrue = (u: unknown): boolean => u === true
