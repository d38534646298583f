/**
 * Comparing what a check handler observed with what its step expects. Handlers are caller code,
 * so the observation is read as `unknown`: a malformed one is a mismatch, never an exception.
 *
 * Laws:
 * - `CheckCentralManagementStore`: accepted iff the observed `activeMaster`, trimmed, without one
 *   trailing dot and lower-cased, equals the expected pool normalized the same way.
 * - `CheckBackupService`: accepted iff the export state is `SteadyState` or `FinalState` and the
 *   import state `NormalState` (letter case ignored).
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import type { CheckBackupService, CheckCentralManagementStore } from '../plan/step.js'
import { ownField } from '../plan/input.js'
import type { BackupServiceObservation, CentralManagementStoreObservation, CheckMismatch } from './journal.js'
import { describeThrown } from './safe.js'

/**
 * The result of judging an observation: the mismatch (with the observation, when well formed) or
 * the observation to record.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export type Judgement<O> = E.Either<{ readonly mismatch: CheckMismatch; readonly observed?: O }, O>

const normalizeFqdn = (s: string): string => s.trim().replace(/\.$/, '').toLowerCase()

const mismatch = (expected: string, observed: string, message: string): CheckMismatch => ({
  _tag: 'CheckMismatch',
  expected,
  observed,
  message,
})

/**
 * Judges a `CheckCentralManagementStore` observation.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const judgeCentralManagementStore = (
  step: CheckCentralManagementStore,
  observation: unknown,
): Judgement<CentralManagementStoreObservation> => {
  const expected = String(step.activeMaster)
  const activeMaster = ownField(observation, 'activeMaster')
  if (typeof activeMaster !== 'string')
    return E.left({
      mismatch: mismatch(
        expected,
        describeThrown(observation),
        'The handler did not report the active master (an object with an activeMaster string).',
      ),
    })
  const observed = { activeMaster }
  if (normalizeFqdn(activeMaster) === normalizeFqdn(expected)) return E.right(observed)
  return E.left({
    mismatch: mismatch(
      expected,
      activeMaster,
      activeMaster.trim() === ''
        ? `The Central Management Store has no active master (it is unavailable); expected ${expected}.`
        : `The Central Management Store active master is ${activeMaster}; expected ${expected}.`,
    ),
    observed,
  })
}

const EXPECTED_BACKUP = 'export SteadyState or FinalState, import NormalState'

/**
 * Judges a `CheckBackupService` observation.
 *
 * @category execution
 * @since 0.1.0
 * @internal
 */
export const judgeBackupService = (
  step: CheckBackupService,
  observation: unknown,
): Judgement<BackupServiceObservation> => {
  const exportState = ownField(observation, 'exportState')
  const importState = ownField(observation, 'importState')
  if (typeof exportState !== 'string' || typeof importState !== 'string')
    return E.left({
      mismatch: mismatch(
        EXPECTED_BACKUP,
        describeThrown(observation),
        'The handler did not report the Backup Service states (an object with exportState and importState strings).',
      ),
    })
  const observed = { exportState, importState }
  const exportOk = ['steadystate', 'finalstate'].includes(exportState.trim().toLowerCase())
  const importOk = importState.trim().toLowerCase() === 'normalstate'
  if (exportOk && importOk) return E.right(observed)
  return E.left({
    mismatch: mismatch(
      EXPECTED_BACKUP,
      `export ${exportState}, import ${importState}`,
      `The Backup Service of ${String(step.pool)} is not healthy (export ${exportState}, import ${importState}); a failover now may lose what has not been replicated.`,
    ),
    observed,
  })
}
