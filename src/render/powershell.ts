/**
 * Plan → a script for the Skype for Business Server Management Shell.
 *
 * Laws:
 * - Deterministic: the same plan gives the same text (no clock, no randomness).
 * - The script is printable ASCII and line feeds only, so it means the same whatever encoding
 *   Windows PowerShell 5.1 reads the file with.
 * - Plan values appear only inside single-quoted literals (`quotePowerShell`) or `#` comments
 *   (`commentText`); the rest of the text is constant for a given plan shape.
 * - All or nothing: when any step cannot be rendered, or the plan cannot be read, the script
 *   throws right after `$ErrorActionPreference`, before its first command, and holds no step
 *   command at all, so nothing runs halfway.
 * - Never throws, whatever it is given.
 *
 * @module
 */
import type { Plan } from '../plan/plan.js'
import { printable } from './commands.js'
import { commentText, quotePowerShell } from './quote.js'
import { viewPlan, type PlanView, type StepView } from './view.js'

const RULE = '# ' + '-'.repeat(78)

/**
 * Renders a plan as a PowerShell script for the Skype for Business Server Management Shell.
 *
 * The header names the plan id and intent; `$ErrorActionPreference = 'Stop'` makes any cmdlet
 * error end the script; each step has a comment (number, kind, id, sentence, what to verify), a
 * progress line, and its cmdlet; checks read the real cmdlet output and `throw` when it differs
 * from what the plan expects; manual steps pause with `Read-Host`.
 *
 * When a step cannot be rendered (an unknown tag, a value outside printable ASCII) or the plan
 * cannot be read, the whole script refuses: after the header it throws, before any command, and
 * it holds no command (contract §6: nothing runs halfway). Never throws itself.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { planFailover, renderPowerShell } from 'sfb-dr'
 *
 * const script = pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map(renderPowerShell))
 * // => right("# sfb-dr plan for the Skype for Business Server Management Shell\n# Plan id: 26b1b670…\n…")
 * pipe(script, E.map((text) => text.includes("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode"))) // => right(true)
 *
 * @category rendering
 * @since 0.1.0
 */
export const renderPowerShell = (plan: Plan): string => {
  // viewPlan never throws; the rest only joins the view's plain strings.
  return render(viewPlan(plan))
}

const render = (view: PlanView): string => {
  const total = view.steps.length
  const lines: Array<string> = [
    ...comment('sfb-dr plan for the Skype for Business Server Management Shell'),
    ...comment(`Plan id: ${view.id}`),
    ...comment(`Intent: ${view.intent}`),
    ...comment(`Impact: ${view.usersMoved} users move; pools ${view.pools.length === 0 ? 'none' : view.pools.join(', ')}.`),
    ...(view.warnings.length === 0
      ? comment('Warnings: none.')
      : [...comment('Warnings:'), ...view.warnings.flatMap((w) => comment(`- ${w}`))]),
    ...comment(
      'Run as a member of RTCUniversalServerAdmins. Any error stops the script: do not rerun it, resume from the failed step with a new plan.',
    ),
    '',
    "$ErrorActionPreference = 'Stop'",
    ...(view.refusals.length > 0
      ? refuse(view.refusals)
      : [
          ...view.steps.flatMap((step) => renderStep(step, total)),
          '',
          `Write-Host ${quotePowerShell(printable(`Plan ${view.id.slice(0, 128)} completed.`))}`,
        ]),
  ]
  return `${lines.join('\n')}\n`
}

/** The refusal of a plan that cannot be run: why, in comments, then a `throw` before any command. */
const refuse = (reasons: ReadonlyArray<string>): ReadonlyArray<string> => {
  const sentence = printable(`This plan cannot be run; nothing was run. ${reasons.join(' ')}`)
  return ['', ...comment(sentence), `throw ${quotePowerShell(sentence.length > 2000 ? `${sentence.slice(0, 1997)}...` : sentence)}`]
}

const renderStep = (step: StepView, total: number): ReadonlyArray<string> => {
  const title = `Step ${step.number} of ${total}`
  const header = [
    '',
    RULE,
    ...comment(`${title} (${step.kind}, id ${step.id}): ${step.description.sentence}`),
    ...comment(`Verify: ${step.description.verify}`),
  ]
  if (step.kind === 'manual') {
    return [
      ...header,
      `Write-Host ${quotePowerShell(printable(`${title} (manual): ${step.description.sentence}`))}`,
      `Write-Host ${quotePowerShell(step.command)}`,
      `$null = Read-Host ${quotePowerShell(`Press Enter once step ${step.number} is done, or Ctrl+C to stop`)}`,
    ]
  }
  return [
    ...header,
    `Write-Host ${quotePowerShell(printable(`${title}: ${step.description.sentence}`))}`,
    ...step.script,
  ]
}

const WIDTH = 100

/**
 * `#` comment lines for `text`: flattened and neutralized (`commentText`), printable ASCII,
 * word-wrapped at {@link WIDTH} columns with continuation lines indented.
 */
const comment = (text: string): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let line = '#'
  for (const word of printable(commentText(text)).split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '#') {
      lines.push(line)
      line = '#    '
    }
    line = `${line} ${word}`
  }
  lines.push(line)
  return lines
}
