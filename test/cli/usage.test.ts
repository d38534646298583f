/** `sfb-dr` usage: help, version, and every kind of usage error (exit 2, one line, then the usage). */
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, packageVersion, sfbDr, sfbDrBin } from './support/sfbDr.js'

const topology = fixture('contoso.topology.json')
const state = fixture('contoso.state.redmond-down.json')
const failover = ['plan', 'failover', '--topology', topology, '--state', state, '--pool', 'pool1.contoso.com']

beforeAll(async () => {
  await sfbDrBin()
}, 120_000)

describe.concurrent('sfb-dr help and version', () => {
  it('prints the usage of every command with --help, help, -h and no arguments', async () => {
    for (const args of [['--help'], ['help'], ['-h'], []]) {
      const r = await sfbDr(args)
      expect(r).toMatchObject({ code: 0, stderr: '' })
      for (const line of ['sfb-dr plan <kind>', 'sfb-dr show PLAN.json', 'sfb-dr validate PLAN.json', 'sfb-dr audit --topology FILE', 'sfb-dr --version'])
        expect(r.stdout).toContain(line)
      expect(r.stdout).toMatch(/failover +Fail over the users homed on a pool/)
    }
  })

  it('prints one command\'s usage and flags with `help <command>` and `<command> --help`', async () => {
    for (const args of [['help', 'plan', 'failover'], ['plan', 'failover', '--help'], ['plan', 'failover', '--bogus', '--help']]) {
      const r = await sfbDr(args)
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Usage: sfb-dr plan failover --topology FILE \(--state FILE \| --assume-healthy\) --pool FQDN \[--mode planned\|disaster\]/)
      expect(r.stdout).toMatch(/--pool FQDN +the pool whose HOME users move/)
      expect(r.stdout).not.toContain('--from')
    }
    const plan = await sfbDr(['help', 'plan'])
    expect(plan.stdout).toContain('sfb-dr plan move --topology FILE (--state FILE | --assume-healthy) --from FQDN --to FQDN')
    const validate = await sfbDr(['validate', '--help'])
    expect(validate.stdout).toMatch(/^Usage: sfb-dr validate PLAN\.json --topology FILE \(--state FILE \| --assume-healthy\)/)
  })

  it('prints the version of the package with --version', async () => {
    const r = await sfbDr(['--version'])
    expect(r).toStrictEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' })
  })
})

describe.concurrent('sfb-dr usage errors: exit 2, one line naming the problem, then the usage of that command', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"', 'Usage:'],
    [['paln', 'failover'], 'unknown command "paln"; did you mean plan?', 'Usage:'],
    [['plan'], 'plan needs a kind: failover, failback, move, backup-sync, conference-content-restore, sync-interval, quorum-recovery, backend-failover, edge-failover, edge-failback, site-failover, site-failback', 'sfb-dr plan move'],
    [['plan', 'failovr', '--topology', topology], 'unknown plan kind "failovr"; did you mean failover?', 'sfb-dr plan failback'],
    [['plan', 'move', '--topology', topology, '--state', state, '--from', 'a.b', '--to', 'c.d', '--mode', 'disaster'], 'plan move does not take --mode', 'Usage: sfb-dr plan move'],
    [[...failover, '--topolgy', topology], 'unknown flag --topolgy; did you mean --topology?', 'Usage: sfb-dr plan failover'],
    [[...failover, '--bogus'], 'unknown flag --bogus', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--state', state, '-pool', 'p.contoso.com'], 'unknown flag -pool; did you mean --pool?', 'Usage:'],
    [[...failover, '--pool', 'pool2.contoso.com'], '--pool is given more than once; give it once', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--state', state, '--pool'], '--pool needs a value (FQDN)', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--state', state, '--pool', '--mode', 'planned'], '--pool needs a value (FQDN)', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--state', state, '--pool', '  '], '--pool needs a value (FQDN)', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--state', state], 'missing --pool FQDN', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--state', state, '--pool', 'p.contoso.com'], 'missing --topology FILE', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', topology, '--pool', 'p.contoso.com'], 'missing --state FILE (or --assume-healthy to plan from the topology alone)', 'Usage:'],
    [[...failover, '--assume-healthy'], '--state and --assume-healthy exclude each other: give one', 'Usage: sfb-dr plan failover'],
    [[...failover, '--assume-healthy=yes'], '--assume-healthy takes no value', 'Usage:'],
    [[...failover, '--mode', 'disastr'], '--mode must be planned or disaster, not "disastr"; did you mean disaster?', 'Usage:'],
    [[...failover, '--format', 'pdf'], '--format must be runbook or powershell or json, not "pdf"', 'Usage:'],
    [[...failover, 'extra'], 'unexpected argument "extra"', 'Usage: sfb-dr plan failover'],
    [['plan', 'failover', '--topology', '-', '--state', '-', '--pool', 'p.contoso.com'], 'standard input (-) can be read once, but is given for --topology and --state', 'Usage:'],
    [[...failover, '--out', '-'], '--out needs a file name: with --format json the plan goes to standard output', 'Usage:'],
    [['show'], 'show needs PLAN.json', 'Usage: sfb-dr show PLAN.json'],
    [['audit', '--topology', topology, '--state', state], 'audit does not take --state', 'Usage: sfb-dr audit'],
    [['help', 'plan', 'sideways'], 'unknown plan kind "sideways"', 'Usage:'],
  ])('%j', async (args, message, usage) => {
    const r = await sfbDr(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const [first, ...rest] = r.stderr.trimEnd().split('\n')
    expect(first).toBe(`sfb-dr: ${message}`)
    expect(rest.join('\n')).toContain(usage)
  })

  it('-- ends the flags: what follows is an argument, even when it starts with --', async () => {
    const r = await sfbDr(['show', '--format', 'json', '--', '--plan.json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, problems: [{ _tag: 'UnreadableFile', file: '--plan.json', reason: 'no such file' }] })
  })

  it('with --format json, a usage error is ONE JSON document on stdout (UsageError, with the usage)', async () => {
    const r = await sfbDr([...failover, '--format', 'Json', '--topolgy', topology])
    expect(r).toMatchObject({ code: 2, stderr: '' })
    const doc = JSON.parse(r.stdout) as { ok: boolean; problems: ReadonlyArray<{ _tag: string; message: string; usage: string }> }
    expect(doc.ok).toBe(false)
    expect(doc.problems).toHaveLength(1)
    expect(doc.problems[0]).toMatchObject({ _tag: 'UsageError', message: 'unknown flag --topolgy; did you mean --topology?' })
    expect(doc.problems[0]?.usage).toContain('Usage: sfb-dr plan failover')
  })
})
