import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology } from '../../src/codec/topologyCodec.js'
import { baseDocument, edit, stateOf, stateProblems, topologyOf, topologyProblems } from './support.js'

const base = topologyOf(baseDocument())
const HUGE = 10 * 1024 * 1024
const huge = (): string => 'a'.repeat(HUGE)

const polluted = (): boolean => {
  const probe: Record<string, unknown> = {}
  return probe['polluted'] !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')
}

afterEach(() => {
  Reflect.deleteProperty(Object.prototype, 'polluted')
})

describe('__proto__, constructor and prototype keys', () => {
  it('refuses them as unknown fields of the topology document, without polluting prototypes', () => {
    const text = JSON.stringify(baseDocument())
      .replace('{"sites"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"sites"')
      .replace('"edition":"Standard"', '"edition":"Standard","__proto__":{"polluted":true}')
      .replace('{"sipAddress":"sip:bob@contoso.com"', '{"__proto__":{"polluted":true},"sipAddress":"sip:bob@contoso.com"')
    const doc: unknown = JSON.parse(text)
    expect(topologyProblems(doc)).toEqual([
      { _tag: 'UnknownField', path: '__proto__', field: '__proto__' },
      { _tag: 'UnknownField', path: 'constructor', field: 'constructor' },
      { _tag: 'UnknownField', path: 'pools[2].__proto__', field: '__proto__' },
      { _tag: 'UnknownField', path: 'users[1].__proto__', field: '__proto__' },
    ])
    expect(polluted()).toBe(false)
  })

  it('refuses them as keys of state maps, without polluting prototypes', () => {
    const doc: unknown = JSON.parse(
      '{"pools":{"__proto__":{"reachable":false,"polluted":true},"constructor":{},"prototype":{}},"edgePools":{"__proto__":{"polluted":true}}}',
    )
    expect(stateProblems(base, doc)).toEqual([
      { _tag: 'InvalidInput', path: 'pools["__proto__"]', expected: 'a pool FQDN as the key', found: '"__proto__"' },
      { _tag: 'InvalidInput', path: 'pools["constructor"]', expected: 'a pool FQDN as the key', found: '"constructor"' },
      { _tag: 'InvalidInput', path: 'pools["prototype"]', expected: 'a pool FQDN as the key', found: '"prototype"' },
      { _tag: 'InvalidInput', path: 'edgePools["__proto__"]', expected: 'an Edge pool FQDN as the key', found: '"__proto__"' },
    ])
    expect(polluted()).toBe(false)
  })

  it('does not take inherited keys of a state map for entries', () => {
    const inherited = Object.create({ 'pool1.contoso.com': { reachable: false } }) as object
    expect(stateOf(base, { pools: inherited }).pools.get('pool1.contoso.com' as never)).toEqual({ reachable: true, frontEndsRunning: 2 })
  })
})

describe('huge strings', () => {
  it('reports a 10 MiB FQDN with a short, truncated rendering', () => {
    const [problem] = topologyProblems(edit(baseDocument(), ['pools', 1, 'fqdn'], huge()))
    expect(problem).toMatchObject({ _tag: 'InvalidInput', path: 'pools[1].fqdn' })
    const found = problem?._tag === 'InvalidInput' ? problem.found : ''
    expect(found.length).toBeLessThan(100)
    expect(found).toContain(`(${String(HUGE)} characters)`)
    expect(found.startsWith('"aaaa')).toBe(true)
  })

  it('reports 10 MiB SIP addresses, site names and map keys the same way', () => {
    const problems = topologyProblems(edit(edit(baseDocument(), ['users', 0, 'sipAddress'], huge()), ['sites', 1, 'name'], huge()))
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['users[0].sipAddress', 'sites[1].name']))
    for (const p of problems) expect(JSON.stringify(p).length).toBeLessThan(400)
    const [keyProblem] = stateProblems(base, { pools: { [huge()]: {} } })
    expect(keyProblem?.path.length).toBeLessThan(100)
    expect(JSON.stringify(keyProblem).length).toBeLessThan(400)
  })
})

describe('object graphs JSON cannot express', () => {
  it('refuses a cycle in an unknown field without following it, and one in a field it reads', () => {
    const doc = baseDocument()
    doc['self'] = doc
    expect(topologyProblems(doc)).toEqual([{ _tag: 'UnknownField', path: 'self', field: 'self' }])
    Reflect.deleteProperty(doc, 'self')
    const pools = doc['pools'] as Array<Record<string, unknown>>
    const pool = pools[0] ?? {}
    pool['backEnd'] = pool
    expect(topologyProblems(doc)).toContainEqual(expect.objectContaining({ _tag: 'InvalidInput', path: 'pools[0].backEnd.sqlServer' }))
  })

  it('refuses deeply nested values without recursing into them', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(topologyProblems(edit(baseDocument(), ['pools', 0, 'frontEnds'], [deep]))).toEqual([
      { _tag: 'InvalidInput', path: 'pools[0].frontEnds[0]', expected: expect.any(String) as unknown, found: 'an array of 1 item' },
    ])
    expect(E.isLeft(decodeState(base, { pools: { 'pool1.contoso.com': deep } }))).toBe(true)
  })

  it('refuses objects whose properties cannot be read instead of throwing', () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('trap') } })
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    const getter = baseDocument()
    Object.defineProperty(getter, 'pools', { get: () => { throw new Error('getter') }, enumerable: true })
    expect(decodeTopology(revoked)).toStrictEqual(E.left([expect.objectContaining({ _tag: 'InvalidInput', path: '' })]))
    expect(decodeTopology(getter)).toStrictEqual(
      E.left([expect.objectContaining({ _tag: 'InvalidInput', path: 'pools', found: expect.stringContaining('cannot be read') as unknown })]),
    )
    // A proxy whose reads throw but that lists no key has none of the required fields.
    expect(topologyProblems(throwing).map((p) => p.path)).toEqual(['sites', 'pools', 'pairings', 'centralManagementStore'])
    expect(decodeState(base, throwing)).toStrictEqual(decodeState(base, {}))
    for (const u of [revoked, getter]) expect(E.isLeft(decodeState(base, u))).toBe(true)
  })

  it('reports the holes of a sparse user list', () => {
    // eslint-disable-next-line no-sparse-arrays -- the point of the test
    const users = [{ sipAddress: 'sip:alice@contoso.com', homePool: 'pool1.contoso.com' }, , undefined]
    expect(topologyProblems(edit(baseDocument(), ['users'], users)).map((p) => p.path)).toEqual(['users[1]', 'users[2]'])
  })

  it('treats a Map or a class instance as an object without the fields', () => {
    expect(topologyProblems(new Map([['sites', []]])).map((p) => p.path)).toEqual(['sites', 'pools', 'pairings', 'centralManagementStore'])
  })
})
