import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { auditPools, auditTopology } from '../../src/model/audit.js'
import { frontEndsNeededToRun, frontEndsNeededToStart } from '../../src/model/quorum.js'
import type { Pool } from '../../src/model/topology.js'
import { aDeployment, aPool, fqdn, site } from './build.js'

const tags = (pools: ReadonlyArray<Pool>) =>
  auditTopology(aDeployment({}, { pools: [...pools, aPool('se1.contoso.com')] })).map((f) => [f._tag, f.severity, f.pools])

describe('auditTopology', () => {
  const p1 = aPool('pool1.contoso.com')
  const p2 = aPool('pool2.contoso.com', { site: site('Dublin') })

  it('a well-matched pair in two sites only reports the unpaired pool', () => {
    expect(tags([p1, p2])).toStrictEqual([['UnpairedPool', 'advice', ['se1.contoso.com']]])
  })
  it.each([
    ['PairingEditionMismatch', 'unsupported', { edition: 'Standard' }],
    ['PairingHostingMismatch', 'unsupported', { hosting: 'virtual' }],
    ['PairingOsMismatch', 'unsupported', { os: 'Windows Server 2016' }],
    ['PairingVersionMismatch', 'unsupported', { version: '2019' }],
    ['PairedPoolsSameSite', 'advice', { site: site('Redmond') }],
    ['BackEndHaMismatch', 'advice', { backEnd: { ...p2.backEnd, ha: 'alwaysOn' } }],
  ] as const)('reports %s (%s) with both pools', (tag, severity, overrides) => {
    const found = tags([p1, { ...p2, ...overrides }])
    expect(found).toContainEqual([tag, severity, ['pool1.contoso.com', 'pool2.contoso.com']])
  })
  it('does not report an OS mismatch when one OS is unknown', () => {
    const { os: _os, ...noOs } = p2
    expect(tags([p1, noOs]).map(([t]) => t)).not.toContain('PairingOsMismatch')
  })
  it('reports 2019-only rules and the Front End maximum per version', () => {
    const fes = (n: number) => Array.from({ length: n }, (_, i) => fqdn(`fe${i}.pool1.contoso.com`)) as unknown as Pool['frontEnds']
    const mirrored = { ...p1.backEnd, ha: 'mirroring' as const }
    expect(tags([{ ...p1, version: '2019', backEnd: mirrored }, { ...p2, version: '2019', backEnd: mirrored }]).map(([t]) => t)).toContain('MirroringOn2019')
    expect(tags([{ ...p1, version: '2015', backEnd: mirrored }, { ...p2, backEnd: mirrored }]).map(([t]) => t)).not.toContain('MirroringOn2019')
    expect(tags([{ ...p1, version: '2019', frontEnds: fes(2) }, { ...p2, version: '2019' }]).map(([t]) => t)).toContain('TwoFrontEndEnterprisePool2019')
    expect(tags([{ ...p1, frontEnds: fes(13) }, p2]).map(([t]) => t)).toContain('TooManyFrontEnds')
    expect(tags([{ ...p1, frontEnds: fes(12) }, p2]).map(([t]) => t)).not.toContain('TooManyFrontEnds')
    expect(tags([{ ...p1, version: '2019', frontEnds: fes(16) }, { ...p2, version: '2019' }]).map(([t]) => t)).not.toContain('TooManyFrontEnds')
  })
})

describe('quorum tables (HA planning), looked up not computed', () => {
  const withFes = (n: number, version: '2015' | '2019' = '2015'): Pool =>
    aPool('pool1.contoso.com', {
      version,
      frontEnds: Array.from({ length: n }, (_, i) => fqdn(`fe${i}.contoso.com`)) as unknown as Pool['frontEnds'],
    })
  it.each([
    [2, 1], [3, 3], [4, 3], [5, 4], [6, 5], [7, 5], [8, 6], [9, 7], [10, 8], [11, 9], [12, 10],
  ])('to start a pool of %i servers, %i must run', (n, k) => {
    expect(frontEndsNeededToStart(withFes(n))).toStrictEqual(O.some(k))
  })
  it('16 servers (2019 only) need 12 to start; 13–15 are not listed', () => {
    expect(frontEndsNeededToStart(withFes(16, '2019'))).toStrictEqual(O.some(12))
    expect(frontEndsNeededToStart(withFes(14, '2019'))).toStrictEqual(O.none)
    expect(frontEndsNeededToStart(withFes(16, '2015'))).toStrictEqual(O.none)
  })
  it.each([
    [2, 1, 2], [3, 2, 3], [4, 2, 4], [5, 3, 5], [6, 3, 6], [7, 4, 7], [8, 4, 7], [9, 4, 7], [10, 5, 9], [11, 5, 9], [12, 5, 9],
  ])('a 2015 pool of %i servers functions with %i of the first %i', (n, count, among) => {
    expect(frontEndsNeededToRun(withFes(n))).toStrictEqual(O.some({ count, among }))
  })
  it('2019 pools of 13–16 need 7 of the first 12', () => {
    expect(frontEndsNeededToRun(withFes(16, '2019'))).toStrictEqual(O.some({ count: 7, among: 12 }))
    expect(frontEndsNeededToRun(withFes(13, '2015'))).toStrictEqual(O.none)
  })
})

describe('auditPools', () => {
  it('is auditTopology restricted to the findings that name one of the pools, in the same order', () => {
    const t = aDeployment({}, {
      pools: [
        aPool('pool1.contoso.com', { version: '2019', frontEnds: [fqdn('a.contoso.com'), fqdn('b.contoso.com')] as unknown as Pool['frontEnds'] }),
        aPool('pool2.contoso.com', { site: site('Redmond') }),
        aPool('se1.contoso.com'),
      ],
    })
    const all = auditTopology(t)
    for (const pools of [['pool1.contoso.com'], ['pool2.contoso.com'], ['se1.contoso.com'], ['se1.contoso.com', 'pool1.contoso.com'], []]) {
      const set = new Set(pools)
      expect(auditPools(t, pools.map(fqdn))).toStrictEqual(all.filter((f) => f.pools.some((p) => set.has(p))))
    }
    expect(all.length).toBeGreaterThan(3)
  })
})
