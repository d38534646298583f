/**
 * `auditTopology`: what Topology Builder accepts but Microsoft does not support or advises
 * against. A topology with findings still decodes and plans; the findings ride along as plan
 * warnings for the pools they touch.
 *
 * @module
 */
import type { TopologyFinding, TopologyFindingTag, Severity } from './findings.js'
import type { PoolFqdn } from './identifiers.js'
import { maxFrontEnds } from './quorum.js'
import type { Pool, Topology } from './topology.js'

const finding = (_tag: TopologyFindingTag, severity: Severity, pools: ReadonlyArray<PoolFqdn>): TopologyFinding => ({
  _tag,
  severity,
  pools,
})

/** Findings about one pairing: both pools must match in edition, hosting, OS and version. */
const pairFindings = (a: Pool, b: Pool): ReadonlyArray<TopologyFinding> => {
  const pools = [a.fqdn, b.fqdn] as const
  const out: Array<TopologyFinding> = []
  if (a.edition !== b.edition) out.push(finding('PairingEditionMismatch', 'unsupported', pools))
  if (a.hosting !== b.hosting) out.push(finding('PairingHostingMismatch', 'unsupported', pools))
  if (a.os !== undefined && b.os !== undefined && a.os !== b.os)
    out.push(finding('PairingOsMismatch', 'unsupported', pools))
  if (a.version !== b.version) out.push(finding('PairingVersionMismatch', 'unsupported', pools))
  if (a.site === b.site) out.push(finding('PairedPoolsSameSite', 'advice', pools))
  if (a.edition === 'Enterprise' && b.edition === 'Enterprise' && a.backEnd.ha !== b.backEnd.ha)
    out.push(finding('BackEndHaMismatch', 'advice', pools))
  return out
}

/** Findings about one pool on its own. */
const poolFindings = (topology: Topology, pool: Pool): ReadonlyArray<TopologyFinding> => {
  const pools = [pool.fqdn] as const
  const out: Array<TopologyFinding> = []
  if (pool.version === '2019' && pool.backEnd.ha === 'mirroring') out.push(finding('MirroringOn2019', 'unsupported', pools))
  if (pool.version === '2019' && pool.edition === 'Enterprise' && pool.frontEnds.length === 2)
    out.push(finding('TwoFrontEndEnterprisePool2019', 'unsupported', pools))
  if (pool.frontEnds.length > maxFrontEnds(pool.version)) out.push(finding('TooManyFrontEnds', 'unsupported', pools))
  if (!topology.index.partners.has(pool.fqdn)) out.push(finding('UnpairedPool', 'advice', pools))
  return out
}

/** The findings of the pairings and pools that `touches` accepts, in `auditTopology`'s order. */
const audit = (topology: Topology, touches: (pool: PoolFqdn) => boolean): ReadonlyArray<TopologyFinding> => {
  const out: Array<TopologyFinding> = []
  for (const [a, b] of topology.pairings) {
    if (!touches(a) && !touches(b)) continue
    const pa = topology.index.pools.get(a)
    const pb = topology.index.pools.get(b)
    if (pa !== undefined && pb !== undefined) out.push(...pairFindings(pa, pb))
  }
  for (const pool of topology.pools) if (touches(pool.fqdn)) out.push(...poolFindings(topology, pool))
  return out
}

/**
 * Every finding of the topology: per pairing (edition, hosting, OS or version mismatch; same site;
 * Back End HA mismatch) in pairing order, then per pool (mirroring on 2019; a two-Front-End
 * Enterprise pool on 2019; more Front Ends than the version allows; no backup pool) in pool order.
 *
 * @example
 * import { auditTopology, formatFinding } from 'sfb-dr'
 *
 * auditTopology(contoso) // => [{ _tag: 'UnpairedPool', severity: 'advice', pools: ['se1.contoso.com'] }]
 * auditTopology(contoso).filter((f) => f.severity === 'unsupported') // => []
 * auditTopology(contoso).map(formatFinding) // => ['se1.contoso.com has no backup pool: its users have no disaster recovery.']
 *
 * @category operations
 * @since 0.1.0
 */
export const auditTopology = (topology: Topology): ReadonlyArray<TopologyFinding> => audit(topology, () => true)

/**
 * The findings of `auditTopology` that name at least one of `pools` (same order), computed for
 * those pools only: what plans repeat as warnings.
 *
 * @example
 * import { auditPools } from 'sfb-dr'
 *
 * auditPools(contoso, [contoso.centralManagementStore.pool]) // => []: pool1 and its pairing with pool2 are fine
 * auditPools(contoso, contoso.pools.map((p) => p.fqdn))
 * // => [{ _tag: 'UnpairedPool', severity: 'advice', pools: ['se1.contoso.com'] }]
 *
 * @category operations
 * @since 0.1.0
 */
export const auditPools = (topology: Topology, pools: ReadonlyArray<PoolFqdn>): ReadonlyArray<TopologyFinding> => {
  const touched = new Set(pools)
  return audit(topology, (pool) => touched.has(pool))
}
