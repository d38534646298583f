/**
 * Rendering the Edge family: Set-CsSite -XmppFederationRoute (office-docs-powershell Set-CsSite)
 * and the manual steps in the words of domain-facts §3.5 (OfficeDocs-SkypeForBusiness
 * failing-over-failing-back-or-changing-the-edge-pool.md), paused with Read-Host.
 */
import { describe, expect, it } from 'vitest'
import type { State } from '../../src/model/state.js'
import { planEdgeFailover } from '../../src/plan/planEdge.js'
import { stepCommandLine } from '../../src/render/commands.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { contosoTopology, edge, fqdn, site, stateOf } from '../support/builders.js'
import { right } from '../plan/support.js'

const t = contosoTopology()

describe('Edge step commands (contract §6)', () => {
  it('spells Set-CsSite exactly: -Identity the site, -XmppFederationRoute EdgeServer:<edge pool>', () => {
    expect(stepCommandLine({ _tag: 'SetXmppFederationRoute', id: '1', kind: 'action', site: site('Redmond'), edgePool: fqdn('edge1.contoso.com') })).toBe(
      "Set-CsSite -Identity 'Redmond' -XmppFederationRoute 'EdgeServer:edge1.contoso.com'",
    )
  })

  it('says what to click in Topology Builder to move federation (Microsoft: clear, then select "Enable federation for this Edge pool (Port 5061)", publish, Run Again)', () => {
    expect(stepCommandLine({ _tag: 'MoveFederationRoute', id: '1', kind: 'manual', from: fqdn('edge1.contoso.com'), to: fqdn('edge2.contoso.com') })).toBe(
      [
        `On a FE server: Edge pools -> 'edge1.contoso.com' -> Edit properties -> General -> clear "Enable federation for this Edge pool (Port 5061)".`,
        `New Edge pool 'edge2.contoso.com' -> Edit properties -> tick the same option.`,
        'Action -> Topology -> Publish.',
        `On the Edge server ('edge2.contoso.com'): Deployment Wizard -> Install or Update -> Setup or Remove Components -> Run Again -> Next -> Finish.`,
      ].join(' '),
    )
  })

  it('says which DNS records to change for XMPP: SRV _xmpp-server._tcp with port 5269, and the external A record', () => {
    const text = stepCommandLine({ _tag: 'UpdateXmppDns', id: '1', kind: 'manual', edgePool: fqdn('edge1.contoso.com') })
    expect(text).toContain("Point the external A record used for XMPP at 'edge1.contoso.com'.")
    expect(text).toContain("Ensure an SRV record _xmpp-server._tcp.<domain> with port 5269 resolves to 'edge1.contoso.com'.")
    expect(text).toContain("port 5269 open externally on 'edge1.contoso.com'")
  })

  it('says where to change the media Edge pool: Associations -> "Associate Edge Pool (for media components)", then publish', () => {
    expect(stepCommandLine({ _tag: 'AssociateEdgePool', id: '1', kind: 'manual', pool: fqdn('pool1.contoso.com'), edgePool: fqdn('edge2.contoso.com') })).toBe(
      `Topology Builder: FE pool 'pool1.contoso.com' -> Edit Properties -> Associations -> "Associate Edge Pool (for media components)" -> choose 'edge2.contoso.com' -> OK (then publish: Action -> Topology -> Publish).`,
    )
  })
})

describe('an Edge failover plan as a script and a runbook', () => {
  const s: State = stateOf(t, edge('edge2.contoso.com', { reachable: false }), (x) => ({ ...x, federationEdgePool: fqdn('edge2.contoso.com') }))
  const plan = right(planEdgeFailover(t, s, { edgePool: 'edge2.contoso.com', to: 'edge1.contoso.com' }))

  it('pauses every manual step with Read-Host and runs the Set-CsSite action', () => {
    const script = renderPowerShell(plan)
    expect(script).toContain("Set-CsSite -Identity 'Redmond' -XmppFederationRoute 'EdgeServer:edge1.contoso.com'")
    const manual = plan.steps.filter((step) => step.kind === 'manual').length
    expect(manual).toBe(3)
    expect(script.match(/\$null = Read-Host /g)).toHaveLength(manual)
    // The script stays printable ASCII: the arrows of the procedure are written ->.
    expect(script).toMatch(/^[\x20-\x7e\n]*$/)
  })

  it('marks the manual steps in the runbook', () => {
    expect(renderRunbook(plan).match(/This step is done by hand/g)).toHaveLength(3)
  })
})
