/**
 * The portal page: reads the files the operator chooses, and draws `view.ts`'s view model. Every
 * text from a document goes into the page through `textContent`, never as HTML.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import {
  deploymentView,
  loadDeployment,
  parseDocument,
  planFor,
  type Deployment,
  type DeploymentView,
  type DocumentProblems,
  type PlanView,
} from './view.js'

const byId = (id: string): HTMLElement => {
  const found = document.getElementById(id)
  if (found === null) throw new Error(`the page has no #${id}`)
  return found
}

const inputById = (id: string): HTMLInputElement => {
  const found = byId(id)
  if (!(found instanceof HTMLInputElement)) throw new Error(`#${id} is no input`)
  return found
}

/** `<tag class=…>text</tag>`, children appended. */
const el = (tag: string, text?: string, className?: string, ...children: ReadonlyArray<Node>): HTMLElement => {
  const e = document.createElement(tag)
  if (text !== undefined) e.textContent = text
  if (className !== undefined) e.className = className
  e.append(...children)
  return e
}

const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | Node>>): HTMLElement =>
  el(
    'table',
    undefined,
    undefined,
    el('thead', undefined, undefined, el('tr', undefined, undefined, ...headers.map((h) => el('th', h)))),
    el(
      'tbody',
      undefined,
      undefined,
      ...rows.map((r) => el('tr', undefined, undefined, ...r.map((c) => (typeof c === 'string' ? el('td', c) : el('td', undefined, undefined, c))))),
    ),
  )

const topologyInput = inputById('topology-file')
const stateInput = inputById('state-file')
const status = byId('status')
const deploymentSection = byId('deployment')
const poolSelect = byId('pool') as HTMLSelectElement
const planButton = byId('plan-button') as HTMLButtonElement
const planSection = byId('plan')

let deployment: Deployment | undefined
/** Counts loads: a load that a newer one overtook (the operator chose another file) shows nothing. */
let loads = 0

/** The bytes of the chosen file, if any (decoded by `parseDocument`: UTF-8 or UTF-16). */
const readBytes = (input: HTMLInputElement): Promise<O.Option<Uint8Array>> => {
  const file = input.files?.[0]
  return file === undefined ? Promise.resolve(O.none) : file.arrayBuffer().then((b) => O.some(new Uint8Array(b)))
}

const showProblems = (target: HTMLElement, heading: string, items: DocumentProblems['items']): void => {
  target.replaceChildren(
    el('h2', heading),
    el(
      'ul',
      undefined,
      'problems',
      ...items.map((i) => el('li', undefined, undefined, ...(i.where === '' ? [] : [el('code', i.where, 'where')]), document.createTextNode(i.text))),
    ),
  )
}

const showDeployment = (v: DeploymentView): void => {
  const pools = table(
    ['Pool', 'Site', 'Edition', 'Front Ends', 'Reachable', 'Paired with', 'Its users are serviced by', 'Services (users)', 'You can'],
    v.pools.map((p) => [
      p.fqdn,
      p.site,
      p.edition,
      String(p.frontEnds),
      p.reachable ? 'yes' : 'NO',
      p.pairedWith ?? '—',
      p.homeUsersServicedBy,
      String(p.servicesUsers),
      { failover: 'fail over', failback: 'fail back', none: '—' }[p.action],
    ]),
  )
  pools.id = 'pools'
  const edges = table(
    ['Edge pool', 'Site', 'Reachable', 'Next hop', 'Federation'],
    v.edgePools.map((e) => [
      e.fqdn,
      e.site,
      e.reachable ? 'yes' : 'NO',
      e.configuredNextHop === undefined ? e.nextHop : `${e.nextHop} (configured: ${e.configuredNextHop})`,
      e.federation ? 'yes' : '',
    ]),
  )
  edges.id = 'edge-pools'
  const cms = v.centralManagementStore
  deploymentSection.replaceChildren(
    el('h2', `Deployment: ${v.pools.length} pools, ${v.users} users`),
    ...(v.assumedHealthy ? [el('p', 'No state file chosen: every pool is shown healthy, as the topology configures it.', 'note')] : []),
    pools,
    el('h3', 'Pairs'),
    el('ul', undefined, 'pairs', ...v.pairs.map(([a, b]) => el('li', `${a} ⇄ ${b}`))),
    el('h3', 'Central Management Store'),
    el(
      'p',
      `Homed on ${cms.pool}; active master ${cms.activeMaster}; ${cms.available ? 'available' : 'UNAVAILABLE'}.`,
      undefined,
    ),
    el('h3', 'Edge pools'),
    edges,
    el('h3', 'Audit'),
    el('ul', undefined, 'findings', ...v.findings.map((f) => el('li', undefined, undefined, el('span', f.severity, `severity ${f.severity}`), document.createTextNode(` ${f.text}`)))),
  )
  const chosen = poolSelect.value
  poolSelect.replaceChildren(
    ...v.pools.map((p) => {
      const o = document.createElement('option')
      o.value = p.fqdn
      o.textContent = `${p.fqdn} — ${{ failover: 'fail over', failback: 'fail back', none: 'no partner' }[p.action]}`
      return o
    }),
  )
  if (v.pools.some((p) => p.fqdn === chosen)) poolSelect.value = chosen
  poolSelect.disabled = false
  planButton.disabled = false
}

