/**
 * Human sentences for problems and findings. Tags and fields are the stable contract; the wording
 * here may improve between releases.
 *
 * @module
 */
import { absurd } from 'fp-ts/lib/function.js'
import type { Finding } from './findings.js'
import { describeFound } from './found.js'
import type { Intent } from './intent.js'
import type { JournalMismatch, NameKind, Problem } from './problem.js'

const KIND: Readonly<Record<NameKind, string>> = {
  site: 'site',
  pool: 'Front End pool',
  edgePool: 'Edge pool',
  server: 'server',
  user: 'user',
}

/** The kind with its article: "a site", "an Edge pool". */
const A_KIND: Readonly<Record<NameKind, string>> = {
  site: 'a site',
  pool: 'a Front End pool',
  edgePool: 'an Edge pool',
  server: 'a server',
  user: 'a user',
}

/**
 * Puts a value in double quotes, one line, truncated: problems may carry hostile input, and a
 * problem rebuilt from JSON may hold a non-string where a string belongs (shown as `found` shows it).
 */
const q = (value: unknown): string => {
  const s = typeof value === 'string' ? value : describeFound(value)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
  return `"${line.length > 120 ? `${line.slice(0, 117)}...` : line}"`
}

const at = (path: string): string => (path === '' ? 'the document' : path)

const poolList = (pools: ReadonlyArray<string>): string => (pools.length === 0 ? 'none' : pools.map(q).join(', '))

/** Findings by tag and pools only: a plan's own findings may carry hostile text in other fields. */
const findingList = (findings: ReadonlyArray<Finding>): string =>
  findings.length === 0 ? 'none' : findings.map((f) => `${q(f._tag)} (${poolList(f.pools)})`).join(', ')

/** Why a journal cannot be resumed, by reason (`#` is the entry). */
const JOURNAL_MISMATCH: Readonly<Record<JournalMismatch['reason'], string>> = {
  planId: 'it is of another plan',
  unreadable: 'it is unreadable',
  entryCount: 'its entry count differs from the step count',
  steps: 'entry # names another step',
  unknownStatus: 'entry # has an unknown status',
  statusOrder: 'entry # ran after a step that failed or did not run',
  outcome: 'its outcome disagrees with its entries',
  refusedPlan: 'the plan was refused, nothing ran',
}

/**
 * `sentence(value)`, or a sentence naming what it could not describe: the formatters below are
 * total, whatever they are given (`null`, an unknown tag from a newer version, a throwing getter).
 */
const described = <A>(value: A, sentence: (a: A) => string, what: string, end = ''): string => {
  try {
    return sentence(value)
  } catch {
    let tag: unknown
    try {
      tag = (value as { readonly _tag?: unknown })._tag
    } catch {
      // no tag to show
    }
    return `${what} ${typeof tag === 'string' ? q(tag) : 'that cannot be read'}, which this version of sfb-dr cannot describe${end}`
  }
}

/**
 * One sentence describing an intent, such as `fail over the users homed on pool1.contoso.com (disaster mode)`.
 * Never throws: an intent it cannot read is described as such.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { formatIntent, planFailover } from 'sfb-dr'
 *
 * pipe(planFailover(contoso, redmondDown, { pool: 'pool1.contoso.com' }), E.map((plan) => formatIntent(plan.intent)))
 * // => right('fail over the users homed on pool1.contoso.com (disaster mode)')
 *
 * @category errors
 * @since 0.1.0
 */
export const formatIntent = (intent: Intent): string =>
  described(intent, intentSentence, 'carry out an intent')

const intentSentence = (intent: Intent): string => {
  switch (intent._tag) {
    case 'Failover':
      return `fail over the users homed on ${intent.pool} (${intent.mode} mode)`
    case 'Failback':
      return `fail back the users homed on ${intent.pool} (${intent.mode} mode)`
    case 'MoveService':
      return `have everyone now serviced by ${intent.from} serviced by ${intent.to}`
    case 'BackupSync':
      return `push the Backup Service data of ${intent.pool} (${intent.module ?? 'every module'}) to its backup pool and see that direction steady`
    case 'ConferenceContentRestore':
      return `copy the conference content of ${intent.pool} back from its backup pool and see that direction steady`
    case 'SetSyncInterval':
      return `set the Backup Service sync interval to ${intent.interval}`
    case 'QuorumRecovery':
      return `recover ${intent.pool} from routing-group quorum loss (QuorumLossRecovery)`
    case 'BackEndFailover':
      return `make the ${intent.newPrincipal} Back End server principal for ${intent.pool}`
    case 'EdgeFailover':
      return `move what Edge pool ${intent.edgePool} carries (federation, XMPP federation, media) to ${intent.to}`
    case 'EdgeFailback':
      return `give Edge pool ${intent.edgePool} back the federation, XMPP federation and media roles the topology gives it`
    case 'SiteFailover':
      return `fail over site ${intent.site}: its paired pools and what its Edge pools carry${intent.mode === undefined ? '' : ` (${intent.mode} mode)`}`
    case 'SiteFailback':
      return `fail back site ${intent.site}: its Edge pools, then its failed-over pools`
  }
  return absurd(intent)
}

