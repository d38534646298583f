/**
 * Command-line arguments → a command, with Node's `util.parseArgs` (no extra dependency).
 *
 * @module
 */
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'

/** Output formats of `plan`. */
export type PlanFormat = 'runbook' | 'powershell' | 'json'

/** What the user asked for. */
export type Command =
  | { readonly _tag: 'Help' }
  | {
      readonly _tag: 'PlanPool'
      readonly kind: 'failover' | 'failback'
      readonly topology: string
      readonly state?: string
      readonly pool: string
      readonly mode?: 'planned' | 'disaster'
      readonly format: PlanFormat
    }
  | {
      readonly _tag: 'PlanMove'
      readonly topology: string
      readonly state?: string
      readonly from: string
      readonly to: string
      readonly format: PlanFormat
    }
  | { readonly _tag: 'Audit'; readonly topology: string; readonly format: 'text' | 'json' }

/** The usage text printed by `--help`. */
export const usage = `Usage:
  sfb-dr plan failover --topology FILE [--state FILE] --pool FQDN [--mode planned|disaster] [--format F]
  sfb-dr plan failback --topology FILE [--state FILE] --pool FQDN [--mode planned|disaster] [--format F]
  sfb-dr plan move     --topology FILE [--state FILE] --from FQDN --to FQDN [--format F]
  sfb-dr audit         --topology FILE [--format text|json]
  sfb-dr --help

  --pool      the pool whose HOME users move (the disaster pool), for failover and failback alike
  --format F  runbook (Markdown, default), powershell (a Management Shell script) or json (the plan)

Exit codes: 0 success, 1 the request or documents are refused (reasons on stderr),
2 usage error or unreadable file.`

const options = {
  topology: { type: 'string' },
  state: { type: 'string' },
  pool: { type: 'string' },
  mode: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

const required = (name: string, value: string | undefined): E.Either<string, string> =>
  value === undefined || value === '' ? E.left(`missing --${name}`) : E.right(value)

const oneOf = <A extends string>(name: string, value: string | undefined, allowed: ReadonlyArray<A>, fallback?: A): E.Either<string, A | undefined> => {
  if (value === undefined) return E.right(fallback)
  const found = allowed.find((a) => a === value)
  return found === undefined ? E.left(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`) : E.right(found)
}

/** Parses argv (without `node` and the script) into a command, or a one-line usage error. */
export const parseCommand = (argv: ReadonlyArray<string>): E.Either<string, Command> => {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true; args: Array<string> }>>
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (e) {
    return E.left(e instanceof Error ? e.message.split('\n')[0] ?? 'invalid arguments' : 'invalid arguments')
  }
  const { values: v, positionals } = parsed
  if (v.help === true || positionals.length === 0) return E.right({ _tag: 'Help' })
  const [verb, sub, ...rest] = positionals
  if (verb === 'audit' && sub === undefined) {
    const topology = required('topology', v.topology)
    const format = oneOf('format', v.format, ['text', 'json'] as const, 'text')
    if (E.isLeft(topology)) return topology
    if (E.isLeft(format)) return format
    return E.right({ _tag: 'Audit', topology: topology.right, format: format.right ?? 'text' })
  }
  if (verb !== 'plan' || sub === undefined || rest.length > 0)
    return E.left(`unknown command "${positionals.join(' ')}"; run sfb-dr --help`)
  const format = oneOf('format', v.format, ['runbook', 'powershell', 'json'] as const, 'runbook')
  const topology = required('topology', v.topology)
  if (E.isLeft(format)) return format
  if (E.isLeft(topology)) return topology
  const common = { topology: topology.right, ...(v.state === undefined ? {} : { state: v.state }), format: format.right ?? 'runbook' }
  if (sub === 'failover' || sub === 'failback') {
    const pool = required('pool', v.pool)
    const mode = oneOf('mode', v.mode, ['planned', 'disaster'] as const)
    if (E.isLeft(pool)) return pool
    if (E.isLeft(mode)) return mode
    return E.right({ _tag: 'PlanPool', kind: sub, ...common, pool: pool.right, ...(mode.right === undefined ? {} : { mode: mode.right }) })
  }
  if (sub === 'move') {
    const from = required('from', v.from)
    const to = required('to', v.to)
    if (E.isLeft(from)) return from
    if (E.isLeft(to)) return to
    return E.right({ _tag: 'PlanMove', ...common, from: from.right, to: to.right })
  }
  return E.left(`unknown plan kind "${sub}"; expected failover, failback or move`)
}
