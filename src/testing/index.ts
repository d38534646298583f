/**
 * `sfb-dr/testing`: in-memory ports and fast-check arbitraries for your own tests and rehearsals.
 * fast-check is an optional peer dependency, needed only by the arbitraries.
 *
 * @module
 */
export { simulatedHandlers, type SimulatedHandlers, type SimulatedHandlersOptions } from './simulatedHandlers.js'
export * from './arbitraries.js'
