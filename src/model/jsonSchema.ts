/**
 * JSON Schema (draft 2020-12) as plain data, for the schemas sfb-dr publishes of its documents
 * (`sfb-dr/schemas/*.schema.json`). Each layer describes its own documents from the tables its
 * decoders read, so that a field cannot be decoded without being described.
 *
 * @module
 * @internal
 */

/**
 * A JSON Schema (or a part of one) as plain data.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export type JsonSchema = { readonly [keyword: string]: unknown }

/**
 * One property of an object schema: its schema and whether the document must have it.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface PropertySchema {
  /** The schema of the property's value. */
  readonly schema: JsonSchema
  /** Whether the property is required. */
  readonly required: boolean
}

/**
 * The properties of a document object type `D`, one per field, each marked required exactly when
 * `D` requires it: a field added to `D` and not here, or optional in one and required in the
 * other, fails to compile.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export type PropertiesOf<D> = {
  readonly [K in keyof D]-?: { readonly schema: JsonSchema; readonly required: object extends Pick<D, K> ? false : true }
}

/**
 * An object schema of exactly these properties (`additionalProperties: false`).
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const objectSchema = (
  properties: { readonly [name: string]: PropertySchema },
  extra: JsonSchema = {},
): JsonSchema => {
  const required = Object.keys(properties).filter((k) => properties[k]?.required === true)
  return {
    ...extra,
    type: 'object',
    properties: Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, p.schema])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  }
}

/**
 * A property that may be absent.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const optional = (schema: JsonSchema): { readonly schema: JsonSchema; readonly required: false } => ({
  schema,
  required: false,
})

/**
 * A property the document must have.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const required = (schema: JsonSchema): { readonly schema: JsonSchema; readonly required: true } => ({
  schema,
  required: true,
})

/**
 * The root of a published schema: `$schema`, a title, and the one extra top-level
 * property every document may have, `$schema`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const documentSchema = (
  name: string,
  title: string,
  description: string,
  properties: { readonly [name: string]: PropertySchema },
  defs: { readonly [name: string]: JsonSchema } = {},
): JsonSchema =>
  objectSchema(
    { $schema: optional({ type: 'string', description: 'The JSON Schema of this document (for editors).' }), ...properties },
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $comment: `sfb-dr/schemas/${name}.schema.json, generated from the decoders' tables (npm run schemas)`,
      title,
      description,
      ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
    },
  )
