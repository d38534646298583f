/**
 * `npm run demo`: the embedded Contoso sample deployment with the Redmond data center dark.
 * Prints the deployment summary (pools, pairs, who serves whom, audit findings), the Backup
 * Service assessment of the day before (a lagging direction), then the plan to fail over pool1 as
 * a runbook and as a PowerShell script.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import {
  assessBackupService,
  auditTopology,
  decodeState,
  decodeTopology,
  formatFinding,
  formatProblem,
  frontEndsNeededToRun,
  planFailover,
  renderPowerShell,
  renderRunbook,
  servingPool,
  usersServedBy,
  type Problem,
  type State,
  type Topology,
} from 'sfb-dr'

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as unknown

const orExit = <A>(result: E.Either<ReadonlyArray<Problem>, A>, what: string): A => {
  if (E.isRight(result)) return result.right
  console.error(`${what}:\n${result.left.map((p) => `  - ${formatProblem(p)}`).join('\n')}`)
  process.exit(1)
}

/** `1 user`, `2 users`. */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

const summary = (topology: Topology, state: State): string => {
  const lines = [`# Contoso: ${topology.pools.length} pools, ${topology.users.size} users`, '']
  for (const pool of topology.pools) {
    const status = state.pools.get(pool.fqdn)
    const quorum = O.match(
      () => 'quorum not tabulated',
      (q: { readonly count: number; readonly among: number }) =>
        q.among === pool.frontEnds.length
          ? `functions with any ${q.count} of its Front Ends running`
          : `functions with ${q.count} of its first ${plural(q.among, 'Front End')} running`,
    )(frontEndsNeededToRun(pool))
    const partner = topology.index.partners.get(pool.fqdn)
    const servedBy = O.getOrElse(() => 'nobody')(servingPool(topology, state, pool.fqdn))
    const users = usersServedBy(topology, state, pool.fqdn)
    lines.push(
      `- ${pool.fqdn} (${pool.site}, ${pool.edition} ${pool.version}, ${plural(pool.frontEnds.length, 'Front End')}; ${quorum})`,
      `  ${status?.reachable === true ? 'reachable' : 'UNREACHABLE'}; paired with ${partner ?? 'no pool'}; ` +
        `its users are serviced by ${servedBy}; it services ${plural(users, 'user')}`,
    )
  }
  lines.push('', '## Audit findings', ...auditTopology(topology).map((f) => `- [${f.severity}] ${formatFinding(f)}`), '')
  return lines.join('\n')
}

const topology = orExit(decodeTopology(load('contoso.topology.json')), 'The sample topology is invalid')
const state = orExit(decodeState(topology, load('contoso.state.redmond-down.json')), 'The sample state is invalid')
console.log(summary(topology, state))

// The Backup Service as it was recorded before the disaster: the caller's clock is data (`now`).
const recorded = orExit(decodeState(topology, load('contoso.state.backup-lagging.json')), 'The sample Backup Service state is invalid')
const report = orExit(assessBackupService(topology, recorded, { now: '2026-11-25T10:10:00Z' }), 'assessBackupService refused')
console.log(`## Backup Service at 2026-11-25T10:10:00Z (sync interval ${report.syncInterval})\n`)
for (const d of report.directions)
  console.log(`- ${d.from} → ${d.to}: ${d.health}${d.lagSeconds === undefined ? '' : `, last sync ${plural(d.lagSeconds, 'second')} ago`}`)
console.log(['', ...report.findings.map((f) => `- [${f.severity}] ${formatFinding(f)}`), ''].join('\n'))

console.log('## The Redmond data center is dark: fail over pool1.contoso.com\n')
const plan = orExit(planFailover(topology, state, { pool: 'pool1.contoso.com' }), 'planFailover refused')
console.log(renderRunbook(plan))
console.log('## The same plan as a Management Shell script\n')
console.log(renderPowerShell(plan))
