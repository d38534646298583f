/**
 * The table of `sfb-dr assess <kind>` commands (contract §14: `assess backup`, `assess pool`).
 *
 * HOW TO ADD AN ASSESS KIND (one entry, nothing else in the CLI changes):
 *
 *   1. Export the assessment from `src/index.ts`.
 *   2. Add `assessKind({ name, summary, flags, assess })` below:
 *      - `name`: the word after `assess` (`backup`, `pool`);
 *      - `flags`: one per request field, declared as for plan kinds (see planKinds.ts), such as
 *        `{ flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: '…' }` or
 *        `{ flag: 'now', field: 'now', metavar: 'TIME', required: true, help: 'ISO-8601 UTC …' }`;
 *      - `assess`: `(topology, state, request) => E.map((report) => ({ report, text: … }))(assessX(…))`:
 *        `report` is what `--format json` writes as `{ "ok": true, "report": … }`, `text` what
 *        people read (the default `--format text`). A `Left` is refused with every reason (exit 1).
 *   3. Test it through the command and list it in the README.
 *
 * `--topology`, `--state` (required: an assessment of assumed health says nothing) and
 * `--format text|json` are added to every kind.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { assessBackupService, assessPool, formatFinding, type BackupServiceReport, type PoolAssessment } from '../index.js'
import { assessKind, type AssessKind } from './spec.js'

/** Columns padded to their widest cell; the last column is not padded. */
const table = (rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => {
  const widths = rows.reduce<ReadonlyArray<number>>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), [])
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
}

/** The Backup Service report for people: one row per direction, then the interval and the findings. */
export const backupReportText = (report: BackupServiceReport): string => {
  const rows = [
    ['FROM', 'TO', 'HEALTH', 'EXPORT', 'IMPORT', 'LAST SYNC', 'LAG'],
    ...report.directions.map((d) => [
      d.from,
      d.to,
      d.health,
      d.exportState ?? '-',
      d.importState ?? '-',
      d.lastSyncAt ?? '-',
      d.lagSeconds === undefined ? '-' : `${String(d.lagSeconds)} s`,
    ]),
  ]
  return [
    ...(report.directions.length === 0 ? ['No pool pairs: there is no Backup Service to assess.'] : table(rows)),
    '',
    `Sync interval: ${report.syncInterval}`,
    ...(report.findings.length === 0
      ? ['No findings.']
      : ['Findings:', ...report.findings.map((f) => `  - ${f.severity}: ${formatFinding(f)}`)]),
    '',
  ].join('\n')
}

/** What each quorum status means for the administrator (docs/quorum.md). */
const STATUS_TEXT: { readonly [S in PoolAssessment['status']]: string } = {
  unreachable: 'the state says the pool is unreachable: fail it over (sfb-dr plan failover)',
  healthy: 'enough Front End servers run to start the pool',
  belowStartQuorum:
    'pool-level quorum holds, but fewer servers run than a start needs: sfb-dr plan quorum-recovery (Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery)',
  poolQuorumLost: 'too few servers run for the pool to function (the remaining servers stop all services): start more servers, or fail the pool over',
  quorumUnknown: "it depends on which servers run (name them in the state's stoppedFrontEnds), or the size is not in Microsoft's tables",
}

/** The assessment for people. */
const poolText = (a: PoolAssessment): string => {
  const { low, high } = a.runningAmongFirst
  const among = a.neededToRun === null ? a.frontEnds : a.neededToRun.among
  return [
    `Pool ${a.pool}: ${String(a.running)} of ${String(a.frontEnds)} Front End servers running.`,
    `To start: ${a.neededToStart === null ? "size not in Microsoft's table" : `${String(a.neededToStart)} must run`}.`,
    `To function: ${
      a.neededToRun === null ? "size not in Microsoft's table" : `any ${String(a.neededToRun.count)} of the first ${String(a.neededToRun.among)}`
    }; running among the first ${String(among)}: ${low === high ? String(low) : `${String(low)} to ${String(high)}`}.`,
    `Status: ${a.status} (${STATUS_TEXT[a.status]}).`,
  ].join('\n')
}

/** Every `sfb-dr assess <kind>`, in the order `--help` lists them. */
export const assessKinds: ReadonlyArray<AssessKind> = [
  assessKind({
    name: 'backup',
    summary: 'How the Backup Service replicates each direction of each pool pair: health, lag, findings.',
    flags: [
      {
        flag: 'now',
        field: 'now',
        metavar: 'TIME',
        required: true,
        help: 'the time to measure lags at, ISO 8601 with Z or an offset (2026-11-25T10:00:00Z)',
      },
    ],
    assess: (topology, state, request) =>
      E.map((report: BackupServiceReport) => ({ report, text: backupReportText(report) }))(
        assessBackupService(topology, state, request),
      ),
  }),
  assessKind({
    name: 'pool',
    summary: "A Front End pool against Microsoft's quorum tables: can it start, does it function, what to do.",
    flags: [{ flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: 'the Front End pool to assess' }],
    assess: (topology, state, request) => E.map((report: PoolAssessment) => ({ report, text: poolText(report) }))(assessPool(topology, state, request.pool)),
  }),
]
