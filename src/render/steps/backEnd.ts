/**
 * Rendering the Back End family: `Invoke-CsDatabaseFailover` and `Get-CsDatabaseMirrorState`
 * (office-docs-powershell: `-DatabaseType`, `-NewPrincipal Primary|Mirror`, `-Force` "if the
 * current database is not accessible"; the mirror state reports `StateOnPrimary` and
 * `StateOnMirror` per database, the principal side reading `Principal`).
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import { isTrue, type StepRenderings } from './rendering.js'

/**
 * An enumeration value as a bare token when it is one of `allowed` (our own constant text), else
 * as a quoted literal (a plan edited by hand: the cmdlet then refuses to bind it).
 */
const token = (value: unknown, allowed: ReadonlyArray<string>): string => {
  const found = allowed.find((a) => a === value)
  return found ?? q(t(value))
}

const DATABASES = ['User', 'CentralMgmt']
const SERVERS = ['Primary', 'Mirror']

/**
 * The renderings of the Back End family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const backEndRenderings: StepRenderings<'FailoverDatabase' | 'CheckDatabaseMirrorState'> = {
  FailoverDatabase: {
    command: (step) =>
      `Invoke-CsDatabaseFailover -PoolFqdn ${q(step.pool)} -DatabaseType ${token(step.databaseType, DATABASES)} -NewPrincipal ${token(
        step.newPrincipal,
        SERVERS,
      )}${isTrue(step.force) ? ' -Force' : ''}`,
    describe: (step) => ({
      sentence: `Make the ${t(step.newPrincipal)} Back End server the principal of the ${t(step.databaseType)} database of ${t(step.pool)}${
        isTrue(step.force) ? ' (-Force: the current principal is down)' : ''
      }.`,
      verify: 'The command ends without an error; the next step confirms the new principal.',
    }),
  },
  CheckDatabaseMirrorState: {
    command: (step) => `Get-CsDatabaseMirrorState -PoolFqdn ${q(step.pool)} -DatabaseType ${token(step.databaseType, DATABASES)}`,
    script: (step, number, command) => {
      const side = step.principal === 'Mirror' ? 'StateOnMirror' : 'StateOnPrimary'
      return [
        `$states = @(${command})`,
        `$bad = @($states | Where-Object { [string]$_.${side} -ne 'Principal' })`,
        `if (($states.Count -eq 0) -or ($bad.Count -gt 0)) {`,
        `    throw (${q(
          `Step ${number}: the ${t(step.principal)} server is not principal for every ${t(step.databaseType)} database of ${t(step.pool)}; Get-CsDatabaseMirrorState shows {0}.`,
        )} -f (($states | ForEach-Object { '{0}: {1}' -f $_.DatabaseName, $_.${side} }) -join ', '))`,
        `}`,
      ]
    },
    describe: (step) => ({
      sentence: `Check that the ${t(step.principal)} Back End server is principal for the ${t(step.databaseType)} database of ${t(step.pool)}.`,
      verify: `Get-CsDatabaseMirrorState shows ${step.principal === 'Mirror' ? 'StateOnMirror' : 'StateOnPrimary'} = Principal for every database it lists; otherwise stop.`,
    }),
  },
}
