/**
 * The JSON Schemas of the documents, published in the package as `sfb-dr/schemas/<name>.schema.json`:
 * generated from the decoders' own tables (`src/codec/documentSchemas.ts`, `src/plan/planSchema.ts`,
 * `src/run/journalSchema.ts`). `npm run schemas` writes them to `schemas/`;
 * `test/schemas/schemas.test.ts` fails when the committed files differ from what this generates,
 * so a field added to a document cannot ship without its schema.
 *
 *   npm run schemas
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stateSchema, topologySchema } from '../src/codec/documentSchemas.js'
import type { JsonSchema } from '../src/model/jsonSchema.js'
import { planSchema } from '../src/plan/planSchema.js'
import { journalSchema } from '../src/run/journalSchema.js'

/** Every published schema by file name, as generated now. */
export const generatedSchemas = (): ReadonlyArray<readonly [string, JsonSchema]> => [
  ['topology.schema.json', topologySchema()],
  ['state.schema.json', stateSchema()],
  ['plan.schema.json', planSchema()],
  ['journal.schema.json', journalSchema()],
]

/** A schema file's text: two-space JSON with a final newline. */
export const schemaText = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`

/** Where the published schemas live. */
export const schemasDir = new URL('../schemas/', import.meta.url)

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, schema] of generatedSchemas()) {
    writeFileSync(new URL(name, schemasDir), schemaText(schema))
    console.log(`wrote schemas/${name}`)
  }
}