/**
 * The human sentence for a problem: what is wrong, where, and what to do about it. Never throws:
 * a problem it cannot read (`null`, an unknown tag, a throwing getter) gets a sentence saying so.
 *
 * @example
 * import { formatProblem } from 'sfb-dr'
 *
 * formatProblem({ _tag: 'PartnerFailedOver', pool: 'pool2.contoso.com', partner: 'pool1.contoso.com' })
 * // "pool2.contoso.com is servicing the users of its partner pool1.contoso.com, which is failed over
 * //  onto it: fail the partner back first with Invoke-CsPoolFailBack -PoolFqdn 'pool1.contoso.com'."
 *
 * @category errors
 * @since 0.1.0
 */
export const formatProblem = (problem: Problem): string =>
  described(problem, problemSentence, 'A problem', '.')

const problemSentence = (problem: Problem): string => {
  switch (problem._tag) {
    case 'InvalidInput':
      return `${at(problem.path)}: expected ${problem.expected}, found ${problem.found}.`
    case 'UnknownReference':
      return `${problem.path}: ${q(problem.name)} is not ${A_KIND[problem.kind]} defined in the topology; define it or fix the name.`
    case 'DuplicateName':
      return `${problem.path}: ${KIND[problem.kind]} ${q(problem.name)} is already defined at ${problem.firstPath}; names must be unique.`
    case 'PoolInTwoPairings':
      return `${problem.path}: ${q(problem.pool)} is already paired at ${problem.firstPath}; a pool has at most one backup pool.`
    case 'PoolPairedWithItself':
      return `${problem.path}: ${q(problem.pool)} is paired with itself; pair it with a pool in another site.`
    case 'PairingMemberNotFrontEndPool':
      return `${problem.path}: ${q(problem.name)} is ${problem.actualKind === 'unknown' ? 'not defined' : `an ${problem.actualKind === 'edgePool' ? 'Edge pool' : 'individual server'}`}; only Front End pools can be paired.`
    case 'EdgeNextHopNotPool':
      return `${problem.path}: the next hop ${q(problem.nextHop)} of Edge pool ${q(problem.edgePool)} is not a Front End pool of the topology.`
    case 'MultipleFederationEdgePools':
      return `${problem.path}: several Edge pools claim federation (${problem.edgePools.join(', ')}); exactly one Edge pool carries federation.`
    case 'FailoverOfUnpairedPool':
      return `${problem.path}: ${q(problem.pool)} is recorded as failed over, but it has no backup pool.`
    case 'BothPoolsOfPairFailedOver':
      return `${problem.path}: both pools of the pair ${problem.pools.join(' and ')} are recorded as failed over; at most one pool of a pair can be.`
    case 'ActiveMasterOutsideCmsPair':
      return `${problem.path}: the CMS active master ${q(problem.activeMaster)} must be one of ${problem.allowed.join(', ')} (the CMS pool and its partner).`
    case 'UnknownField':
      return `${problem.path}: unknown field ${q(problem.field)}; ${
        problem.suggestion === undefined ? 'remove it' : `did you mean \`${problem.suggestion}\`?`
      } (fields sfb-dr does not know are refused, never ignored).`
    case 'InvalidJson':
      return `Not a JSON document: line ${problem.line}, column ${problem.column}: expected ${problem.expected}, found ${problem.found}.`
    case 'UnknownPool':
      return `${q(problem.pool)} is not a Front End pool of the topology.`
    case 'NoBackupPool':
      return `${problem.pool} has no backup pool, so its users cannot be failed over; pair it in Topology Builder first.`
    case 'AlreadyFailedOver':
      return `The users homed on ${problem.pool} are already failed over onto ${problem.backupPool}.`
    case 'PartnerFailedOver':
      return `${problem.pool} is servicing the users of its partner ${problem.partner}, which is failed over onto it: fail the partner back first with Invoke-CsPoolFailBack -PoolFqdn '${problem.partner}'.`
    case 'BackupPoolUnreachable':
      return `The backup pool ${problem.backupPool} of ${problem.pool} is unreachable, so it cannot take the users; restore it first.`
    case 'PlannedFailoverOfUnreachablePool':
      return `${problem.pool} is unreachable, so a planned failover is impossible; use disaster mode (-DisasterMode).`
    case 'NotFailedOver':
      return `The users homed on ${problem.pool} are not failed over, so there is nothing to fail back.`
    case 'HomePoolUnreachable':
      return `${problem.pool} is still unreachable; bring it back online before failing its users back.`
    case 'PlannedFailbackWithUnreachableBackup':
      return `The backup pool ${problem.backupPool} is unreachable, so a planned failback of ${problem.pool} is impossible; use disaster mode, accepting that the failed-over users' changes are lost.`
    case 'CentralManagementStoreUnrecoverable':
      return `The Central Management Store (active master on ${problem.activeMaster}) must be failed over first, but ${
        problem.reason === 'cmsPoolUnpaired'
          ? 'its pool has no backup pool'
          : problem.reason === 'standbyIsFailingPool'
            ? `its standby ${problem.standby ?? ''} is the pool being failed over`
            : problem.reason === 'standbyBackEndDown'
              ? `the Back End server of its standby ${problem.standby ?? ''} that holds the principal CentralMgmt database is down (fail that Back End over to its mirror with planBackEndFailover, or bring it back)`
              : `its standby ${problem.standby ?? ''} is unreachable`
      }; recover or move the CMS (Move-CsManagementServer) before failing pools over.`
    case 'NotPartners':
      return `${problem.to} is not the backup pool of ${problem.from}; service can only move between the two pools of a pair.`
    case 'NothingToMove':
      return `${problem.from} services no users, so there is nothing to move.`
    case 'StepPreconditionFailed':
      return `Step ${problem.stepId} (${problem.step}) breaks rule ${problem.rule}${problem.subjects.length > 0 ? ` for ${problem.subjects.join(', ')}` : ''}.`
    case 'PlanIdMismatch':
      return `The plan id ${q(problem.found)} does not match its content (${problem.expected}): the plan was edited or tampered with; plan again.`
    case 'IntentNotAchieved':
      return `After its last step the plan does not ${formatIntent(problem.intent)}.`
    case 'JournalMismatch':
      return `The journal cannot be resumed with plan ${q(problem.planId)}: ${JOURNAL_MISMATCH[problem.reason].replace('#', `entries[${String(problem.entry ?? '?')}]`)}.`
    case 'SourcePoolUnreachable':
      return `${problem.pool} is unreachable, so its Backup Service cannot push its data to its backup pool; bring it back online first (its data is only as recent as its last sync).`
    case 'NothingLeftToRun':
      return `Every step of plan ${problem.planId} already succeeded; nothing is left to run.`
    case 'PlanContentMismatch':
      return `The plan claims other ${
        problem.field === 'warnings'
          ? `warnings than its steps and the state give (left out: ${findingList(problem.missing)}; without cause: ${findingList(problem.unexpected)})`
          : `users moved and pools than its steps give (${problem.found.usersMoved} users, ${poolList(problem.found.pools)}; the steps: ${problem.expected.usersMoved} users, ${poolList(problem.expected.pools)})`
      }; plan again.`
    case 'PlanNotValidated':
      return `Plan ${q(problem.planId)} was not returned by sfb-dr in this process (read from JSON, copied or re-sealed?): pass it through validatePlan(topology, state, plan) first.`
    case 'PoolUnreachable':
      return `${problem.pool} is unreachable, so it cannot be recovered in place; fail it over to its backup pool (planFailover, disaster mode), or bring it back and plan again.`
    case 'BackupPoolQuorumLost':
      return `The backup pool ${problem.backupPool} of ${problem.pool} has lost pool-level quorum (${problem.running} Front End servers run; it needs any ${problem.neededToRun.count} of its first ${problem.neededToRun.among}), so it cannot take the users; start more of its Front End servers first.`
    case 'PlannedFailoverWithBackEndDown':
      return `The Back End of ${problem.pool} is down (its ${problem.principal} server, principal of the User database), so a planned failover is impossible; ${
        problem.mirrorUp ? `fail the Back End over first (planBackEndFailover, new principal ${problem.principal === 'Primary' ? 'Mirror' : 'Primary'}), or ` : ''
      }fail the pool over in disaster mode (-DisasterMode).`
    case 'QuorumHolds':
      return `${problem.pool} has ${problem.running} of ${problem.frontEnds} Front End servers running, enough to start it (${problem.neededToStart} needed): no QuorumLossRecovery reset is needed; start the pool.`
    case 'PoolQuorumLost':
      return `${problem.pool} has lost pool-level quorum: ${problem.running} of ${problem.frontEnds} Front End servers run, and it needs any ${problem.neededToRun.count} of its first ${problem.neededToRun.among}; start more servers, or fail the pool over (planFailover).`
    case 'QuorumUnknown':
      return problem.reason === 'sizeNotListed'
        ? `${problem.pool} has ${problem.frontEnds} Front End servers, a size Microsoft's quorum tables do not list, so whether a QuorumLossRecovery reset is safe is unknown; start more servers, or ask Microsoft support.`
        : `Whether ${problem.pool} keeps pool-level quorum with ${problem.running} of ${problem.frontEnds} Front End servers depends on which servers run; name the stopped ones in the state (stoppedFrontEnds) and plan again.`
    case 'NoMirror':
      return `The Back End of ${problem.pool} is not mirrored (high availability: ${problem.ha}), so there is no other server to fail over to; Invoke-CsDatabaseFailover only works with a mirror.`
    case 'AlreadyPrincipal':
      return `The ${problem.principal} server is already principal for the Back End databases of ${problem.pool}: nothing to fail over.`
    case 'NewPrincipalDown':
      return `The ${problem.principal} Back End server of ${problem.pool} is down, so it cannot become principal; bring it back first.`
    case 'UnknownEdgePool':
      return `${q(problem.edgePool)} is not an Edge pool of the topology; check the name against Topology Builder.`
    case 'SameEdgePool':
      return `Edge pool ${problem.edgePool} cannot fail over to itself; name another Edge pool with --to.`
    case 'TargetEdgePoolUnreachable':
      return `The Edge pool ${problem.edgePool} is unreachable, so it cannot take over federation, XMPP or media; choose a running Edge pool, or restore it first.`
    case 'EdgePoolUnreachable':
      return `Edge pool ${problem.edgePool} is still unreachable; start its Edge services before failing its roles back.`
    case 'NothingToFailOver':
      return problem.site !== undefined
        ? `No paired Front End pool of site ${q(problem.site)} is left to fail over (each is failed over already or the site has none).`
        : `Edge pool ${problem.edgePool ?? ''} carries no federation, XMPP federation or media of a running pool now, so there is nothing to fail over.`
    case 'NothingToFailBack':
      return problem.site !== undefined
        ? `No pool of site ${q(problem.site)} is failed over and no Edge pool of it has a role to take back, so there is nothing to fail back.`
        : `No role the topology gives Edge pool ${problem.edgePool ?? ''} is held by another Edge pool now, so there is nothing to fail back.`
    case 'EdgeFailbackFirst':
      return `Fail back Edge pool ${problem.edgePool} first (sfb-dr plan edge-failback --edge-pool ${problem.edgePool}): it is back, but another Edge pool still carries its federation or XMPP role; only then fail back ${problem.pool} (Microsoft fails the Edge back before Invoke-CsPoolFailback of a pool at the same site).`
    case 'UnknownSite':
      return `${q(problem.site)} is not a site of the topology; site names are compared exactly, as Topology Builder shows them.`
    case 'PartnerInSameSite':
      return `${problem.pools[0]} and ${problem.pools[1]} are a pair and both are in site ${q(problem.site)}: losing the site loses both, so there is no pool to fail over to; pair each pool with a pool in another site.`
  }
  return absurd(problem)
}

