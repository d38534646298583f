/**
 * The `sfb-dr` command: wires the CLI to the real process (files, standard streams, exit code).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { runCli } from './run.js'

/** Set by the build from package.json (tsup `define`): the version `--version` prints. */
declare const __SFB_DR_VERSION__: string | undefined

// Run from the sources (tsx), nothing defines it; `typeof` keeps that from throwing.
const version = typeof __SFB_DR_VERSION__ === 'string' ? __SFB_DR_VERSION__ : undefined

const reason = (e: unknown): string => {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return code === '' ? (e instanceof Error ? e.message : String(e)) : code
  }
}

const attempt = <A>(f: () => A): E.Either<string, A> => {
  try {
    return E.right(f())
  } catch (e) {
    return E.left(reason(e))
  }
}

try {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (path) => attempt(() => new Uint8Array(readFileSync(path))),
    readStdin: () => attempt(() => new Uint8Array(readFileSync(0))),
    writeFile: (path, text) =>
      attempt(() => {
        writeFileSync(path, text, 'utf8')
      }),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    version,
  })
} catch (e) {
  // The library never throws; this is the last guard so a user never sees a stack trace.
  process.stderr.write(`sfb-dr: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 2
}
