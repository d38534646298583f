/**
 * fast-check arbitraries of topology documents, spelled in every way that decodes to the same
 * topology (letter case, trailing dots, omitted defaults).
 *
 * @module
 */
import * as fc from 'fast-check'
import type { TopologyDocument } from '../codec/documents.js'
import { encodeTopology } from '../codec/topologyCodec.js'
import type { Topology } from '../model/topology.js'
import { topologyArbitrary, type TopologyArbitraryOptions } from './topologyArbitrary.js'

// -------------------------------------------------------------------------------------
// documents
// -------------------------------------------------------------------------------------

/** A deterministic 32-bit mix of a seed and a counter. */
const noise = (seed: number, i: number): number => {
  let x = Math.imul(seed ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

const capitalizeLabels = (s: string): string =>
  s.replace(/(^|[.@:])([a-z])/g, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`)

/** Rewrites one spelling of a document so that it normalizes to the same value. */
const respeller = (seed: number) => {
  let counter = 0
  const pick = (): number => noise(seed, counter++) % 4
  return {
    fqdn: (s: string): string => {
      const v = seed === 0 ? 0 : pick()
      return v === 1 ? s.toUpperCase() : v === 2 ? capitalizeLabels(s) : v === 3 ? `${s}.` : s
    },
    sip: (s: string): string => {
      const v = seed === 0 ? 0 : pick()
      return v === 1 ? s.toUpperCase() : v === 2 ? capitalizeLabels(s) : v === 3 ? `SIP:${s.slice(4)}` : s
    },
    omit: (): boolean => seed !== 0 && pick() < 2,
  }
}

const respell = (doc: TopologyDocument, seed: number): TopologyDocument => {
  const r = respeller(seed)
  const pools = doc.pools.map((p) => {
    const backEnd = p.backEnd
    const defaultBackEnd =
      p.edition === 'Standard' &&
      backEnd !== undefined &&
      backEnd.sqlServer === p.fqdn &&
      backEnd.instance === 'rtc' &&
      backEnd.ha === 'none'
    return {
      fqdn: r.fqdn(p.fqdn),
      site: p.site,
      edition: p.edition,
      ...(p.version === '2015' && r.omit() ? {} : { version: p.version }),
      ...(p.hosting === 'physical' && r.omit() ? {} : { hosting: p.hosting }),
      ...(p.os === undefined ? {} : { os: p.os }),
      frontEnds: p.frontEnds.map(r.fqdn),
      ...(backEnd === undefined || (defaultBackEnd && r.omit())
        ? {}
        : {
            backEnd: {
              sqlServer: r.fqdn(backEnd.sqlServer),
              instance: backEnd.instance,
              ...(backEnd.mirror === undefined
                ? {}
                : { mirror: { sqlServer: r.fqdn(backEnd.mirror.sqlServer), instance: backEnd.mirror.instance } }),
              ...(backEnd.ha === 'none' && r.omit() ? {} : { ha: backEnd.ha }),
            },
          }),
      ...(p.edgePool === undefined ? {} : { edgePool: r.fqdn(p.edgePool) }),
    }
  })
  const edgePools = (doc.edgePools ?? []).map((e) => ({
    fqdn: r.fqdn(e.fqdn),
    site: e.site,
    nextHop: r.fqdn(e.nextHop),
    ...(e.federation !== true && r.omit() ? {} : { federation: e.federation ?? false }),
    ...(e.xmpp !== true && r.omit() ? {} : { xmpp: e.xmpp ?? false }),
  }))
  const users = (doc.users ?? []).map((u) => ({ sipAddress: r.sip(u.sipAddress), homePool: r.fqdn(u.homePool) }))
  return {
    sites: doc.sites,
    pools,
    pairings: doc.pairings.map(([a, b]): readonly [string, string] => [r.fqdn(a), r.fqdn(b)]),
    ...(edgePools.length === 0 && r.omit() ? {} : { edgePools }),
    centralManagementStore: { pool: r.fqdn(doc.centralManagementStore.pool) },
    ...(users.length === 0 && r.omit() ? {} : { users }),
  }
}

/**
 * A topology and a document that decodes to it.
 *
 * @category testing
 * @since 0.1.0
 */
export interface TopologyWithDocument {
  /** The decoded topology. */
  readonly topology: Topology
  /** A document (with varied spellings) that decodes to `topology`. */
  readonly document: TopologyDocument
}

/**
 * A valid topology together with a JSON document that decodes to it, spelled the way people write
 * them: FQDNs and SIP addresses in any letter case, FQDNs with a trailing dot, defaults left out
 * (shrinks towards the canonical `encodeTopology` document).
 *
 * @example
 * import fc from 'fast-check'
 * import * as E from 'fp-ts/lib/Either.js'
 * import { expect } from 'vitest'
 * import { decodeTopology } from 'sfb-dr'
 * import { topologyDocumentArbitrary } from 'sfb-dr/testing/arbitraries'
 *
 * // However a document is spelled (letter case, trailing dots, defaults left out), it decodes to its topology
 * fc.assert(
 *   fc.property(topologyDocumentArbitrary(), ({ topology, document }) => {
 *     expect(decodeTopology(document)).toStrictEqual(E.right(topology))
 *   }),
 * )
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const topologyDocumentArbitrary = (
  options: TopologyArbitraryOptions = {},
): fc.Arbitrary<TopologyWithDocument> =>
  fc
    .tuple(topologyArbitrary(options), fc.nat())
    .map(([topology, seed]) => ({ topology, document: respell(encodeTopology(topology), seed) }))

