/**
 * Problems: every reason sfb-dr refuses an input, a request or a plan. Problems are plain,
 * JSON-safe objects tagged by `_tag` (the stable machine code) with context fields; they carry no
 * message. `formatProblem` turns one into a sentence for people.
 *
 * @module
 */
import type { Finding } from './findings.js'
import type { Intent } from './intent.js'
import type { BackEndServer } from './state.js'
import type { BackEndHa } from './topology.js'
import type { PoolQuorum } from './quorum.js'

// -------------------------------------------------------------------------------------
// decoding problems (documents)
// -------------------------------------------------------------------------------------

/**
 * A value has the wrong shape, type or spelling.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidInput {
  /** Stable machine code. */
  readonly _tag: 'InvalidInput'
  /** JSON path of the value, such as `pools[0].fqdn` (`""` for the document itself). */
  readonly path: string
  /** What was expected there, in words. */
  readonly expected: string
  /** A short, truncated rendering of what was found. */
  readonly found: string
}

/**
 * What kind of named thing a reference or a duplicate is about.
 *
 * @category errors
 * @since 0.1.0
 */
export type NameKind = 'site' | 'pool' | 'edgePool' | 'server' | 'user'

/**
 * A name refers to a site, pool or Edge pool the topology does not define.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownReference {
  /** Stable machine code. */
  readonly _tag: 'UnknownReference'
  /** JSON path of the reference. */
  readonly path: string
  /** What kind of thing it should name. */
  readonly kind: NameKind
  /** The (normalized) name. */
  readonly name: string
}

/**
 * The same name is defined twice (FQDNs across pools, servers and Edge pools; site names; SIP
 * addresses of users).
 *
 * @category errors
 * @since 0.1.0
 */
export interface DuplicateName {
  /** Stable machine code. */
  readonly _tag: 'DuplicateName'
  /** JSON path of the second definition. */
  readonly path: string
  /** JSON path of the first definition. */
  readonly firstPath: string
  /** What kind of thing is duplicated. */
  readonly kind: NameKind
  /** The (normalized) name. */
  readonly name: string
}

/**
 * A pool appears in more than one pairing (pairing is 1:1).
 *
 * @category errors
 * @since 0.1.0
 */
export interface PoolInTwoPairings {
  /** Stable machine code. */
  readonly _tag: 'PoolInTwoPairings'
  /** JSON path of the second pairing that names it. */
  readonly path: string
  /** JSON path of the first. */
  readonly firstPath: string
  /** The pool. */
  readonly pool: string
}

/**
 * A pairing names the same pool twice.
 *
 * @category errors
 * @since 0.1.0
 */
export interface PoolPairedWithItself {
  /** Stable machine code. */
  readonly _tag: 'PoolPairedWithItself'
  /** JSON path of the pairing. */
  readonly path: string
  /** The pool. */
  readonly pool: string
}

/**
 * A pairing member is not a Front End pool (an Edge pool or a server, say): only Front End pools
 * are paired.
 *
 * @category errors
 * @since 0.1.0
 */
export interface PairingMemberNotFrontEndPool {
  /** Stable machine code. */
  readonly _tag: 'PairingMemberNotFrontEndPool'
  /** JSON path of the member. */
  readonly path: string
  /** The name found. */
  readonly name: string
  /** What the name is instead (`edgePool`, `server`) or `unknown`. */
  readonly actualKind: 'edgePool' | 'server' | 'unknown'
}

/**
 * An Edge pool's next hop is not a Front End pool of the topology.
 *
 * @category errors
 * @since 0.1.0
 */
export interface EdgeNextHopNotPool {
  /** Stable machine code. */
  readonly _tag: 'EdgeNextHopNotPool'
  /** JSON path of the next hop. */
  readonly path: string
  /** The Edge pool. */
  readonly edgePool: string
  /** The next hop found. */
  readonly nextHop: string
}

/**
 * More than one Edge pool has `federation: true`; exactly one Edge pool carries federation.
 *
 * @category errors
 * @since 0.1.0
 */
