/**
 * A plan's claims (src/plan/claims.ts): the order in which a plan lists its warnings.
 */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/model/findings.js'
import { bySeverity } from '../../src/plan/claims.js'
import { fqdn } from '../support/builders.js'

describe('bySeverity', () => {
  it('lists warnings first, then what is unsupported, then advice, keeping the order within each severity', () => {
    const [p1, p2, p3] = [fqdn('p1.example.com'), fqdn('p2.example.com'), fqdn('p3.example.com')]
    const unpaired: Finding = { _tag: 'UnpairedPool', severity: 'advice', pools: [p3] }
    const syncAdvice: Finding = { _tag: 'SyncIntervalAboveRpo', severity: 'advice', pools: [], interval: '00:10:00' }
    const lossP1: Finding = { _tag: 'PossibleDataLoss', severity: 'warning', pools: [p1, p2] }
    const versions: Finding = { _tag: 'PairingVersionMismatch', severity: 'unsupported', pools: [p1, p2] }
    const lossP2: Finding = { _tag: 'PossibleDataLoss', severity: 'warning', pools: [p2, p1], operation: 'failback' }
    const editions: Finding = { _tag: 'PairingEditionMismatch', severity: 'unsupported', pools: [p1, p2] }
    expect(bySeverity([unpaired, lossP1, versions, syncAdvice, lossP2, editions])).toStrictEqual([
      lossP1,
      lossP2,
      versions,
      editions,
      unpaired,
      syncAdvice,
    ])
  })
})
