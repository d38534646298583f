/**
 * A custom admin portal's use of sfb-dr: decode what the operator uploaded, plan what they ask
 * for, and show every problem next to the field it concerns. Pure: the portal framework renders
 * the returned view model (this file does no I/O and runs in a browser unchanged).
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  decodeState,
  decodeTopology,
  formatFinding,
  formatProblem,
  planFailover,
  renderRunbook,
  type Problem,
} from 'sfb-dr'

/** What the page shows. */
export type FailoverView =
  | { readonly kind: 'problems'; readonly items: ReadonlyArray<{ readonly field: string; readonly text: string }> }
  | {
      readonly kind: 'plan'
      readonly planId: string
      readonly usersMoved: number
      readonly warnings: ReadonlyArray<string>
      readonly runbookMarkdown: string
    }

const fieldOf = (p: Problem): string => ('path' in p ? p.path : 'request')

const problems = (ps: ReadonlyArray<Problem>): FailoverView => ({
  kind: 'problems',
  items: ps.map((p) => ({ field: fieldOf(p), text: formatProblem(p) })),
})

/** The portal's "plan a failover" action: uploaded documents and the pool typed by the operator. */
export const planFailoverView = (topologyJson: unknown, stateJson: unknown, pool: string): FailoverView => {
  const topology = decodeTopology(topologyJson)
  if (E.isLeft(topology)) return problems(topology.left)
  const state = decodeState(topology.right, stateJson)
  if (E.isLeft(state)) return problems(state.left)
  const plan = planFailover(topology.right, state.right, { pool })
  if (E.isLeft(plan)) return problems(plan.left)
  return {
    kind: 'plan',
    planId: plan.right.id,
    usersMoved: plan.right.impact.usersMoved,
    warnings: plan.right.warnings.map(formatFinding),
    runbookMarkdown: renderRunbook(plan.right),
  }
}
