/** The Contoso sample documents (copies of ../shared/fixtures), as plain JSON values. */
import { readFileSync } from 'node:fs'

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as unknown

/** The Contoso topology document: pool1 (Redmond) ↔ pool2 (Dublin), se1 unpaired, edge1/edge2, CMS on pool1. */
export const contosoTopologyDocument = (): unknown => load('contoso.topology.json')
/** Redmond is dark: pool1, se1 and edge1 unreachable. */
export const redmondDownStateDocument = (): unknown => load('contoso.state.redmond-down.json')
/** After pool1's failover, pool1 repaired: its users on pool2, CMS on pool2, edge1 → pool2. */
export const pool1FailedOverStateDocument = (): unknown => load('contoso.state.pool1-failed-over.json')
