/**
 * Handlers shared by the executor's tests.
 *
 * @module
 */
import * as TE from 'fp-ts/lib/TaskEither.js'
import type { StepHandlers } from '../../src/run/handlers.js'

/**
 * Handlers that record the id of every step they are called for, in order, and answer healthy
 * observations (the Contoso disaster failover's CMS lands on pool2). A new step tag is a compile
 * error here until it gets its handler.
 */
export const recording = (): { readonly handlers: StepHandlers; readonly calls: Array<string> } => {
  const calls: Array<string> = []
  const ok = <A>(a: A) => (step: { readonly id: string }) => {
    calls.push(step.id)
    return TE.right(a)
  }
  return {
    calls,
    handlers: {
      CheckBackupService: ok({ exportState: 'SteadyState', importState: 'NormalState' }),
      FailoverCentralManagementStore: ok(undefined),
      CheckCentralManagementStore: ok({ activeMaster: 'pool2.contoso.com' }),
      SetEdgeNextHop: ok(undefined),
      FailoverPool: ok(undefined),
      FailbackPool: ok(undefined),
      SyncBackupService: ok(undefined),
      SetBackupServiceSyncInterval: ok(undefined),
      FailoverDatabase: ok(undefined),
      CheckDatabaseMirrorState: ok({ principal: 'Mirror' }),
      ResetPoolRegistrarState: ok(undefined),
      MoveFederationRoute: ok(undefined),
      SetXmppFederationRoute: ok(undefined),
      UpdateXmppDns: ok(undefined),
      AssociateEdgePool: ok(undefined),
    },
  }
}
