/**
 * Rendering the Edge family: `Set-CsEdgeServer -Registrar`.
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import type { StepRenderings } from './rendering.js'

/**
 * The renderings of the Edge family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const edgeRenderings: StepRenderings<'SetEdgeNextHop'> = {
  SetEdgeNextHop: {
    command: (step) =>
      `Set-CsEdgeServer -Identity ${q(`EdgeServer:${t(step.edgePool)}`)} -Registrar ${q(`Registrar:${t(step.nextHop)}`)}`,
    describe: (step) => ({
      sentence: `Point the next hop of Edge pool ${t(step.edgePool)} at ${t(step.nextHop)} (this writes the topology, so it works while the Edge pool is down).`,
      verify: `The command ends without an error and the topology lists Registrar ${t(step.nextHop)} as the next hop of Edge pool ${t(step.edgePool)}.`,
    }),
  },
}
