/**
 * Runs the `sfb-dr` command as a user does: a child process of the BUILT command (the tsup CLI
 * entry of tsup.config.ts, same options and `define`s), built once per source content and shared
 * by every test file and run (node_modules/.cache/sfb-dr-cli/<hash>/).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Options } from 'tsup'
import config from '../../../tsup.config.js'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const fixture = (name: string): string => join(root, 'test/fixtures', name)
export const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version

const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort()

const sourceHash = (): string => {
  const hash = createHash('sha256')
  for (const file of [...filesUnder(join(root, 'src')), join(root, 'tsup.config.ts'), join(root, 'package.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

const cliOptions = (): Options => {
  const all = Array.isArray(config) ? config : [config]
  const found = all.find((o): o is Options => typeof o === 'object' && typeof o.entry === 'object' && 'cli/main' in o.entry)
  if (found === undefined) throw new Error('tsup.config.ts has no cli/main entry')
  return found
}

let built: Promise<string> | undefined

/** The path of the built `sfb-dr` (dist/cli/main.cjs's twin), building it once. */
export const sfbDrBin = (): Promise<string> => {
  built ??= (async () => {
    const cache = join(root, 'node_modules/.cache/sfb-dr-cli')
    const dir = join(cache, sourceHash())
    const bin = join(dir, 'cli/main.cjs')
    if (existsSync(bin)) return bin
    mkdirSync(cache, { recursive: true })
    const scratch = mkdtempSync(join(cache, 'build-'))
    await build({ ...cliOptions(), outDir: scratch, config: false, silent: true, clean: false, dts: false })
    try {
      renameSync(scratch, dir)
    } catch {
      // Another test file built the same sources first: use that one.
      rmSync(scratch, { recursive: true, force: true })
    }
    // Builds of older sources are of no more use.
    for (const old of readdirSync(cache)) if (/^[0-9a-f]{16}$/.test(old) && join(cache, old) !== dir) rmSync(join(cache, old), { recursive: true, force: true })
    return bin
  })()
  return built
}

export interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `sfb-dr …args` (from the repository root unless `cwd`), feeding `stdin` when given. */
export const sfbDr = async (args: ReadonlyArray<string>, options: { readonly stdin?: string | Uint8Array; readonly cwd?: string } = {}): Promise<Result> => {
  const bin = await sfbDrBin()
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? root }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr })
    })
    child.stdin?.end(options.stdin ?? '')
  })
}

/** A scratch directory for one test file, and a way to write files into it. */
export const scratchDir = (): { readonly dir: string; readonly write: (name: string, content: string | Uint8Array) => string } => {
  const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-cli-'))
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
  }
}
