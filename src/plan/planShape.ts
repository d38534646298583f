/**
 * Reading a plan value that may come from JSON: every shape problem as an `InvalidInput` with
 * its path (`steps[2]._tag`), never an exception. Step fields are read through the catalog's
 * field shapes, so a new step tag is readable as soon as it has a definition.
 *
 * Laws:
 * - `planShapeProblems(p)` is empty for every plan a planner returns.
 * - It only reads own fields, so `__proto__`, getters on the prototype or `toString` never count.
 *
 * @module
 * @internal
 */
import type { Finding } from '../model/findings.js'
import { isFqdn, isSqlInstanceName } from '../model/identifiers.js'
import type { InvalidInput } from '../model/problem.js'
import { catalog, isStepTag } from './catalog.js'
import type { FieldShape } from './stepDefinition.js'
import { invalidInput, isRecord, ownField } from './input.js'
import type { Plan } from './plan.js'

type Problems = Array<InvalidInput>

const FQDN = 'a lower-case FQDN'
/** Every finding tag; a record so that a finding added to the model without being listed here fails to compile. */
const FINDING_TAG_RECORD: { readonly [K in Finding['_tag']]: true } = {
  PairingEditionMismatch: true,
  PairingHostingMismatch: true,
  PairingOsMismatch: true,
  PairingVersionMismatch: true,
  PairedPoolsSameSite: true,
  BackEndHaMismatch: true,
  MirroringOn2019: true,
  TwoFrontEndEnterprisePool2019: true,
  TooManyFrontEnds: true,
  UnpairedPool: true,
  PossibleDataLoss: true,
  EdgeNextHopNotRestored: true,
  BackupServiceUnhealthy: true,
}
const FINDING_TAGS: ReadonlySet<string> = new Set(Object.keys(FINDING_TAG_RECORD))

const isMode = (u: unknown): boolean => u === 'planned' || u === 'disaster'

/** Checks `value` against a field shape; optional shapes accept an absent field. */
const fieldProblems = (path: string, shape: FieldShape, value: unknown): Problems => {
  const bad = (expected: string): Problems => [invalidInput(path, expected, value)]
  switch (shape) {
    case 'fqdn':
      return isFqdn(value) ? [] : bad(FQDN)
    case 'optionalFqdn':
      return value === undefined || isFqdn(value) ? [] : bad(`${FQDN} or nothing`)
    case 'sqlInstance':
      return isSqlInstanceName(value) ? [] : bad('a SQL instance name')
    case 'optionalSqlInstance':
      return value === undefined || isSqlInstanceName(value) ? [] : bad('a SQL instance name or nothing')
    case 'boolean':
      return typeof value === 'boolean' ? [] : bad('true or false')
    case 'mode':
      return isMode(value) ? [] : bad('"planned" or "disaster"')
  }
}

const stepProblems = (path: string, step: unknown): Problems => {
  if (!isRecord(step) || Array.isArray(step)) return [invalidInput(path, 'a step object', step)]
  const tag = ownField(step, '_tag')
  const id = ownField(step, 'id')
  const out: Problems = []
  if (typeof id !== 'string' || id === '') out.push(invalidInput(`${path}.id`, 'a non-empty string', id))
  if (!isStepTag(tag)) {
    out.push(invalidInput(`${path}._tag`, 'a step tag', tag))
    return out
  }
  const definition = catalog[tag]
  const kind = ownField(step, 'kind')
  if (kind !== definition.kind) out.push(invalidInput(`${path}.kind`, JSON.stringify(definition.kind), kind))
  const shapes: Readonly<Record<string, FieldShape>> = definition.fields
  for (const [field, shape] of Object.entries(shapes))
    out.push(...fieldProblems(`${path}.${field}`, shape, ownField(step, field)))
  return out
}

