/**
 * The "Recovery time" section of the runbook: a given `estimateRecoveryTime` result, per step and
 * in total, with where Microsoft's figures come from. Read defensively: the estimate may come
 * from JSON, and rendering never throws.
 *
 * @module
 * @internal
 */
import type { RecoveryTimeEstimate } from '../assess/recoveryTime.js'
import { markdownText as md } from './quote.js'
import type { StepView } from './view.js'

/**
 * Options of `renderRunbook`.
 *
 * @category rendering
 * @since 0.2.0
 */
export interface RunbookOptions {
  /** A recovery time estimate of the plan (`estimateRecoveryTime`), shown with its sources. */
  readonly estimate?: RecoveryTimeEstimate
}

/** Where the figures come from: Microsoft's pages, by title and repository path. */
const SOURCES = [
  'Pool failover: 20 minutes, the upper end of the 15-20 minute engineering target (RTO); CMS failover: 5 minutes (RTO). Source: Microsoft, "Front End pool disaster recovery in Skype for Business Server" (OfficeDocs-SkypeForBusiness, Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md). They exclude deciding to fail over and users signing in again.',
  'Pool failback: "up to 60 minutes for a pool of 20,000 users", scaled to the users the topology homes on the pool. Source: Microsoft, "Failing over and failing back a pool" (Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md).',
  'Microsoft publishes no figure for the other steps (checks, Edge changes, work by hand): their time is not in the total.',
]

const minutesText = (m: unknown): string =>
  typeof m === 'number' && Number.isFinite(m) ? `${String(m)} minute${m === 1 ? '' : 's'}` : 'no published figure'

const field = (u: unknown, key: string): unknown => {
  try {
    return typeof u === 'object' && u !== null ? (u as Readonly<Record<string, unknown>>)[key] : undefined
  } catch {
    return undefined
  }
}

/**
 * The runbook blocks for `options.estimate`: none without one.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const recoveryTimeBlocks = (steps: ReadonlyArray<StepView>, options: RunbookOptions | undefined): ReadonlyArray<string> => {
  const estimate = field(options, 'estimate')
  if (estimate === undefined) return []
  const raw = field(estimate, 'steps')
  const perStep: ReadonlyArray<unknown> = Array.isArray(raw) ? raw : []
  const number = (stepId: unknown): string => {
    const found = steps.find((s) => s.id === stepId)
    return found === undefined ? md(typeof stepId === 'string' ? stepId : '?') : String(found.number)
  }
  const undocumented = field(estimate, 'undocumentedSteps')
  return [
    '## Recovery time',
    [
      `- Estimated: ${md(minutesText(field(estimate, 'totalMinutes')))} for the steps with a published figure${
        typeof undocumented === 'number' && undocumented > 0
          ? `, plus ${String(undocumented)} step${undocumented === 1 ? '' : 's'} without one`
          : ''
      }.`,
      ...perStep
        .filter((s) => typeof field(s, 'minutes') === 'number')
        .map((s) => `- Step ${number(field(s, 'stepId'))}: ${md(minutesText(field(s, 'minutes')))}`),
    ].join('\n'),
    SOURCES.map((line) => `- ${md(line)}`).join('\n'),
  ]
}
