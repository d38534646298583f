/**
 * The `sfb-dr` command: wires the CLI to the real process (files, stdout, stderr, exit code).
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { runCli } from './run.js'

const readFile = (path: string): E.Either<string, string> => {
  try {
    return E.right(readFileSync(path, 'utf8'))
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    return E.left(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code || 'unreadable')
  }
}

try {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  })
} catch (e) {
  // The library never throws; this is the last guard so a user never sees a stack trace.
  process.stderr.write(`sfb-dr: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 2
}
