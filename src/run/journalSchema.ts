/**
 * The JSON Schema of the journal document (published as `sfb-dr/schemas/journal.schema.json`),
 * built from the tables `decodeJournal` reads.
 *
 * @module
 * @internal
 */
import { documentSchema, objectSchema, optional, required, type JsonSchema, type PropertySchema } from '../model/jsonSchema.js'
import { catalog } from '../plan/catalog.js'
import type { FieldCheck } from '../plan/planShape.js'
import { ENTRY_FIELDS, FAILURE_FIELDS, JOURNAL_FIELDS, OBSERVED_FIELDS } from './decodeJournal.js'

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` })
const properties = (checks: { readonly [field: string]: FieldCheck }): { readonly [field: string]: PropertySchema } =>
  Object.fromEntries(Object.entries(checks).map(([k, c]): [string, PropertySchema] => [k, c.optional === true ? optional(c.schema) : required(c.schema)]))

/**
 * The JSON Schema of the journal document.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const journalSchema = (): JsonSchema => {
  const failures = Object.entries(FAILURE_FIELDS).map(([tag, checks]): [string, JsonSchema] => [
    `failure${tag}`,
    objectSchema({ _tag: required({ const: tag }), ...properties(checks) }),
  ])
  const entry = objectSchema({
    ...properties(ENTRY_FIELDS),
    _tag: required({ enum: Object.keys(catalog) }),
    failure: optional({ oneOf: failures.map(([name]) => ref(name)) }),
    observed: optional(objectSchema(properties(OBSERVED_FIELDS))),
  })
  return documentSchema(
    'journal',
    'sfb-dr journal document',
    'The record of one run of a plan, as executePlan returns it. Read it back with decodeJournal; continue a run with resumePlan.',
    {
      ...properties(JOURNAL_FIELDS),
      entries: required({ type: 'array', items: ref('entry') }),
      problems: optional({
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['_tag'], properties: { _tag: { type: 'string', minLength: 1 } } },
        description: "Only in the journal of a refused plan: the violations (each a tagged problem, as formatProblem reads it).",
      }),
    },
    { entry, ...Object.fromEntries(failures) },
  )
}
