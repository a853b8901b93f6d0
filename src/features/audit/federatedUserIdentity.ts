import type { Prisma } from '../../generated/prisma/client.js';
import type { Caller } from '../auth/Caller.js';

/**
 * CloudTrail's `userIdentity` of a federated user (GetFederationToken credentials): type `FederatedUser`,
 * principalId `ACCOUNT:NAME`, the federated-user ARN, and a session context whose issuer is the IAM user (or
 * root) that federated it. Null for every other caller, whose identity the event's own columns already tell.
 */
export function federatedUserIdentity(caller: Caller | null) {
  if (caller?.type !== 'federatedUser' || caller.session === null) return null;
  return {
    type: 'FederatedUser',
    principalId: caller.userId,
    arn: caller.arn,
    accountId: caller.accountId,
    accessKeyId: caller.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: caller.iamUserId === null ? 'Root' : 'IAMUser',
        principalId: caller.iamUserId ?? caller.accountId,
        accountId: caller.accountId,
      },
      attributes: {
        mfaAuthenticated: String(caller.session.mfaAuthenticated),
        creationDate: caller.session.issuedAt.toISOString(),
      },
    },
  };
}

/** An event's detail with the caller's CloudTrail identity added when it is a federated user (and not already set). */
export function withFederatedIdentity(
  caller: Caller | null,
  detail: Prisma.InputJsonValue | undefined,
): Prisma.InputJsonValue {
  const identity = federatedUserIdentity(caller);
  const base = detail ?? {};
  if (identity === null || typeof base !== 'object' || Array.isArray(base) || 'userIdentity' in base) return base;
  return { userIdentity: identity, ...base };
}
