/**
 * The JSON Schemas of the topology and state documents (published as
 * `sfb-dr/schemas/topology.schema.json` and `state.schema.json`), built from the same document
 * types and codecs the decoders use: every object lists exactly the fields of its document type
 * (checked at compile time, and against the decoders' field names by a test), enums come from
 * the codecs, identifiers from the patterns of the model.
 *
 * The schemas describe the shape; the rules across fields (references, duplicates, pairings) are
 * the decoders' alone.
 *
 * @module
 * @internal
 */
import { documentSchema, objectSchema, optional, required, type JsonSchema, type PropertiesOf } from '../model/jsonSchema.js'
import { backEndServers } from '../model/state.js'
import type * as D from './documents.js'
import { editionCodec, haCodec, hostingCodec, versionCodec } from './pools.js'
import type { OneOfType } from './primitives.js'
import { exportCodec, importCodec, modeCodec } from './stateEntries.js'

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'

/** An FQDN as documents may write it: any letter case, an optional trailing dot. */
const FQDN: JsonSchema = {
  type: 'string',
  pattern: `^(?=.{1,253}\\.?$)(?:${LABEL}\\.)+${LABEL}\\.?$`,
  description: 'An FQDN: two or more dot-separated labels of ASCII letters, digits and inner hyphens (any letter case, an optional trailing dot).',
}
const SITE: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9 ._-]{1,64}$', description: 'A site name.' }
const SQL_INSTANCE: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_$]{0,15}$',
  description: 'A SQL Server instance name, such as "rtc".',
}
const SIP: JsonSchema = {
  type: 'string',
  pattern: '^[Ss][Ii][Pp]:[^\\s@:;<>"\'`]+@[^\\s@]+$',
  description: 'A SIP address, sip:local@domain (compared case-insensitively).',
}
const DATE_TIME: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$',
  description: 'An ISO 8601 date-time with "Z" or an offset, such as "2026-11-25T10:00:00Z".',
}
const BOOLEAN: JsonSchema = { type: 'boolean' }
const enumOf = <K extends string>(codec: OneOfType<K>): JsonSchema => ({ enum: [...codec.values] })
const list = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...extra })
const byFqdn = (value: JsonSchema): JsonSchema => ({ type: 'object', propertyNames: FQDN, additionalProperties: value })
const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` })

type Cms = NonNullable<D.TopologyDocument['centralManagementStore']>
type CmsStatus = NonNullable<D.StateDocument['centralManagementStore']>
type BackupServiceConfigurationDocument = NonNullable<D.StateDocument['backupServiceConfiguration']>

/** @internal */
export const SITE_PROPERTIES: PropertiesOf<D.SiteDocument> = { name: required(SITE) }
/** @internal */
export const SQL_STORE_PROPERTIES: PropertiesOf<D.SqlStoreDocument> = {
  sqlServer: required(FQDN),
  instance: required(SQL_INSTANCE),
}
/** @internal */
export const BACK_END_PROPERTIES: PropertiesOf<D.BackEndDocument> = {
  ...SQL_STORE_PROPERTIES,
  mirror: optional(ref('sqlStore')),
  ha: optional({ ...enumOf(haCodec), default: 'none' }),
}
/** @internal */
export const POOL_PROPERTIES: PropertiesOf<D.PoolDocument> = {
  fqdn: required(FQDN),
  site: required(SITE),
  edition: required(enumOf(editionCodec)),
  version: optional({ ...enumOf(versionCodec), default: '2015' }),
  hosting: optional({ ...enumOf(hostingCodec), default: 'physical' }),
  os: optional({ type: 'string', minLength: 1, maxLength: 256 }),
  frontEnds: required(list(FQDN, { minItems: 1, description: 'Front End servers in Topology Builder order.' })),
  backEnd: optional(ref('backEnd')),
  edgePool: optional(FQDN),
}
/** @internal */
export const EDGE_POOL_PROPERTIES: PropertiesOf<D.EdgePoolDocument> = {
  fqdn: required(FQDN),
  site: required(SITE),
  nextHop: required(FQDN),
  federation: optional({ ...BOOLEAN, default: false }),
  xmpp: optional({ ...BOOLEAN, default: false }),
}
/** @internal */
export const CMS_PROPERTIES: PropertiesOf<Cms> = { pool: required(FQDN) }
/** @internal */
export const USER_PROPERTIES: PropertiesOf<D.UserDocument> = { sipAddress: required(SIP), homePool: required(FQDN) }
/** @internal */
export const TOPOLOGY_PROPERTIES: PropertiesOf<D.TopologyDocument> = {
  sites: required(list(ref('site'))),
  pools: required(list(ref('pool'))),
  pairings: required(list({ type: 'array', prefixItems: [FQDN, FQDN], minItems: 2, maxItems: 2 })),
  edgePools: optional(list(ref('edgePool'))),
  centralManagementStore: required(ref('centralManagementStore')),
  users: optional(list(ref('user'))),
}

/** @internal */
export const POOL_STATUS_PROPERTIES: PropertiesOf<D.PoolStatusDocument> = {
  reachable: optional({ ...BOOLEAN, default: true }),
  frontEndsRunning: optional({ type: 'integer', minimum: 0, description: 'Front End servers running; all when absent.' }),
  stoppedFrontEnds: optional(
    list(FQDN, { uniqueItems: true, description: "The pool's Front End servers that do not run (another way to say frontEndsRunning)." }),
  ),
  backEnd: optional(ref('backEndStatus')),
}
const BACK_END_SERVER: JsonSchema = { enum: [...backEndServers] }
/** @internal */
export const DATABASE_PRINCIPALS_PROPERTIES: PropertiesOf<D.DatabasePrincipalsDocument> = {
  User: optional({ ...BACK_END_SERVER, default: 'Primary' }),
  CentralMgmt: optional({ ...BACK_END_SERVER, default: 'Primary' }),
}
/** @internal */
export const BACK_END_STATUS_PROPERTIES: PropertiesOf<D.BackEndStatusDocument> = {
  principal: optional({ oneOf: [BACK_END_SERVER, ref('databasePrincipals')], description: 'For every database, or per database; "Primary" when absent.' }),
  down: optional(list(BACK_END_SERVER, { uniqueItems: true, description: 'The Back End servers that are down.' })),
}
/** @internal */
export const EDGE_POOL_STATUS_PROPERTIES: PropertiesOf<D.EdgePoolStatusDocument> = {
  reachable: optional({ ...BOOLEAN, default: true }),
  nextHop: optional(FQDN),
}
/** @internal */
export const FAILOVER_PROPERTIES: PropertiesOf<D.FailoverDocument> = {
  pool: required(FQDN),
  mode: optional({ ...enumOf(modeCodec), default: 'disaster' }),
}
/** @internal */
export const CMS_STATUS_PROPERTIES: PropertiesOf<CmsStatus> = {
  activeMaster: optional(FQDN),
  available: optional({ ...BOOLEAN, default: true }),
}
/** @internal */
export const BACKUP_SERVICE_PROPERTIES: PropertiesOf<D.BackupServiceDocument> = {
  pool: required(FQDN),
  exportState: optional(enumOf(exportCodec)),
  importState: optional(enumOf(importCodec)),
  lastSyncAt: optional(DATE_TIME),
}
/** @internal */
export const BACKUP_SERVICE_CONFIGURATION_PROPERTIES: PropertiesOf<BackupServiceConfigurationDocument> = {
  syncInterval: optional({
    type: 'string',
    pattern: '^\\d{2}:[0-5]\\d:[0-5]\\d$',
    default: '00:02:00',
    description: 'hh:mm:ss from 00:00:05 to 03:00:00 (Set-CsBackupServiceConfiguration -SyncInterval).',
  }),
}
/** @internal */
export const STATE_PROPERTIES: PropertiesOf<D.StateDocument> = {
  pools: optional(byFqdn(ref('poolStatus'))),
  failovers: optional(list(ref('failover'))),
  centralManagementStore: optional(ref('centralManagementStoreStatus')),
  edgePools: optional(byFqdn(ref('edgePoolStatus'))),
  federationEdgePool: optional({ oneOf: [FQDN, { type: 'null' }], description: 'null: no Edge pool carries federation now.' }),
  xmppEdgePool: optional({ oneOf: [FQDN, { type: 'null' }], description: 'Where the XMPP federation route points now; null: nowhere.' }),
  mediaEdgePools: optional(
    byFqdn({ oneOf: [FQDN, { type: 'null' }], description: "The Edge pool the Front End pool uses for media now; null: none; absent: its topology edgePool." }),
  ),
  backupService: optional(list(ref('backupService'))),
  backupServiceConfiguration: optional(ref('backupServiceConfiguration')),
}

/**
 * The JSON Schema of the topology document.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const topologySchema = (): JsonSchema =>
  documentSchema(
    'topology',
    'sfb-dr topology document',
    'What Topology Builder configures: sites, Front End pools, pairings, Edge pools, the CMS and (optionally) users. Decode with decodeTopology.',
    TOPOLOGY_PROPERTIES,
    {
      site: objectSchema(SITE_PROPERTIES),
      pool: objectSchema(POOL_PROPERTIES),
      backEnd: objectSchema(BACK_END_PROPERTIES),
      sqlStore: objectSchema(SQL_STORE_PROPERTIES),
      edgePool: objectSchema(EDGE_POOL_PROPERTIES),
      centralManagementStore: objectSchema(CMS_PROPERTIES),
      user: objectSchema(USER_PROPERTIES),
    },
  )

/**
 * The JSON Schema of the state document.
 *
 * @category internal
 * @since 0.2.0
 * @internal
 */
export const stateSchema = (): JsonSchema =>
  documentSchema(
    'state',
    'sfb-dr state document',
    'What is true now; every field is optional (missing: as the topology configures, healthy). Decode with decodeState.',
    STATE_PROPERTIES,
    {
      poolStatus: objectSchema(POOL_STATUS_PROPERTIES),
      backEndStatus: objectSchema(BACK_END_STATUS_PROPERTIES),
      databasePrincipals: objectSchema(DATABASE_PRINCIPALS_PROPERTIES),
      edgePoolStatus: objectSchema(EDGE_POOL_STATUS_PROPERTIES),
      failover: objectSchema(FAILOVER_PROPERTIES),
      centralManagementStoreStatus: objectSchema(CMS_STATUS_PROPERTIES),
      backupService: objectSchema(BACKUP_SERVICE_PROPERTIES),
      backupServiceConfiguration: objectSchema(BACKUP_SERVICE_CONFIGURATION_PROPERTIES),
    },
  )
