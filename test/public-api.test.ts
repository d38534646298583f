/** The public surface: any change to what the package exports shows up as a diff here. */
import { describe, expect, it } from 'vitest'
import * as sfbDr from '../src/index.js'
import * as arbitraries from '../src/testing/arbitraries.js'
import * as testing from '../src/testing/index.js'

describe('public API', () => {
  it('sfb-dr exports exactly these values', () => {
    expect(Object.keys(sfbDr).sort()).toMatchSnapshot()
  })
  it('sfb-dr/testing exports exactly these values', () => {
    expect(Object.keys(testing).sort()).toMatchSnapshot()
  })
  it('sfb-dr/testing/arbitraries exports exactly these values', () => {
    expect(Object.keys(arbitraries).sort()).toMatchSnapshot()
  })
  it('exports the functions of the contract', () => {
    for (const name of [
      'decodeTopology', 'encodeTopology', 'decodeState', 'encodeState', 'initialState', 'auditTopology',
      'formatProblem', 'homePool', 'servingPool', 'usersServedBy', 'planFailover', 'planFailback',
      'planMoveService', 'validatePlan', 'applyPlan', 'renderPowerShell', 'renderRunbook', 'executePlan',
      'resumePlan',
    ])
      expect(typeof (sfbDr as Record<string, unknown>)[name], name).toBe('function')
    expect(typeof testing.simulatedHandlers).toBe('function')
  })
})
