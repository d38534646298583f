/**
 * The plan: a validated, JSON-safe list of steps with its intent, warnings and impact.
 *
 * @module
 */
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Finding } from '../model/findings.js'
import type { PoolFqdn } from '../model/identifiers.js'
import type { Intent } from '../model/intent.js'
import type { Step } from './step.js'

/**
 * What a plan changes for users.
 *
 * @category model
 * @since 0.1.0
 */
export interface Impact {
  /** How many users change the pool that services them (from the per-pool counts). */
  readonly usersMoved: number
  /** The Front End pools the plan touches, in order of first appearance. */
  readonly pools: ReadonlyArray<PoolFqdn>
}

/**
 * A plan. `id` is a content hash of every other field: a plan whose id does not match is refused
 * by `validatePlan` and `executePlan`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Plan {
  /** Format of this document; always 1. */
  readonly formatVersion: 1
  /** Content hash (SHA-256, hex) of the canonical JSON of the other fields. */
  readonly id: string
  /** What the plan is for. */
  readonly intent: Intent
  /** The steps, in the only order that works. */
  readonly steps: RNEA.ReadonlyNonEmptyArray<Step>
  /** Findings touching the plan's pools, and warnings of the plan itself. */
  readonly warnings: ReadonlyArray<Finding>
  /** What the plan changes for users. */
  readonly impact: Impact
}
