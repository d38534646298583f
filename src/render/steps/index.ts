/**
 * Every step tag's rendering: the families assembled (a missing tag does not compile).
 *
 * @module
 * @internal
 */
import type { StepTag } from '../../plan/step.js'
import { backEndRenderings } from './backEnd.js'
import { backupServiceRenderings } from './backupService.js'
import { cmsRenderings } from './cms.js'
import { edgeRenderings } from './edge.js'
import { poolRenderings } from './pool.js'
import { registrarRenderings } from './registrar.js'
import type { StepRenderings } from './rendering.js'

/**
 * The rendering of every step tag.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const renderings: StepRenderings<StepTag> = {
  ...backEndRenderings,
  ...backupServiceRenderings,
  ...cmsRenderings,
  ...edgeRenderings,
  ...poolRenderings,
  ...registrarRenderings,
}
