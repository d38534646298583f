/** The README's Contoso example says what the library really plans: its commands, in order. */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { expect, it } from 'vitest'
import { decodeState, decodeTopology, planFailover, renderPowerShell } from '../src/index.js'
import { contosoTopologyDocument, redmondDownStateDocument } from './support/fixtures.js'

it('the README lists the Redmond-down failover of pool1 step by step, as rendered', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const start = readme.indexOf('With the Redmond data center dark (the Contoso sample)')
  const end = readme.indexOf('with the warning first', start)
  expect(start).toBeGreaterThan(0)
  const commands = [...readme.slice(start, end).matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => m[1])
  const topology = decodeTopology(contosoTopologyDocument())
  if (E.isLeft(topology)) throw new Error('the Contoso topology does not decode')
  const state = decodeState(topology.right, redmondDownStateDocument())
  if (E.isLeft(state)) throw new Error('the Contoso state does not decode')
  const plan = planFailover(topology.right, state.right, { pool: 'pool1.contoso.com' })
  if (E.isLeft(plan)) throw new Error('the Contoso failover does not plan')
  expect(commands).toHaveLength(plan.right.steps.length)
  const script = renderPowerShell(plan.right)
  const positions = commands.map((c) => script.indexOf(c ?? '\u0000'))
  expect(positions.every((p) => p > 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toStrictEqual(positions)
})
