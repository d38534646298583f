/**
 * How commands and their flags are declared. The command tables (`planKinds.ts`,
 * `assessKinds.ts`) are lists of these declarations; parsing, `--help` and "did you mean" are
 * derived from them, so adding a command adds its usage, its checks and its help at once.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Plan, Problem, State, Topology } from '../index.js'

// -------------------------------------------------------------------------------------
// request flags
// -------------------------------------------------------------------------------------

/** A flag that fills one field of a planner's or an assessment's request. */
export interface RequestFlag {
  /** The flag without its dashes: `new-principal` for `--new-principal`. */
  readonly flag: string
  /** The request field it fills: `newPrincipal`. */
  readonly field: string
  /** The placeholder in the usage: `FQDN`, `Primary|Mirror`. */
  readonly metavar: string
  /** One line for `--help`. */
  readonly help: string
  /** Whether the command needs it. */
  readonly required?: true
  /**
   * The only values accepted, matched case-insensitively and passed on in this spelling; anything
   * else is a usage error (exit 2) naming the nearest choice. Without it any value goes to the
   * library, which answers `InvalidInput` for a bad one (exit 1).
   */
  readonly choices?: ReadonlyArray<string>
}

type ValueOf<F> = F extends { readonly choices: ReadonlyArray<infer C> } ? C : string

/**
 * The request a list of flags builds: required flags are present, optional ones absent when not
 * given (never `undefined`), and a flag with `choices` carries one of them.
 */
export type RequestOf<Fs extends ReadonlyArray<RequestFlag>> = {
  readonly [F in Fs[number] as F extends { readonly required: true } ? F['field'] : never]: ValueOf<F>
} & {
  readonly [F in Fs[number] as F extends { readonly required: true } ? never : F['field']]?: ValueOf<F>
}

/** A request as the parser builds it: field → value, only for the flags given. */
export type RawRequest = Readonly<Record<string, string>>

// -------------------------------------------------------------------------------------
// plan kinds
// -------------------------------------------------------------------------------------

/** One `sfb-dr plan <kind>`, as the parser and `--help` see it. */
export interface PlanKind {
  /** `failover`, `site-failback`, … */
  readonly name: string
  /** One line for `--help`. */
  readonly summary: string
  /** Its request flags, in usage order (`--topology`, `--state`, `--format`, `--out` are added). */
  readonly flags: ReadonlyArray<RequestFlag>
  /** The planner, called with the request the flags built. */
  readonly plan: (topology: Topology, state: State, request: RawRequest) => E.Either<RNEA.ReadonlyNonEmptyArray<Problem>, Plan>
}

/**
 * Declares a plan kind with a type-checked planner: the request the planner receives has exactly
 * the fields the flags declare (`as const` is not needed).
 *
 * @example
 * planKind({
 *   name: 'failover',
 *   summary: 'Fail over the users homed on a pool to its backup pool.',
 *   flags: [
 *     { flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: '…' },
 *     { flag: 'mode', field: 'mode', metavar: 'planned|disaster', choices: ['planned', 'disaster'], help: '…' },
 *   ],
 *   plan: (topology, state, request) => planFailover(topology, state, request),
 * })
 */
export const planKind = <const Fs extends ReadonlyArray<RequestFlag>>(kind: {
  readonly name: string
  readonly summary: string
  readonly flags: Fs
  readonly plan: (topology: Topology, state: State, request: RequestOf<Fs>) => E.Either<RNEA.ReadonlyNonEmptyArray<Problem>, Plan>
}): PlanKind => ({
  ...kind,
  // The parser builds the request from these very flags (required ones present, choices
  // canonical), so the raw record has the declared shape.
  plan: (topology, state, request) => kind.plan(topology, state, request as RequestOf<Fs>),
})

// -------------------------------------------------------------------------------------
// assess kinds
// -------------------------------------------------------------------------------------

/** What an assessment returns: a JSON-safe report and its text for people. */
export interface Assessment {
  /** The library's report, written as `{ "ok": true, "report": … }` with `--format json`. */
  readonly report: unknown
  /** The report for people (`--format text`, the default). */
  readonly text: string
}

/** One `sfb-dr assess <kind>`. */
export interface AssessKind {
  /** `backup`, `pool`. */
  readonly name: string
  /** One line for `--help`. */
  readonly summary: string
  /** Its request flags (`--topology`, `--state`, `--format` are added). */
  readonly flags: ReadonlyArray<RequestFlag>
  /** The assessment; `Left` is refused (exit 1). */
  readonly assess: (topology: Topology, state: State, request: RawRequest) => E.Either<RNEA.ReadonlyNonEmptyArray<Problem>, Assessment>
}

/** Declares an assess kind with a type-checked request, like {@link planKind}. */
export const assessKind = <const Fs extends ReadonlyArray<RequestFlag>>(kind: {
  readonly name: string
  readonly summary: string
  readonly flags: Fs
  readonly assess: (topology: Topology, state: State, request: RequestOf<Fs>) => E.Either<RNEA.ReadonlyNonEmptyArray<Problem>, Assessment>
}): AssessKind => ({
  ...kind,
  assess: (topology, state, request) => kind.assess(topology, state, request as RequestOf<Fs>),
})
