/**
 * `sfb-dr/testing`: an in-memory deployment that `executePlan` runs plans against, for your own
 * tests and rehearsals. It needs nothing beyond `sfb-dr`'s own dependencies; the fast-check
 * arbitraries are on their own subpath, {@link "sfb-dr/testing/arbitraries"}, so that this one
 * imports without fast-check installed.
 *
 * @module sfb-dr/testing
 */
export { simulatedHandlers, type SimulatedHandlers, type SimulatedHandlersOptions } from './simulatedHandlers.js'
