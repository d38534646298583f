/**
 * The published JSON Schemas (contract §4.1: editors use them through a top-level `$schema`) stay
 * in step with the decoders: the committed files are what the decoders' tables generate, every
 * decoded field is in the schema and nothing else is, and every document the library writes or
 * accepts validates (ajv, draft 2020-12) while unknown fields are refused at every level.
 */
import { test } from '@fast-check/vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as props from '../../src/codec/documentSchemas.js'
import * as names from '../../src/codec/shapes.js'
import { decodeState, encodeState } from '../../src/codec/stateCodec.js'
import { decodeTopology, encodeTopology } from '../../src/codec/topologyCodec.js'
import type { JsonSchema } from '../../src/model/jsonSchema.js'
import { catalog } from '../../src/plan/catalog.js'
import { executePlan } from '../../src/run/executePlan.js'
import { simulatedHandlers } from '../../src/testing/simulatedHandlers.js'
import { deploymentArbitrary } from '../../src/testing/stateArbitrary.js'
import { topologyDocumentArbitrary } from '../../src/testing/documentArbitrary.js'
import { generatedSchemas, schemasDir, schemaText } from '../../scripts/schemas.js'
import { contosoTopologyDocument, pool1FailedOverStateDocument, redmondDownStateDocument } from '../support/fixtures.js'
import { scenarios } from '../render/scenarios.js'

const committed = (name: string): JsonSchema => JSON.parse(readFileSync(new URL(name, schemasDir), 'utf8')) as JsonSchema
const ajv = new Ajv2020({ allErrors: true, strict: true })
const validator = (name: string) => ajv.compile(committed(name))
const topologyValid = validator('topology.schema.json')
const stateValid = validator('state.schema.json')
const planValid = validator('plan.schema.json')
const journalValid = validator('journal.schema.json')
const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))
const errorsOf = (v: ReturnType<typeof validator>, doc: unknown): unknown => (v(doc) ? [] : v.errors)

describe('the committed schemas are the generated ones', () => {
  // The schema is generated inside the test, not when the file is collected, so that the check
  // sees the code as it is when the test runs (Stryker switches its mutants on per test).
  it.each(generatedSchemas().map(([name]) => name))('schemas/%s (run `npm run schemas` after changing a document)', (name) => {
    const schema = generatedSchemas().find(([n]) => n === name)?.[1]
    expect(readFileSync(new URL(name, schemasDir), 'utf8')).toBe(schemaText(schema ?? {}))
  })

  it('are valid draft 2020-12 schemas', () => {
    for (const [name] of generatedSchemas()) expect(ajv.validateSchema(committed(name))).toBe(true)
  })
})

describe('every field a decoder reads is in the schema, and nothing else', () => {
  it.each([
    ['TOPOLOGY', 'TOPOLOGY'],
    ['SITE', 'SITE'],
    ['POOL', 'POOL'],
    ['BACK_END', 'BACK_END'],
    ['SQL_STORE', 'SQL_STORE'],
    ['EDGE_POOL', 'EDGE_POOL'],
    ['CMS', 'CMS'],
    ['USER', 'USER'],
    ['STATE', 'STATE'],
    ['POOL_STATUS', 'POOL_STATUS'],
    ['EDGE_POOL_STATUS', 'EDGE_POOL_STATUS'],
    ['FAILOVER', 'FAILOVER'],
    ['CMS_STATUS', 'CMS_STATUS'],
    ['BACKUP_SERVICE', 'BACKUP_SERVICE'],
  ])('%s', (fields, properties) => {
    const known = (names as unknown as Record<string, ReadonlyArray<string>>)[`${fields}_FIELDS`]
    const described = (props as unknown as Record<string, Record<string, unknown>>)[`${properties}_PROPERTIES`]
    expect([...(known ?? [])].sort()).toEqual(Object.keys(described ?? {}).sort())
  })

  it('the plan schema has one step definition per catalog tag, with exactly its fields', () => {
    const defs = committed('plan.schema.json')['$defs'] as Record<string, { properties: Record<string, unknown> }>
    for (const [tag, d] of Object.entries(catalog))
      expect(Object.keys(defs[`step${tag}`]?.properties ?? {}).sort()).toEqual(['_tag', 'id', 'kind', ...Object.keys(d.fields)].sort())
  })
})

