/**
 * Reading a plan value that may come from JSON: every shape problem as an `InvalidInput` with
 * its path (`steps[2]._tag`), and every field the plan format does not define as an
 * `UnknownField` (with the nearest known name), never an exception. Step fields are read through
 * the catalog's field shapes, so a new step tag is readable (and its fields known) as soon as it
 * has a definition; intents and findings through tables checked against their types at compile
 * time.
 *
 * Laws:
 * - `planShapeProblems(p)` is empty for every plan a planner returns.
 * - It only reads own fields, so `__proto__`, getters on the prototype or `toString` never count.
 * - Every own field of every object of the plan is either checked or reported as unknown; only a
 *   top-level `$schema` string is allowed besides the plan's fields.
 *
 * @module
 * @internal
 */
import { unknownField } from '../model/fieldNames.js'
import type { Finding } from '../model/findings.js'
import { isFqdn, isSiteName } from '../model/identifiers.js'
import type { Intent } from '../model/intent.js'
import type { JsonSchema } from '../model/jsonSchema.js'
import type { InvalidInput, UnknownField } from '../model/problem.js'
import { backupModules, isBackupModule } from '../model/state.js'
import { isSyncInterval } from '../model/syncInterval.js'
import { catalog, isStepTag } from './catalog.js'
import type { FieldShape } from './steps/definition.js'
import { fieldCheck } from './steps/fields.js'
import { invalidInput, isRecord, ownField } from './input.js'
import type { Plan } from './plan.js'

type Problems = Array<InvalidInput | UnknownField>

const FQDN = 'a lower-case FQDN'

const isMode = (u: unknown): boolean => u === 'planned' || u === 'disaster'
const isString = (u: unknown): boolean => typeof u === 'string'
const optional =
  (ok: (u: unknown) => boolean) =>
  (u: unknown): boolean =>
    u === undefined || ok(u)

/**
 * How a field of a plan object is checked: whether a value is right, and what is expected in
 * words (the field's JSON Schema is derived from the same entry).
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface FieldCheck {
  /** Whether `u` is a right value for the field (an absent optional field is `undefined`). */
  readonly ok: (u: unknown) => boolean
  /** What is expected, in words. */
  readonly expected: string
  /** The JSON Schema of the field's value. */
  readonly schema: JsonSchema
  /** Whether the field may be absent. */
  readonly optional?: true
}

const FQDN_SCHEMA: JsonSchema = { type: 'string', description: 'A lower-case FQDN.' }
const fqdnCheck: FieldCheck = { ok: isFqdn, expected: FQDN, schema: FQDN_SCHEMA }
const siteCheck: FieldCheck = { ok: isSiteName, expected: 'a site name', schema: { type: 'string', description: 'A site name.' } }
const modeCheck: FieldCheck = { ok: isMode, expected: '"planned" or "disaster"', schema: { enum: ['planned', 'disaster'] } }
const isFqdnList = (u: unknown): boolean => Array.isArray(u) && u.every(isFqdn)
const poolsCheck: FieldCheck = {
  ok: isFqdnList,
  expected: 'an array of lower-case FQDNs',
  schema: { type: 'array', items: FQDN_SCHEMA },
}
const optionalText = (expected: string): FieldCheck => ({
  ok: optional(isString),
  expected: `${expected} or nothing`,
  schema: { type: 'string' },
  optional: true,
})

const SYNC_INTERVAL = 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"'
const intervalCheck: FieldCheck = {
  ok: isSyncInterval,
  expected: SYNC_INTERVAL,
  schema: { type: 'string', pattern: '^\\d{2}:[0-5]\\d:[0-5]\\d$', description: 'hh:mm:ss from 00:00:05 to 03:00:00.' },
}
const moduleCheck: FieldCheck = {
  ok: optional(isBackupModule),
  expected: 'a Backup Service module or nothing',
  schema: { enum: [...backupModules] },
  optional: true,
}

/** The checks of the fields of an object type `T` but `_tag`: one per field, none missing. */
type Checks<T> = { readonly [F in Exclude<keyof T, '_tag'>]-?: FieldCheck }

