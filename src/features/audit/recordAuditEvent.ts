import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Caller } from '../auth/Caller.js';
import { writeAuditRows } from './writeAuditRows.js';
import { withFederatedIdentity } from './federatedUserIdentity.js';

/** One CloudTrail-like record to write. `decision` is `Allow`, `Deny` or `Error` (authentication failures). */
export interface AuditEventInput {
  /** The API operation, PascalCase as CloudTrail names it: `CreateRole`, `AssumeRole`, `GetUser`. */
  eventName: string;
  decision: 'Allow' | 'Deny' | 'Error';
  /** The account the event belongs to: the caller's, or the acting account for the operator. */
  accountId?: string | null;
  action?: string | null;
  resourceArn?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  sourceIp?: string | null;
  /** Anything else worth keeping (request parameters, matched statements). */
  detail?: Prisma.InputJsonValue;
}

/** The caller facts every event carries: who, with which key, in which session, with what source identity. */
export function callerFacts(
  caller: Caller | null,
): Pick<Prisma.AuditEventCreateInput, 'principalArn' | 'accessKeyId' | 'sessionId' | 'sourceIdentity' | 'accountId'> {
  if (caller === null) return {};
  return {
    principalArn: caller.arn,
    accessKeyId: caller.accessKeyId,
    sessionId: caller.session?.id ?? null,
    sourceIdentity: caller.session?.sourceIdentity ?? null,
    accountId: caller.accountId,
  };
}

/** The row one event becomes: the caller's facts, the event's own, and a federated user's identity in its detail. */
export function toAuditRow(caller: Caller | null, event: AuditEventInput) {
  const facts = callerFacts(caller);
  return {
    ...facts,
    eventName: event.eventName,
    decision: event.decision,
    accountId: event.accountId ?? facts.accountId ?? null,
    action: event.action ?? null,
    resourceArn: event.resourceArn ?? null,
    errorCode: event.errorCode ?? null,
    errorMessage: event.errorMessage ?? null,
    sourceIp: event.sourceIp ?? null,
    detail: withFederatedIdentity(caller, event.detail),
  };
}

/**
 * Writes one audit event (in one INSERT with the other audit rows of the same turn of the event loop, see
 * writeAuditRows), resolving once it is stored. Called outside the operation's transaction on purpose: a denied or failed
 * operation leaves nothing else behind, but its decision is still recorded, as CloudTrail records it.
 */
export async function recordAuditEvent(
  prisma: PrismaClient,
  caller: Caller | null,
  event: AuditEventInput,
): Promise<void> {
  await writeAuditRows(prisma, [toAuditRow(caller, event)]);
}
