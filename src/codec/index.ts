/**
 * Documents ⇄ model: the public surface of the codec layer (io-ts stays inside it).
 *
 * @module
 */
export { decodeTopology, encodeTopology } from './topologyCodec.js'
export { decodeState, encodeState } from './stateCodec.js'
export { parseDocumentText } from './documentText.js'
export type {
  BackEndDocument,
  BackEndStatusDocument,
  DatabasePrincipalsDocument,
  BackupServiceDocument,
  EdgePoolDocument,
  EdgePoolStatusDocument,
  FailoverDocument,
  PoolDocument,
  PoolStatusDocument,
  SiteDocument,
  SqlStoreDocument,
  StateDocument,
  TopologyDocument,
  UserDocument,
} from './documents.js'