/**
 * The fields of every intent, by tag; a record over the `Intent` union, so that an intent added
 * to the model, or a field added to one, fails to compile until it is listed here.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const INTENT_FIELDS: { readonly [K in Intent['_tag']]: Checks<Extract<Intent, { readonly _tag: K }>> } = {
  Failover: { pool: fqdnCheck, mode: modeCheck },
  Failback: { pool: fqdnCheck, mode: modeCheck },
  MoveService: { from: fqdnCheck, to: fqdnCheck },
  BackupSync: { pool: fqdnCheck, module: moduleCheck },
  ConferenceContentRestore: { pool: fqdnCheck },
  SetSyncInterval: { interval: intervalCheck },
  QuorumRecovery: { pool: fqdnCheck },
  BackEndFailover: {
    pool: fqdnCheck,
    newPrincipal: { ok: (u) => u === 'Primary' || u === 'Mirror', expected: '"Primary" or "Mirror"', schema: { enum: ['Primary', 'Mirror'] } },
  },
  EdgeFailover: { edgePool: fqdnCheck, to: fqdnCheck },
  EdgeFailback: { edgePool: fqdnCheck },
  SiteFailover: {
    site: siteCheck,
    mode: { ok: optional(isMode), expected: '"planned", "disaster" or nothing', schema: { enum: ['planned', 'disaster'] }, optional: true },
  },
  SiteFailback: { site: siteCheck },
}

const severityCheck: FieldCheck = {
  ok: (u) => u === 'warning' || u === 'unsupported' || u === 'advice',
  expected: '"warning", "unsupported" or "advice"',
  schema: { enum: ['warning', 'unsupported', 'advice'] },
}
const topologyFinding = { severity: severityCheck, pools: poolsCheck }

/**
 * The fields of every finding a plan may carry as a warning, by tag; a record over the `Finding`
 * union, so that a finding added to the model, or a field added to one, fails to compile until it
 * is listed here.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const FINDING_FIELDS: { readonly [K in Finding['_tag']]: Checks<Extract<Finding, { readonly _tag: K }>> } = {
  PairingEditionMismatch: topologyFinding,
  PairingHostingMismatch: topologyFinding,
  PairingOsMismatch: topologyFinding,
  PairingVersionMismatch: topologyFinding,
  PairedPoolsSameSite: topologyFinding,
  BackEndHaMismatch: topologyFinding,
  MirroringOn2019: topologyFinding,
  TwoFrontEndEnterprisePool2019: topologyFinding,
  TooManyFrontEnds: topologyFinding,
  UnpairedPool: topologyFinding,
  PossibleDataLoss: {
    ...topologyFinding,
    lastSyncAt: optionalText('a date-time'),
    operation: { ok: optional((u) => u === 'failback'), expected: '"failback" or nothing', schema: { const: 'failback' }, optional: true },
  },
  EdgeNextHopNotRestored: { ...topologyFinding, edgePool: fqdnCheck, configuredNextHop: fqdnCheck },
  BackupServiceUnhealthy: {
    ...topologyFinding,
    exportState: optionalText('an export state'),
    importState: optionalText('an import state'),
  },
  BackupServiceLagging: {
    ...topologyFinding,
    lagSeconds: {
      ok: (u) => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
      expected: 'a whole number ≥ 0',
      schema: { type: 'integer', minimum: 0 },
    },
  },
  SyncIntervalAboveRpo: { ...topologyFinding, interval: intervalCheck },
  ConferenceContentNotRestored: topologyFinding,
  NoSurvivingEdgePool: { ...topologyFinding, site: siteCheck, edgePools: poolsCheck },
}

/** The fields of a plan, with the checks of its impact. */
const PLAN_FIELDS: ReadonlyArray<string> = ['formatVersion', 'id', 'intent', 'steps', 'warnings', 'impact', 'resumes']
/** The step fields every step has besides those of its definition. */
const STEP_COMMON: ReadonlyArray<string> = ['_tag', 'id', 'kind']

/**
 * The fields of a plan's impact.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export const IMPACT_FIELDS: { readonly [F in keyof Plan['impact']]-?: FieldCheck } = {
  usersMoved: {
    ok: (u) => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
    expected: 'a whole number ≥ 0',
    schema: { type: 'integer', minimum: 0 },
  },
  pools: poolsCheck,
}

/** Own field names of `u` (never throws: none when they cannot be listed). */
const ownNames = (u: object): ReadonlyArray<string> => {
  try {
    return Object.keys(u)
  } catch {
    return []
  }
}