export interface MultipleFederationEdgePools {
  /** Stable machine code. */
  readonly _tag: 'MultipleFederationEdgePools'
  /** JSON path of the second Edge pool that claims federation. */
  readonly path: string
  /** Every Edge pool that claims it. */
  readonly edgePools: ReadonlyArray<string>
}

/**
 * A state document records a failover of a pool that has no backup pool.
 *
 * @category errors
 * @since 0.1.0
 */
export interface FailoverOfUnpairedPool {
  /** Stable machine code. */
  readonly _tag: 'FailoverOfUnpairedPool'
  /** JSON path of the failover. */
  readonly path: string
  /** The pool. */
  readonly pool: string
}

/**
 * A state document records both pools of a pair as failed over, which the product forbids.
 *
 * @category errors
 * @since 0.1.0
 */
export interface BothPoolsOfPairFailedOver {
  /** Stable machine code. */
  readonly _tag: 'BothPoolsOfPairFailedOver'
  /** JSON path of the second failover. */
  readonly path: string
  /** The two pools. */
  readonly pools: ReadonlyArray<string>
}

/**
 * A state document puts the CMS active master on a pool outside the CMS pool and its partner.
 *
 * @category errors
 * @since 0.1.0
 */
export interface ActiveMasterOutsideCmsPair {
  /** Stable machine code. */
  readonly _tag: 'ActiveMasterOutsideCmsPair'
  /** JSON path of the active master. */
  readonly path: string
  /** The pool found. */
  readonly activeMaster: string
  /** The pools that may hold it. */
  readonly allowed: ReadonlyArray<string>
}

/**
 * A document has a field that sfb-dr does not know (a typo, or a field of another version): it is
 * refused rather than ignored, so that a misspelled `reachable` never yields a plan for a dead
 * pool. Only a top-level `$schema` string is allowed besides the documented fields.
 *
 * @category errors
 * @since 0.2.0
 */
export interface UnknownField {
  /** Stable machine code. */
  readonly _tag: 'UnknownField'
  /** JSON path of the unknown field itself, such as `pools["pool1.contoso.com"].reachble`. */
  readonly path: string
  /** The field name as written. */
  readonly field: string
  /** The known field name nearest to it, when one is close enough to be a likely typo. */
  readonly suggestion?: string
}

/**
 * Every problem a document can have.
 *
 * @category errors
 * @since 0.1.0
 */
export type DecodeProblem =
  | InvalidInput
  | UnknownReference
  | DuplicateName
  | PoolInTwoPairings
  | PoolPairedWithItself
  | PairingMemberNotFrontEndPool
  | EdgeNextHopNotPool
  | MultipleFederationEdgePools
  | FailoverOfUnpairedPool
  | BothPoolsOfPairFailedOver
  | ActiveMasterOutsideCmsPair
  | UnknownField

// -------------------------------------------------------------------------------------
// violations (requests and plans)
// -------------------------------------------------------------------------------------

/**
 * The requested pool is not a Front End pool of the topology.
 *
 * @category errors
 * @since 0.1.0
 */
export interface UnknownPool {
  /** Stable machine code. */
  readonly _tag: 'UnknownPool'
  /** The pool as given. */
  readonly pool: string
}

/**
 * The pool has no backup pool, so it cannot be failed over.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NoBackupPool {
  /** Stable machine code. */
  readonly _tag: 'NoBackupPool'
  /** The pool. */
  readonly pool: string
}

/**
 * The pool's users are already failed over onto its partner.
 *
 * @category errors
 * @since 0.1.0
 */
export interface AlreadyFailedOver {
  /** Stable machine code. */
  readonly _tag: 'AlreadyFailedOver'
  /** The pool. */
  readonly pool: string
  /** Its partner, now servicing its users. */
  readonly backupPool: string
}

/**
 * The partner's users are failed over onto this pool: fail the partner back first
 * (`Invoke-CsPoolFailBack -PoolFqdn <partner>`).
 *
 * @category errors
 * @since 0.1.0
 */
export interface PartnerFailedOver {
  /** Stable machine code. */
  readonly _tag: 'PartnerFailedOver'
  /** The pool that cannot be failed over now. */
  readonly pool: string
  /** The partner whose users it services; fail this one back first. */
  readonly partner: string
}

/**
 * The backup pool is unreachable, so it cannot take the users.
 *
 * @category errors
 * @since 0.1.0
 */
