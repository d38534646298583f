/**
 * fast-check arbitraries for sfb-dr deployments, for property tests (`sfb-dr/testing`; fast-check
 * is then an optional peer dependency): valid topologies, states and documents.
 *
 * @module
 */
export { topologyArbitrary, type TopologyArbitraryOptions } from './topologyArbitrary.js'
export { stateArbitrary, deploymentArbitrary, type Deployment } from './stateArbitrary.js'
export { topologyDocumentArbitrary, type TopologyWithDocument } from './documentArbitrary.js'
