/**
 * Rendering the Edge family: `Set-CsEdgeServer -Registrar`, `Set-CsSite -XmppFederationRoute`,
 * and the manual steps of Microsoft's Edge procedures — Topology Builder and external DNS — in
 * the words of domain-facts §3.5 (OfficeDocs-SkypeForBusiness
 * Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-failing-back-or-changing-the-edge-pool.md).
 * A manual step's "command" is what the operator does; the script shows it and pauses with
 * `Read-Host` (render/powershell.ts). Arrows are written `->` so the script stays printable ASCII.
 *
 * @module
 * @internal
 */
import { quotePowerShell as q, toText as t } from '../quote.js'
import type { StepRenderings } from './rendering.js'

const FEDERATION_OPTION = '"Enable federation for this Edge pool (Port 5061)"'

/**
 * The renderings of the Edge family.
 *
 * @category rendering
 * @since 0.2.0
 * @internal
 */
export const edgeRenderings: StepRenderings<
  'SetEdgeNextHop' | 'MoveFederationRoute' | 'SetXmppFederationRoute' | 'UpdateXmppDns' | 'AssociateEdgePool'
> = {
  SetEdgeNextHop: {
    command: (step) =>
      `Set-CsEdgeServer -Identity ${q(`EdgeServer:${t(step.edgePool)}`)} -Registrar ${q(`Registrar:${t(step.nextHop)}`)}`,
    describe: (step) => ({
      sentence: `Point the next hop of Edge pool ${t(step.edgePool)} at ${t(step.nextHop)} (this writes the topology, so it works while the Edge pool is down).`,
      verify: `The command ends without an error and the topology lists Registrar ${t(step.nextHop)} as the next hop of Edge pool ${t(step.edgePool)}.`,
    }),
  },
  MoveFederationRoute: {
    // domain-facts §3.5 "Fail over SfB federation (port 5061) to another Edge pool", steps 1-4.
    command: (step) =>
      [
        `On a FE server: Edge pools -> ${q(step.from)} -> Edit properties -> General -> clear ${FEDERATION_OPTION}.`,
        `New Edge pool ${q(step.to)} -> Edit properties -> tick the same option.`,
        'Action -> Topology -> Publish.',
        `On the Edge server (${q(step.to)}): Deployment Wizard -> Install or Update -> Setup or Remove Components -> Run Again -> Next -> Finish.`,
      ].join(' '),
    describe: (step) => ({
      sentence: `In Topology Builder, move SfB federation (port 5061) from Edge pool ${t(step.from)} to ${t(step.to)}, publish the topology and run the Deployment Wizard again on the Edge server.`,
      verify: `Topology Builder shows "Enable federation for this Edge pool (Port 5061)" selected on ${t(step.to)} only, the publish finished, and the Deployment Wizard completed without errors.`,
    }),
  },
  SetXmppFederationRoute: {
    command: (step) => `Set-CsSite -Identity ${q(step.site)} -XmppFederationRoute ${q(`EdgeServer:${t(step.edgePool)}`)}`,
    describe: (step) => ({
      sentence: `Point the XMPP federation route at Edge pool ${t(step.edgePool)} of site ${t(step.site)} (Microsoft's procedure stops the services of its Edge servers first, Stop-CsWindowsService, and starts them once DNS points at it).`,
      verify: `The command ends without an error and Get-CsSite -Identity ${t(step.site)} shows XmppFederationRoute EdgeServer:${t(step.edgePool)}.`,
    }),
  },
  UpdateXmppDns: {
    // domain-facts §3.5 "Fail over XMPP federation", steps 4-7.
    command: (step) =>
      [
        `DNS: Point the external A record used for XMPP at ${q(step.edgePool)}.`,
        `Ensure an SRV record _xmpp-server._tcp.<domain> with port 5269 resolves to ${q(step.edgePool)}.`,
        `Check: port 5269 open externally on ${q(step.edgePool)}.`,
        `Start-CsWindowsService on all Edge servers of ${q(step.edgePool)}.`,
      ].join(' '),
    describe: (step) => ({
      sentence: `Point the external DNS records of XMPP federation at Edge pool ${t(step.edgePool)} (the A record, and the SRV record _xmpp-server._tcp with port 5269).`,
      verify: `The SRV record _xmpp-server._tcp.<domain> resolves to ${t(step.edgePool)} with port 5269, port 5269 is open externally on it, and its Edge services run.`,
    }),
  },
  AssociateEdgePool: {
    // domain-facts §3.5 "Change the Edge pool associated with a FE pool".
    command: (step) =>
      `Topology Builder: FE pool ${q(step.pool)} -> Edit Properties -> Associations -> "Associate Edge Pool (for media components)" -> choose ${q(step.edgePool)} -> OK (then publish: Action -> Topology -> Publish).`,
    describe: (step) => ({
      sentence: `In Topology Builder, associate Front End pool ${t(step.pool)} with Edge pool ${t(step.edgePool)} for media (Web Conferencing and A/V Conferencing), then publish the topology.`,
      verify: `Topology Builder shows ${t(step.edgePool)} under "Associate Edge Pool (for media components)" of ${t(step.pool)} and the publish finished.`,
    }),
  },
}
