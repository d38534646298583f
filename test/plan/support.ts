/** Small helpers for planning tests. */
import * as E from 'fp-ts/lib/Either.js'
import type * as RNEA from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { expect } from 'vitest'
import type { Violation } from '../../src/model/problem.js'
import type { State } from '../../src/model/state.js'
import type { Topology } from '../../src/model/topology.js'
import { applyStep } from '../../src/plan/catalog.js'
import type { Plan } from '../../src/plan/plan.js'
import type { Step } from '../../src/plan/step.js'
import { applyPlan, validatePlan } from '../../src/plan/validatePlan.js'
import { fqdn, instance } from '../support/builders.js'

type Result<A> = E.Either<RNEA.ReadonlyNonEmptyArray<Violation>, A>

/** The right of a result, failing the test (with the violations) on a left. */
export const right = <A>(r: Result<A>): A => {
  if (E.isLeft(r)) throw new Error(`expected a right, got ${JSON.stringify(r.left)}`)
  return r.right
}

/** The violations of a result, failing the test on a right. */
export const left = <A>(r: Result<A>): RNEA.ReadonlyNonEmptyArray<Violation> => {
  if (E.isRight(r)) throw new Error(`expected a left, got ${JSON.stringify(r.right)}`)
  return r.left
}

/** `_tag` and the main fields of each step, for readable order assertions. */
export const outline = (plan: Plan): ReadonlyArray<string> =>
  plan.steps.map((s) => {
    switch (s._tag) {
      case 'CheckBackupService':
        return `CheckBackupService ${s.pool}${s.module === undefined ? '' : ` ${s.module}`}${s.waitSeconds === undefined ? '' : ` (wait ${String(s.waitSeconds)} s)`}`
      case 'SyncBackupService':
        return `SyncBackupService ${s.pool}${s.module === undefined ? '' : ` ${s.module}`}`
      case 'SetBackupServiceSyncInterval':
        return `SetBackupServiceSyncInterval ${s.interval}`
      case 'FailoverCentralManagementStore':
        return `FailoverCentralManagementStore ${s.from} -> ${s.to} (${s.mode})`
      case 'CheckCentralManagementStore':
        return `CheckCentralManagementStore ${s.activeMaster}`
      case 'SetEdgeNextHop':
        return `SetEdgeNextHop ${s.edgePool} -> ${s.nextHop}`
      case 'FailoverPool':
        return `FailoverPool ${s.pool} -> ${s.backupPool}${s.disasterMode ? ' (disaster)' : ''}`
      case 'FailbackPool':
        return `FailbackPool ${s.pool} <- ${s.backupPool}${s.disasterMode ? ' (disaster)' : ''}`
      case 'ResetPoolRegistrarState':
        return `ResetPoolRegistrarState ${s.pool} (${s.resetType})`
      case 'FailoverDatabase':
        return `FailoverDatabase ${s.pool} ${s.databaseType} -> ${s.newPrincipal}${s.force ? ' (force)' : ''}`
      case 'CheckDatabaseMirrorState':
        return `CheckDatabaseMirrorState ${s.pool} ${s.databaseType} = ${s.principal}`
      case 'MoveFederationRoute':
        return `MoveFederationRoute ${s.from} -> ${s.to}`
      case 'SetXmppFederationRoute':
        return `SetXmppFederationRoute ${s.site}: ${s.edgePool}`
      case 'UpdateXmppDns':
        return `UpdateXmppDns ${s.edgePool}`
      case 'AssociateEdgePool':
        return `AssociateEdgePool ${s.pool} -> ${s.edgePool}`
    }
  })

/** Asserts the plan validates in the state it was made for and returns the state after it. */
export const validates = (topology: Topology, state: State, plan: Plan): State => {
  expect(validatePlan(topology, state, plan)).toEqual(E.right(plan))
  return right(applyPlan(topology, state, plan))
}

/**
 * `deepFreeze` for values that may already hold frozen parts (a state after `applyPlan` shares
 * the input's untouched, frozen Maps; fast-check may hand the same value to several runs):
 * frozen objects are skipped, fresh ones frozen like `deepFreeze` does (Map and Set mutators
 * replaced by functions that throw).
 */
export const freezeFresh = <A>(value: A): A => {
  const fail = (): never => {
    throw new TypeError('mutation of a frozen collection')
  }
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return
    if (v instanceof Map) {
      for (const [k, x] of v) {
        visit(k)
        visit(x)
      }
      Object.defineProperties(v, { set: { value: fail }, delete: { value: fail }, clear: { value: fail } })
    } else if (v instanceof Set) {
      for (const x of v) visit(x)
      Object.defineProperties(v, { add: { value: fail }, delete: { value: fail }, clear: { value: fail } })
    } else for (const x of Object.values(v)) visit(x)
    Object.freeze(v)
  }
  visit(value)
  return value
}

/**
 * Walking the plan step by step, no `FailoverPool` runs while ANY Edge pool (reachable or not)
 * names the failing pool as its next hop: Invoke-CsPoolFailOver checks the topology
 * ("…is specified in topology as the next hop for the Edge server…", domain-facts §6.2).
 */
export const noFailoverWhileAnEdgeNamesThePool = (t: Topology, s: State, plan: Plan): boolean => {
  let current = s
  for (const step of plan.steps) {
    if (step._tag === 'FailoverPool' && [...current.edgePools.values()].some((e) => e.nextHop === step.pool)) return false
    current = right(applyStep(t, current, step))
  }
  return true
}

/** The broken rules of one step applied in `state`, each as `[rule, ...subjects]`; none when it applies. */
export const brokenRules = (topology: Topology, state: State, step: Step): ReadonlyArray<ReadonlyArray<string>> => {
  const r = applyStep(topology, state, step)
  return E.isLeft(r) ? r.left.map((v) => (v._tag === 'StepPreconditionFailed' ? [v.rule, ...v.subjects] : [v._tag])) : []
}

/** Contoso's planned CMS failover from pool1 onto pool2 (its mirrored Back End, as the topology says). */
export const contosoCmsFailover = (id: string): Extract<Step, { readonly _tag: 'FailoverCentralManagementStore' }> => ({
  _tag: 'FailoverCentralManagementStore',
  id,
  kind: 'action',
  from: fqdn('pool1.contoso.com'),
  to: fqdn('pool2.contoso.com'),
  sqlServer: fqdn('be2.contoso.com'),
  instance: instance('rtc'),
  mirrorSqlServer: fqdn('be2m.contoso.com'),
  mirrorInstance: instance('rtc'),
  mode: 'planned',
})

/** The Contoso sample's pools and Edge pools, and names it does not have (`…9`), as step fields. */
export const P1 = fqdn('pool1.contoso.com')
export const P2 = fqdn('pool2.contoso.com')
export const SE1 = fqdn('se1.contoso.com')
export const P9 = fqdn('pool9.contoso.com')
export const EDGE1 = fqdn('edge1.contoso.com')
export const EDGE2 = fqdn('edge2.contoso.com')
export const EDGE9 = fqdn('edge9.contoso.com')
