/**
 * Rendering the pool family: `Invoke-CsPoolFailOver`, `Invoke-CsPoolFailBack`.
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import { isTrue, modeText, type StepRenderings } from './rendering.js'

/**
 * The renderings of the pool family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const poolRenderings: StepRenderings<'FailoverPool' | 'FailbackPool'> = {
  FailoverPool: {
    command: (step) => `Invoke-CsPoolFailOver -PoolFqdn ${q(step.pool)}${isTrue(step.disasterMode) ? ' -DisasterMode' : ''}`,
    describe: (step) => ({
      sentence: `Fail over the users homed on ${t(step.pool)} onto ${t(step.backupPool)} (${modeText(step.disasterMode)}).`,
      verify: `The command ends without an error; users homed on ${t(step.pool)} sign in and are serviced by ${t(step.backupPool)}.`,
    }),
  },
  FailbackPool: {
    command: (step) => `Invoke-CsPoolFailBack -PoolFqdn ${q(step.pool)}${isTrue(step.disasterMode) ? ' -DisasterMode' : ''}`,
    describe: (step) => ({
      sentence: `Fail back the users homed on ${t(step.pool)} from ${t(step.backupPool)} (${modeText(step.disasterMode)}).`,
      verify: `The command ends without an error; users homed on ${t(step.pool)} are serviced by ${t(step.pool)} again (this can take up to an hour for 20,000 users).`,
    }),
  },
}
