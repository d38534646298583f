/**
 * The one command builder: step → the exact cmdlet line a person runs, and the lines the script
 * runs (the same cmdlet line, plus the comparison that throws for checks). Both renderers use it,
 * so the script and the runbook cannot disagree on a cmdlet or its quoting.
 *
 * Laws:
 * - Every plan value in a command goes through `quotePowerShell`; the command text is otherwise
 *   constant, so a hostile value can never add a token.
 * - Cmdlet spelling is exactly the contract's (§6).
 *
 * @module
 */
import { absurd } from 'fp-ts/lib/function.js'
import type { CheckBackupService, CheckCentralManagementStore, Step } from '../plan/step.js'
import { isKnownStep } from './describe.js'
import { quotePowerShell as q, toText } from './quote.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What to run for a step: its command and script lines, or a refusal when the step cannot be
 * rendered safely (an unknown tag, or a value that is not printable ASCII: no valid identifier
 * is, and Windows PowerShell 5.1 reads a script file without a byte-order mark as Windows-1252,
 * where bytes of UTF-8 characters decode to `‘`, `’` or `‚`, which PowerShell takes for quotes).
 *
 * @category rendering
 * @since 0.1.0
 */
export type StepCommand =
  | {
      /** Discriminant. */
      readonly _tag: 'Command'
      /** The cmdlet line a person runs (runbook): printable ASCII, one line. */
      readonly command: string
      /** The script lines: the command, and for checks the comparison that throws on a mismatch. */
      readonly script: ReadonlyArray<string>
    }
  | {
      /** Discriminant. */
      readonly _tag: 'Refusal'
      /** Why the step is not rendered, one sentence. */
      readonly reason: string
      /** The script lines: a `throw` that stops the script at this step. */
      readonly script: ReadonlyArray<string>
    }

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * The cmdlet line for a step, exactly as the contract spells it.
 *
 * @example
 * stepCommandLine({ _tag: 'FailoverPool', id: 'x', kind: 'action', pool, backupPool, disasterMode: true })
 * // "Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode"
 *
 * @category rendering
 * @since 0.1.0
 */
export const stepCommandLine = (step: Step): string => {
  switch (step._tag) {
    case 'CheckBackupService':
      return `(Get-CsBackupServiceStatus -PoolFqdn ${q(step.pool)}).BackupModules`
    case 'FailoverCentralManagementStore':
      if (step.mode !== 'disaster') return 'Invoke-CsManagementServerFailover'
      return [
        'Invoke-CsManagementServerFailover',
        `-BackupSqlServerFqdn ${q(step.sqlServer)}`,
        `-BackupSqlInstanceName ${q(step.instance)}`,
        ...(typeof step.mirrorSqlServer !== 'string' ? [] : [`-BackupMirrorSqlServerFqdn ${q(step.mirrorSqlServer)}`]),
        ...(typeof step.mirrorInstance !== 'string' ? [] : [`-BackupMirrorSqlInstanceName ${q(step.mirrorInstance)}`]),
        '-Force',
      ].join(' ')
    case 'CheckCentralManagementStore':
      return 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus'
    case 'SetEdgeNextHop':
      return `Set-CsEdgeServer -Identity ${q(`EdgeServer:${toText(step.edgePool)}`)} -Registrar ${q(`Registrar:${toText(step.nextHop)}`)}`
    case 'FailoverPool':
      return `Invoke-CsPoolFailOver -PoolFqdn ${q(step.pool)}${isTrue(step.disasterMode) ? ' -DisasterMode' : ''}`
    case 'FailbackPool':
      return `Invoke-CsPoolFailBack -PoolFqdn ${q(step.pool)}${isTrue(step.disasterMode) ? ' -DisasterMode' : ''}`
  }
  return absurd(step)
}

/**
 * What to run for a step of a plan, known or not; `number` is its 1-based position, used in the
 * messages the script throws. Never throws, whatever the step holds.
 *
 * @category rendering
 * @since 0.1.0
 */
export const stepCommand = (step: unknown, number: number): StepCommand => {
  if (!isKnownStep(step)) {
    const tag = typeof step === 'object' && step !== null ? (step as { readonly _tag?: unknown })._tag : undefined
    return refusal(number, `unknown step ${printable(toText(tag).slice(0, 64))}; this plan was not made by this version of sfb-dr`)
  }
  const command = stepCommandLine(step)
  const script = scriptLines(step, number, command)
  return script.every(isPrintableAscii)
    ? { _tag: 'Command', command, script }
    : refusal(number, 'a value of this step holds characters no valid name has (outside printable ASCII)')
}

/**
 * Whether `s` holds only printable ASCII (U+0020–U+007E): the alphabet of every rendered script.
 *
 * @category rendering
 * @since 0.1.0
 */
export const isPrintableAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s)

/**
 * `s` with every character outside printable ASCII replaced by `?`, for display text.
 *
 * @category rendering
 * @since 0.1.0
 */
export const printable = (s: string): string => s.replace(/[^\x20-\x7e]/gu, '?')

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const refusal = (number: number, reason: string): StepCommand => {
  const sentence = `Step ${number} is not rendered: ${reason}. Plan again.`
  return { _tag: 'Refusal', reason: sentence, script: [`throw ${q(sentence)}`] }
}

const scriptLines = (step: Step, number: number, command: string): ReadonlyArray<string> => {
  switch (step._tag) {
    case 'CheckBackupService':
      return backupServiceCheck(step, number, command)
    case 'CheckCentralManagementStore':
      return centralManagementStoreCheck(step, number, command)
    case 'FailoverCentralManagementStore':
    case 'SetEdgeNextHop':
    case 'FailoverPool':
    case 'FailbackPool':
      return [command]
  }
  return absurd(step)
}

const isTrue = (u: unknown): boolean => u === true

const centralManagementStoreCheck = (
  step: CheckCentralManagementStore,
  number: number,
  command: string,
): ReadonlyArray<string> => [
  `$expected = (${q(step.activeMaster)}).TrimEnd('.')`,
  `$status = ${command}`,
  `$observed = ([string]$status.ActiveMasterFqdn).TrimEnd('.')`,
  `if ($observed -ine $expected) {`,
  `    throw (${q(`Step ${number}: the Central Management Store active master is '{0}', expected '{1}'.`)} -f $observed, $expected)`,
  `}`,
]

const backupServiceCheck = (step: CheckBackupService, number: number, command: string): ReadonlyArray<string> => [
  `$pool = ${q(step.pool)}`,
  `$modules = @(${command} | Where-Object { $null -ne $_ })`,
  `if ($modules.Count -eq 0) {`,
  `    throw (${q(`Step ${number}: the Backup Service of {0} reported no backup modules.`)} -f $pool)`,
  `}`,
  `foreach ($module in $modules) {`,
  `    $export = [string]$module.ExportStatus`,
  `    $import = [string]$module.ImportStatus`,
  `    if (($export -notin @('SteadyState', 'FinalState')) -or ($import -ne 'NormalState')) {`,
  `        throw (${q(
    `Step ${number}: Backup Service module {0} of {1} has ExportStatus '{2}' and ImportStatus '{3}'; expected SteadyState or FinalState, and NormalState.`,
  )} -f $module.Identity, $pool, $export, $import)`,
  `    }`,
  `}`,
]
