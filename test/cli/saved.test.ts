/** Saved plans: `sfb-dr plan … --out`, then `show` and `validate`, as an administrator uses them. */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, scratchDir, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const redmondDown = fixture('contoso.state.redmond-down.json')
const failedOver = fixture('contoso.state.pool1-failed-over.json')
const scratch = scratchDir()
let saved = ''
let savedText = ''

interface SavedPlan {
  readonly id: string
  readonly steps: ReadonlyArray<Record<string, unknown>>
}

beforeAll(async () => {
  await sfbDrBin()
  saved = `${scratch.dir}/plan.json`
  const r = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--out', saved])
  expect(r.code).toBe(0)
  savedText = readFileSync(saved, 'utf8')
}, 120_000)

describe.concurrent('sfb-dr show', () => {
  it('prints a saved plan as the plan command did, in every format', async () => {
    for (const format of ['runbook', 'powershell']) {
      const planned = await sfbDr(['plan', 'failover', '--topology', topology, '--state', redmondDown, '--pool', 'pool1.contoso.com', '--format', format])
      const shown = await sfbDr(['show', saved, '--format', format])
      expect(shown).toStrictEqual({ code: 0, stdout: planned.stdout, stderr: '' })
    }
    const json = await sfbDr(['show', '--format', 'json', saved])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toStrictEqual({ ok: true, plan: JSON.parse(savedText), estimate: expect.objectContaining({ totalMinutes: 25 }) })
  })

  it('reads the plan from standard input with -', async () => {
    const r = await sfbDr(['show', '-', '--format', 'powershell'], { stdin: savedText })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
  })

  it('refuses an edited plan (its id no longer matches), exit 1', async () => {
    const plan = JSON.parse(savedText) as SavedPlan
    const edited = scratch.write('edited.json', JSON.stringify({ ...plan, steps: plan.steps.map((s) => (s['_tag'] === 'FailoverPool' ? { ...s, disasterMode: false } : s)) }))
    const r = await sfbDr(['show', edited])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^sfb-dr: plan .*edited\.json is refused:\n {2}- /)
    const json = await sfbDr(['show', edited, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'PlanIdMismatch', found: plan.id, file: edited }] })
  })

  it('a file that is no plan is a document with problems, exit 2', async () => {
    const r = await sfbDr(['show', topology])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: plan .*contoso\.topology\.json has a problem:\n {2}- the document: expected a plan document/)
  })
})

describe.concurrent('sfb-dr validate', () => {
  it('accepts a plan that still holds: a sentence by default, the plan in the other formats', async () => {
    const plan = JSON.parse(savedText) as SavedPlan
    const text = await sfbDr(['validate', saved, '--topology', topology, '--state', redmondDown])
    expect(text).toStrictEqual({
      code: 0,
      stdout: `The plan ${plan.id} is valid: fail over the users homed on pool1.contoso.com (disaster mode), in 4 steps.\n`,
      stderr: '',
    })
    const ps = await sfbDr(['validate', saved, '--topology', topology, '--state', redmondDown, '--format', 'powershell'])
    expect(ps.stdout).toContain("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")
    const json = await sfbDr(['validate', saved, '--topology', topology, '--state', redmondDown, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toStrictEqual({ ok: true, assumedHealthy: false, plan, estimate: expect.objectContaining({ totalMinutes: 25 }) })
  })

  it('refuses a stale plan (the state moved on) with every reason, exit 1', async () => {
    const r = await sfbDr(['validate', saved, '--topology', topology, '--state', failedOver, '--format', 'json'])
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout) as { ok: boolean; problems: ReadonlyArray<{ _tag: string; message: string }> }
    expect(doc.ok).toBe(false)
    expect(doc.problems.length).toBeGreaterThan(1)
    expect(doc.problems.every((p) => p._tag === 'StepPreconditionFailed' || p._tag === 'IntentNotAchieved')).toBe(true)
    const text = await sfbDr(['validate', saved, '--topology', topology, '--state', failedOver])
    expect(text.stderr.split('\n')[0]).toMatch(/^sfb-dr: plan .*plan\.json is refused:$/)
    expect(text.stderr.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(doc.problems.length)
  })

  it('refuses an edited plan with the id mismatch AND the rules its steps break', async () => {
    const plan = JSON.parse(savedText) as SavedPlan
    const noCms = scratch.write('no-cms.json', JSON.stringify({ ...plan, steps: plan.steps.filter((s) => s['_tag'] === 'FailoverPool') }))
    const r = await sfbDr(['validate', noCms, '--topology', topology, '--state', redmondDown, '--format', 'json'])
    expect(r.code).toBe(1)
    const tags = (JSON.parse(r.stdout) as { problems: ReadonlyArray<{ _tag: string }> }).problems.map((p) => p._tag)
    expect(tags).toContain('PlanIdMismatch')
    expect(tags).toContain('StepPreconditionFailed') // the id does not hide the rule the failover now breaks
  })

  it('a plan whose steps do not read as steps is a document with problems, exit 2', async () => {
    const plan = JSON.parse(savedText) as SavedPlan
    const bogus = scratch.write('bogus.json', JSON.stringify({ ...plan, steps: [{ ...plan.steps[0], _tag: 'RebootEverything' }] }))
    const r = await sfbDr(['validate', bogus, '--topology', topology, '--state', redmondDown])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^sfb-dr: plan .*bogus\.json has \d+ problems?:\n/)
    expect(r.stderr).toContain('steps[0]._tag')
  })

  it('validates with --assume-healthy, and says so', async () => {
    const healthy = `${scratch.dir}/healthy.json`
    const made = await sfbDr(['plan', 'failover', '--topology', topology, '--assume-healthy', '--pool', 'pool1.contoso.com', '--out', healthy, '--format', 'json'])
    expect(made.code).toBe(0)
    const r = await sfbDr(['validate', healthy, '--topology', topology, '--assume-healthy'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Planned with --assume-healthy')
    const stale = await sfbDr(['validate', healthy, '--topology', topology, '--state', redmondDown])
    expect(stale.code).toBe(1)
  })
})
