import { describe, expect, it } from 'vitest'
import { formatFinding, formatIntent, formatProblem } from '../../src/model/formatProblem.js'
import type { Finding } from '../../src/model/findings.js'
import type { Intent } from '../../src/model/intent.js'
import type { Problem } from '../../src/model/problem.js'
import type { SyncInterval } from '../../src/model/syncInterval.js'
import { fqdn } from './build.js'
import { site } from '../support/builders.js'

const p1 = fqdn('pool1.contoso.com')
const p2 = fqdn('pool2.contoso.com')

/** One example of every problem tag: adding a tag without a sentence fails to compile here. */
const examples: { readonly [K in Problem['_tag']]: Extract<Problem, { _tag: K }> } = {
  InvalidInput: { _tag: 'InvalidInput', path: 'pools[0].fqdn', expected: 'a valid FQDN', found: '"x"' },
  UnknownReference: { _tag: 'UnknownReference', path: 'pools[0].site', kind: 'site', name: 'Paris' },
  DuplicateName: { _tag: 'DuplicateName', path: 'pools[1].fqdn', firstPath: 'pools[0].fqdn', kind: 'pool', name: p1 },
  PoolInTwoPairings: { _tag: 'PoolInTwoPairings', path: 'pairings[1][0]', firstPath: 'pairings[0][0]', pool: p1 },
  PoolPairedWithItself: { _tag: 'PoolPairedWithItself', path: 'pairings[0]', pool: p1 },
  PairingMemberNotFrontEndPool: { _tag: 'PairingMemberNotFrontEndPool', path: 'pairings[0][1]', name: 'edge1.contoso.com', actualKind: 'edgePool' },
  EdgeNextHopNotPool: { _tag: 'EdgeNextHopNotPool', path: 'edgePools[0].nextHop', edgePool: 'edge1.contoso.com', nextHop: 'fe1.contoso.com' },
  MultipleFederationEdgePools: { _tag: 'MultipleFederationEdgePools', path: 'edgePools[1].federation', edgePools: ['edge1.contoso.com', 'edge2.contoso.com'] },
  FailoverOfUnpairedPool: { _tag: 'FailoverOfUnpairedPool', path: 'failovers[0].pool', pool: 'se1.contoso.com' },
  BothPoolsOfPairFailedOver: { _tag: 'BothPoolsOfPairFailedOver', path: 'failovers[1].pool', pools: [p1, p2] },
  ActiveMasterOutsideCmsPair: { _tag: 'ActiveMasterOutsideCmsPair', path: 'centralManagementStore.activeMaster', activeMaster: 'se1.contoso.com', allowed: [p1, p2] },
  UnknownField: { _tag: 'UnknownField', path: 'pools["pool1.contoso.com"].reachble', field: 'reachble', suggestion: 'reachable' },
  InvalidJson: { _tag: 'InvalidJson', line: 3, column: 7, expected: '"," or "}"', found: 'U+00A0 (no-break space)' },
  UnknownPool: { _tag: 'UnknownPool', pool: 'pool9.contoso.com' },
  NoBackupPool: { _tag: 'NoBackupPool', pool: 'se1.contoso.com' },
  AlreadyFailedOver: { _tag: 'AlreadyFailedOver', pool: p1, backupPool: p2 },
  PartnerFailedOver: { _tag: 'PartnerFailedOver', pool: p2, partner: p1 },
  BackupPoolUnreachable: { _tag: 'BackupPoolUnreachable', pool: p1, backupPool: p2 },
  PlannedFailoverOfUnreachablePool: { _tag: 'PlannedFailoverOfUnreachablePool', pool: p1 },
  NotFailedOver: { _tag: 'NotFailedOver', pool: p1 },
  HomePoolUnreachable: { _tag: 'HomePoolUnreachable', pool: p1 },
  PlannedFailbackWithUnreachableBackup: { _tag: 'PlannedFailbackWithUnreachableBackup', pool: p1, backupPool: p2 },
  CentralManagementStoreUnrecoverable: { _tag: 'CentralManagementStoreUnrecoverable', activeMaster: p1, standby: p2, reason: 'standbyUnreachable' },
  NotPartners: { _tag: 'NotPartners', from: p1, to: 'se1.contoso.com' },
  NothingToMove: { _tag: 'NothingToMove', from: p1 },
  StepPreconditionFailed: { _tag: 'StepPreconditionFailed', stepId: '2-failover-pool', step: 'FailoverPool', rule: 'OnePoolOfPairFailedOver', subjects: [p1, p2] },
  PlanIdMismatch: { _tag: 'PlanIdMismatch', expected: 'a'.repeat(64), found: 'b'.repeat(64) },
  IntentNotAchieved: { _tag: 'IntentNotAchieved', intent: { _tag: 'Failover', pool: p1, mode: 'planned' } },
  JournalMismatch: { _tag: 'JournalMismatch', planId: 'abc', reason: 'steps' },
  NothingLeftToRun: { _tag: 'NothingLeftToRun', planId: 'abc' },
  SourcePoolUnreachable: { _tag: 'SourcePoolUnreachable', pool: p2 },
  PlanContentMismatch: { _tag: 'PlanContentMismatch', field: 'warnings', missing: [{ _tag: 'PossibleDataLoss', severity: 'advice', pools: [p1, p2] }], unexpected: [] },
  PlanNotValidated: { _tag: 'PlanNotValidated', planId: 'abc' },
  PoolUnreachable: { _tag: 'PoolUnreachable', pool: p1 },
  BackupPoolQuorumLost: { _tag: 'BackupPoolQuorumLost', pool: p1, backupPool: p2, running: 1, neededToRun: { count: 2, among: 3 } },
  PlannedFailoverWithBackEndDown: { _tag: 'PlannedFailoverWithBackEndDown', pool: p1, principal: 'Primary', mirrorUp: true },
  QuorumHolds: { _tag: 'QuorumHolds', pool: p1, frontEnds: 5, running: 4, neededToStart: 4 },
  PoolQuorumLost: { _tag: 'PoolQuorumLost', pool: p1, frontEnds: 5, running: 2, neededToRun: { count: 3, among: 5 } },
  QuorumUnknown: { _tag: 'QuorumUnknown', pool: p1, frontEnds: 8, running: 4, reason: 'whichServers' },
  NoMirror: { _tag: 'NoMirror', pool: p1, ha: 'alwaysOn' },
  AlreadyPrincipal: { _tag: 'AlreadyPrincipal', pool: p1, principal: 'Mirror' },
  NewPrincipalDown: { _tag: 'NewPrincipalDown', pool: p1, principal: 'Mirror' },
  UnknownEdgePool: { _tag: 'UnknownEdgePool', edgePool: 'edge9.contoso.com' },
  SameEdgePool: { _tag: 'SameEdgePool', edgePool: 'edge1.contoso.com' },
  TargetEdgePoolUnreachable: { _tag: 'TargetEdgePoolUnreachable', edgePool: 'edge2.contoso.com' },
  EdgePoolUnreachable: { _tag: 'EdgePoolUnreachable', edgePool: 'edge1.contoso.com' },
  NothingToFailOver: { _tag: 'NothingToFailOver', site: 'Redmond' },
  NothingToFailBack: { _tag: 'NothingToFailBack', edgePool: 'edge1.contoso.com' },
  EdgeFailbackFirst: { _tag: 'EdgeFailbackFirst', pool: p1, edgePool: 'edge1.contoso.com' },
  UnknownSite: { _tag: 'UnknownSite', site: 'Paris' },
  PartnerInSameSite: { _tag: 'PartnerInSameSite', site: 'Redmond', pools: [p1, p2] },
}

