import type { PrismaClient } from '../../generated/prisma/client.js';
import { formatRoleSessionArn, type AssumeRoleSessionPlan } from '../../iam/index.js';
import type { SecretCipher } from '../auth/secretCipher.js';
import { issueSession, type IssuedCredentials } from '../sessions/stsIssueSession.js';

/** What a federated AssumeRole* call (web identity or SAML) issues a session from. */
export interface FederatedSessionRequest {
  role: { id: string; arn: string; accountId: string };
  /** The IAM OIDC or SAML provider's ARN: the caller, and the session's `aws:FederatedProvider`. */
  providerArn: string;
  sessionName: string;
  plan: AssumeRoleSessionPlan;
  policy: string | null | undefined;
  policyArns: readonly string[] | null | undefined;
  now: Date;
}

/**
 * Issues the role session a federated caller gets: never chained, no MFA, no parent session, the provider as
 * caller and federated provider. One function, so AssumeRoleWithWebIdentity and AssumeRoleWithSAML issue
 * sessions alike.
 */
export async function issueFederatedSession(
  prisma: PrismaClient,
  cipher: SecretCipher,
  request: FederatedSessionRequest,
): Promise<{ credentials: IssuedCredentials; arn: string; assumedRoleId: string }> {
  const { role, plan, sessionName } = request;
  const arn = formatRoleSessionArn(role.arn, sessionName) ?? role.arn;
  const assumedRoleId = `${role.id}:${sessionName}`;
  const credentials = await issueSession(prisma, cipher, {
    accountId: role.accountId,
    roleId: role.id,
    userId: null,
    parentSessionId: null,
    sessionName,
    arn,
    assumedRoleId,
    callerArn: request.providerArn,
    sourceIdentity: plan.sourceIdentity,
    tags: plan.tags,
    transitiveTagKeys: plan.transitiveTagKeys,
    sessionPolicy: request.policy ?? null,
    policyArns: [...(request.policyArns ?? [])],
    mfaAuthenticatedAt: null,
    chained: false,
    issuedAt: request.now,
    durationSeconds: plan.durationSeconds,
    federatedProvider: request.providerArn,
  });
  return { credentials, arn, assumedRoleId };
}