export interface BackupPoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'BackupPoolUnreachable'
  /** The pool whose users would move. */
  readonly pool: string
  /** The unreachable backup pool. */
  readonly backupPool: string
}

/**
 * A planned failover was asked for a pool that is unreachable: only `-DisasterMode` works then.
 *
 * @category errors
 * @since 0.1.0
 */
export interface PlannedFailoverOfUnreachablePool {
  /** Stable machine code. */
  readonly _tag: 'PlannedFailoverOfUnreachablePool'
  /** The pool. */
  readonly pool: string
}

/**
 * A failback was asked for a pool whose users are not failed over.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NotFailedOver {
  /** Stable machine code. */
  readonly _tag: 'NotFailedOver'
  /** The pool. */
  readonly pool: string
}

/**
 * A failback was asked while the home pool is still unreachable.
 *
 * @category errors
 * @since 0.1.0
 */
export interface HomePoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'HomePoolUnreachable'
  /** The home pool. */
  readonly pool: string
}

/**
 * A planned failback was asked while the backup pool is unreachable: only `-DisasterMode` works
 * then (and loses what the failed-over users changed).
 *
 * @category errors
 * @since 0.1.0
 */
export interface PlannedFailbackWithUnreachableBackup {
  /** Stable machine code. */
  readonly _tag: 'PlannedFailbackWithUnreachableBackup'
  /** The home pool. */
  readonly pool: string
  /** The unreachable backup pool. */
  readonly backupPool: string
}

/**
 * The CMS must be failed over first but cannot be: the other pool of the CMS pair is the failing
 * pool, is unreachable, or does not exist (CMS pool unpaired).
 *
 * @category errors
 * @since 0.1.0
 */
export interface CentralManagementStoreUnrecoverable {
  /** Stable machine code. */
  readonly _tag: 'CentralManagementStoreUnrecoverable'
  /** The pool the CMS is on now (its active master). */
  readonly activeMaster: string
  /** The pool it would fail over to, if the CMS pool is paired. */
  readonly standby?: string
  /** Why it cannot be failed over. */
  readonly reason: 'standbyIsFailingPool' | 'standbyUnreachable' | 'standbyBackEndDown' | 'cmsPoolUnpaired'
}

/**
 * `planMoveService` was asked to move service between pools that are not partners.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NotPartners {
  /** Stable machine code. */
  readonly _tag: 'NotPartners'
  /** The pool now servicing the users. */
  readonly from: string
  /** The pool asked to take them. */
  readonly to: string
}

/**
 * `planMoveService` found no users serviced by `from`, so there is nothing to move.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NothingToMove {
  /** Stable machine code. */
  readonly _tag: 'NothingToMove'
  /** The pool. */
  readonly from: string
}

// high availability (contract §9)

/**
 * The state says the pool is unreachable (`reachable: false`): a quorum recovery cannot reach it.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'PoolUnreachable'
  /** The pool. */
  readonly pool: string
}

/**
 * The backup pool has lost pool-level quorum (too few Front End servers run for it to function):
 * it cannot take a failover.
 *
 * @category errors
 * @since 0.2.0
 */
export interface BackupPoolQuorumLost {
  /** Stable machine code. */
  readonly _tag: 'BackupPoolQuorumLost'
  /** The pool being failed over. */
  readonly pool: string
  /** Its backup pool. */
  readonly backupPool: string
  /** Front End servers running on the backup pool. */
  readonly running: number
  /** What pool-level quorum needs: `count` of the first `among` servers. */
  readonly neededToRun: PoolQuorum
}

/**
 * A planned failover was asked for a pool whose Back End is down (the principal of its User
 * database): the pool cannot replicate its last changes in planned mode.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PlannedFailoverWithBackEndDown {
  /** Stable machine code. */
  readonly _tag: 'PlannedFailoverWithBackEndDown'
  /** The pool. */
  readonly pool: string
  /** The principal server that is down. */
  readonly principal: BackEndServer
  /** Whether the pool's Back End is mirrored with the other server up (a Back End failover helps). */
  readonly mirrorUp: boolean
}

