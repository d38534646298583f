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
import { assessBackupService, formatFinding, type BackupServiceReport } from '../index.js'
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
]
