/**
 * The portal (examples/portal) in a REAL browser: Debian's Chromium, headless, driven by
 * playwright-core. The page is served from 127.0.0.1 as built by `node examples/portal/build.mjs`
 * (`npm run test:browser` builds it first); the operator's files are chosen through the file
 * inputs, as a person would. A screenshot of the planned failover goes to reports/portal.png.
 *
 *   npm run test:browser
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, extname, join, normalize } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { chromiumPath, launchOptions } from './chromium.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = join(root, 'examples/portal/dist')
const fixture = (name: string): string => join(root, 'test/fixtures', name)

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
}

/** A static file server for the built portal, on 127.0.0.1 and a free port. */
const serve = (dir: string): Promise<{ server: Server; url: string }> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
      const file = join(dir, path === '/' ? 'index.html' : path)
      try {
        const body = readFileSync(file)
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end('not found')
      }
    })
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/` })
    })
  })

let browser: Browser
let server: Server
let url: string
const pageErrors: Array<string> = []

/** A fresh page with the portal loaded; page errors and console errors are collected. */
const openPortal = async (): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text())
  })
  await page.goto(url)
  return page
}

/**
 * Chooses the documents, as the operator does, and waits until the page says it has read them
 * (`expected`; by default "Loaded <topology> and <state>. …").
 */
const choose = async (page: Page, topology: string, state?: string, expected?: string): Promise<void> => {
  await page.setInputFiles('#topology-file', topology)
  if (state !== undefined) await page.setInputFiles('#state-file', state)
  const names = [topology, state].flatMap((f) => (f === undefined ? [] : [basename(f)]))
  const wanted = expected ?? `Loaded ${names.join(' and ')}. Pick a pool and plan.`
  await page.waitForFunction((text) => document.querySelector('#status')?.textContent === text, wanted)
}

const plan = async (page: Page, pool: string): Promise<void> => {
  await page.selectOption('#pool', pool)
  await page.click('#plan-button')
  await page.waitForSelector('#plan[data-outcome]')
}

const stepTags = (page: Page): Promise<ReadonlyArray<string>> =>
  page.$$eval('#steps li', (lis) => lis.map((li) => (li as HTMLElement).dataset['tag'] ?? ''))

/** The cells of the pools table's row for `pool`, by column header. */
const poolRow = async (page: Page, pool: string): Promise<Readonly<Record<string, string>>> =>
  page.$eval(
    '#pools',
    (table, fqdn) => {
      const headers = [...table.querySelectorAll('th')].map((th) => th.textContent)
      const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('td')?.textContent === fqdn)
      const cells = row === undefined ? [] : [...row.querySelectorAll('td')].map((td) => td.textContent)
      return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']))
    },
    pool,
  )

void describe('the portal in Chromium', () => {
  before(async () => {
    ;({ server, url } = await serve(dist))
    browser = await chromium.launch(launchOptions(chromiumPath()))
  })
  after(async () => {
    await browser.close()
    server.close()
    assert.deepEqual(pageErrors, [], 'the page logged errors')
  })

  void it('shows the deployment and plans the planned failover of pool1: CMS first, then the Edge next hop, then the pool', async () => {
    const page = await openPortal()
    await choose(page, fixture('contoso.topology.json'), fixture('contoso.state.healthy.json'))

    // pools, pairs, who serves whom
    assert.match(await page.textContent('#deployment h2') ?? '', /3 pools, 4 users/)
    assert.deepEqual(
      { ...(await poolRow(page, 'pool1.contoso.com')) },
      {
        Pool: 'pool1.contoso.com',
        Site: 'Redmond',
        Edition: 'Enterprise 2015',
        'Front Ends': '3',
        Reachable: 'yes',
        'Paired with': 'pool2.contoso.com',
        'Its users are serviced by': 'pool1.contoso.com',
        'Services (users)': '2',
        'You can': 'fail over',
      },
    )
    assert.equal((await poolRow(page, 'se1.contoso.com'))['You can'], '—')
    assert.deepEqual(await page.$$eval('.pairs li', (lis) => lis.map((li) => li.textContent)), ['pool1.contoso.com ⇄ pool2.contoso.com'])
    assert.match(await page.textContent('#edge-pools') ?? '', /edge1\.contoso\.com.*Redmond.*yes.*pool1\.contoso\.com/)

    await plan(page, 'pool1.contoso.com')
    assert.equal(await page.getAttribute('#plan', 'data-outcome'), 'plan')
    assert.equal(await page.textContent('#plan h2'), 'Fail over the users homed on pool1.contoso.com (planned mode)')
    const tags = await stepTags(page)
    assert.deepEqual(tags, ['CheckBackupService', 'FailoverCentralManagementStore', 'CheckCentralManagementStore', 'SetEdgeNextHop', 'FailoverPool'])
    const steps = await page.$$eval('#steps li', (lis) => lis.map((li) => li.textContent))
    assert.match(steps[1] ?? '', /Fail the Central Management Store over from pool1\.contoso\.com to pool2\.contoso\.com.*Invoke-CsManagementServerFailover/)
    assert.match(steps[3] ?? '', /Point Edge pool edge1\.contoso\.com at next hop .*Set-CsEdgeServer -Identity 'EdgeServer:edge1\.contoso\.com'/)
    assert.match(steps[4] ?? '', /Invoke-CsPoolFailOver -PoolFqdn 'pool1\.contoso\.com'$/)

    const runbook = (await page.textContent('#runbook')) ?? ''
    // Markdown source: values have their dots escaped so that no FQDN becomes a link.
    assert.match(runbook, /^# Runbook: Fail over the users homed on pool1\\\.contoso\\\.com \(planned mode\)/)
    assert.match(runbook, /### Step 5 of 5 \(action\)[\s\S]*Invoke-CsPoolFailOver -PoolFqdn 'pool1\.contoso\.com'/)
    assert.match((await page.textContent('#script')) ?? '', /Invoke-CsPoolFailOver -PoolFqdn 'pool1\.contoso\.com'/)

    mkdirSync(join(root, 'reports'), { recursive: true })
    await page.screenshot({ path: join(root, 'reports/portal.png'), fullPage: true })
    await page.close()
  })

  void it('with Redmond dark: pool1 fails over in disaster mode with the data-loss warning; pool2 is refused with every reason', async () => {
    const page = await openPortal()
    await choose(page, fixture('contoso.topology.json'), fixture('contoso.state.redmond-down.json'))
    assert.equal((await poolRow(page, 'pool1.contoso.com'))['Reachable'], 'NO')

    await plan(page, 'pool1.contoso.com')
    // edge1 forwards to pool1 and is re-pointed before the failover (the step catalog by family).
    assert.deepEqual(await stepTags(page), ['FailoverCentralManagementStore', 'CheckCentralManagementStore', 'SetEdgeNextHop', 'FailoverPool'])
    assert.match(await page.textContent('#plan h2') ?? '', /\(disaster mode\)$/)
    assert.match(await page.textContent('.warnings') ?? '', /lost|loss/i)

    await plan(page, 'pool2.contoso.com')
    assert.equal(await page.getAttribute('#plan', 'data-outcome'), 'refused')
    assert.equal(await page.textContent('#plan h2'), 'Fail over pool2.contoso.com: refused')
    const refusals: ReadonlyArray<string> = await page.$$eval('#plan .problems li', (lis) => lis.map((li) => li.textContent))
    assert.equal(refusals.length, 2, refusals.join('\n'))
    assert.ok(refusals.some((r) => /pool1\.contoso\.com/.test(r) && /unreachable/i.test(r)), refusals.join('\n'))
    assert.ok(refusals.some((r) => /Central Management Store/.test(r)), refusals.join('\n'))
    await page.close()
  })

  void it('after pool1 failed over: pool2 serves pool1 users, and pool1 is failed back', async () => {
    const page = await openPortal()
    await choose(page, fixture('contoso.topology.json'), fixture('contoso.state.pool1-failed-over.json'))
    const pool1 = await poolRow(page, 'pool1.contoso.com')
    assert.equal(pool1['Its users are serviced by'], 'pool2.contoso.com')
    assert.equal(pool1['You can'], 'fail back')
    assert.equal((await poolRow(page, 'pool2.contoso.com'))['Services (users)'], '3')

    await plan(page, 'pool1.contoso.com')
    assert.match(await page.textContent('#plan h2') ?? '', /^Fail back the users homed on pool1\.contoso\.com/)
    // pool1 was failed over in disaster mode: after the failback its conference content comes back
    // from pool2 (restoring-conference-contents-using-the-backup-service.md).
    assert.deepEqual((await stepTags(page)).slice(-3), ['FailbackPool', 'SyncBackupService', 'CheckBackupService'])
    await page.close()
  })

  void it('shows every problem of a broken topology with its JSON path, and none of its text as HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-portal-'))
    const doc = JSON.parse(readFileSync(fixture('contoso.topology.json'), 'utf8')) as { pools: Array<Record<string, unknown>> }
    const [first, second] = doc.pools
    assert.ok(first !== undefined && second !== undefined)
    first['site'] = '<img src=x onerror="document.title=\'pwned\'">'
    second['edition'] = 'Deluxe'
    second['sitee'] = 'Dublin'
    const broken = join(dir, 'broken.topology.json')
    writeFileSync(broken, JSON.stringify(doc))

    const page = await openPortal()
    await choose(page, broken, undefined, 'The topology file cannot be used.')
    const wheres = await page.$$eval('#deployment .problems .where', (codes) => codes.map((c) => c.textContent))
    assert.ok(wheres.includes('pools[0].site'), wheres.join(', '))
    assert.ok(wheres.includes('pools[1].edition'), wheres.join(', '))
    assert.ok(wheres.includes('pools[1].sitee'), wheres.join(', '))
    assert.match(await page.textContent('#deployment .problems') ?? '', /site/)
    assert.match(await page.textContent('#deployment .problems') ?? '', /found "<img src=x onerror=/)
    assert.equal(await page.$('#deployment img'), null)
    assert.notEqual(await page.title(), 'pwned')
    assert.equal(await page.isDisabled('#plan-button'), true)
    await page.close()
  })

  void it('reads a state file written by Windows PowerShell 5.1 (UTF-16 with a byte-order mark); says where a file stops being JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-portal-'))
    const utf16 = join(dir, 'state.utf16.json')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(fixture('contoso.state.pool1-failed-over.json'), 'utf8'), 'utf16le')]))
    const page = await openPortal()
    await choose(page, fixture('contoso.topology.json'), utf16)
    assert.equal((await poolRow(page, 'pool1.contoso.com'))['Its users are serviced by'], 'pool2.contoso.com')

    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{\n  "pools": {\n    "pool1.contoso.com": { "reachable": false, }\n  }\n}\n')
    await page.setInputFiles('#state-file', broken)
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'The state file cannot be used.')
    assert.match(await page.textContent('#deployment .problems') ?? '', /line 3, column \d+/)
    await page.close()
  })

  void it('without a state file, says it shows every pool healthy', async () => {
    const page = await openPortal()
    await choose(page, fixture('contoso.topology.json'))
    assert.match(await page.textContent('#deployment .note') ?? '', /No state file chosen/)
    await page.close()
  })
})