describe('articles', () => {
  it('says "an Edge pool", never "a Edge pool"', () => {
    expect(formatProblem({ _tag: 'UnknownReference', path: 'pools[0].edgePool', kind: 'edgePool', name: 'edge9.contoso.com' })).toBe(
      'pools[0].edgePool: "edge9.contoso.com" is not an Edge pool defined in the topology; define it or fix the name.',
    )
  })
})

describe('formatProblem', () => {
  it.each(Object.values(examples))('gives one line ending in a full stop for $_tag', (problem) => {
    const text = formatProblem(problem)
    expect(text).toMatch(/^\S.*\.$/)
    expect(text).not.toContain('\n')
    expect(text).not.toContain('undefined')
  })

  it('tells how to unblock a pool whose partner is failed over onto it, with the exact cmdlet', () => {
    expect(formatProblem(examples.PartnerFailedOver)).toMatchInlineSnapshot(
      `"pool2.contoso.com is servicing the users of its partner pool1.contoso.com, which is failed over onto it: fail the partner back first with Invoke-CsPoolFailBack -PoolFqdn 'pool1.contoso.com'."`,
    )
  })

  it('names the JSON path, what was expected and what was found', () => {
    expect(formatProblem(examples.InvalidInput)).toMatchInlineSnapshot(`"pools[0].fqdn: expected a valid FQDN, found "x"."`)
    expect(formatProblem(examples.DuplicateName)).toContain('already defined at pools[0].fqdn')
  })

  it('says what a plan claims wrongly: the warnings it leaves out or adds, the impact it misstates', () => {
    expect(formatProblem(examples.PlanContentMismatch)).toMatchInlineSnapshot(`"The plan claims other warnings than its steps and the state give (left out: "PossibleDataLoss" ("pool1.contoso.com", "pool2.contoso.com"); without cause: none); plan again."`)
    expect(
      formatProblem({ _tag: 'PlanContentMismatch', field: 'warnings', missing: [], unexpected: [{ _tag: 'UnpairedPool', severity: 'advice', pools: [p2] }] }),
    ).toContain('without cause: "UnpairedPool" ("pool2.contoso.com")')
    expect(
      formatProblem({ _tag: 'PlanContentMismatch', field: 'impact', expected: { usersMoved: 2, pools: [p1, p2] }, found: { usersMoved: 0, pools: [] } }),
    ).toMatchInlineSnapshot(`"The plan claims other users moved and pools than its steps give (0 users, none; the steps: 2 users, "pool1.contoso.com", "pool2.contoso.com"); plan again."`)
  })

  it('tells how to run a plan executePlan refused: pass it through validatePlan first', () => {
    expect(formatProblem(examples.PlanNotValidated)).toContain('pass it through validatePlan(topology, state, plan) first.')
  })

  it('says which journal entry is wrong and why', () => {
    const reasons = ['planId', 'unreadable', 'entryCount', 'steps', 'unknownStatus', 'statusOrder', 'outcome', 'refusedPlan'] as const
    const texts = reasons.map((reason) => formatProblem({ _tag: 'JournalMismatch', planId: 'abc', reason, entry: 3 }))
    expect(new Set(texts).size).toBe(reasons.length)
    for (const text of texts) expect(text).toMatch(/^\S.*\.$/)
    expect(formatProblem({ _tag: 'JournalMismatch', planId: 'abc', reason: 'statusOrder', entry: 3 })).toContain('entries[3]')
  })

  it('keeps hostile names on one short line', () => {
    const text = formatProblem({ _tag: 'UnknownPool', pool: `evil\n$(rm -rf /)\r\u2028${'x'.repeat(500)}` })
    expect(text).not.toMatch(/[\n\r\u2028]/)
    expect(text.length).toBeLessThan(200)
  })
})

