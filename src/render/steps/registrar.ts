/**
 * Rendering the registrar family: `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`
 * (office-docs-powershell `Reset-CsPoolRegistrarState`: `-Confirm:$false` suppresses the prompt
 * the cmdlet shows by default).
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import type { StepRenderings } from './rendering.js'

/**
 * The renderings of the registrar family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const registrarRenderings: StepRenderings<'ResetPoolRegistrarState'> = {
  ResetPoolRegistrarState: {
    // The reset type is a constant of our own: the step has no other value than QuorumLossRecovery.
    command: (step) => `Reset-CsPoolRegistrarState -PoolFqdn ${q(step.pool)} -ResetType QuorumLossRecovery -Confirm:$false`,
    describe: (step) => ({
      sentence: `Recover ${t(step.pool)} from routing-group quorum loss (QuorumLossRecovery): the routing groups in quorum loss are reloaded from the backup store, so data not yet flushed there may be lost. Then start the Front End servers you can.`,
      verify: `The command ends without an error; the Front End service of the running servers of ${t(step.pool)} reaches Running (Get-CsPoolFabricState -PoolFqdn shows no routing group in quorum loss).`,
    }),
  },
}
