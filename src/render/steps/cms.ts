/**
 * Rendering the Central Management Store family: `Invoke-CsManagementServerFailover` and
 * `Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus`.
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import type { StepRenderings } from './rendering.js'

/**
 * The renderings of the CMS family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const cmsRenderings: StepRenderings<'FailoverCentralManagementStore' | 'CheckCentralManagementStore'> = {
  FailoverCentralManagementStore: {
    // Planned: no parameters (fails over to the database the topology defines, after replication
    // completes); disaster: the target Back End and -Force (domain-facts §3.4).
    command: (step) =>
      step.mode !== 'disaster'
        ? 'Invoke-CsManagementServerFailover'
        : [
            'Invoke-CsManagementServerFailover',
            `-BackupSqlServerFqdn ${q(step.sqlServer)}`,
            `-BackupSqlInstanceName ${q(step.instance)}`,
            ...(typeof step.mirrorSqlServer !== 'string' ? [] : [`-BackupMirrorSqlServerFqdn ${q(step.mirrorSqlServer)}`]),
            ...(typeof step.mirrorInstance !== 'string' ? [] : [`-BackupMirrorSqlInstanceName ${q(step.mirrorInstance)}`]),
            '-Force',
          ].join(' '),
    describe: (step) => ({
      sentence:
        step.mode === 'planned'
          ? `Fail the Central Management Store over from ${t(step.from)} to ${t(step.to)} (planned mode). Run it on a Front End server of ${t(step.to)}.`
          : `Fail the Central Management Store over from ${t(step.from)} to the Back End of ${t(step.to)} (${t(step.sqlServer)}, instance ${t(step.instance)}${
              step.mirrorSqlServer === undefined ? '' : `, mirror ${t(step.mirrorSqlServer)}`
            }) in disaster mode. Run it on a Front End server of ${t(step.to)}.`,
      verify: 'The command ends without an error; the next step confirms the new active master.',
    }),
  },
  CheckCentralManagementStore: {
    command: () => 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus',
    script: (step, number, command) => [
      `$expected = (${q(step.activeMaster)}).TrimEnd('.')`,
      `$status = ${command}`,
      `$observed = ([string]$status.ActiveMasterFqdn).TrimEnd('.')`,
      `if ($observed -ine $expected) {`,
      `    throw (${q(`Step ${number}: the Central Management Store active master is '{0}', expected '{1}'.`)} -f $observed, $expected)`,
      `}`,
    ],
    describe: (step) => ({
      sentence: `Check that the Central Management Store active master is ${t(step.activeMaster)}.`,
      verify: `ActiveMasterFqdn is ${t(step.activeMaster)} (letter case and a trailing dot do not matter); otherwise stop.`,
    }),
  },
}
