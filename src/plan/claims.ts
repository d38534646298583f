/**
 * What a plan claims besides its steps — its warnings and its impact — computed from the steps
 * and the state they start in. `buildPlan` seals plans with these claims and `validatePlan`
 * recomputes them, so the two cannot disagree: a plan whose warnings or impact were edited (and
 * re-sealed with a recomputed id) is refused with `PlanContentMismatch`.
 *
 * Laws:
 * - `planClaims(t, s, p.intent, p.steps)` equals `{ warnings: p.warnings, impact: p.impact }` (warnings as a
 *   set) for every plan `p` a planner returns in `s`.
 * - Pure and total: steps whose rules are broken still get claims (through the catalog's
 *   transitions), so `validatePlan` reports a content mismatch beside the broken rules.
 *
 * @module
 * @internal
 */
import * as O from 'fp-ts/lib/Option.js'
import { severityRank, type Finding } from '../model/findings.js'
import type { Intent } from '../model/intent.js'
import type { ImpactFigures, PlanContentMismatch } from '../model/problem.js'
import type { State } from '../model/state.js'
import { usersHomedOn, type Topology } from '../model/topology.js'
import { poolsOfStep, transition } from './catalog.js'
import type { Impact } from './plan.js'
import { canonicalJson } from './planId.js'
import type { Step } from './step.js'
import { backupPlanWarnings, backupServiceWarnings, edgeNextHopsNotRestored, intentWarnings, possibleDataLoss, topologyWarnings } from './warnings.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A plan's warnings and impact.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface PlanClaims {
  /** The warnings, without repeats, in the order the plan lists them. */
  readonly warnings: ReadonlyArray<Finding>
  /** The impact. */
  readonly impact: Impact
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const keyOf = (value: unknown): string => O.getOrElse(() => '')(canonicalJson(value))

/**
 * Drops repeated values (equal as canonical JSON), keeping the first of each.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const dedupe = <A>(values: ReadonlyArray<A>): ReadonlyArray<A> => {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = keyOf(v)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Findings in the order people read them: `warning` (data or service lost) first, then
 * `unsupported`, then `advice`; the order within a severity is kept.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const bySeverity = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> =>
  // `Array.prototype.sort` is stable (ECMAScript 2019): findings of one severity keep their order
  [...findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity])

/**
 * The states a run of steps goes through: `before[i]` is the state step `i` starts in, `final`
 * the state after the last step.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface Run {
  /** The state each step starts in, in step order. */
  readonly before: ReadonlyArray<State>
  /** The state after the last step (the starting state when there is none). */
  readonly final: State
}

/**
 * The states `steps` go through from `state`, by the catalog's transitions (whether or not their
 * rules hold).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const runOf = (topology: Topology, state: State, steps: ReadonlyArray<Step>): Run => {
  const before: Array<State> = []
  let current = state
  for (const step of steps) {
    before.push(current)
    current = transition(topology, current, step)
  }
  return { before, final: current }
}

/**
 * The warnings of the steps themselves, step by step: `PossibleDataLoss` for each pool failover
 * or failback in disaster mode (the direction whose users move, with its last known sync in the
 * state that step runs in), and after each failback the Edge pools that, once the plan is done,
 * still forward to the backup pool although the topology points them at the home pool.
 */
const stepWarnings = (topology: Topology, state: State, steps: ReadonlyArray<Step>, run: Run): ReadonlyArray<Finding> =>
  steps.flatMap((step, i): ReadonlyArray<Finding> => {
    const at = run.before[i] ?? state
    if (step._tag === 'FailoverPool') return step.disasterMode ? [possibleDataLoss(at, step.pool, step.backupPool)] : []
    if (step._tag === 'FailbackPool')
      return [
        ...(step.disasterMode ? [possibleDataLoss(at, step.backupPool, step.pool, 'failback')] : []),
        ...edgeNextHopsNotRestored(topology, run.final, step.pool, step.backupPool),
      ]
    return []
  })

/** The values of `values` that `minus` does not match one for one (equal as canonical JSON). */
const surplus = <A>(values: ReadonlyArray<A>, minus: ReadonlyArray<A>): ReadonlyArray<A> => {
  const left = minus.map(keyOf)
  return values.filter((v) => {
    const i = left.indexOf(keyOf(v))
    // a matched value is used up (removed, not overwritten with a marker another key could equal)
    if (i >= 0) left.splice(i, 1)
    return i < 0
  })
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * What steps change for users: the users homed on each pool the steps fail over or back (from the
 * per-pool counts, never the user list), and the Front End pools they touch in order of first
 * appearance.
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const impactOf = (topology: Topology, steps: ReadonlyArray<Step>): Impact => {
  let usersMoved = 0
  for (const step of steps)
    if (step._tag === 'FailoverPool' || step._tag === 'FailbackPool') usersMoved += usersHomedOn(topology, step.pool)
  return { usersMoved, pools: [...new Set(steps.flatMap(poolsOfStep))] }
}

/**
 * The warnings and the impact of `steps` run from `state`: those the `intent` implies (a site
 * failover with no surviving Edge pool), the steps' own warnings (data loss in disaster mode, Edge
 * next hops left on the backup pool after a failback), a
 * `BackupServiceUnhealthy` for each Backup Service check the state already sees failing, and the
 * topology findings naming a pool the steps touch — without repeats, by severity (`warning`,
 * `unsupported`, `advice`), in that order within a severity. `run` is the states the steps go
 * through, when the caller has them already (`runOf` otherwise).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const planClaims = (
  topology: Topology,
  state: State,
  intent: Intent,
  steps: ReadonlyArray<Step>,
  run: Run = runOf(topology, state, steps),
): PlanClaims => {
  const impact = impactOf(topology, steps)
  return {
    impact,
    warnings: bySeverity(
      dedupe([
        ...intentWarnings(topology, state, intent),
        ...stepWarnings(topology, state, steps, run),
        ...backupPlanWarnings(state, steps),
        ...backupServiceWarnings(state, steps),
        ...topologyWarnings(topology, impact.pools),
      ]),
    ),
  }
}

/**
 * How the claims a plan makes differ from the claims its steps give: the warnings and the impact's
 * pools compared as collections (their order carries no meaning: reordered steps list the pools
 * in another order), `usersMoved` exactly. Empty when they agree.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const claimProblems = (expected: PlanClaims, found: PlanClaims): ReadonlyArray<PlanContentMismatch> => {
  const missing = surplus(expected.warnings, found.warnings)
  const unexpected = surplus(found.warnings, expected.warnings)
  const impact = (i: Impact): ImpactFigures => ({ usersMoved: i.usersMoved, pools: i.pools })
  const out: Array<PlanContentMismatch> = []
  if (missing.length + unexpected.length > 0) out.push({ _tag: 'PlanContentMismatch', field: 'warnings', missing, unexpected })
  if (expected.impact.usersMoved !== found.impact.usersMoved || keyOf([...expected.impact.pools].sort()) !== keyOf([...found.impact.pools].sort()))
    out.push({ _tag: 'PlanContentMismatch', field: 'impact', expected: impact(expected.impact), found: impact(found.impact) })
  return out
}
