/**
 * Field shapes for step definitions: how each step field is read back from JSON, and its JSON
 * Schema in the published plan schema.
 *
 * @module
 * @internal
 */
import { isFqdn, isSiteName, isSqlInstanceName } from '../../model/identifiers.js'
import { isSyncInterval } from '../../model/syncInterval.js'
import type { FieldShape } from './definition.js'

/**
 * A lower-case FQDN.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const fqdn: FieldShape = {
  expected: 'a lower-case FQDN',
  accepts: isFqdn,
  schema: { type: 'string', description: 'A lower-case FQDN.' },
  optional: false,
}

/**
 * A SQL instance name.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const sqlInstance: FieldShape = {
  expected: 'a SQL instance name',
  accepts: isSqlInstanceName,
  schema: { type: 'string', description: 'A SQL Server instance name.' },
  optional: false,
}

/**
 * A site name.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const siteName: FieldShape = {
  expected: 'a site name',
  accepts: isSiteName,
  schema: { type: 'string', pattern: '^[A-Za-z0-9 ._-]{1,64}$', description: 'A site name.' },
  optional: false,
}

/**
 * `true` or `false`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const boolean: FieldShape = { expected: 'true or false', accepts: (u) => typeof u === 'boolean', schema: { type: 'boolean' }, optional: false }

/**
 * A whole number from `min` to `max`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const wholeNumber = (min: number, max: number): FieldShape => ({
  expected: `a whole number from ${String(min)} to ${String(max)}`,
  accepts: (u) => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
  schema: { type: 'integer', minimum: min, maximum: max },
  optional: false,
})

/**
 * One of the given strings.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const oneOf = (...values: ReadonlyArray<string>): FieldShape => ({
  expected: values.map((v) => JSON.stringify(v)).join(' or '),
  accepts: (u) => typeof u === 'string' && values.includes(u),
  schema: { enum: [...values] },
  optional: false,
})

/**
 * `shape`, or an absent field.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const optional = (shape: FieldShape): FieldShape => ({
  expected: `${shape.expected} or nothing`,
  accepts: (u) => u === undefined || shape.accepts(u),
  schema: shape.schema,
  optional: true,
})

/**
 * A Backup Service sync interval, `hh:mm:ss` from `00:00:05` to `03:00:00`.
 *
 * @category constructors
 * @since 0.2.0
 * @internal
 */
export const syncInterval: FieldShape = {
  expected: 'a sync interval "hh:mm:ss" from "00:00:05" to "03:00:00"',
  accepts: isSyncInterval,
  schema: { type: 'string', pattern: '^\\d{2}:[0-5]\\d:[0-5]\\d$', description: 'hh:mm:ss from 00:00:05 to 03:00:00.' },
  optional: false,
}
