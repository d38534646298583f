/**
 * The field names of every object of the topology and state documents, each checked at compile
 * time against its document type (`documents.ts`): a field added to a document type and not
 * here, or here and not there, fails to compile. Decoders refuse every other field
 * (`UnknownField`), and the published JSON Schemas list exactly these.
 *
 * @module
 * @internal
 */
import type * as D from './documents.js'
import { namesOf } from './fields.js'

type Cms = NonNullable<D.TopologyDocument['centralManagementStore']>
type CmsStatus = NonNullable<D.StateDocument['centralManagementStore']>
type BackupServiceConfigurationDocument = NonNullable<D.StateDocument['backupServiceConfiguration']>

/** @internal */
export const TOPOLOGY_FIELDS = namesOf<D.TopologyDocument>({
  sites: true,
  pools: true,
  pairings: true,
  edgePools: true,
  centralManagementStore: true,
  users: true,
})
/** @internal */
export const SITE_FIELDS = namesOf<D.SiteDocument>({ name: true })
/** @internal */
export const POOL_FIELDS = namesOf<D.PoolDocument>({
  fqdn: true,
  site: true,
  edition: true,
  version: true,
  hosting: true,
  os: true,
  frontEnds: true,
  backEnd: true,
  edgePool: true,
})
/** @internal */
export const BACK_END_FIELDS = namesOf<D.BackEndDocument>({ sqlServer: true, instance: true, mirror: true, ha: true })
/** @internal */
export const SQL_STORE_FIELDS = namesOf<D.SqlStoreDocument>({ sqlServer: true, instance: true })
/** @internal */
export const EDGE_POOL_FIELDS = namesOf<D.EdgePoolDocument>({ fqdn: true, site: true, nextHop: true, federation: true, xmpp: true })
/** @internal */
export const CMS_FIELDS = namesOf<Cms>({ pool: true })
/** @internal */
export const USER_FIELDS = namesOf<D.UserDocument>({ sipAddress: true, homePool: true })

/** @internal */
export const STATE_FIELDS = namesOf<D.StateDocument>({
  pools: true,
  failovers: true,
  centralManagementStore: true,
  edgePools: true,
  federationEdgePool: true,
  xmppEdgePool: true,
  mediaEdgePools: true,
  backupService: true,
  backupServiceConfiguration: true,
})
/** @internal */
export const POOL_STATUS_FIELDS = namesOf<D.PoolStatusDocument>({
  reachable: true,
  frontEndsRunning: true,
  stoppedFrontEnds: true,
  backEnd: true,
})
/** @internal */
export const BACK_END_STATUS_FIELDS = namesOf<D.BackEndStatusDocument>({ principal: true, down: true })
/** @internal */
export const DATABASE_PRINCIPAL_FIELDS = namesOf<D.DatabasePrincipalsDocument>({
  User: true,
  CentralMgmt: true,
})
/** @internal */
export const EDGE_POOL_STATUS_FIELDS = namesOf<D.EdgePoolStatusDocument>({ reachable: true, nextHop: true })
/** @internal */
export const FAILOVER_FIELDS = namesOf<D.FailoverDocument>({ pool: true, mode: true })
/** @internal */
export const CMS_STATUS_FIELDS = namesOf<CmsStatus>({ activeMaster: true, available: true })
/** @internal */
export const BACKUP_SERVICE_CONFIGURATION_FIELDS = namesOf<BackupServiceConfigurationDocument>({ syncInterval: true })
/** @internal */
export const BACKUP_SERVICE_FIELDS = namesOf<D.BackupServiceDocument>({
  pool: true,
  exportState: true,
  importState: true,
  lastSyncAt: true,
})
