import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { homePool, servingPool, usersServedBy } from '../../src/model/homing.js'
import { initialState, type State } from '../../src/model/state.js'
import { deepFreeze } from '../support/deepFreeze.js'
import { aDeployment, fqdn } from './build.js'

const topology = deepFreeze(aDeployment({ 'pool1.contoso.com': 3, 'pool2.contoso.com': 2, 'se1.contoso.com': 1 }))
const healthy = deepFreeze(initialState(topology))
const withPools = (s: State, reachable: Readonly<Record<string, boolean>>): State => ({
  ...s,
  pools: new Map(
    [...s.pools].map(([p, st]) => [p, { ...st, reachable: reachable[p] ?? st.reachable }] as const),
  ),
})
const pool1FailedOver: State = { ...healthy, failovers: new Map([[fqdn('pool1.contoso.com'), 'disaster']]) }

describe('homePool', () => {
  it('finds the home pool, SIP compared case-insensitively', () => {
    expect(homePool(topology, 'SIP:U0.Pool1.Contoso.com@CONTOSO.COM')).toStrictEqual(O.some('pool1.contoso.com'))
  })
  it('is none for unknown or invalid addresses', () => {
    expect(homePool(topology, 'sip:nobody@contoso.com')).toStrictEqual(O.none)
    expect(homePool(topology, 'not a sip address')).toStrictEqual(O.none)
  })
  it('does not change with failover: failover never rehomes users', () => {
    expect(homePool(topology, 'sip:u0.pool1.contoso.com@contoso.com')).toStrictEqual(O.some('pool1.contoso.com'))
  })
})

describe('servingPool', () => {
  it('is the pool itself when healthy', () => {
    expect(servingPool(topology, healthy, 'POOL1.contoso.com.')).toStrictEqual(O.some('pool1.contoso.com'))
  })
  it('is the partner when the pool is failed over', () => {
    expect(servingPool(topology, pool1FailedOver, 'pool1.contoso.com')).toStrictEqual(O.some('pool2.contoso.com'))
    expect(servingPool(topology, pool1FailedOver, 'pool2.contoso.com')).toStrictEqual(O.some('pool2.contoso.com'))
  })
  it('is none when nobody can service the users', () => {
    const down = withPools(healthy, { 'pool1.contoso.com': false })
    expect(servingPool(topology, down, 'pool1.contoso.com')).toStrictEqual(O.none)
    const bothDown = withPools(pool1FailedOver, { 'pool2.contoso.com': false })
    expect(servingPool(topology, bothDown, 'pool1.contoso.com')).toStrictEqual(O.none)
    expect(servingPool(topology, healthy, 'nowhere.contoso.com')).toStrictEqual(O.none)
    expect(servingPool(topology, healthy, '$(evil)')).toStrictEqual(O.none)
  })
})

describe('usersServedBy', () => {
  it('counts own users when healthy', () => {
    expect(usersServedBy(topology, healthy, 'pool1.contoso.com')).toBe(3)
    expect(usersServedBy(topology, healthy, 'pool2.contoso.com')).toBe(2)
    expect(usersServedBy(topology, healthy, 'se1.contoso.com')).toBe(1)
  })
  it('moves the failed-over pool users to the partner', () => {
    expect(usersServedBy(topology, pool1FailedOver, 'pool1.contoso.com')).toBe(0)
    expect(usersServedBy(topology, pool1FailedOver, 'pool2.contoso.com')).toBe(5)
  })
  it('is 0 for a down pool and for unknown or invalid names', () => {
    expect(usersServedBy(topology, withPools(healthy, { 'se1.contoso.com': false }), 'se1.contoso.com')).toBe(0)
    expect(usersServedBy(topology, healthy, 'nowhere.contoso.com')).toBe(0)
    expect(usersServedBy(topology, healthy, '')).toBe(0)
  })
  it('reads per-pool counts and never walks the user list', () => {
    const guarded = { ...topology, users: new Proxy(topology.users, { get: () => { throw new Error('walked users') } }) }
    expect(usersServedBy(guarded, pool1FailedOver, 'pool2.contoso.com')).toBe(5)
  })
})
