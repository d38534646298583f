/**
 * Plan → a Markdown runbook for a person working without automation.
 *
 * Laws:
 * - Deterministic: the same plan gives the same text.
 * - Plan values appear only as escaped inline text (`markdownText`) or inside fenced code blocks
 *   whose fence is longer than any backtick run they hold; no value can add a block, a link,
 *   a code span or raw HTML.
 * - The commands are the script's commands (one command builder), with the same quoting.
 * - All or nothing, as the script: when any step cannot be rendered, or the plan cannot be read,
 *   the runbook says the plan cannot be run, and why, and shows no command.
 * - Never throws, whatever it is given.
 *
 * @module
 */
import type { Plan } from '../plan/plan.js'
import { markdownCodeBlock, markdownText as md } from './quote.js'
import { recoveryTimeBlocks, type RunbookOptions } from './recoveryTime.js'
import { viewPlan, type PlanView, type StepView } from './view.js'

export type { RunbookOptions } from './recoveryTime.js'

/**
 * Renders a plan as a Markdown runbook: title with the intent, plan id, warnings, impact, then
 * numbered steps, each with its exact command in a `powershell` code block and what to verify
 * after it. When a step cannot be rendered (an unknown tag, a value outside printable ASCII) or
 * the plan cannot be read, the runbook says the plan cannot be run, and why, and shows no command.
 * With `options.estimate` (`estimateRecoveryTime`), a "Recovery time" section shows it and says
 * where its figures come from. Never throws.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { estimateRecoveryTime, planFailover, renderRunbook } from 'sfb-dr'
 *
 * pipe(
 *   planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }),
 *   E.map((plan) => renderRunbook(plan, { estimate: estimateRecoveryTime(contoso, plan) })),
 * ) // => right('# Runbook: Fail over the users homed on pool1\\.contoso\\.com (disaster mode)\n\nPlan id: 26b1b670…')
 * // Markdown: warnings, impact, "- Estimated: 25 minutes for the steps with a published figure, plus 2 steps
 * // without one.", then each step with its command and what to verify
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderRunbook = (plan: Plan, options?: RunbookOptions): string => {
  // viewPlan never throws; the rest only joins the view's plain strings.
  return render(viewPlan(plan), options)
}

const render = (view: PlanView, options: RunbookOptions | undefined): string => {
  const total = view.steps.length
  const blocks: Array<string> = [
    `# Runbook: ${md(view.intent)}`,
    `Plan id: ${md(view.id)}`,
    '## Warnings',
    view.warnings.length === 0 ? 'None.' : view.warnings.map((w) => `- ${md(w)}`).join('\n'),
    '## Impact',
    [
      `- Users whose serving pool changes: ${md(view.usersMoved)}`,
      `- Pools involved: ${view.pools.length === 0 ? 'none' : view.pools.map(md).join(', ')}`,
    ].join('\n'),
    ...recoveryTimeBlocks(view.steps, options),
    '## Before you start',
    [
      '- Run every command in the Skype for Business Server Management Shell, as a member of RTCUniversalServerAdmins.',
      '- Run the steps in order, one at a time.',
      '- If a command fails or a check does not show what it should, stop: do not go on to the next step. Record where you stopped; a new plan resumes from there.',
    ].join('\n'),
    ...(view.refusals.length > 0
      ? ['## This plan cannot be run', view.refusals.map((r) => `- ${md(r)}`).join('\n'), '**Do not run any step of it.** Plan again.']
      : ['## Steps', ...view.steps.flatMap((step) => renderStep(step, total))]),
  ]
  return `${blocks.join('\n\n')}\n`
}

const renderStep = (step: StepView, total: number): ReadonlyArray<string> => {
  const heading = `### Step ${step.number} of ${total} (${step.kind})`
  const id = `Step id: ${md(step.id)}`
  const { sentence, verify } = step.description
  return [
    heading,
    id,
    step.kind === 'manual' ? `${md(sentence)} This step is done by hand; continue only once it is done.` : md(sentence),
    markdownCodeBlock('powershell', step.command),
    `**Verify:** ${md(verify)}`,
  ]
}