/**
 * The human sentence for a finding or plan warning. Never throws: a finding it cannot read gets
 * a sentence saying so.
 *
 * @example
 * import { auditTopology, formatFinding } from 'sfb-dr'
 *
 * auditTopology(contoso).map(formatFinding)
 * // => ['se1.contoso.com has no backup pool: its users have no disaster recovery.']
 *
 * @category errors
 * @since 0.1.0
 */
export const formatFinding = (finding: Finding): string =>
  described(finding, findingSentence, 'A finding', '.')

const findingSentence = (finding: Finding): string => {
  const pools = finding.pools.join(' and ')
  switch (finding._tag) {
    case 'PairingEditionMismatch':
      return `${pools} are paired but differ in edition (Enterprise vs Standard): unsupported.`
    case 'PairingHostingMismatch':
      return `${pools} are paired but one is physical and the other virtual: unsupported.`
    case 'PairingOsMismatch':
      return `${pools} are paired but run different operating systems: unsupported.`
    case 'PairingVersionMismatch':
      return `${pools} are paired but run different product versions: unsupported.`
    case 'PairedPoolsSameSite':
      return `${pools} are paired within one site: one disaster can take both.`
    case 'BackEndHaMismatch':
      return `${pools} are paired but use different Back End high-availability modes; use the same in both.`
    case 'MirroringOn2019':
      return `${pools} uses SQL mirroring, which Skype for Business Server 2019 does not support.`
    case 'TwoFrontEndEnterprisePool2019':
      return `${pools} is a 2019 Enterprise pool with exactly two Front End servers, which 2019 does not support.`
    case 'TooManyFrontEnds':
      return `${pools} has more Front End servers than its version supports (12 in 2015, 16 in 2019).`
    case 'UnpairedPool':
      return `${pools} has no backup pool: its users have no disaster recovery.`
    case 'PossibleDataLoss': {
      const since = finding.lastSyncAt === undefined ? 'its last Backup Service sync (no sync time is known)' : `its last Backup Service sync (${finding.lastSyncAt})`
      return finding.operation === 'failback'
        ? `Disaster-mode failback: what the failed-over users created on the backup pool ${finding.pools[0] ?? ''} since ${since} to ${finding.pools[1] ?? ''} is lost.`
        : `Disaster mode: what changed on ${finding.pools[0] ?? ''} since ${since} to ${finding.pools[1] ?? ''} is lost.`
    }
    case 'BackupServiceUnhealthy':
      return `The Backup Service replicating ${pools} was last seen ${[
        finding.exportState === undefined ? undefined : `exporting ${finding.exportState}`,
        finding.importState === undefined ? undefined : `importing ${finding.importState}`,
      ]
        .filter((x) => x !== undefined)
        .join(' and ')}: a Backup Service check of it (before a planned failover or failback, after a sync) fails until replication recovers (Invoke-CsBackupServiceSync -PoolFqdn '${finding.pools[0] ?? ''}').`
    case 'BackupServiceLagging':
      return `The Backup Service replicating ${finding.pools[0] ?? ''} to ${finding.pools[1] ?? ''} last synced ${String(finding.lagSeconds)} seconds ago, beyond Microsoft's 5-minute RPO: a disaster now would lose those changes; find out why (Get-CsBackupServiceStatus -PoolFqdn '${finding.pools[0] ?? ''}') and force a sync (Invoke-CsBackupServiceSync -PoolFqdn '${finding.pools[0] ?? ''}').`
    case 'SyncIntervalAboveRpo':
      return `The Backup Service sync interval ${finding.interval} exceeds Microsoft's 5-minute RPO: changes may wait that long before they reach the backup pool; set it back to 00:05:00 or less (Set-CsBackupServiceConfiguration -Identity 'global' -SyncInterval '00:02:00' is the default).`
    case 'ConferenceContentNotRestored':
      return `The conference content of the users homed on ${finding.pools[0] ?? ''} stays on ${finding.pools[1] ?? ''}, which is unreachable: once it is back, restore it (Invoke-CsBackupServiceSync -PoolFqdn '${finding.pools[1] ?? ''}' -BackupModule ConfServices.DataConf; sfb-dr plan conference-content-restore --pool ${finding.pools[0] ?? ''}).`
    case 'EdgeNextHopNotRestored':
      return `Edge pool ${finding.edgePool} still forwards to ${finding.pools[0] ?? ''}; restore its next hop to ${finding.configuredNextHop} with Set-CsEdgeServer when convenient.`
    case 'NoSurvivingEdgePool':
      return `No running Edge pool outside site ${finding.site} can take over from ${finding.edgePools.join(', ')}: federation, XMPP federation and conferencing media through ${finding.edgePools.length === 1 ? 'it' : 'them'}${
        finding.pools.length === 0 ? '' : ` (media of ${finding.pools.join(', ')})`
      } stay down; restore an Edge pool, then plan edge-failover to it.`
  }
  return absurd(finding)
}
