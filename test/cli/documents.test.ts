/** How `sfb-dr` reads documents: encodings, standard input, unreadable files, invalid JSON, problems. */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, scratchDir, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const topologyText = readFileSync(topology, 'utf8')
const redmondDown = fixture('contoso.state.redmond-down.json')
const scratch = scratchDir()

const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.alloc(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0
    be[i + 1] = le[i] ?? 0
  }
  return new Uint8Array([0xfe, 0xff, ...be])
}
const utf8bom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')])

const failover = (topologyPath: string, ...more: ReadonlyArray<string>): ReadonlyArray<string> => [
  'plan', 'failover', '--topology', topologyPath, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', 'json', ...more,
]

beforeAll(async () => {
  await sfbDrBin()
}, 120_000)

describe.concurrent('sfb-dr reads', () => {
  it.each([
    ['UTF-8 with a byte-order mark', utf8bom],
    ['UTF-16 LE with a byte-order mark (PowerShell 5.1 Out-File)', utf16le],
    ['UTF-16 BE with a byte-order mark', utf16be],
  ])('%s', async (name, encode) => {
    const file = scratch.write(`${name.replace(/\W+/g, '-')}.json`, encode(topologyText))
    const r = await sfbDr(failover(file))
    expect(r.code).toBe(0)
    const plain = await sfbDr(failover(topology))
    expect(r.stdout).toBe(plain.stdout)
  })

  it('standard input with - (for one file)', async () => {
    const r = await sfbDr(failover('-'), { stdin: utf16le(topologyText) })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true })
  })
})

describe.concurrent('sfb-dr refuses to read, exit 2', () => {
  it('a file that does not exist (UnreadableFile)', async () => {
    const text = await sfbDr(['audit', '--topology', '/nonexistent/topology.json'])
    expect(text).toStrictEqual({ code: 2, stdout: '', stderr: 'sfb-dr: cannot read --topology /nonexistent/topology.json: no such file\n' })
    const json = await sfbDr(['audit', '--topology', '/nonexistent/topology.json', '--format', 'json'])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toStrictEqual({
      ok: false,
      problems: [{ _tag: 'UnreadableFile', message: 'cannot read --topology /nonexistent/topology.json: no such file', file: '/nonexistent/topology.json', reason: 'no such file' }],
    })
  })

  it('a directory (UnreadableFile)', async () => {
    const r = await sfbDr(['audit', '--topology', scratch.dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`sfb-dr: cannot read --topology ${scratch.dir}: is a directory\n`)
  })

  it('invalid JSON and bytes that are not text (InvalidJson: where the text breaks)', async () => {
    const broken = scratch.write('broken.json', '{ "sites": [')
    const r = await sfbDr(['audit', '--topology', broken])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: --topology .*broken\.json is not a JSON document:\n {2}- Not a JSON document: line 1, column 13: .+\n$/)
    const json = await sfbDr(['audit', '--topology', broken, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'InvalidJson', line: 1, column: 13, file: broken }] })
    const binary = scratch.write('binary.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x00, 0x80]))
    const bytes = await sfbDr(['audit', '--topology', binary, '--format', 'json'])
    expect(bytes.code).toBe(2)
    expect(JSON.parse(bytes.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'InvalidJson', file: binary }] })
  })

  it('a document with problems: every problem with its path, no stack trace', async () => {
    const bad = scratch.write('bad.json', JSON.stringify({ sites: [], pools: [{ fqdn: 'x', site: 'Nowhere' }], pairings: [] }))
    const r = await sfbDr(['audit', '--topology', bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: --topology .*bad\.json has \d+ problems:\n/)
    expect(r.stderr).toContain('pools[0].fqdn')
    expect(r.stderr).toContain('centralManagementStore')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const json = await sfbDr(failover(bad))
    expect(json.code).toBe(2)
    const doc = JSON.parse(json.stdout) as { ok: boolean; problems: ReadonlyArray<Record<string, unknown>> }
    expect(doc.ok).toBe(false)
    expect(doc.problems).toContainEqual(expect.objectContaining({ _tag: 'InvalidInput', path: 'pools[0].fqdn', file: bad, message: expect.stringMatching(/^pools\[0\]\.fqdn: /) as unknown }))
  })

  it('a state document with problems is exit 2 too', async () => {
    const state = scratch.write('state.json', JSON.stringify({ pools: { 'nowhere.contoso.com': { reachable: false } } }))
    const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', state, '--pool', 'pool1.contoso.com'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: --state .*state\.json has a problem:\n {2}- /)
  })
})

describe.concurrent('sfb-dr audit', () => {
  it('lists the findings as text and as { ok, report: { findings } }', async () => {
    const text = await sfbDr(['audit', '--topology', topology])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe('1 finding(s)\n[advice] UnpairedPool: se1.contoso.com has no backup pool: its users have no disaster recovery.\n')
    const json = await sfbDr(['audit', '--topology', topology, '--format', 'JSON'])
    expect(JSON.parse(json.stdout)).toStrictEqual({
      ok: true,
      report: {
        findings: [{ _tag: 'UnpairedPool', severity: 'advice', pools: ['se1.contoso.com'], message: 'se1.contoso.com has no backup pool: its users have no disaster recovery.' }],
      },
    })
  })
})
