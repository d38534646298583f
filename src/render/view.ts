/**
 * A plan as the renderers see it: every field read defensively (plans are stored and reloaded as
 * JSON, so a field may not hold what its type says) and turned into plain sentences once.
 *
 * @module
 */
import type { Finding } from '../model/findings.js'
import type { Plan } from '../plan/plan.js'
import type { StepKind } from '../plan/step.js'
import { describeFinding, describeIntent, describeStep, describeUnknownStep, isKnownStep, type StepDescription } from './describe.js'
import { stepCommand, type StepCommand } from './commands.js'
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
  /** What to run. */
  readonly command: StepCommand
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
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Reads a plan for rendering. Never throws, whatever the plan holds.
 *
 * @category rendering
 * @since 0.1.0
 */
export const viewPlan = (plan: Plan): PlanView => {
  const record = asRecord(plan)
  const impact = asRecord(record['impact'])
  return {
    id: toText(record['id']),
    intent: describeIntent(record['intent'] as Plan['intent']),
    warnings: asArray(record['warnings']).map((w) => describeFinding(asRecord(w) as unknown as Finding)),
    usersMoved: toText(impact['usersMoved']),
    pools: asArray(impact['pools']).map(toText),
    steps: asArray(record['steps']).map(viewStep),
  }
}

const viewStep = (step: unknown, index: number): StepView => {
  const record = asRecord(step)
  const number = index + 1
  const kind = toText(record['kind'])
  return {
    number,
    id: toText(record['id']),
    tag: toText(record['_tag']),
    kind: kind === 'check' || kind === 'action' || kind === 'manual' ? kind : 'unknown',
    description: isKnownStep(step) ? describeStep(step) : describeUnknownStep(record['_tag']),
    command: stepCommand(step, number),
  }
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const EMPTY: Readonly<Record<string, unknown>> = {}

const asRecord = (u: unknown): Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) ? (u as Readonly<Record<string, unknown>>) : EMPTY

const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? (u as ReadonlyArray<unknown>) : [])