describe('what the library writes and reads validates', () => {
  it('the Contoso fixtures', () => {
    expect(errorsOf(topologyValid, contosoTopologyDocument())).toEqual([])
    expect(errorsOf(stateValid, redmondDownStateDocument())).toEqual([])
    expect(errorsOf(stateValid, pool1FailedOverStateDocument())).toEqual([])
  })

  test.prop([deploymentArbitrary()], { numRuns: 40 })('encoded topologies and states', ({ topology, state }) => {
    expect(errorsOf(topologyValid, json(encodeTopology(topology)))).toEqual([])
    expect(errorsOf(stateValid, json(encodeState(state)))).toEqual([])
  })

  test.prop([topologyDocumentArbitrary()], { numRuns: 40 })('topology documents as people spell them', ({ document }) => {
    expect(E.isRight(decodeTopology(document))).toBe(true)
    expect(errorsOf(topologyValid, json(document))).toEqual([])
  })

  it('every plan of the scenarios, and the journals of their runs (completed, failed, refused)', async () => {
    for (const s of scenarios()) {
      expect(errorsOf(planValid, json(s.plan))).toEqual([])
      const done = await executePlan(s.plan, simulatedHandlers(s.topology, s.state).handlers)
      expect(errorsOf(journalValid, json(done))).toEqual([])
      const failed = await executePlan(s.plan, simulatedHandlers(s.topology, s.state, { failAt: s.plan.steps[0].id }).handlers)
      expect(errorsOf(journalValid, json(failed))).toEqual([])
      const refused = await executePlan({ ...s.plan, id: 'edited' }, simulatedHandlers(s.topology, s.state).handlers)
      expect(errorsOf(journalValid, json(refused))).toEqual([])
    }
  })
})

describe('the schemas refuse what the decoders refuse: unknown fields, at every level', () => {
  const withField = (doc: unknown, path: ReadonlyArray<string | number>, key: string): unknown => {
    const copy = json(doc)
    let here = copy as Record<string | number, unknown>
    for (const k of path) here = here[k] as Record<string | number, unknown>
    here[key] = 'x'
    return copy
  }

  it.each([
    [[], 'edgepools'],
    [['pools', 0], 'reachble'],
    [['pools', 0, 'backEnd'], 'mirorr'],
    [['sites', 0], 'nmae'],
    [['edgePools', 0], 'federaton'],
    [['centralManagementStore'], 'pools'],
  ] as const)('topology %j.%s', (path, key) => {
    const doc = withField(contosoTopologyDocument(), path, key)
    expect(topologyValid(doc)).toBe(false)
    expect(E.isLeft(decodeTopology(doc))).toBe(true)
  })

  it('state: {"pools":{"pool1.contoso.com":{"reachble":false}}}', () => {
    const doc: unknown = JSON.parse('{"pools":{"pool1.contoso.com":{"reachble":false}}}')
    expect(stateValid(doc)).toBe(false)
    const topology = decodeTopology(contosoTopologyDocument())
    expect(E.isRight(topology) && E.isLeft(decodeState(topology.right, doc))).toBe(true)
  })

  it('plan and journal', async () => {
    const s = scenarios()[1]!
    expect(planValid(withField(s.plan, ['steps', 0], 'pol'))).toBe(false)
    expect(planValid(withField(s.plan, ['intent'], 'mdoe'))).toBe(false)
    const journal = await executePlan(s.plan, simulatedHandlers(s.topology, s.state).handlers)
    expect(journalValid(withField(journal, ['entries', 0], 'stauts'))).toBe(false)
  })

  it('allow a top-level $schema, and only there', () => {
    const doc = { $schema: './node_modules/sfb-dr/schemas/topology.schema.json', ...(contosoTopologyDocument() as object) }
    expect(errorsOf(topologyValid, doc)).toEqual([])
    expect(E.isRight(decodeTopology(doc))).toBe(true)
    expect(topologyValid(withField(contosoTopologyDocument(), ['pools', 0], '$schema'))).toBe(false)
  })
})

describe('the package publishes them', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    files: ReadonlyArray<string>
    exports: Record<string, unknown>
  }
  it('in `files`, and as `sfb-dr/schemas/<name>.schema.json` in `exports`', () => {
    expect(pkg.files).toContain('schemas')
    expect(pkg.exports['./schemas/*.schema.json']).toBe('./schemas/*.schema.json')
  })
})
