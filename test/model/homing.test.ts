import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { decodeTopology } from '../../src/codec/index.js'
import { homePool, servingPool, usersServedBy } from '../../src/model/homing.js'
import { initialState, type State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { contosoTopologyDocument, redmondDownStateDocument } from '../support/fixtures.js'
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

describe('contract §3: SIP addresses with non-ASCII letters are one user in any letter case', () => {
  const document = (users: ReadonlyArray<string>): unknown => {
    const d = contosoTopologyDocument() as { users: Array<unknown> }
    return { ...d, users: users.map((sipAddress) => ({ sipAddress, homePool: 'pool2.contoso.com' })) }
  }
  it('homePool finds sip:Åsa@… when asked for sip:ÅSA@… (and the other way round)', () => {
    const t = decodeTopology(document(['sip:Åsa@contoso.com']))
    expect(E.isRight(t)).toBe(true)
    if (E.isLeft(t)) return
    for (const s of ['sip:Åsa@contoso.com', 'sip:ÅSA@contoso.com', 'SIP:åsa@Contoso.com', 'sip:A\u030Asa@contoso.com'])
      expect(homePool(t.right, s)).toStrictEqual(O.some('pool2.contoso.com'))
    const upper = decodeTopology(document(['sip:ÅSA@contoso.com']))
    expect(E.isRight(upper) && homePool(upper.right, 'sip:Åsa@contoso.com')).toStrictEqual(O.some('pool2.contoso.com'))
  })
  it('the decoder reports sip:Åsa@… and sip:ÅSA@… as one user listed twice', () => {
    const decoded = decodeTopology(document(['sip:Åsa@contoso.com', 'sip:ÅSA@contoso.com', 'sip:straße@contoso.com', 'sip:STRASSE@contoso.com']))
    expect(E.isLeft(decoded) && decoded.left.map((p) => [p._tag, 'path' in p ? p.path : ''])).toStrictEqual([
      ['DuplicateName', 'users[1].sipAddress'],
      ['DuplicateName', 'users[3].sipAddress'],
    ])
  })
})

describe('contract §3: the homing queries never throw', () => {
  const revoked = Proxy.revocable({}, {})
  revoked.revoke()
  const throwing = new Proxy({}, { get: () => { throw new Error('trap') }, has: () => { throw new Error('trap') }, getPrototypeOf: () => { throw new Error('trap') } })
  const notStrings: ReadonlyArray<unknown> = [undefined, null, 42, {}, ['pool1.contoso.com'], Symbol('s'), revoked.proxy, throwing]
  it('answers none/0 for a non-string name', () => {
    for (const u of notStrings) {
      expect(homePool(topology, u as string)).toStrictEqual(O.none)
      expect(servingPool(topology, healthy, u as string)).toStrictEqual(O.none)
      expect(usersServedBy(topology, healthy, u as string)).toBe(0)
    }
  })
  it('answers none/0 for a topology or state that is not a decoded one', () => {
    const notDecoded: ReadonlyArray<unknown> = [undefined, null, {}, contosoTopologyDocument(), redmondDownStateDocument(), revoked.proxy, throwing]
    for (const u of notDecoded) {
      expect(homePool(u as Topology, 'sip:u0.pool1.contoso.com@contoso.com')).toStrictEqual(O.none)
      expect(servingPool(u as Topology, healthy, 'pool1.contoso.com')).toStrictEqual(O.none)
      expect(servingPool(topology, u as State, 'pool1.contoso.com')).toStrictEqual(O.none)
      expect(usersServedBy(u as Topology, healthy, 'pool1.contoso.com')).toBe(0)
      expect(usersServedBy(topology, u as State, 'pool1.contoso.com')).toBe(0)
    }
  })
})
