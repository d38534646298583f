// @ts-check
/**
 * The package as a user installs it: `npm pack` this repository (build it first), then install the
 * tarball into a fresh scratch project. Shared by the smoke test (scripts/smoke.mjs) and the bundle
 * size check (bench/bundle.mjs), so that both look at exactly what npm would publish.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..')

/**
 * Runs a command, answering its standard output (standard error goes to ours).
 * @param {string} cmd @param {ReadonlyArray<string>} args @param {string} cwd
 */
export const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

/**
 * Packs the repository into a new scratch project and installs the tarball there with `deps`.
 * The project is made OUTSIDE the repository (in the system's temporary folder): inside it, Node
 * would find the repository's own node_modules (fast-check, …) and esbuild its tsconfig.json (whose
 * `paths` send 'sfb-dr' to the sources). Remove it with `rmSync(dir, { recursive: true })`.
 * @param {string} name  a prefix for the folder name
 * @param {ReadonlyArray<string>} [deps]  further packages to install beside it (e.g. 'fast-check@^4')
 * @returns {{ dir: string, tarball: string, files: ReadonlyArray<string> }}
 */
export const packAndInstall = (name, deps = []) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  /** @type {Array<{ filename: string, files: Array<{ path: string }> }>} */
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root))
  const first = packed[0]
  if (first === undefined) throw new Error('npm pack answered nothing')
  const tarball = join(dir, first.filename)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'commonjs' }))
  install(dir, [tarball, ...deps])
  return { dir, tarball, files: first.files.map((f) => f.path) }
}

/**
 * `npm install` into a scratch project, from the local cache when it can.
 * @param {string} dir @param {ReadonlyArray<string>} specs
 */
export const install = (dir, specs) => {
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], dir)
}