/**
 * The pool has enough Front End servers running to start: no quorum recovery is needed.
 *
 * @category errors
 * @since 0.2.0
 */
export interface QuorumHolds {
  /** Stable machine code. */
  readonly _tag: 'QuorumHolds'
  /** The pool. */
  readonly pool: string
  /** Its Front End servers. */
  readonly frontEnds: number
  /** How many run. */
  readonly running: number
  /** How many a start needs. */
  readonly neededToStart: number
}

/**
 * Too few Front End servers run for the pool to function at all (pool-level quorum loss): the
 * remaining servers stop all services, and a QuorumLossRecovery reset cannot help.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PoolQuorumLost {
  /** Stable machine code. */
  readonly _tag: 'PoolQuorumLost'
  /** The pool. */
  readonly pool: string
  /** Its Front End servers. */
  readonly frontEnds: number
  /** How many run. */
  readonly running: number
  /** What pool-level quorum needs: `count` of the first `among` servers. */
  readonly neededToRun: PoolQuorum
}

/**
 * Whether the pool keeps pool-level quorum depends on WHICH servers run (only a count is known),
 * or its size is not in Microsoft's tables.
 *
 * @category errors
 * @since 0.2.0
 */
export interface QuorumUnknown {
  /** Stable machine code. */
  readonly _tag: 'QuorumUnknown'
  /** The pool. */
  readonly pool: string
  /** Its Front End servers. */
  readonly frontEnds: number
  /** How many run. */
  readonly running: number
  /** Why: only a count of running servers is known (`whichServers`), or the size is not in the tables. */
  readonly reason: 'whichServers' | 'sizeNotListed'
}

/**
 * The pool's Back End is not mirrored (`backEnd.ha` is not `"mirroring"`): there is nothing to fail
 * over to.
 *
 * @category errors
 * @since 0.2.0
 */
export interface NoMirror {
  /** Stable machine code. */
  readonly _tag: 'NoMirror'
  /** The pool. */
  readonly pool: string
  /** Its Back End high-availability mode. */
  readonly ha: BackEndHa
}

/**
 * The requested server is already the principal of every database the failover concerns.
 *
 * @category errors
 * @since 0.2.0
 */
export interface AlreadyPrincipal {
  /** Stable machine code. */
  readonly _tag: 'AlreadyPrincipal'
  /** The pool. */
  readonly pool: string
  /** The server asked for. */
  readonly principal: BackEndServer
}

/**
 * The server that should become principal is down.
 *
 * @category errors
 * @since 0.2.0
 */
export interface NewPrincipalDown {
  /** Stable machine code. */
  readonly _tag: 'NewPrincipalDown'
  /** The pool. */
  readonly pool: string
  /** The server asked for. */
  readonly principal: BackEndServer
}

/**
 * The Edge pool named in a request is not an Edge pool of the topology.
 *
 * @category errors
 * @since 0.2.0
 */
export interface UnknownEdgePool {
  /** Stable machine code. */
  readonly _tag: 'UnknownEdgePool'
  /** The Edge pool, as given. */
  readonly edgePool: string
}

/**
 * An Edge failover names the same Edge pool as source and target.
 *
 * @category errors
 * @since 0.2.0
 */
export interface SameEdgePool {
  /** Stable machine code. */
  readonly _tag: 'SameEdgePool'
  /** The Edge pool. */
  readonly edgePool: string
}

/**
 * The Edge pool an Edge failover would move roles to is unreachable.
 *
 * @category errors
 * @since 0.2.0
 */
export interface TargetEdgePoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'TargetEdgePoolUnreachable'
  /** The target Edge pool. */
  readonly edgePool: string
}

/**
 * The Edge pool to fail back to is still unreachable.
 *
 * @category errors
 * @since 0.2.0
 */
export interface EdgePoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'EdgePoolUnreachable'
  /** The Edge pool. */
  readonly edgePool: string
}

/**
 * There is nothing to fail over: the Edge pool carries no federation, XMPP or media of a running
 * pool now (`edgePool`), or every paired pool of the site is failed over already (`site`).
 *
 * @category errors
 * @since 0.2.0
 */