const intentProblems = (intent: unknown): Problems => {
  if (!isRecord(intent) || Array.isArray(intent)) return [invalidInput('intent', 'an intent object', intent)]
  const tag = ownField(intent, '_tag')
  const field = (name: string, ok: (u: unknown) => boolean, expected: string): Problems => {
    const value = ownField(intent, name)
    return ok(value) ? [] : [invalidInput(`intent.${name}`, expected, value)]
  }
  switch (tag) {
    case 'Failover':
    case 'Failback':
      return [...field('pool', isFqdn, FQDN), ...field('mode', isMode, '"planned" or "disaster"')]
    case 'MoveService':
      return [...field('from', isFqdn, FQDN), ...field('to', isFqdn, FQDN)]
    default:
      return [invalidInput('intent._tag', '"Failover", "Failback" or "MoveService"', tag)]
  }
}

const isFqdnList = (u: unknown): boolean => Array.isArray(u) && u.every(isFqdn)

const warningProblems = (path: string, warning: unknown): Problems => {
  if (!isRecord(warning) || Array.isArray(warning)) return [invalidInput(path, 'a finding object', warning)]
  const out: Problems = []
  const check = (name: string, ok: (u: unknown) => boolean, expected: string): void => {
    const value = ownField(warning, name)
    if (!ok(value)) out.push(invalidInput(`${path}.${name}`, expected, value))
  }
  const tag = ownField(warning, '_tag')
  check('_tag', (u) => typeof u === 'string' && FINDING_TAGS.has(u), 'a finding tag')
  check('severity', (u) => u === 'unsupported' || u === 'advice', '"unsupported" or "advice"')
  check('pools', isFqdnList, 'an array of lower-case FQDNs')
  if (tag === 'PossibleDataLoss')
    check('lastSyncAt', (u) => u === undefined || typeof u === 'string', 'a date-time or nothing')
  if (tag === 'EdgeNextHopNotRestored') {
    check('edgePool', isFqdn, FQDN)
    check('configuredNextHop', isFqdn, FQDN)
  }
  return out
}

const impactProblems = (impact: unknown): Problems => {
  if (!isRecord(impact) || Array.isArray(impact)) return [invalidInput('impact', 'an impact object', impact)]
  const usersMoved = ownField(impact, 'usersMoved')
  const pools = ownField(impact, 'pools')
  return [
    ...(Number.isSafeInteger(usersMoved) && typeof usersMoved === 'number' && usersMoved >= 0
      ? []
      : [invalidInput('impact.usersMoved', 'a whole number ≥ 0', usersMoved)]),
    ...(isFqdnList(pools) ? [] : [invalidInput('impact.pools', 'an array of lower-case FQDNs', pools)]),
  ]
}

/**
 * Every shape problem of a plan value, each with its path; empty when it is a well-formed plan.
 * Never throws, whatever the value (a getter that throws is reported on the document).
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const planShapeProblems = (plan: unknown): ReadonlyArray<InvalidInput> => {
  try {
    if (!isRecord(plan) || Array.isArray(plan)) return [invalidInput('', 'a plan object', plan)]
    const out: Problems = []
    const formatVersion = ownField(plan, 'formatVersion')
    if (formatVersion !== 1) out.push(invalidInput('formatVersion', '1', formatVersion))
    const id = ownField(plan, 'id')
    if (typeof id !== 'string') out.push(invalidInput('id', 'a string', id))
    out.push(...intentProblems(ownField(plan, 'intent')))
    const steps = ownField(plan, 'steps')
    if (!Array.isArray(steps) || steps.length === 0)
      out.push(invalidInput('steps', 'a non-empty array of steps', steps))
    else steps.forEach((step: unknown, i) => out.push(...stepProblems(`steps[${i}]`, step)))
    const warnings = ownField(plan, 'warnings')
    if (!Array.isArray(warnings)) out.push(invalidInput('warnings', 'an array of findings', warnings))
    else warnings.forEach((w: unknown, i) => out.push(...warningProblems(`warnings[${i}]`, w)))
    out.push(...impactProblems(ownField(plan, 'impact')))
    return out
  } catch {
    return [invalidInput('', 'a plan made of plain data', plan)]
  }
}

/**
 * Whether `plan` is well formed, given its shape problems: a plan exactly when there are none.
 *
 * @category refinements
 * @since 0.1.0
 * @internal
 */
export const isWellFormedPlan = (plan: unknown, problems: ReadonlyArray<InvalidInput>): plan is Plan =>
  isRecord(plan) && problems.length === 0
