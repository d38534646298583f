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
 * The id detects edits of a stored plan; it is no signature: anyone can recompute it
 * (`withPlanId`). `executePlan` therefore runs only the plans this library returned in this
 * process (a planner, `validatePlan` or `resumePlan`), which are deep-frozen; pass any other plan,
 * such as one read back from JSON, through `validatePlan` first.
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
  /**
   * Only on a plan made by `resumePlan`: the id of the plan whose rest it is. It makes the rest's
   * id differ from that plan's even when nothing of it had run. Since 0.2.0.
   */
  readonly resumes?: string
}
