/**
 * The warnings a plan carries beyond the topology findings (src/plan/warnings.ts), read through
 * `planClaims` where the plan's warnings come from: `NoSurvivingEdgePool` for a site failover,
 * `BackupServiceUnhealthy` for each Backup Service check the state already sees failing,
 * `ConferenceContentNotRestored` for a disaster-mode failback whose backup pool is gone.
 */
import { describe, expect, it } from 'vitest'
import type { ExportState, ImportState, State } from '../../src/model/state.js'
import { planClaims } from '../../src/plan/claims.js'
import type { Step } from '../../src/plan/step.js'
import { backupPlanWarnings } from '../../src/plan/warnings.js'
import { aPairedDeployment, aTopology, backup, down, edge, failedOver, fqdn, healthy, site, stateOf } from '../support/builders.js'

/**
 * Site A holds a1 (media on edge-a1) and four Edge pools: edge-a1 carries federation, edge-a2
 * XMPP, edge-a3 the media of b1 (site B), edge-a4 nothing. Site B holds b1, b2 (media on edge-b)
 * and edge-b.
 */
const t = aTopology({
  pools: [
    { fqdn: 'a1.example.com', site: 'A', edgePool: 'edge-a1.example.com' },
    { fqdn: 'b1.example.com', site: 'B', edgePool: 'edge-a3.example.com' },
    { fqdn: 'b2.example.com', site: 'B', edgePool: 'edge-b.example.com' },
  ],
  edgePools: [
    { fqdn: 'edge-a1.example.com', site: 'A', nextHop: 'a1.example.com', federation: true },
    { fqdn: 'edge-a2.example.com', site: 'A', nextHop: 'a1.example.com', xmpp: true },
    { fqdn: 'edge-a3.example.com', site: 'A', nextHop: 'a1.example.com' },
    { fqdn: 'edge-a4.example.com', site: 'A', nextHop: 'a1.example.com' },
    { fqdn: 'edge-b.example.com', site: 'B', nextHop: 'b1.example.com' },
  ],
  cms: 'a1.example.com',
})
const edgeBDown = stateOf(t, edge('edge-b.example.com', { reachable: false }))
const warningsOf = (s: State, intent: Parameters<typeof planClaims>[2], steps: ReadonlyArray<Step> = []) =>
  planClaims(t, s, intent, steps).warnings

describe('NoSurvivingEdgePool (a site failover)', () => {
  it('names the site\'s Edge pools that carry federation, XMPP or the media of a pool outside the site, and those pools; not an Edge pool that carries nothing, nor a pool of the site itself', () => {
    expect(warningsOf(edgeBDown, { _tag: 'SiteFailover', site: site('A') })).toStrictEqual([
      {
        _tag: 'NoSurvivingEdgePool',
        severity: 'warning',
        pools: ['b1.example.com'],
        site: 'A',
        edgePools: ['edge-a1.example.com', 'edge-a2.example.com', 'edge-a3.example.com'],
      },
    ])
  })

  it('is not given when an Edge pool of another site runs, even with the site\'s own Edge pools down', () => {
    const s = stateOf(t, ...['edge-a1', 'edge-a2', 'edge-a3', 'edge-a4'].map((e) => edge(`${e}.example.com`, { reachable: false })))
    expect(warningsOf(healthy(t), { _tag: 'SiteFailover', site: site('A') })).toStrictEqual([])
    expect(warningsOf(s, { _tag: 'SiteFailover', site: site('A') })).toStrictEqual([])
  })

  it('is not given when the site\'s Edge pools carry nothing another site needs', () => {
    // edge-b carries only the media of b2, a pool of site B itself; every Edge pool of A is down
    const s = stateOf(t, ...['edge-a1', 'edge-a2', 'edge-a3', 'edge-a4'].map((e) => edge(`${e}.example.com`, { reachable: false })))
    expect(warningsOf(s, { _tag: 'SiteFailover', site: site('B') })).toStrictEqual([])
  })

  it('is a site failover\'s warning only: a site failback in the same state gives none', () => {
    expect(planClaims(t, edgeBDown, { _tag: 'SiteFailback', site: site('A') }, [])).toStrictEqual({
      warnings: [],
      impact: { usersMoved: 0, pools: [] },
    })
  })
})

describe('BackupServiceUnhealthy (a Backup Service check the state already sees failing)', () => {
  const p = aPairedDeployment()
  const check: Step = { _tag: 'CheckBackupService', id: '1-check-backup-service', kind: 'check', pool: fqdn('p1.example.com') }
  const warned = (status: { readonly exportState?: ExportState; readonly importState?: ImportState }) =>
    planClaims(p, stateOf(p, backup('p1.example.com', status)), { _tag: 'BackupSync', pool: fqdn('p1.example.com') }, [check]).warnings.filter(
      (w) => w._tag === 'BackupServiceUnhealthy',
    )

  it('healthy: export SteadyState or FinalState (or not reported) and import NormalState (or not reported)', () => {
    expect([
      warned({}),
      warned({ exportState: 'SteadyState' }),
      warned({ importState: 'NormalState' }),
      warned({ exportState: 'FinalState', importState: 'NormalState' }),
    ]).toStrictEqual([[], [], [], []])
  })

  it('unhealthy: any other export or import state, naming only the states that were reported', () => {
    const unhealthy = { _tag: 'BackupServiceUnhealthy', severity: 'advice', pools: ['p1.example.com'] }
    expect([
      warned({ exportState: 'SteadyState', importState: 'ErrorState' }),
      warned({ importState: 'ErrorState' }),
      warned({ exportState: 'NonSteadyState' }),
    ]).toStrictEqual([
      [{ ...unhealthy, exportState: 'SteadyState', importState: 'ErrorState' }],
      [{ ...unhealthy, importState: 'ErrorState' }],
      [{ ...unhealthy, exportState: 'NonSteadyState' }],
    ])
  })
})

describe('ConferenceContentNotRestored (restoring-conference-contents-using-the-backup-service.md)', () => {
  const p = aPairedDeployment()
  const failback: Step = {
    _tag: 'FailbackPool',
    id: '1-failback-pool',
    kind: 'action',
    pool: fqdn('p1.example.com'),
    backupPool: fqdn('p2.example.com'),
    disasterMode: true,
  }

  it('only for a pool failed over in DISASTER mode whose backup pool is unreachable', () => {
    expect([
      backupPlanWarnings(stateOf(p, failedOver('p1.example.com', 'disaster'), down('p2.example.com')), [failback]),
      backupPlanWarnings(stateOf(p, failedOver('p1.example.com', 'planned'), down('p2.example.com')), [failback]),
      backupPlanWarnings(stateOf(p, down('p2.example.com')), [failback]),
      backupPlanWarnings(stateOf(p, failedOver('p1.example.com', 'disaster')), [failback]),
    ]).toStrictEqual([[{ _tag: 'ConferenceContentNotRestored', severity: 'warning', pools: ['p1.example.com', 'p2.example.com'] }], [], [], []])
  })
})
