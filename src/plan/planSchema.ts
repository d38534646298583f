/**
 * The JSON Schema of the plan document (published as `sfb-dr/schemas/plan.schema.json`), built
 * from the tables `planShapeProblems` and `decodePlan` read: one object per step tag from the
 * catalog's field shapes, one per intent and finding tag from their tables. A step tag, intent or
 * finding added to the library is in the schema as soon as it is readable.
 *
 * @module
 * @internal
 */
import { documentSchema, objectSchema, optional, required, type JsonSchema, type PropertySchema } from '../model/jsonSchema.js'
import { catalog } from './catalog.js'
import { FINDING_FIELDS, IMPACT_FIELDS, INTENT_FIELDS, type FieldCheck } from './planShape.js'
import type { FieldShape } from './steps/definition.js'
import { fieldCheck } from './steps/fields.js'

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` })
const tagged = (tag: string, checks: { readonly [field: string]: FieldCheck }): JsonSchema =>
  objectSchema({
    _tag: required({ const: tag }),
    ...Object.fromEntries(
      Object.entries(checks).map(([k, c]): [string, PropertySchema] => [k, c.optional === true ? optional(c.schema) : required(c.schema)]),
    ),
  })

const stepSchema = (tag: string, kind: string, fields: { readonly [field: string]: FieldShape }): JsonSchema =>
  objectSchema({
    _tag: required({ const: tag }),
    id: required({ type: 'string', minLength: 1, description: 'Unique, deterministic id within the plan.' }),
    kind: required({ const: kind }),
    ...Object.fromEntries(
      Object.entries(fields).map(([k, shape]): [string, PropertySchema] => {
        return [k, shape.optional === true ? optional(fieldCheck(shape).schema) : required(fieldCheck(shape).schema)]
      }),
    ),
  })

/**
 * The JSON Schema of the plan document.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const planSchema = (): JsonSchema => {
  const steps = Object.entries(catalog).map(([tag, d]): [string, JsonSchema] => {
    const fields: { readonly [field: string]: FieldShape } = d.fields
    return [`step${tag}`, stepSchema(tag, d.kind, fields)]
  })
  const intents = Object.entries(INTENT_FIELDS).map(([tag, checks]): [string, JsonSchema] => [`intent${tag}`, tagged(tag, checks)])
  const findings = Object.entries(FINDING_FIELDS).map(([tag, checks]): [string, JsonSchema] => [`finding${tag}`, tagged(tag, checks)])
  return documentSchema(
    'plan',
    'sfb-dr plan document',
    'A plan as planners return it and `sfb-dr plan --out` writes it. Read it back with decodePlan; check it against a deployment with validatePlan (its id is a SHA-256 of its content: edited plans are refused).',
    {
      formatVersion: required({ const: 1 }),
      id: required({ type: 'string', description: 'SHA-256 (hex) of the canonical JSON of the other fields.' }),
      intent: required({ oneOf: intents.map(([name]) => ref(name)) }),
      steps: required({ type: 'array', minItems: 1, items: { oneOf: steps.map(([name]) => ref(name)) } }),
      warnings: required({ type: 'array', items: { oneOf: findings.map(([name]) => ref(name)) } }),
      impact: required(
        objectSchema(Object.fromEntries(Object.entries(IMPACT_FIELDS).map(([k, c]): [string, PropertySchema] => [k, required(c.schema)]))),
      ),
      resumes: optional({ type: 'string', description: 'Only on a plan made by resumePlan: the id of the plan whose rest it is.' }),
    },
    Object.fromEntries([...intents, ...steps, ...findings]),
  )
}