export interface NothingToFailOver {
  /** Stable machine code. */
  readonly _tag: 'NothingToFailOver'
  /** The Edge pool (Edge failover). */
  readonly edgePool?: string
  /** The site (site failover). */
  readonly site?: string
}

/**
 * There is nothing to fail back: no role the topology gives the Edge pool is held by another
 * Edge pool now (`edgePool`), or no pool of the site is failed over and no Edge pool of it has a
 * role to take back (`site`).
 *
 * @category errors
 * @since 0.2.0
 */
export interface NothingToFailBack {
  /** Stable machine code. */
  readonly _tag: 'NothingToFailBack'
  /** The Edge pool (Edge failback). */
  readonly edgePool?: string
  /** The site (site failback). */
  readonly site?: string
}

/**
 * A Front End pool cannot fail back yet: a reachable Edge pool of its site has its federation or
 * XMPP role held by another Edge pool; fail the Edge pool back first (domain-facts §6.1 #15).
 *
 * @category errors
 * @since 0.2.0
 */
export interface EdgeFailbackFirst {
  /** Stable machine code. */
  readonly _tag: 'EdgeFailbackFirst'
  /** The Front End pool to fail back. */
  readonly pool: string
  /** The Edge pool to fail back first. */
  readonly edgePool: string
}

/**
 * The site named in a request is not a site of the topology.
 *
 * @category errors
 * @since 0.2.0
 */
export interface UnknownSite {
  /** Stable machine code. */
  readonly _tag: 'UnknownSite'
  /** The site, as given. */
  readonly site: string
}

/**
 * Both pools of a pair are in the site being failed over: losing the site loses the pair.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PartnerInSameSite {
  /** Stable machine code. */
  readonly _tag: 'PartnerInSameSite'
  /** The site. */
  readonly site: string
  /** The two pools of the pair. */
  readonly pools: readonly [string, string]
}

/**
 * The name of a rule a plan step breaks: a step precondition or one of the four safety rules
 * (`OnePoolOfPairFailedOver`, `FailoverOntoReachablePartner` / `FailbackToReachablePools`,
 * `CmsReadyForPoolFailover`, `NoEdgeNextHopToFailingPool`), plus `CmsAvailableForPoolFailback`
 * (a failback, like a failover, needs a working CMS) and `DuplicateStepId`.
 *
 * @category errors
 * @since 0.1.0
 */
export type StepRule =
  | 'UnknownPool'
  | 'UnknownEdgePool'
  | 'PoolHasBackup'
  | 'PoolNotFailedOver'
  | 'PoolFailedOver'
  | 'BackupPoolMatchesPartner'
  | 'PlannedModeNeedsReachablePool'
  | 'PoolReachableForCheck'
  | 'CmsSourceIsActiveMaster'
  | 'CmsTargetIsCmsPartner'
  | 'CmsTargetReachable'
  | 'CmsTargetBackEndUp'
  | 'CmsModeMatchesAvailability'
  | 'CmsTargetBackEndMatchesTopology'
  | 'ActiveMasterMatches'
  | 'EdgeNextHopIsUsablePool'
  | 'OnePoolOfPairFailedOver'
  | 'FailoverOntoReachablePartner'
  | 'FailbackToReachablePools'
  | 'CmsReadyForPoolFailover'
  | 'NoEdgeNextHopToFailingPool'
  | 'DuplicateStepId'
  | 'EdgePoolReachable'
  | 'CmsAvailableForPoolFailback'
  | 'QuorumLossRecoveryApplies'
  | 'PoolHasMirror'
  | 'PoolHoldsCentralMgmt'
  | 'NewPrincipalDiffers'
  | 'NewPrincipalUp'
  | 'ForceWhenPrincipalDown'
  | 'PrincipalMatches'
  | 'PlannedModeNeedsBackEnd'
  | 'BackupPoolHasQuorum'
  | 'PoolReachableForSync'
  | 'PartnerReachableForSync'
  | 'DistinctEdgePools'
  | 'FederationOnSourceEdgePool'
  | 'XmppSiteIsEdgePoolSite'
  | 'XmppRouteOnEdgePool'
  | 'EdgeFailedBackFirst'

/**
 * A plan step breaks a rule in the state it would run in.
 *
 * @category errors
 * @since 0.1.0
 */
