import type { PrismaClient } from '../../generated/prisma/client.js';
import { recordAuditEvent } from '../audit/recordAuditEvent.js';
import type { Caller } from '../auth/Caller.js';

/** One STS call for the audit trail. */
export interface StsAuditEvent {
  eventName: 'AssumeRole' | 'GetSessionToken' | 'GetFederationToken';
  caller: Caller;
  /** The role, for AssumeRole. */
  resourceArn: string | null;
  /** The AWS error code when the call failed; null when it succeeded. */
  errorCode?: string | null;
  errorMessage?: string | null;
  /** The new session's access key id, when one was issued. */
  issuedSessionId?: string | null;
  /** The new session's source identity. */
  sourceIdentity?: string | null;
  detail?: Record<string, string | number | null>;
}

/**
 * Writes an STS call to the audit trail like CloudTrail's AssumeRole record: decision `Allow` with the
 * session it issued, `Deny` for AccessDenied, `Error` for any other failure (validation, MFA, ...).
 * Written outside any transaction, so failures are recorded although nothing else is.
 */
export async function recordStsEvent(prisma: PrismaClient, event: StsAuditEvent): Promise<void> {
  const failed = event.errorCode !== null && event.errorCode !== undefined;
  await recordAuditEvent(prisma, event.caller, {
    eventName: event.eventName,
    decision: !failed ? 'Allow' : event.errorCode === 'AccessDenied' ? 'Deny' : 'Error',
    action: `sts:${event.eventName}`,
    resourceArn: event.resourceArn,
    errorCode: event.errorCode ?? null,
    errorMessage: event.errorMessage ?? null,
    detail: {
      ...(event.issuedSessionId ? { issuedSessionId: event.issuedSessionId } : {}),
      ...(event.sourceIdentity ? { sessionSourceIdentity: event.sourceIdentity } : {}),
      ...(event.detail ?? {}),
    },
  });
}
