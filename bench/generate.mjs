// @ts-check
/**
 * Deterministic generator of sfb-dr benchmark documents: a topology of `pools` Front End pools in
 * pairs over `sites` sites (one Edge pool per site, the first with federation, the CMS on the first
 * pool) with `users` users homed uniformly at random, and a state document of a partial disaster.
 * Same options, same documents: the PRNG is seeded (mulberry32), never `Math.random`.
 *
 * Plain JS with JSDoc types, so that `node bench/run.mjs` needs no build step of its own.
 */

/**
 * @typedef {object} GenerateOptions
 * @property {number} users number of users
 * @property {number} [pools] Front End pools, an even number (default 2000)
 * @property {number} [sites] sites (default 20)
 * @property {number} [seed] PRNG seed (default 20261125)
 * @property {number} [mixedCase] share of users whose SIP address and home pool are written with
 *   capitals (default 0.02): they take the decoder's normalizing path
 */

/**
 * mulberry32: a small, fast, seeded 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export const prng = (seed) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DOMAIN = 'corp.contoso.com'
const pad = (/** @type {number} */ n, /** @type {number} */ w) => String(n).padStart(w, '0')
const poolName = (/** @type {number} */ i) => `pool${pad(i, 4)}.${DOMAIN}`

/**
 * The topology document as a plain object.
 * @param {GenerateOptions} options
 */
export const topologyDocument = (options) => {
  const { users: userCount, pools: poolCount = 2000, sites: siteCount = 20, seed = 20261125, mixedCase = 0.02 } = options
  const random = prng(seed)
  const sites = Array.from({ length: siteCount }, (_, s) => ({ name: `Site ${pad(s, 2)}` }))
  const pools = Array.from({ length: poolCount }, (_, i) => {
    const pair = i >> 1
    const site = sites[(pair * 2 + (i & 1)) % siteCount]?.name ?? 'Site 00'
    const standard = pair % 10 === 9
    const fqdn = poolName(i)
    return standard
      ? { fqdn, site, edition: 'Standard', frontEnds: [fqdn] }
      : {
          fqdn,
          site,
          edition: 'Enterprise',
          version: pair % 3 === 0 ? '2019' : '2015',
          hosting: 'physical',
          os: 'Windows Server 2019',
          frontEnds: [0, 1, 2].map((j) => `fe${pad(i, 4)}-${j}.${DOMAIN}`),
          backEnd:
            pair % 2 === 0
              ? { sqlServer: `sql${pad(i, 4)}.${DOMAIN}`, instance: 'rtc', ha: 'alwaysOn' }
              : {
                  sqlServer: `sql${pad(i, 4)}.${DOMAIN}`,
                  instance: 'rtc',
                  mirror: { sqlServer: `sql${pad(i, 4)}m.${DOMAIN}`, instance: 'rtc' },
                  ha: 'mirroring',
                },
          edgePool: `edge${pad((pair * 2 + (i & 1)) % siteCount, 2)}.${DOMAIN}`,
        }
  })
  const pairings = Array.from({ length: poolCount >> 1 }, (_, k) => [poolName(2 * k), poolName(2 * k + 1)])
  const edgePools = sites.map((_, s) => ({
    fqdn: `edge${pad(s, 2)}.${DOMAIN}`,
    site: sites[s]?.name ?? 'Site 00',
    nextHop: poolName(s),
    federation: s === 0,
    xmpp: s === 1,
  }))
  const users = new Array(userCount)
  for (let u = 0; u < userCount; u++) {
    const pool = Math.floor(random() * poolCount)
    const shout = random() < mixedCase
    users[u] = shout
      ? { sipAddress: `sip:User${pad(u, 7)}@Corp.Contoso.com`, homePool: poolName(pool).toUpperCase() }
      : { sipAddress: `sip:user${pad(u, 7)}@${DOMAIN}`, homePool: poolName(pool) }
  }
  return { sites, pools, pairings, edgePools, centralManagementStore: { pool: poolName(0) }, users }
}

/**
 * A state document: every tenth pair has its first pool down and failed over, the CMS is on its
 * home pool, the Edge pools of the dark pools' sites forward to the partners, and every pool of the
 * first half has a Backup Service status.
 * @param {GenerateOptions} options
 */
export const stateDocument = (options) => {
  const { pools: poolCount = 2000, sites: siteCount = 20 } = options
  /** @type {Record<string, object>} */
  const pools = {}
  /** @type {Array<object>} */
  const failovers = []
  for (let k = 0; k < poolCount >> 1; k += 10) {
    pools[poolName(2 * k)] = { reachable: false, frontEndsRunning: 0 }
    pools[poolName(2 * k + 1)] = { reachable: true }
    failovers.push({ pool: poolName(2 * k), mode: 'disaster' })
  }
  /** @type {Record<string, object>} */
  const edgePools = {}
  for (let s = 0; s < siteCount; s += 2) edgePools[`edge${pad(s, 2)}.${DOMAIN}`] = { reachable: true, nextHop: poolName(s + 1) }
  const backupService = Array.from({ length: poolCount >> 1 }, (_, i) => ({
    pool: poolName(i),
    exportState: 'SteadyState',
    importState: 'NormalState',
    lastSyncAt: `2026-11-25T10:${pad(i % 60, 2)}:00Z`,
  }))
  return {
    pools,
    failovers,
    centralManagementStore: { activeMaster: poolName(0), available: true },
    edgePools,
    federationEdgePool: `edge00.${DOMAIN}`,
    backupService,
  }
}

/**
 * Both documents as JSON text.
 * @param {GenerateOptions} options
 * @returns {{ topologyJson: string, stateJson: string }}
 */
export const generate = (options) => ({
  topologyJson: JSON.stringify(topologyDocument(options)),
  stateJson: JSON.stringify(stateDocument(options)),
})
