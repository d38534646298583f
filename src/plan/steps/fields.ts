/**
 * Field shapes for step definitions: how each step field is read back from JSON, and its JSON
 * Schema in the published plan schema.
 *
 * A shape is a small descriptor (`{ type: 'fqdn' }`); {@link fieldCheck} turns it into the test,
 * the words and the JSON Schema. Only the plan reader (`planShape.ts`) and the plan schema call
 * it, so the step catalog that planners and renderers load carries descriptors, not schemas.
 *
 * @module
 * @internal
 */
import { isFqdn, isSiteName, isSqlInstanceName } from '../../model/identifiers.js'
import type { JsonSchema } from '../../model/jsonSchema.js'
import { isSyncInterval } from '../../model/syncInterval.js'
import type { FieldShape } from './definition.js'

/**
 * A lower-case FQDN.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const fqdn: FieldShape = { type: 'fqdn' }

/**
 * A SQL instance name.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const sqlInstance: FieldShape = { type: 'sqlInstance' }

/**
 * A site name.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const siteName: FieldShape = { type: 'siteName' }

/**
 * `true` or `false`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const boolean: FieldShape = { type: 'boolean' }

/**
 * A whole number from `min` to `max`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const wholeNumber = (min: number, max: number): FieldShape => ({ type: 'wholeNumber', min, max })

/**
 * One of the given strings.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const oneOf = (...values: ReadonlyArray<string>): FieldShape => ({ type: 'oneOf', values })

/**
 * `shape`, or an absent field.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const optional = (shape: FieldShape): FieldShape => ({ ...shape, optional: true })

/**
 * A Backup Service sync interval, `hh:mm:ss` from `00:00:05` to `03:00:00`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const syncInterval: FieldShape = { type: 'syncInterval' }

/**
 * What a field shape means: whether a value is acceptable (an absent optional field is
 * `undefined`), what is expected in words, and the JSON Schema of the field's value.
 *
 * @category model
 * @since 0.2.0
 * @internal
 */
export interface FieldCheckOf {
  /** Whether `value` is acceptable (`undefined` for an absent field). */
  readonly accepts: (value: unknown) => boolean
  /** What the field holds, in words (`a lower-case FQDN`). */
  readonly expected: string
  /** The JSON Schema of the field's value (the published plan schema is built from it). */
  readonly schema: JsonSchema
}

const present = (shape: FieldShape): FieldCheckOf => {
  switch (shape.type) {
    case 'fqdn':
      return { expected: 'a lower-case FQDN', accepts: isFqdn, schema: { type: 'string', description: 'A lower-case FQDN.' } }
    case 'sqlInstance':
      return {
        expected: 'a SQL instance name',
        accepts: isSqlInstanceName,
        schema: { type: 'string', description: 'A SQL Server instance name.' },
      }
    case 'siteName':
      return {
        expected: 'a site name',
        accepts: isSiteName,
        schema: { type: 'string', pattern: '^[A-Za-z0-9 ._-]{1,64}$', description: 'A site name.' },
      }
    case 'boolean':
      return { expected: 'true or false', accepts: (u) => typeof u === 'boolean', schema: { type: 'boolean' } }
    case 'wholeNumber': {
      const { min, max } = shape
      return {
        expected: `a whole number from ${String(min)} to ${String(max)}`,
        accepts: (u) => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
        schema: { type: 'integer', minimum: min, maximum: max },
      }
    }
    case 'oneOf': {
      const { values } = shape
      return {
        expected: values.map((v) => JSON.stringify(v)).join(' or '),
        accepts: (u) => typeof u === 'string' && values.includes(u),
        schema: { enum: [...values] },
      }
    }
    case 'syncInterval':
      return {
        expected: 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"',
        accepts: isSyncInterval,
        schema: { type: 'string', pattern: '^\\d{2}:[0-5]\\d:[0-5]\\d$', description: 'hh:mm:ss from 00:00:05 to 03:00:00.' },
      }
  }
}

/**
 * What a field shape means (an optional shape also accepts an absent field, "… or nothing").
 *
 * @category operations
 * @since 0.2.0
 * @internal
 */
export const fieldCheck = (shape: FieldShape): FieldCheckOf => {
  const check = present(shape)
  return shape.optional === true
    ? { expected: `${check.expected} or nothing`, accepts: (u) => u === undefined || check.accepts(u), schema: check.schema }
    : check
}
