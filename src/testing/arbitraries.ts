/**
 * `sfb-dr/testing/arbitraries`: fast-check arbitraries of valid sfb-dr deployments — topologies,
 * states and topology documents — for property tests. Install `fast-check` (4.x, an optional peer
 * dependency of sfb-dr) to use them.
 *
 * @module sfb-dr/testing/arbitraries
 */
export { topologyArbitrary, type TopologyArbitraryOptions } from './topologyArbitrary.js'
export { stateArbitrary, syncIntervalArbitrary, deploymentArbitrary, type Deployment } from './stateArbitrary.js'
export { topologyDocumentArbitrary, type TopologyWithDocument } from './documentArbitrary.js'
