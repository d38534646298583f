/**
 * A plan as the renderers see it: every field read defensively (plans are stored and reloaded as
 * JSON, so a field may not hold what its type says) and turned into plain sentences once.
 *
 * Laws:
 * - `viewPlan` never throws: a plan it cannot read (a throwing getter, a revoked proxy) gives a
 *   view with no steps and one refusal saying so.
 * - Every object of the plan is read once, into a plain copy, before anything is derived from
 *   it, so a getter answering differently on each read cannot make two parts of the text
 *   disagree.
 * - `refusals` is empty iff every step can be rendered: renderers show no command otherwise.
 *
 * @module
 */
import type { Finding } from '../model/findings.js'
import type { Plan } from '../plan/plan.js'
import type { StepKind } from '../plan/step.js'
import { describeFinding, describeIntent, describeStep, describeUnknownStep, isKnownStep, type StepDescription } from './describe.js'
import { stepCommand } from './commands.js'
import { toText } from './quote.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One step as the renderers see it.
 *
 * @category rendering
 * @since 0.1.0
 */
export interface StepView {
  /** 1-based position. */
  readonly number: number
  /** The step id, as text. */
  readonly id: string
  /** The step tag, as text. */
  readonly tag: string
  /** The step kind; `unknown` when the plan holds something else. */
  readonly kind: StepKind | 'unknown'
  /** What it does and what to verify. */
  readonly description: StepDescription
  /** The cmdlet line a person runs; empty when the step cannot be rendered (see `refusals`). */
  readonly command: string
  /** The script lines; empty when the step cannot be rendered (see `refusals`). */
  readonly script: ReadonlyArray<string>
  /** Why the step cannot be rendered, one sentence; `undefined` when it can. */
  readonly refusal: string | undefined
}

/**
 * A plan as the renderers see it.
 *
 * @category rendering
 * @since 0.1.0
 */
export interface PlanView {
  /** The plan id, as text. */
  readonly id: string
  /** The intent, one sentence. */
  readonly intent: string
  /** Each warning, one sentence. */
  readonly warnings: ReadonlyArray<string>
  /** Users moved, as text. */
  readonly usersMoved: string
  /** Pools touched, as text. */
  readonly pools: ReadonlyArray<string>
  /** The steps. */
  readonly steps: ReadonlyArray<StepView>
  /**
   * Why the plan cannot be run, one sentence each: a step that cannot be rendered, or a plan that
   * cannot be read. Empty when every step can be rendered.
   */
  readonly refusals: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Reads a plan for rendering. Never throws, whatever the plan holds: a plan that cannot be read
 * gives a view with no steps and a refusal.
 *
 * @category rendering
 * @since 0.1.0
 */
export const viewPlan = (plan: Plan): PlanView => {
  try {
    return readView(copy(plan))
  } catch {
    return unreadablePlanView
  }
}

/**
 * The view of a plan that cannot be read: no steps, and a refusal saying so.
 *
 * @category rendering
 * @since 0.2.0
 */
export const unreadablePlanView: PlanView = {
  id: '',
  intent: 'A plan that cannot be read',
  warnings: [],
  usersMoved: '',
  pools: [],
  steps: [],
  refusals: ['The plan cannot be read: it is not a plan, or a field of it could not be read. Plan again.'],
}

const readView = (record: Readonly<Record<string, unknown>>): PlanView => {
  const impact = copy(record['impact'])
  const steps = asArray(record['steps']).map((step, index) => viewStep(copy(step), index))
  if (steps.length === 0) return unreadablePlanView
  return {
    id: toText(record['id']),
    intent: describeIntent(copy(record['intent']) as unknown as Plan['intent']),
    warnings: asArray(record['warnings']).map((w) => describeFinding(copy(w) as unknown as Finding)),
    usersMoved: toText(impact['usersMoved']),
    pools: asArray(impact['pools']).map(toText),
    steps,
    refusals: steps.flatMap((step) => (step.refusal === undefined ? [] : [step.refusal])),
  }
}

const viewStep = (step: Readonly<Record<string, unknown>>, index: number): StepView => {
  const number = index + 1
  const kind = toText(step['kind'])
  const command = stepCommand(step, number)
  const rendered = command._tag === 'Command'
  return {
    number,
    id: toText(step['id']),
    tag: toText(step['_tag']),
    kind: kind === 'check' || kind === 'action' || kind === 'manual' ? kind : 'unknown',
    description: isKnownStep(step) ? describeStep(step) : describeUnknownStep(step['_tag']),
    command: rendered ? command.command : '',
    script: rendered ? command.script : [],
    refusal: rendered ? undefined : command.reason,
  }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

/**
 * A plain copy of an object's own enumerable fields (each getter read once), or `{}` for a
 * non-object or an array. Throws what the object throws (a revoked proxy): `viewPlan` catches it.
 */
const copy = (u: unknown): Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) ? { ...u } : {}

/** A plain copy of an array (each element read once), or `[]` for anything else. */
const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? Array.from(u as ReadonlyArray<unknown>) : [])
