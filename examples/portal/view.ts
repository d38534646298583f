/**
 * The portal's view model: what the page shows, computed from the documents the operator chose.
 * Pure — no DOM, no I/O — so it runs unchanged in a browser, in Node and in tests; `main.ts` only
 * draws it.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import {
  auditTopology,
  decodeState,
  decodeTopology,
  formatFinding,
  formatIntent,
  formatProblem,
  initialState,
  isFailedOver,
  isPoolReachable,
  parseDocumentText,
  planFailback,
  planFailover,
  renderPowerShell,
  renderRunbook,
  servingPool,
  stepCommand,
  usersServedBy,
  type Plan,
  type Problem,
  type State,
  type Step,
  type Topology,
} from 'sfb-dr'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** One problem, with the place in the document it concerns (a JSON path), when it has one. */
export interface ProblemItem {
  readonly where: string
  readonly text: string
}

/** A document that could not be used, and every reason. */
export interface DocumentProblems {
  readonly document: 'topology' | 'state'
  readonly items: ReadonlyArray<ProblemItem>
}

/** A decoded deployment: the topology and what is true now. */
export interface Deployment {
  readonly topology: Topology
  readonly state: State
  /** True when no state document was given and the topology is shown healthy, as configured. */
  readonly assumedHealthy: boolean
}

/** What the operator can do with a pool now. */
export type PoolAction = 'failover' | 'failback' | 'none'

/** One row of the pools table. */
export interface PoolRow {
  readonly fqdn: string
  readonly site: string
  readonly edition: string
  readonly frontEnds: number
  readonly reachable: boolean
  /** The other pool of its pairing, if any. */
  readonly pairedWith: string | undefined
  /** Who services the users homed here: the pool itself, its partner after a failover, or nobody. */
  readonly homeUsersServicedBy: string
  /** How many users this pool services now (its own and a failed-over partner's). */
  readonly servicesUsers: number
  readonly action: PoolAction
}

/** One Edge pool. */
export interface EdgeRow {
  readonly fqdn: string
  readonly site: string
  readonly reachable: boolean
  readonly nextHop: string
  /** The next hop the topology configures, when the state has moved it. */
  readonly configuredNextHop: string | undefined
  readonly federation: boolean
}

/** The deployment summary: pools, pairs, who serves whom, the CMS, the Edge pools, the audit. */
export interface DeploymentView {
  readonly pools: ReadonlyArray<PoolRow>
  readonly pairs: ReadonlyArray<readonly [string, string]>
  readonly edgePools: ReadonlyArray<EdgeRow>
  readonly centralManagementStore: {
    readonly pool: string
    readonly activeMaster: string
    readonly available: boolean
  }
  readonly users: number
  readonly findings: ReadonlyArray<{ readonly severity: string; readonly text: string }>
  readonly assumedHealthy: boolean
}

/** One step of a plan, as the page lists it. */
export interface StepRow {
  readonly n: number
  readonly tag: Step['_tag']
  readonly what: string
  readonly command: string
}

/** The answer to "plan this pool": a plan, or every reason there is none. */
export type PlanView =
  | {
      readonly kind: 'refused'
      readonly title: string
      readonly problems: ReadonlyArray<ProblemItem>
    }
  | {
      readonly kind: 'plan'
      readonly title: string
      readonly planId: string
      readonly usersMoved: number
      readonly steps: ReadonlyArray<StepRow>
      readonly warnings: ReadonlyArray<string>
      readonly runbook: string
      readonly script: string
    }

// -------------------------------------------------------------------------------------
// documents
// -------------------------------------------------------------------------------------

const itemsOf = (ps: ReadonlyArray<Problem>): ReadonlyArray<ProblemItem> =>
  ps.map((p) => ({ where: 'path' in p ? p.path : '', text: formatProblem(p) }))

/**
 * Reads a document from the bytes of a chosen file: UTF-8 with or without a byte-order mark, or
 * UTF-16 with one (what Windows PowerShell 5.1 writes). Not JSON: one problem saying where.
 */
export const parseDocument = (document: DocumentProblems['document'], bytes: Uint8Array): E.Either<DocumentProblems, unknown> =>
  E.mapLeft((ps: ReadonlyArray<Problem>) => ({ document, items: itemsOf(ps) }))(parseDocumentText(bytes))

/**
 * Decodes the chosen documents. Without a state document the deployment is shown as the topology
 * configures it, every pool healthy — and the page says so.
 */
export const loadDeployment = (topologyDoc: unknown, stateDoc: O.Option<unknown>): E.Either<DocumentProblems, Deployment> => {
  const topology = decodeTopology(topologyDoc)
  if (E.isLeft(topology)) return E.left({ document: 'topology', items: itemsOf(topology.left) })
  if (O.isNone(stateDoc)) return E.right({ topology: topology.right, state: initialState(topology.right), assumedHealthy: true })
  const state = decodeState(topology.right, stateDoc.value)
  if (E.isLeft(state)) return E.left({ document: 'state', items: itemsOf(state.left) })
  return E.right({ topology: topology.right, state: state.right, assumedHealthy: false })
}

// -------------------------------------------------------------------------------------
// deployment summary
// -------------------------------------------------------------------------------------