export interface StepPreconditionFailed {
  /** Stable machine code. */
  readonly _tag: 'StepPreconditionFailed'
  /** The step's id. */
  readonly stepId: string
  /** The step's tag. */
  readonly step: string
  /** The rule it breaks. */
  readonly rule: StepRule
  /** The pools (or Edge pools) involved. */
  readonly subjects: ReadonlyArray<string>
}

/**
 * The plan's id does not match its content: it was tampered with or edited by hand.
 *
 * @category errors
 * @since 0.1.0
 */
export interface PlanIdMismatch {
  /** Stable machine code. */
  readonly _tag: 'PlanIdMismatch'
  /** The id the content hashes to. */
  readonly expected: string
  /** The id the plan carries. */
  readonly found: string
}

/**
 * After its last step, the plan does not achieve its intent.
 *
 * @category errors
 * @since 0.1.0
 */
export interface IntentNotAchieved {
  /** Stable machine code. */
  readonly _tag: 'IntentNotAchieved'
  /** The plan's intent. */
  readonly intent: Intent
}

/**
 * Why a journal cannot be resumed with a plan:
 * - `planId`: the journal is of another plan (its `planId` differs);
 * - `unreadable`: the journal or its entries cannot be read as plain data (not an object, a
 *   getter that throws, a revoked proxy, a cycle);
 * - `entryCount`: it does not have exactly one entry per step of the plan;
 * - `steps`: entry `entry` names another step (id or tag) than the plan's step at that position;
 * - `unknownStatus`: entry `entry` has a status other than `succeeded`, `failed` or `notRun`;
 * - `statusOrder`: entry `entry` succeeded or failed after a step that failed or did not run
 *   (`executePlan` stops at the first failure and never runs a later step);
 * - `outcome`: the outcome is unknown or disagrees with the entries (`completed` with a step that
 *   did not succeed, `aborted` with a failed step, `failed` without exactly one failed step);
 * - `refusedPlan`: the journal carries `problems`: `executePlan` refused the plan and ran nothing.
 *
 * @category errors
 * @since 0.2.0
 */
export type JournalMismatchReason =
  | 'planId'
  | 'unreadable'
  | 'entryCount'
  | 'steps'
  | 'unknownStatus'
  | 'statusOrder'
  | 'outcome'
  | 'refusedPlan'

/**
 * A journal that `executePlan` cannot have written for the plan it is resumed with: another
 * plan's, unreadable, or inconsistent (see {@link JournalMismatchReason}).
 *
 * @category errors
 * @since 0.1.0
 */
export interface JournalMismatch {
  /** Stable machine code. */
  readonly _tag: 'JournalMismatch'
  /** The plan's id. */
  readonly planId: string
  /** What is wrong with the journal. */
  readonly reason: JournalMismatchReason
  /**
   * The 0-based position of the offending entry (`entries[entry]`), for the reasons about one
   * entry (`steps`, `unknownStatus`, `statusOrder`). Since 0.2.0.
   */
  readonly entry?: number
}

/**
 * Every step of the plan already succeeded: nothing is left to resume.
 *
 * @category errors
 * @since 0.1.0
 */
export interface NothingLeftToRun {
  /** Stable machine code. */
  readonly _tag: 'NothingLeftToRun'
  /** The plan's id. */
  readonly planId: string
}

/**
 * The pool whose data a Backup Service sync would push is unreachable: its Backup Service cannot
 * export anything until it is back.
 *
 * @category errors
 * @since 0.2.0
 */
export interface SourcePoolUnreachable {
  /** Stable machine code. */
  readonly _tag: 'SourcePoolUnreachable'
  /** The source pool of the sync. */
  readonly pool: string
}

/**
 * A plan's warnings are not those its steps and the state give: a warning was dropped (a
 * `PossibleDataLoss` removed before approval, say) or added.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PlanWarningsMismatch {
  /** Stable machine code. */
  readonly _tag: 'PlanContentMismatch'
  /** The claim that differs. */
  readonly field: 'warnings'
  /** The warnings the steps and the state give that the plan leaves out. */
  readonly missing: ReadonlyArray<Finding>
  /** The warnings the plan carries that the steps and the state do not give. */
  readonly unexpected: ReadonlyArray<Finding>
}

