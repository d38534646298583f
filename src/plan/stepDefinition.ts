/**
 * What a step definition is: the shape of the catalog (`catalog.ts`) that gives every step tag
 * its kind, id slug, field shapes, preconditions and transition.
 *
 * @module
 */
import type { PoolFqdn } from '../model/identifiers.js'
import type { StepRule } from '../model/problem.js'
import type { State } from '../model/state.js'
import type { Topology } from '../model/topology.js'
import type { StepOf, StepTag } from './step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

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
 * The shape of one step field, for reading plans back from JSON.
 *
 * @category model
 * @since 0.1.0
 */
export type FieldShape = 'fqdn' | 'optionalFqdn' | 'sqlInstance' | 'optionalSqlInstance' | 'boolean' | 'mode'

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
  /** The state after the step. */
  readonly transition: (topology: Topology, state: State, step: StepOf<K>) => State
}

/**
 * One definition per step tag; a tag without a definition does not compile.
 *
 * @category model
 * @since 0.1.0
 */
export type StepCatalog = { readonly [K in StepTag]: StepDefinition<K> }
