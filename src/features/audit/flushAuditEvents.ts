import type { Context } from '../../context.js';
import { withFederatedIdentity } from './federatedUserIdentity.js';
import { callerFacts } from './recordAuditEvent.js';

/**
 * Writes the authorization decisions a request made, in one INSERT after it executed (one row per distinct
 * decision). Called once per request by the server; clears the buffer so a second call writes nothing.
 */
export async function flushAuditEvents(context: Context): Promise<void> {
  const events = context.authorization.pendingAudit.splice(0);
  if (events.length === 0) return;
  const facts = callerFacts(context.caller);
  await context.database.prisma.auditEvent.createMany({
    data: events.map((event) => ({
      ...facts,
      eventName: event.eventName,
      decision: event.decision,
      accountId: event.accountId ?? facts.accountId ?? null,
      action: event.action ?? null,
      resourceArn: event.resourceArn ?? null,
      errorCode: event.errorCode ?? null,
      errorMessage: event.errorMessage ?? null,
      sourceIp: event.sourceIp ?? null,
      detail: withFederatedIdentity(context.caller, event.detail),
    })),
  });
}
