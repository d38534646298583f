// @ts-check
// Smoke test of the PACKED package, as a user installs it: `npm pack`, install the tarball into a
// scratch project, then load it with plain Node `import` and `require` (no bundler, no vitest).
// fp-ts/io-ts subpath imports pass tsc, vitest, publint and attw, and crash here: keep this test.
//
// Two installs: first WITHOUT fast-check (an optional peer), where `sfb-dr` and `sfb-dr/testing`
// must load; then with fast-check, for `sfb-dr/testing/arbitraries`.
import console from 'node:console'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { install, packAndInstall, root, run } from './packed.mjs'

const { dir, files } = packAndInstall('sfb-dr-smoke')
for (const f of files) {
  if (!f.startsWith('dist/') && !/^schemas\/[a-z]+\.schema\.json$/.test(f) && !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(f)) {
    throw new Error(`unexpected file in the package: ${f}`)
  }
}

writeFileSync(join(dir, 'topology.json'), readFileSync(join(root, 'test/fixtures/contoso.topology.json'), 'utf8'))
writeFileSync(join(dir, 'state.json'), readFileSync(join(root, 'test/fixtures/contoso.state.redmond-down.json'), 'utf8'))

/**
 * Writes the same check as an ES module (`import`) and as CommonJS (`require`), runs both and
 * answers their common output.
 * @param {string} name  file name stem
 * @param {ReadonlyArray<[string, string]>} modules  [local name, specifier] pairs
 * @param {string} body  the check, using the local names
 */
const importAndRequire = (name, modules, body) => {
  const esm = `import { createRequire } from 'node:module'
${modules.map(([local, spec]) => `import * as ${local} from '${spec}'`).join('\n')}
const require = createRequire(import.meta.url)
${body}`
  const cjs = `${modules.map(([local, spec]) => `const ${local} = require('${spec}')`).join('\n')}
${body}`
  writeFileSync(join(dir, `${name}.mjs`), esm)
  writeFileSync(join(dir, `${name}.cjs`), cjs)
  const a = run('node', [`${name}.mjs`], dir)
  const b = run('node', [`${name}.cjs`], dir)
  if (a !== b) throw new Error(`${name}: ESM and CJS disagree:\n${a}\n${b}`)
  return a.trim()
}

// 1. Without fast-check.
try {
  createRequire(join(dir, 'package.json')).resolve('fast-check')
  throw new Error('fast-check is installed in the scratch project: the first half of this test means nothing')
} catch (e) {
  if (e instanceof Error && e.message.startsWith('fast-check is installed')) throw e
}
const planned = importAndRequire(
  'plan',
  [
    ['lib', 'sfb-dr'],
    ['testing', 'sfb-dr/testing'],
  ],
  `
const fs = require('node:fs')
const t = lib.decodeTopology(JSON.parse(fs.readFileSync('topology.json', 'utf8')))
if (t._tag !== 'Right') throw new Error('decodeTopology failed: ' + JSON.stringify(t.left))
const s = lib.decodeState(t.right, JSON.parse(fs.readFileSync('state.json', 'utf8')))
if (s._tag !== 'Right') throw new Error('decodeState failed')
const plan = lib.planFailover(t.right, s.right, { pool: 'POOL1.contoso.com' })
if (plan._tag !== 'Right') throw new Error('planFailover failed: ' + plan.left.map(lib.formatProblem).join('; '))
const script = lib.renderPowerShell(plan.right)
if (!script.includes("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")) throw new Error('unexpected script')
const sim = testing.simulatedHandlers(t.right, s.right)
lib.executePlan(plan.right, sim.handlers).then((journal) => {
  if (journal.outcome !== 'completed') throw new Error('the simulated run did not complete: ' + JSON.stringify(journal))
  console.log(plan.right.steps.map((x) => x._tag).join(' > ') + ' (simulated: ' + sim.calls().length + ' steps run)')
})
`,
)

// 2. With fast-check: the arbitraries, and one UserDirectory class shared with sfb-dr.
install(dir, ['fast-check@^4'])
const generated = importAndRequire(
  'arbitraries',
  [
    ['lib', 'sfb-dr'],
    ['arbitraries', 'sfb-dr/testing/arbitraries'],
    ['fc', 'fast-check'],
  ],
  `
const [d] = fc.sample(arbitraries.deploymentArbitrary(), { numRuns: 1, seed: 42 })
if (!(d.topology.users instanceof lib.UserDirectory)) throw new Error('sfb-dr and sfb-dr/testing/arbitraries load two copies of UserDirectory')
const again = lib.decodeState(d.topology, lib.encodeState(d.state))
if (again._tag !== 'Right') throw new Error('a generated state does not decode')
console.log('arbitraries: ' + d.topology.pools.length + ' pools generated')
`,
)

// The JSON Schemas resolve through the exports map, from CommonJS and from ES modules.
for (const name of ['topology', 'state', 'plan', 'journal']) {
  const spec = `sfb-dr/schemas/${name}.schema.json`
  const cjs = run('node', ['-e', `process.stdout.write(require('${spec}').title)`], dir)
  const esm = run('node', ['--input-type=module', '-e', `import s from '${spec}' with { type: 'json' }; process.stdout.write(s.title)`], dir)
  if (cjs !== `sfb-dr ${name} document` || esm !== cjs) throw new Error(`${spec} does not load (${cjs} / ${esm})`)
}

const help = run(join(dir, 'node_modules/.bin/sfb-dr'), ['--help'], dir)
if (!help.includes('sfb-dr plan')) throw new Error('the sfb-dr bin does not print its usage')
if (run(join(dir, 'node_modules/.bin/sfb-dr'), ['--version'], dir).trim() !== JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) throw new Error('sfb-dr --version does not print the package version')
// The ESM and CommonJS builds loaded side by side (the dual-package hazard): a plan made by one
// runs with the other's executePlan (one registry behind a global symbol); a JSON copy runs with neither.
writeFileSync(
  join(dir, 'dual.mjs'),
  `import { createRequire } from 'node:module'
import * as esm from 'sfb-dr'
import * as fs from 'node:fs'
const cjs = createRequire(import.meta.url)('sfb-dr')
if (esm.executePlan === cjs.executePlan) throw new Error('expected two copies of the library')
const ok = () => async () => ({ _tag: 'Right', right: undefined })
const handlers = { CheckBackupService: ok, FailoverCentralManagementStore: ok, SetEdgeNextHop: ok, FailoverPool: ok, FailbackPool: ok,
  CheckCentralManagementStore: () => async () => ({ _tag: 'Right', right: { activeMaster: 'pool2.contoso.com' } }) }
const out = []
for (const [maker, runner] of [[esm, cjs], [cjs, esm]]) {
  const t = maker.decodeTopology(JSON.parse(fs.readFileSync('topology.json', 'utf8')))
  const s = maker.decodeState(t.right, JSON.parse(fs.readFileSync('state.json', 'utf8')))
  const plan = maker.planFailover(t.right, s.right, { pool: 'pool1.contoso.com' })
  out.push((await runner.executePlan(plan.right, handlers)).outcome)
  out.push((await runner.executePlan(JSON.parse(JSON.stringify(plan.right)), handlers)).problems[0]._tag)
}
console.log(out.join(' '))
`,
)
const dual = run('node', ['dual.mjs'], dir).trim()
if (dual !== 'completed PlanNotValidated completed PlanNotValidated') throw new Error(`ESM and CJS builds do not share the plan registry: ${dual}`)
rmSync(dir, { recursive: true, force: true })
console.log(`smoke: packed ${files.length} files; import and require agree without fast-check: ${planned}; with it, ${generated}`)
