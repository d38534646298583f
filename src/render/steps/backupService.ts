/**
 * Rendering the Backup Service family: `Get-CsBackupServiceStatus`, `Invoke-CsBackupServiceSync`
 * (`-PoolFqdn` and `-BackupModule`, the parameters office-docs-powershell lists besides `-Force`)
 * and `Set-CsBackupServiceConfiguration -Identity 'global' -SyncInterval` (office-docs-powershell
 * `Set-CsBackupServiceConfiguration`, example 3).
 *
 * A check reads one category (`-Category UserData` without a module; the module's category with
 * one, per office-docs-powershell `Get-CsBackupServiceStatus` and the 2019 RGS page) and judges
 * every module it reports (with a module: that module only): each must export `SteadyState` or
 * `FinalState` and import `NormalState`. The modules are read from `$status.BackupModules`, whose
 * columns are `Identity` (the module name), `ExportStatus` and `ImportStatus` (domain-facts §1.8:
 * Microsoft's Backup Service sample output, corroborated by the 2019 RGS page's "export Final or
 * Steady, import Normal"). With `waitSeconds` it polls until healthy or the time runs out (after
 * a sync, replication takes a while; Microsoft says to poll until steady, RESTORE-CONF).
 *
 * @module
 * @internal
 */
import { modulesChecked } from '../../plan/steps/backupService.js'
import { backupModuleCategories, isBackupModule } from '../../model/state.js'
import { quotePowerShell as q, toText as t } from '../quote.js'
import type { StepRenderings } from './rendering.js'

/** The category a check reads (constant text from our own table, never a plan value). */
const category = (module: unknown): string => (isBackupModule(module) ? backupModuleCategories[module] : 'UserData')

/**
 * Seconds between two reads while waiting. Microsoft gives no figure: 30 s is our choice, short
 * next to the minutes a sync takes (the default sync interval is 2 minutes), long enough not to
 * load the Back End with status queries.
 */
const POLL_SECONDS = 30

/**
 * The renderings of the Backup Service family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const backupServiceRenderings: StepRenderings<'CheckBackupService' | 'SyncBackupService' | 'SetBackupServiceSyncInterval'> = {
  CheckBackupService: {
    command: (step) => `Get-CsBackupServiceStatus -PoolFqdn ${q(step.pool)} -Category ${category(step.module)}`,
    // One loop for both: without waitSeconds the deadline is now, so it reads once.
    script: (step, number, command) => [
      `$pool = ${q(step.pool)}`,
      `$deadline = (Get-Date).AddSeconds(${typeof step.waitSeconds === 'number' ? String(Math.trunc(step.waitSeconds)) : '0'})`,
      `while ($true) {`,
      `    $status = ${command}`,
      step.module === undefined
        ? '    $modules = @(($status).BackupModules | Where-Object { $null -ne $_ })'
        : `    $modules = @(($status).BackupModules | Where-Object { $null -ne $_ -and [string]$_.Identity -eq ${q(step.module)} })`,
      `    $bad = @($modules | Where-Object { ([string]$_.ExportStatus -notin @('SteadyState', 'FinalState')) -or ([string]$_.ImportStatus -ne 'NormalState') })`,
      `    if (($modules.Count -gt 0) -and ($bad.Count -eq 0)) { break }`,
      `    if ((Get-Date) -ge $deadline) {`,
      `        if ($modules.Count -eq 0) {`,
      `            throw (${q(`Step ${number}: the Backup Service of {0} reported none of the modules judged.`)} -f $pool)`,
      `        }`,
      `        throw (${q(
        `Step ${number}: Backup Service module {0} of {1} has ExportStatus '{2}' and ImportStatus '{3}'; expected SteadyState or FinalState, and NormalState.`,
      )} -f $bad[0].Identity, $pool, $bad[0].ExportStatus, $bad[0].ImportStatus)`,
      `    }`,
      `    Start-Sleep -Seconds ${String(POLL_SECONDS)}`,
      `}`,
    ],
    describe: (step) => ({
      sentence: `Check that the Backup Service replicating ${t(step.pool)} to its backup pool is healthy (${modulesChecked(step).join(', ')})${
        typeof step.waitSeconds === 'number' ? `, waiting up to ${String(step.waitSeconds)} seconds for it to catch up` : ''
      }.`,
      verify:
        'Every module judged shows ExportStatus SteadyState or FinalState and ImportStatus NormalState; otherwise stop: a backlog lengthens a planned failover (the cmdlet replicates what is left itself while the pool is read-only), and in a disaster what is not replicated is lost.',
    }),
  },
  SyncBackupService: {
    command: (step) =>
      `Invoke-CsBackupServiceSync -PoolFqdn ${q(step.pool)}${step.module === undefined ? '' : ` -BackupModule ${q(step.module)}`}`,
    describe: (step) => ({
      sentence: `Push the Backup Service data of ${t(step.pool)} (${
        step.module === undefined ? 'every module' : t(step.module)
      }) to its backup pool now.`,
      verify:
        'The command ends without an error; it only starts the sync (copying only what is needed), so the check that follows waits for the direction to report a steady state.',
    }),
  },
  SetBackupServiceSyncInterval: {
    command: (step) => `Set-CsBackupServiceConfiguration -Identity 'global' -SyncInterval ${q(step.interval)}`,
    describe: (step) => ({
      sentence: `Set the Backup Service sync interval of every pool pair to ${t(step.interval)} (hh:mm:ss).`,
      verify:
        'Get-CsBackupServiceConfiguration shows the new SyncInterval. Microsoft advises changing it only when absolutely necessary: it weighs on the Backup Service performance and the recovery point objective.',
    }),
  },
}