const showPlan = (v: PlanView): void => {
  if (v.kind === 'refused') {
    showProblems(planSection, v.title, v.problems)
    planSection.dataset['outcome'] = 'refused'
    return
  }
  planSection.dataset['outcome'] = 'plan'
  const steps = el(
    'ol',
    undefined,
    'steps',
    ...v.steps.map((s) => {
      const li = el('li', undefined, undefined, el('span', s.what, 'what'), el('code', s.command, 'command'))
      li.dataset['tag'] = s.tag
      return li
    }),
  )
  steps.id = 'steps'
  const runbook = el('pre', v.runbook)
  runbook.id = 'runbook'
  const script = el('pre', v.script)
  script.id = 'script'
  planSection.replaceChildren(
    el('h2', v.title.charAt(0).toUpperCase() + v.title.slice(1)),
    el('p', `${v.usersMoved} user(s) change the pool that services them. Plan ${v.planId.slice(0, 12)}.`, 'impact'),
    ...(v.warnings.length === 0 ? [] : [el('ul', undefined, 'warnings', ...v.warnings.map((w) => el('li', w)))]),
    el('h3', 'Steps'),
    steps,
    el('h3', 'Runbook'),
    runbook,
    el('details', undefined, undefined, el('summary', 'Management Shell script'), script),
  )
}

const load = async (): Promise<void> => {
  const generation = ++loads
  deployment = undefined
  planSection.replaceChildren()
  poolSelect.disabled = true
  planButton.disabled = true
  const topologyBytes = await readBytes(topologyInput)
  if (O.isNone(topologyBytes)) {
    status.textContent = 'Choose a topology file.'
    deploymentSection.replaceChildren()
    return
  }
  const stateBytes = await readBytes(stateInput)
  if (generation !== loads) return
  const topologyDoc = parseDocument('topology', topologyBytes.value)
  const stateDoc = O.isNone(stateBytes) ? E.right(O.none) : E.map(O.some)(parseDocument('state', stateBytes.value))
  const loaded = E.isLeft(topologyDoc) ? topologyDoc : E.isLeft(stateDoc) ? stateDoc : loadDeployment(topologyDoc.right, stateDoc.right)
  if (E.isLeft(loaded)) {
    status.textContent = `The ${loaded.left.document} file cannot be used.`
    showProblems(deploymentSection, `Problems in the ${loaded.left.document} file`, loaded.left.items)
    return
  }
  deployment = loaded.right
  const names = [topologyInput, stateInput].flatMap((i) => (i.files?.[0] === undefined ? [] : [i.files[0].name]))
  status.textContent = `Loaded ${names.join(' and ')}. Pick a pool and plan.`
  showDeployment(deploymentView(loaded.right))
}

const onLoad = (): void => {
  load().catch((e: unknown) => {
    status.textContent = `Could not read the files: ${e instanceof Error ? e.message : String(e)}`
  })
}
topologyInput.addEventListener('change', onLoad)
stateInput.addEventListener('change', onLoad)
planButton.addEventListener('click', () => {
  if (deployment !== undefined) showPlan(planFor(deployment, poolSelect.value))
})