/**
 * The figures of a plan's impact, as a plan claims them or as its steps give them.
 *
 * @category errors
 * @since 0.2.0
 */
export interface ImpactFigures {
  /** How many users change the pool that services them. */
  readonly usersMoved: number
  /** The Front End pools touched. */
  readonly pools: ReadonlyArray<string>
}

/**
 * A plan's impact is not the one its steps give: it claims another number of users moved or
 * other pools touched.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PlanImpactMismatch {
  /** Stable machine code. */
  readonly _tag: 'PlanContentMismatch'
  /** The claim that differs. */
  readonly field: 'impact'
  /** The impact the steps give (users homed on each pool failed over or back; pools touched, in order). */
  readonly expected: ImpactFigures
  /** The impact the plan claims. */
  readonly found: ImpactFigures
}

/**
 * What a plan claims besides its steps — its warnings or its impact — differs from what its steps
 * and the state give (`validatePlan` recomputes both). A plan edited and re-sealed with a
 * recomputed id passes the id check; it does not pass this one.
 *
 * @category errors
 * @since 0.2.0
 */
export type PlanContentMismatch = PlanWarningsMismatch | PlanImpactMismatch

/**
 * `executePlan` was given a plan that this library did not return in this process (a planner,
 * `validatePlan` or `resumePlan`): one read back from JSON, edited, or re-sealed with a recomputed
 * id. No handler was called. Pass it through `validatePlan(topology, state, plan)` first.
 *
 * @category errors
 * @since 0.2.0
 */
export interface PlanNotValidated {
  /** Stable machine code. */
  readonly _tag: 'PlanNotValidated'
  /** The id the object carries (`""` when it has none). */
  readonly planId: string
}

/**
 * Every reason a request or a plan is refused.
 *
 * @category errors
 * @since 0.1.0
 */
export type Violation =
  | InvalidInput
  | UnknownField
  | UnknownPool
  | NoBackupPool
  | AlreadyFailedOver
  | PartnerFailedOver
  | BackupPoolUnreachable
  | PlannedFailoverOfUnreachablePool
  | NotFailedOver
  | HomePoolUnreachable
  | PlannedFailbackWithUnreachableBackup
  | CentralManagementStoreUnrecoverable
  | NotPartners
  | NothingToMove
  | StepPreconditionFailed
  | PlanIdMismatch
  | IntentNotAchieved
  | JournalMismatch
  | NothingLeftToRun
  | SourcePoolUnreachable
  | PlanContentMismatch
  | PlanNotValidated
  | PoolUnreachable
  | BackupPoolQuorumLost
  | PlannedFailoverWithBackEndDown
  | QuorumHolds
  | PoolQuorumLost
  | QuorumUnknown
  | NoMirror
  | AlreadyPrincipal
  | NewPrincipalDown
  | UnknownEdgePool
  | SameEdgePool
  | TargetEdgePoolUnreachable
  | EdgePoolUnreachable
  | NothingToFailOver
  | NothingToFailBack
  | EdgeFailbackFirst
  | UnknownSite
  | PartnerInSameSite

// -------------------------------------------------------------------------------------
// reading problems (text and bytes)
// -------------------------------------------------------------------------------------

/**
 * A text or file is not a JSON document: where it breaks (1-based line and column, the column
 * counted in UTF-16 code units as editors do), what JSON expects there and what was found
 * instead. Invisible characters are named by their code point (`U+00A0 (no-break space)`), never
 * shown raw.
 *
 * @category errors
 * @since 0.2.0
 */
export interface InvalidJson {
  /** Stable machine code. */
  readonly _tag: 'InvalidJson'
  /** Line of the break, from 1. */
  readonly line: number
  /** Column of the break on its line, from 1. */
  readonly column: number
  /** What JSON expects there, in words. */
  readonly expected: string
  /** What was found instead, in words (`"}"`, `the end of the text`, `U+0000 (NUL)`). */
  readonly found: string
}

/**
 * Any problem sfb-dr reports.
 *
 * @category errors
 * @since 0.1.0
 */
export type Problem = InvalidJson | DecodeProblem | Violation
