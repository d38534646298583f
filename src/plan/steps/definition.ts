/**
 * What a step definition is: the shape every step family file (`steps/*.ts`) fills in for each
 * of its tags — kind, id slug, field shapes, the pools it touches, preconditions, safety rules,
 * transition — and, for checks, how an observation is judged and simulated (a separate record,
 * `…Checks`, so that planning and rendering do not carry execution code). `catalog.ts` and
 * `checks.ts` only assemble the families.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { PoolFqdn } from '../../model/identifiers.js'
import type { StepRule } from '../../model/problem.js'
import type { State } from '../../model/state.js'
import type { Topology } from '../../model/topology.js'
import type { ObservationOf, StepOf, StepTag } from '../step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One entry of a family's step map: the step type of a tag and what its handler answers
 * (`undefined` for actions and manual steps).
 *
 * @category model
 * @since 0.2.0
 */
export interface StepEntry<S, O> {
  /** The step. */
  readonly step: S
  /** What its handler answers. */
  readonly observation: O
}

/**
 * A rule a step breaks, with the pools (or Edge pools) involved.
 *
 * @category model
 * @since 0.1.0
 */
export interface BrokenRule {
  /** The rule. */
  readonly rule: StepRule
  /** The pools or Edge pools involved. */
  readonly subjects: ReadonlyArray<string>
}

/**
 * The shape of one step field, for reading plans back from JSON and for the plan's JSON Schema:
 * a small descriptor, interpreted by `fieldCheck` (steps/fields.ts), which only the plan reader
 * and the schema load. Optional fields may be absent.
 *
 * @category model
 * @since 0.2.0
 */
export type FieldShape = (
  | { readonly type: 'fqdn' | 'sqlInstance' | 'siteName' | 'boolean' | 'syncInterval' }
  | { readonly type: 'wholeNumber'; readonly min: number; readonly max: number }
  | { readonly type: 'oneOf'; readonly values: ReadonlyArray<string> }
) & {
  /** Whether the field may be absent. */
  readonly optional?: true
}

/**
 * A check's observation does not match its step's expectation.
 *
 * @category execution
 * @since 0.1.0
 */
export interface CheckMismatch {
  /** Stable machine code. */
  readonly _tag: 'CheckMismatch'
  /** What the step expected, in words. */
  readonly expected: string
  /** What was observed, in words. */
  readonly observed: string
  /** One sentence for people. */
  readonly message: string
}

/**
 * The result of judging an observation: the mismatch (with the observation, when well formed) or
 * the observation to record.
 *
 * @category execution
 * @since 0.2.0
 */
export type Judgement<O> = E.Either<{ readonly mismatch: CheckMismatch; readonly observed?: O }, O>

/**
 * Why a simulated deployment cannot answer a check (the pool to ask is down, say).
 *
 * @category execution
 * @since 0.2.0
 */
export interface SimulatedRefusal {
  /** Machine code of the port failure. */
  readonly code: string
  /** One sentence. */
  readonly message: string
}

/**
 * How a check step's observation is judged, and what a deployment in a given state answers.
 *
 * @category model
 * @since 0.2.0
 */
export interface CheckSpec<K extends StepTag> {
  /**
   * Judges what a handler answered (caller code, so `unknown`): a malformed answer is a
   * mismatch, never an exception.
   */
  readonly judge: (step: StepOf<K>, observation: unknown) => Judgement<ObservationOf<K>>
  /** What a deployment in `state` answers (the simulator's handler), or why it cannot answer. */
  readonly observe: (topology: Topology, state: State, step: StepOf<K>) => E.Either<SimulatedRefusal, ObservationOf<K>>
}

/**
 * Everything the library knows about one step tag.
 *
 * @category model
 * @since 0.1.0
 */
export interface StepDefinition<K extends StepTag> {
  /** The kind every step with this tag has. */
  readonly kind: StepOf<K>['kind']
  /** The id suffix planners use: ids are `<position>-<slug>`. */
  readonly slug: string
  /** The shape of every field but `_tag`, `id` and `kind`. */
  readonly fields: { readonly [F in Exclude<keyof StepOf<K>, '_tag' | 'id' | 'kind'>]-?: FieldShape }
  /** The Front End pools the step touches, in field order. */
  readonly pools: (step: StepOf<K>) => ReadonlyArray<PoolFqdn>
  /** The preconditions the step breaks in `state` (empty when it may run). */
  readonly preconditions: (topology: Topology, state: State, step: StepOf<K>) => ReadonlyArray<BrokenRule>
  /**
   * The plan-wide safety rules (contract §5.2) this step breaks in the state before it; the rule
   * that at most one pool of a pair is failed over is checked for every step, after it.
   */
  readonly safety?: (topology: Topology, before: State, step: StepOf<K>) => ReadonlyArray<BrokenRule>
  /** The state after the step. */
  readonly transition: (topology: Topology, state: State, step: StepOf<K>) => State
}

/**
 * The definitions of a family of step tags.
 *
 * @category model
 * @since 0.2.0
 */
export type StepFamily<K extends StepTag> = { readonly [T in K]: StepDefinition<T> }

/**
 * The tags whose handlers answer an observation (the checks).
 *
 * @category model
 * @since 0.2.0
 */
export type CheckTag = { readonly [K in StepTag]: ObservationOf<K> extends undefined ? never : K }[StepTag]

/**
 * How the checks of a family are judged and simulated.
 *
 * @category model
 * @since 0.2.0
 */
export type StepChecks<K extends CheckTag> = { readonly [T in K]: CheckSpec<T> }

/**
 * One definition per step tag; a tag without a definition does not compile.
 *
 * @category model
 * @since 0.1.0
 */
export type StepCatalog = StepFamily<StepTag>

// -------------------------------------------------------------------------------------
// constructors (for family files)
// -------------------------------------------------------------------------------------

/**
 * A broken rule.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const broken = (rule: StepRule, ...subjects: ReadonlyArray<string>): BrokenRule => ({ rule, subjects })

/**
 * `[broken(rule, ...subjects)]` when `condition` holds, else nothing.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const when = (condition: boolean, rule: StepRule, ...subjects: ReadonlyArray<string>): ReadonlyArray<BrokenRule> =>
  condition ? [broken(rule, ...subjects)] : []

/**
 * The transition of steps that change nothing (checks, and actions the model does not record).
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const unchanged = (_topology: Topology, state: State): State => state

/**
 * A mismatch.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const checkMismatch = (expected: string, observed: string, message: string): CheckMismatch => ({
  _tag: 'CheckMismatch',
  expected,
  observed,
  message,
})