describe('formatFinding and formatIntent', () => {
  const findings: ReadonlyArray<Finding> = [
    { _tag: 'PairingEditionMismatch', severity: 'unsupported', pools: [p1, p2] },
    { _tag: 'UnpairedPool', severity: 'advice', pools: [p1] },
    { _tag: 'PossibleDataLoss', severity: 'advice', pools: [p1, p2], lastSyncAt: '2026-11-25T10:00:00Z' },
    { _tag: 'PossibleDataLoss', severity: 'advice', pools: [p1, p2] },
    { _tag: 'EdgeNextHopNotRestored', severity: 'advice', pools: [p2, p1], edgePool: fqdn('edge1.contoso.com'), configuredNextHop: p1 },
    { _tag: 'BackupServiceUnhealthy', severity: 'advice', pools: [p1], exportState: 'ErrorState' },
    { _tag: 'BackupServiceLagging', severity: 'warning', pools: [p1, p2], lagSeconds: 420 },
    { _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: '00:10:00' },
    { _tag: 'ConferenceContentNotRestored', severity: 'warning', pools: [p1, p2] },
    { _tag: 'NoSurvivingEdgePool', severity: 'warning', pools: [p2], site: site('Redmond'), edgePools: [fqdn('edge1.contoso.com')] },
  ]
  it.each(findings)('describes $_tag', (f) => {
    expect(formatFinding(f)).toMatch(/^\S.*\.$/)
    expect(formatFinding(f)).not.toContain('undefined')
  })
  it('carries the last sync time of a possible data loss', () => {
    expect(formatFinding(findings[2]!)).toContain('since its last Backup Service sync (2026-11-25T10:00:00Z)')
    expect(formatFinding(findings[3]!)).toContain('no sync time is known')
  })
  it('says what a disaster-mode failback loses: what the failed-over users created on the backup pool', () => {
    expect(formatFinding({ _tag: 'PossibleDataLoss', severity: 'warning', pools: [p2, p1], operation: 'failback' })).toBe(
      'Disaster-mode failback: what the failed-over users created on the backup pool pool2.contoso.com since its last Backup Service sync (no sync time is known) to pool1.contoso.com is lost.',
    )
  })
  it('gives the remedies of the Backup Service findings: why, and the cmdlet that fixes it', () => {
    expect(formatFinding({ _tag: 'BackupServiceLagging', severity: 'warning', pools: [p1, p2], lagSeconds: 420 })).toBe(
      "The Backup Service replicating pool1.contoso.com to pool2.contoso.com last synced 420 seconds ago, beyond Microsoft's 5-minute RPO: a disaster now would lose those changes; find out why (Get-CsBackupServiceStatus -PoolFqdn 'pool1.contoso.com') and force a sync (Invoke-CsBackupServiceSync -PoolFqdn 'pool1.contoso.com').",
    )
    expect(formatFinding({ _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: '00:10:00' })).toContain(
      "Set-CsBackupServiceConfiguration -Identity 'global' -SyncInterval",
    )
    // restoring-conference-contents-using-the-backup-service.md: the sync runs against the pool that
    // still has the data, here the backup pool.
    expect(formatFinding({ _tag: 'ConferenceContentNotRestored', severity: 'warning', pools: [p1, p2] })).toContain(
      "Invoke-CsBackupServiceSync -PoolFqdn 'pool2.contoso.com' -BackupModule ConfServices.DataConf",
    )
    expect(formatProblem({ _tag: 'SourcePoolUnreachable', pool: p2 })).toContain('bring it back online first')
  })
  it('states the Backup Service intents in words', () => {
    expect(formatIntent({ _tag: 'BackupSync', pool: p1, module: 'ConfServices.DataConf' })).toBe(
      'push the Backup Service data of pool1.contoso.com (ConfServices.DataConf) to its backup pool and see that direction steady',
    )
    expect(formatIntent({ _tag: 'SetSyncInterval', interval: '00:03:00' as SyncInterval })).toBe(
      'set the Backup Service sync interval to 00:03:00',
    )
  })
  it('tells which Edge pool to fail back first, and how (domain-facts §6.1 #15)', () => {
    expect(formatProblem(examples.EdgeFailbackFirst)).toBe(
      'Fail back Edge pool edge1.contoso.com first (sfb-dr plan edge-failback --edge-pool edge1.contoso.com): it is back, but another Edge pool still carries its federation or XMPP role; only then fail back pool1.contoso.com (Microsoft fails the Edge back before Invoke-CsPoolFailback of a pool at the same site).',
    )
  })
  it('states intents in words', () => {
    expect(formatIntent({ _tag: 'MoveService', from: p2, to: p1 })).toBe(
      'have everyone now serviced by pool2.contoso.com serviced by pool1.contoso.com',
    )
  })
})

