// Smoke test of the PACKED package, as a user installs it: `npm pack`, install the tarball into a
// scratch project, then load it with plain Node `import` and `require` (no bundler, no vitest).
// fp-ts/io-ts subpath imports pass tsc, vitest, publint and attw, and crash here: keep this test.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dir = join(root, '.smoke')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

const run = (cmd, args, cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root))
const tarball = join(dir, packed[0].filename)
const files = packed[0].files.map((f) => f.path)
for (const f of files) {
  if (!f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(f)) {
    throw new Error(`unexpected file in the package: ${f}`)
  }
}

writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'commonjs' }))
run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, 'fast-check@^4'])

const sample = readFileSync(join(root, 'test/fixtures/contoso.topology.json'), 'utf8')
const down = readFileSync(join(root, 'test/fixtures/contoso.state.redmond-down.json'), 'utf8')
writeFileSync(join(dir, 'topology.json'), sample)
writeFileSync(join(dir, 'state.json'), down)

const body = `
const fs = require('node:fs')
const t = lib.decodeTopology(JSON.parse(fs.readFileSync('topology.json', 'utf8')))
if (t._tag !== 'Right') throw new Error('decodeTopology failed: ' + JSON.stringify(t.left))
const s = lib.decodeState(t.right, JSON.parse(fs.readFileSync('state.json', 'utf8')))
if (s._tag !== 'Right') throw new Error('decodeState failed')
const plan = lib.planFailover(t.right, s.right, { pool: 'POOL1.contoso.com' })
if (plan._tag !== 'Right') throw new Error('planFailover failed: ' + plan.left.map(lib.formatProblem).join('; '))
const script = lib.renderPowerShell(plan.right)
if (!script.includes("Invoke-CsPoolFailOver -PoolFqdn 'pool1.contoso.com' -DisasterMode")) throw new Error('unexpected script')
if (typeof testing.simulatedHandlers !== 'function' || typeof testing.topologyArbitrary !== 'function') throw new Error('testing entry incomplete')
const [sample] = fc.sample(testing.topologyArbitrary(), 1)
if (!(sample.users instanceof lib.UserDirectory)) throw new Error('sfb-dr and sfb-dr/testing load two copies of UserDirectory')
console.log(plan.right.steps.map((x) => x._tag).join(' > '))
`

const esm = `import { createRequire } from 'node:module'
import * as lib from 'sfb-dr'
import * as testing from 'sfb-dr/testing'
import * as fc from 'fast-check'
const require = createRequire(import.meta.url)
${body}`
const cjs = `const lib = require('sfb-dr')
const testing = require('sfb-dr/testing')
const fc = require('fast-check')
${body}`

writeFileSync(join(dir, 'esm.mjs'), esm)
writeFileSync(join(dir, 'cjs.cjs'), cjs)
const a = run('node', ['esm.mjs'])
const b = run('node', ['cjs.cjs'])
if (a !== b) throw new Error(`ESM and CJS disagree:\n${a}\n${b}`)
const help = run(join(dir, 'node_modules/.bin/sfb-dr'), ['--help'])
if (!help.includes('sfb-dr plan')) throw new Error('the sfb-dr bin does not print its usage')
if (run(join(dir, 'node_modules/.bin/sfb-dr'), ['--version']).trim() !== JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) throw new Error('sfb-dr --version does not print the package version')
rmSync(dir, { recursive: true, force: true })
console.log(`smoke: packed ${files.length} files; import and require agree: ${a.trim()}`)
