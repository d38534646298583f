/**
 * The table of `sfb-dr plan <kind>` commands.
 *
 * HOW TO ADD A PLAN KIND (one entry, nothing else in the CLI changes):
 *
 *   1. Export the planner from `src/index.ts`.
 *   2. Add `planKind({ name, summary, flags, plan })` below, in the order `--help` lists them:
 *      - `name`: the word after `plan` (`site-failover`);
 *      - `summary`: one line for `--help`;
 *      - `flags`: one per request field, `{ flag: 'edge-pool', field: 'edgePool', metavar: 'FQDN',
 *        required: true, help: '…' }`; give `choices` when the field has a closed set of values
 *        (`['planned', 'disaster']`): a wrong value is then a usage error naming the nearest one;
 *      - `plan`: `(topology, state, request) => planX(topology, state, request)`; the request type
 *        is derived from `flags`, so a flag whose field the planner does not take fails to compile.
 *   3. Test it through the command (test/cli/plan.test.ts shows how) and list it in the README.
 *
 * `--topology`, `--state` / `--assume-healthy`, `--format` and `--out` are added to every kind;
 * usage, `--help`, unknown-flag checks and "did you mean" come from the entry.
 *
 * @module
 */
import {
  planBackEndFailover,
  planQuorumRecovery,
  backupModules,
  planBackupSync,
  planEdgeFailback,
  planEdgeFailover,
  planConferenceContentRestore,
  planFailback,
  planFailover,
  planMoveService,
  planSiteFailback,
  planSiteFailover,
  planSyncInterval,
} from '../index.js'
import { planKind, type PlanKind, type RequestFlag } from './spec.js'

const poolFlag = {
  flag: 'pool',
  field: 'pool',
  metavar: 'FQDN',
  required: true,
  help: 'the pool whose HOME users move (the disaster pool), for failover and failback alike',
} as const satisfies RequestFlag

const modeFlag = (what: string) =>
  ({
    flag: 'mode',
    field: 'mode',
    metavar: 'planned|disaster',
    choices: ['planned', 'disaster'],
    help: `planned or disaster (-DisasterMode); default: ${what}`,
  }) as const satisfies RequestFlag

/** Every `sfb-dr plan <kind>`, in the order `--help` lists them. */
export const planKinds: ReadonlyArray<PlanKind> = [
  planKind({
    name: 'failover',
    summary: "Fail over the users homed on a pool to its backup pool (Invoke-CsPoolFailOver).",
    flags: [poolFlag, modeFlag('disaster when the pool is unreachable, else planned')],
    plan: (topology, state, request) => planFailover(topology, state, request),
  }),
  planKind({
    name: 'failback',
    summary: 'Fail back the users homed on a pool from its backup pool (Invoke-CsPoolFailBack).',
    flags: [poolFlag, modeFlag('disaster when the backup pool is unreachable, else planned')],
    plan: (topology, state, request) => planFailback(topology, state, request),
  }),
  planKind({
    name: 'move',
    summary: 'Have everyone now serviced by one pool serviced by its partner (failbacks, then failovers).',
    flags: [
      { flag: 'from', field: 'from', metavar: 'FQDN', required: true, help: 'the pool now servicing the users' },
      { flag: 'to', field: 'to', metavar: 'FQDN', required: true, help: 'its partner, which will service them' },
    ],
    plan: (topology, state, request) => planMoveService(topology, state, request),
  }),
  planKind({
    name: 'backup-sync',
    summary: "Push a pool's Backup Service data to its backup pool now and wait until that direction is steady (Invoke-CsBackupServiceSync).",
    flags: [
      { flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: 'the SOURCE pool whose data is pushed to its backup pool (-PoolFqdn)' },
      {
        flag: 'module',
        field: 'module',
        metavar: 'MODULE',
        choices: backupModules,
        help: `one module only (-BackupModule): ${backupModules.join(', ')}; default: every module`,
      },
    ],
    plan: (topology, state, request) => planBackupSync(topology, state, request),
  }),
  planKind({
    name: 'conference-content-restore',
    summary: 'Copy the conference content a pool lost back from its backup pool (sync of ConfServices.DataConf from the partner).',
    flags: [{ flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: 'the pool that LOST its conference content; the sync runs from its partner' }],
    plan: (topology, state, request) => planConferenceContentRestore(topology, state, request),
  }),
  planKind({
    name: 'sync-interval',
    summary: 'Set the global Backup Service sync interval (Set-CsBackupServiceConfiguration -SyncInterval).',
    flags: [{ flag: 'interval', field: 'interval', metavar: 'hh:mm:ss', required: true, help: 'from 00:00:05 to 03:00:00; Microsoft\'s default is 00:02:00' }],
    plan: (topology, state, request) => planSyncInterval(topology, state, request),
  }),
  planKind({
    name: 'quorum-recovery',
    summary: 'Let a pool below its start count recover (Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery).',
    flags: [{ flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: 'the Front End pool that will not start' }],
    plan: (topology, state, request) => planQuorumRecovery(topology, state, request),
  }),
  planKind({
    name: 'backend-failover',
    summary: "Fail a pool's mirrored Back End databases over to the other server (Invoke-CsDatabaseFailover).",
    flags: [
      { flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: 'the Front End pool whose Back End fails over' },
      {
        flag: 'new-principal',
        field: 'newPrincipal',
        metavar: 'Primary|Mirror',
        required: true,
        choices: ['Primary', 'Mirror'],
        help: 'the Back End server that becomes principal',
      },
    ],
    plan: (topology, state, request) => planBackEndFailover(topology, state, request),
  }),
  planKind({
    name: 'edge-failover',
    summary: 'Move what an Edge pool carries (federation, XMPP federation, media) to another Edge pool.',
    flags: [
      { flag: 'edge-pool', field: 'edgePool', metavar: 'FQDN', required: true, help: 'the Edge pool whose roles move' },
      { flag: 'to', field: 'to', metavar: 'FQDN', required: true, help: 'the running Edge pool that takes them' },
    ],
    plan: (topology, state, request) => planEdgeFailover(topology, state, request),
  }),
  planKind({
    name: 'edge-failback',
    summary: 'Give a restored Edge pool back the federation, XMPP and media roles the topology gives it.',
    flags: [{ flag: 'edge-pool', field: 'edgePool', metavar: 'FQDN', required: true, help: 'the restored Edge pool' }],
    plan: (topology, state, request) => planEdgeFailback(topology, state, request),
  }),
  planKind({
    name: 'site-failover',
    summary: "Fail over a whole site: its paired pools, the CMS if it is there, its Edge pools' roles, in one plan.",
    flags: [
      { flag: 'site', field: 'site', metavar: 'NAME', required: true, help: 'the site, as Topology Builder names it' },
      modeFlag("each pool's: disaster when unreachable, else planned"),
    ],
    plan: (topology, state, request) => planSiteFailover(topology, state, request),
  }),
  planKind({
    name: 'site-failback',
    summary: "Fail back a whole site: its running Edge pools' roles first, then each failed-over pool.",
    flags: [{ flag: 'site', field: 'site', metavar: 'NAME', required: true, help: 'the site, as Topology Builder names it' }],
    plan: (topology, state, request) => planSiteFailback(topology, state, request),
  }),
]