describe('the formatters never throw (contract §2): a value they cannot read gets a sentence saying so', () => {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const throwing = new Proxy({}, { get: () => { throw new Error('trap') }, getPrototypeOf: () => { throw new Error('trap') } })
  const unreadable: Readonly<Record<string, unknown>> = {
    undefined,
    null: null,
    'an empty object': {},
    'a string': 'NoBackupPool',
    'an unknown tag (a newer version)': { _tag: 'SomethingNew', pool: p1 },
    'a hostile unknown tag': { _tag: 'X\n# injected\u2028' },
    'a tag whose fields are not strings': { _tag: 'UnknownReference', path: 3, kind: 'pool', name: { toString: null } },
    'a finding without pools': { _tag: 'UnpairedPool', severity: 'advice' },
    'a throwing getter': { get _tag(): string { throw new Error('getter') } },
    'a revoked proxy': revoked.proxy,
    'a proxy that throws': throwing,
  }
  it.each(Object.keys(unreadable))('%s', (name) => {
    const u = unreadable[name]
    for (const text of [formatProblem(u as Problem), formatFinding(u as Finding), formatIntent(u as Intent)]) {
      expect(typeof text).toBe('string')
      expect(text).not.toMatch(/[\n\r\u2028\u2029]/)
      expect(text).not.toContain('undefined')
    }
  })
  it('names the tag it does not know', () => {
    expect(formatProblem({ _tag: 'SomethingNew' } as unknown as Problem)).toBe(
      'A problem "SomethingNew", which this version of sfb-dr cannot describe.',
    )
    expect(formatFinding(null as unknown as Finding)).toBe(
      'A finding that cannot be read, which this version of sfb-dr cannot describe.',
    )
  })
  it('shows a non-string name as InvalidInput.found shows it', () => {
    expect(formatProblem({ _tag: 'UnknownPool', pool: 42 } as unknown as Problem)).toBe('"42" is not a Front End pool of the topology.')
  })
})