/**
 * `UnknownField`s for the own fields of `u` (at `path`) not in `known`; a string `$schema` is
 * allowed at the top level (`path` empty).
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const unknownFields = (path: string, u: object, known: ReadonlyArray<string>): Problems => {
  const out: Problems = []
  for (const name of ownNames(u)) {
    if (known.includes(name)) continue
    const at = path === '' ? name : `${path}.${name}`
    if (path === '' && name === '$schema') {
      const value = ownField(u, name)
      if (typeof value !== 'string') out.push(invalidInput(at, 'the URI of a JSON Schema (a string)', value))
    } else out.push(unknownField(at, name, known))
  }
  return out
}

/**
 * The problems of the fields of `u` (at `path`) against `checks`, and its fields not in `known`.
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const checkedFields = (path: string, u: object, checks: { readonly [field: string]: FieldCheck }, known: ReadonlyArray<string>): Problems => {
  const out: Problems = []
  for (const [name, check] of Object.entries(checks)) {
    const value = ownField(u, name)
    if (!check.ok(value)) out.push(invalidInput(path === '' ? name : `${path}.${name}`, check.expected, value))
  }
  return [...out, ...unknownFields(path, u, known)]
}

/** Checks `value` against a field shape (optional shapes accept an absent field). */
const fieldProblems = (path: string, shape: FieldShape, value: unknown): Problems => {
  const check = fieldCheck(shape)
  return check.accepts(value) ? [] : [invalidInput(path, check.expected, value)]
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
  out.push(...unknownFields(path, step, [...STEP_COMMON, ...Object.keys(shapes)]))
  return out
}

const isIntentTag = (u: unknown): u is Intent['_tag'] => typeof u === 'string' && Object.prototype.hasOwnProperty.call(INTENT_FIELDS, u)
const isFindingTag = (u: unknown): u is Finding['_tag'] =>
  typeof u === 'string' && Object.prototype.hasOwnProperty.call(FINDING_FIELDS, u)

const intentProblems = (intent: unknown): Problems => {
  if (!isRecord(intent) || Array.isArray(intent)) return [invalidInput('intent', 'an intent object', intent)]
  const tag = ownField(intent, '_tag')
  if (!isIntentTag(tag))
    return [invalidInput('intent._tag', Object.keys(INTENT_FIELDS).map((k) => JSON.stringify(k)).join(', '), tag)]
  const checks: { readonly [field: string]: FieldCheck } = INTENT_FIELDS[tag]
  return checkedFields('intent', intent, checks, ['_tag', ...Object.keys(checks)])
}

const warningProblems = (path: string, warning: unknown): Problems => {
  if (!isRecord(warning) || Array.isArray(warning)) return [invalidInput(path, 'a finding object', warning)]
  const tag = ownField(warning, '_tag')
  if (!isFindingTag(tag)) return [invalidInput(`${path}._tag`, 'a finding tag', tag)]
  const checks: { readonly [field: string]: FieldCheck } = FINDING_FIELDS[tag]
  return checkedFields(path, warning, checks, ['_tag', ...Object.keys(checks)])
}

const impactProblems = (impact: unknown): Problems => {
  if (!isRecord(impact) || Array.isArray(impact)) return [invalidInput('impact', 'an impact object', impact)]
  return checkedFields('impact', impact, IMPACT_FIELDS, Object.keys(IMPACT_FIELDS))
}

/**
 * Every shape problem of a plan value, each with its path; empty when it is a well-formed plan.
 * Never throws, whatever the value (a getter that throws is reported on the document).
 *
 * @category operations
 * @since 0.1.0
 * @internal
 */
export const planShapeProblems = (plan: unknown): ReadonlyArray<InvalidInput | UnknownField> => {
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
    const resumes = ownField(plan, 'resumes')
    if (resumes !== undefined && typeof resumes !== 'string') out.push(invalidInput('resumes', 'a plan id or nothing', resumes))
    out.push(...unknownFields('', plan, PLAN_FIELDS))
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
export const isWellFormedPlan = (plan: unknown, problems: ReadonlyArray<InvalidInput | UnknownField>): plan is Plan =>
  isRecord(plan) && problems.length === 0