/** Fail back a failed-over pool; fail over a paired one; nothing for an unpaired pool. */
export const actionFor = ({ topology, state }: Deployment, pool: string): PoolAction => {
  const fqdn = topology.pools.find((p) => p.fqdn === pool)?.fqdn
  if (fqdn === undefined) return 'none'
  if (isFailedOver(state, fqdn)) return 'failback'
  return topology.index.partners.has(fqdn) ? 'failover' : 'none'
}

/** The deployment summary the page shows first. */
export const deploymentView = (d: Deployment): DeploymentView => {
  const { topology, state } = d
  return {
    pools: topology.pools.map((p) => ({
      fqdn: p.fqdn,
      site: p.site,
      edition: `${p.edition} ${p.version}`,
      frontEnds: p.frontEnds.length,
      reachable: isPoolReachable(state, p.fqdn),
      pairedWith: topology.index.partners.get(p.fqdn),
      homeUsersServicedBy: O.getOrElse(() => 'nobody')(servingPool(topology, state, p.fqdn)),
      servicesUsers: usersServedBy(topology, state, p.fqdn),
      action: actionFor(d, p.fqdn),
    })),
    pairs: topology.pairings.map(([a, b]) => [a, b] as const),
    edgePools: topology.edgePools.map((e) => {
      const status = state.edgePools.get(e.fqdn)
      const nextHop = status?.nextHop ?? e.nextHop
      return {
        fqdn: e.fqdn,
        site: e.site,
        reachable: status?.reachable ?? true,
        nextHop,
        configuredNextHop: nextHop === e.nextHop ? undefined : e.nextHop,
        federation: state.federationEdgePool === e.fqdn,
      }
    }),
    centralManagementStore: {
      pool: topology.centralManagementStore.pool,
      activeMaster: state.centralManagementStore.activeMaster,
      available: state.centralManagementStore.available,
    },
    users: topology.users.size,
    findings: auditTopology(topology).map((f) => ({ severity: f.severity, text: formatFinding(f) })),
    assumedHealthy: d.assumedHealthy,
  }
}

// -------------------------------------------------------------------------------------
// plans
// -------------------------------------------------------------------------------------

const stepWhat = (step: Step): string => {
  switch (step._tag) {
    case 'CheckBackupService':
      return `Check that the Backup Service of ${step.pool} is in sync`
    case 'FailoverCentralManagementStore':
      return `Fail the Central Management Store over from ${step.from} to ${step.to} (${step.mode})`
    case 'CheckCentralManagementStore':
      return `Check that the CMS active master is ${step.activeMaster}`
    case 'SetEdgeNextHop':
      return `Point Edge pool ${step.edgePool} at next hop ${step.nextHop}`
    case 'FailoverPool':
      return `Fail over the users of ${step.pool} to ${step.backupPool}${step.disasterMode ? ' (disaster mode)' : ''}`
    case 'FailbackPool':
      return `Fail back the users of ${step.pool} from ${step.backupPool}${step.disasterMode ? ' (disaster mode)' : ''}`
    case 'SyncBackupService':
      return `Push the Backup Service data of ${step.pool}${step.module === undefined ? '' : ` (${step.module})`} to its backup pool`
    case 'SetBackupServiceSyncInterval':
      return `Set the Backup Service sync interval to ${step.interval}`
    case 'ResetPoolRegistrarState':
      return `Recover ${step.pool} from routing-group quorum loss (QuorumLossRecovery)`
    case 'FailoverDatabase':
      return `Make the ${step.newPrincipal} Back End server principal of the ${step.databaseType} database of ${step.pool}${step.force ? ' (-Force)' : ''}`
    case 'CheckDatabaseMirrorState':
      return `Check that the ${step.principal} server is principal of the ${step.databaseType} database of ${step.pool}`
    case 'MoveFederationRoute':
      return `Move federation from Edge pool ${step.from} to ${step.to} (Topology Builder, by hand)`
    case 'SetXmppFederationRoute':
      return `Point the XMPP federation route of site ${step.site} at Edge pool ${step.edgePool}`
    case 'UpdateXmppDns':
      return `Point the XMPP DNS records at Edge pool ${step.edgePool} (by hand)`
    case 'AssociateEdgePool':
      return `Associate ${step.pool} with Edge pool ${step.edgePool} for media (Topology Builder, by hand)`
  }
}

const planView = (plan: Plan): PlanView => ({
  kind: 'plan',
  title: formatIntent(plan.intent),
  planId: plan.id,
  usersMoved: plan.impact.usersMoved,
  steps: plan.steps.map((step, i) => {
    const c = stepCommand(step, i + 1)
    return { n: i + 1, tag: step._tag, what: stepWhat(step), command: c._tag === 'Command' ? c.command : c.reason }
  }),
  warnings: plan.warnings.map(formatFinding),
  runbook: renderRunbook(plan),
  script: renderPowerShell(plan),
})

/**
 * The plan for a pool: its failback when it is failed over, its failover otherwise — or every
 * reason the planner refuses.
 */
export const planFor = (d: Deployment, pool: string): PlanView => {
  const failback = actionFor(d, pool) === 'failback'
  const plan = failback ? planFailback(d.topology, d.state, { pool }) : planFailover(d.topology, d.state, { pool })
  return E.isRight(plan)
    ? planView(plan.right)
    : { kind: 'refused', title: `${failback ? 'Fail back' : 'Fail over'} ${pool}: refused`, problems: itemsOf(plan.left) }
}
