/** fast-check arbitraries of hostile text: every quote kind, PowerShell and Markdown syntax, line breaks. */
import fc from 'fast-check'
import type { Plan } from '../../src/plan/plan.js'
import { scenarios } from './scenarios.js'

/** Pieces that mean something to PowerShell, Markdown or HTML. */
const PIECES = [
  "'", "''", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E',
  '$(', '$(Remove-Item C:\\ -Recurse)', '${x}', '$env:PATH', '`', '``', '```', '~~~', ';', '|', '&', '&&',
  '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u000B', '\f', '\t', '\0', '\u001B', '\u007F', '\u202E', '\u200B', '\uFEFF',
  '#', '#>', '<#', '# SIG # Begin signature block', '#requires -RunAsAdministrator', "@'", "'@", '@"',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;', '&amp;', '[x](javascript:alert(1))', '![i](http://x)',
  '*', '_', '[', ']', '{', '}', '!', '\\', '~', '-', '+', '1. ', '# ', '> ', '    ', '---', '===',
  '\uD800', '\uDC00', '\u{1F600}', 'é', 'ё', 'Ñ‘',
]

/** Printable-ASCII pieces only (the alphabet of scripts), hostile to both languages. */
const ASCII_PIECES = PIECES.filter((p) => /^[\x20-\x7e]+$/.test(p))

/** Any hostile string: hostile pieces mixed with arbitrary code points. */
export const hostileString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('a', 'pool1.contoso.com', ' ')),
  maxLength: 12,
})

/** A hostile string of printable ASCII: renders without refusals, so script structure can be compared. */
export const hostileAsciiString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...ASCII_PIECES), fc.string({ unit: 'binary-ascii', maxLength: 3 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x'))),
  maxLength: 12,
})

/** Field names whose values decide a step's structure; hostile plans keep them. */
const STRUCTURAL = new Set(['_tag', 'kind', 'mode', 'severity', 'formatVersion'])

/**
 * Replaces every string leaf of a JSON value, except structural fields, by `next()`; other leaves
 * are kept, so the plan keeps its shape and its optional fields.
 */
export const replaceStrings = (value: unknown, next: () => string, key = ''): unknown => {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? value : next()
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, next, key))
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, next, k)]))
  return value
}

/** Counts the string leaves `replaceStrings` would replace. */
export const countStrings = (value: unknown, key = ''): number => {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? 0 : 1
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countStrings(v, key), 0)
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((n, [k, v]) => n + countStrings(v, k), 0)
  return 0
}

/** A plan with every value string replaced by hostile text drawn from `strings`. */
export const hostilePlan = <P>(plan: P, strings: fc.Arbitrary<string>): fc.Arbitrary<P> =>
  fc.array(strings, { minLength: countStrings(plan), maxLength: countStrings(plan) }).map((values) => {
    let i = 0
    return replaceStrings(plan, () => values[i++] ?? '') as P
  })

/**
 * Plans that cannot be read, each with a name: throwing getters, revoked proxies, a proxy whose
 * every trap throws, at the top or deep inside a step.
 */
export const unreadablePlans = (): ReadonlyArray<readonly [string, Plan]> => {
  const plan = scenarios()[1]!.plan
  const revoked = (): object => {
    const r = Proxy.revocable({}, {})
    r.revoke()
    return r.proxy
  }
  const everyTrapThrows = new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('trap') } }))
  const throwingGetter = (o: object, key: string): object =>
    Object.defineProperty({ ...o }, key, { enumerable: true, get: () => { throw new Error(key) } })
  const [first, ...rest] = plan.steps
  return [
    ['a revoked proxy', revoked() as Plan],
    ['a proxy whose every trap throws', everyTrapThrows as Plan],
    ['a throwing steps getter', throwingGetter(plan, 'steps') as Plan],
    ['a throwing id getter', throwingGetter(plan, 'id') as Plan],
    ['a revoked steps array', { ...plan, steps: revoked() } as unknown as Plan],
    ['a revoked step', { ...plan, steps: [first, revoked(), ...rest] } as unknown as Plan],
    ['a step with a throwing pool getter', { ...plan, steps: [throwingGetter(first, 'pool'), ...rest] } as unknown as Plan],
    ['a throwing intent getter', throwingGetter(plan, 'intent') as Plan],
    ['a warning that is a revoked proxy', { ...plan, warnings: [revoked()] } as unknown as Plan],
    ['null', null as unknown as Plan],
    ['no steps', { ...plan, steps: [] } as unknown as Plan],
  ]
}
