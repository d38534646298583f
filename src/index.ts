/**
 * sfb-dr — plan, validate, render and run Skype for Business Server pool failover and failback.
 *
 * @packageDocumentation
 */
export * from './model/identifiers.js'
export * from './model/topology.js'
export * from './model/state.js'
export * from './model/homing.js'
export * from './model/findings.js'
export * from './model/problem.js'
export * from './model/intent.js'
export type * from './plan/step.js'
export type * from './plan/plan.js'
