/** A tiny Object Mother for model tests: valid topologies through the real constructors. */
import type { Fqdn, SipAddress } from '../../src/model/identifiers.js'
import { makeTopology, type Pool, type Topology, type TopologyParts } from '../../src/model/topology.js'
import { fqdn, instance, sip, site } from '../support/builders.js'

export { fqdn, sip, site }

export const aPool = (name: string, overrides: Partial<Pool> = {}): Pool => ({
  fqdn: fqdn(name),
  site: site('Redmond'),
  edition: 'Enterprise',
  version: '2015',
  hosting: 'physical',
  os: 'Windows Server 2012 R2',
  frontEnds: [fqdn(`fe1.${name}`), fqdn(`fe2.${name}`), fqdn(`fe3.${name}`)],
  backEnd: { sqlServer: fqdn(`be.${name}`), instance: instance('rtc'), ha: 'none' },
  ...overrides,
})

/** pool1 (Redmond) ↔ pool2 (Dublin), unpaired se1; CMS on pool1; users per pool as given. */
export const aDeployment = (
  users: Readonly<Record<string, number>> = { 'pool1.contoso.com': 2, 'pool2.contoso.com': 1 },
  parts: Partial<TopologyParts> = {},
): Topology => {
  const userMap = new Map<SipAddress, Fqdn>()
  for (const [pool, n] of Object.entries(users))
    for (let i = 0; i < n; i++) userMap.set(sip(`sip:u${i}.${pool}@contoso.com`), fqdn(pool))
  return makeTopology({
    sites: [{ name: site('Redmond') }, { name: site('Dublin') }],
    pools: [
      aPool('pool1.contoso.com'),
      aPool('pool2.contoso.com', { site: site('Dublin') }),
      aPool('se1.contoso.com', {
        edition: 'Standard',
        frontEnds: [fqdn('se1.contoso.com')],
        backEnd: { sqlServer: fqdn('se1.contoso.com'), instance: instance('rtc'), ha: 'none' },
      }),
    ],
    pairings: [[fqdn('pool1.contoso.com'), fqdn('pool2.contoso.com')]],
    edgePools: [],
    centralManagementStore: { pool: fqdn('pool1.contoso.com') },
    users: userMap,
    ...parts,
  })
}
