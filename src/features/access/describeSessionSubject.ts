import type { Session } from '../../generated/prisma/client.js';
import { readSessionTags } from '../../graphql/tags.js';
import { compileStoredPolicy, parsePrincipal, type CompiledPolicy } from '../../iam/index.js';
import { describeSubject, type AccessSubject, type AuthorizationModel } from '../../iam/analysis/index.js';
import { mergePrincipalTags } from '../../iam/sts/index.js';

/**
 * Describes a stored session as the engine's principal: its role (or, for getSessionToken and
 * getFederationToken, its user) with the
 * session's ARN, session tags over the role's tags, source identity, MFA state, issue time and session
 * policies (inline and managed, acting as one set). `managedDocuments` holds the managed session policies'
 * text by ARN. Returns null when the session's role or user is no longer stored.
 */
export function describeSessionSubject(
  model: AuthorizationModel,
  session: Session,
  managedDocuments: ReadonlyMap<string, string | null>,
): AccessSubject | null {
  const owner = [...(model.principalsByAccount.get(session.accountId) ?? [])].find(
    (p) => p.id === (session.roleId ?? session.userId),
  );
  if (owner === undefined) return null;
  const base = describeSubject(model, owner);
  const sessionPolicies: CompiledPolicy[] = [];
  // Stored session policies that no longer compile deny everything (compileStoredPolicy), never dropped.
  if (session.sessionPolicy !== null)
    sessionPolicies.push(compileStoredPolicy(session.sessionPolicy, 'session', `${session.arn}:session-policy`));
  for (const arn of session.policyArns) {
    const text = managedDocuments.get(arn);
    if (text) sessionPolicies.push(compileStoredPolicy(text, 'session', arn));
  }
  const tags = Object.fromEntries(
    mergePrincipalTags(
      Object.entries(owner.tags).map(([key, value]) => ({ key, value })),
      readSessionTags(session.tags),
    ).map((t) => [t.key, t.value]),
  );
  // A GetFederationToken session is a FederatedUser whose session policies are a set even when none was passed.
  const federated = owner.kind !== 'role' && parsePrincipal(session.arn)?.kind === 'federatedUser';
  return {
    ...base,
    principal: {
      ...base.principal,
      ...(federated ? { type: 'FederatedUser' as const, federatingUserArn: owner.arn, username: null } : {}),
      arn: owner.kind === 'role' || federated ? session.arn : owner.arn,
      userId: session.assumedRoleId ?? owner.id,
      tags,
      sourceIdentity: session.sourceIdentity,
      mfaPresent: session.mfaAuthenticated,
      tokenIssueTime: session.issuedAt,
    },
    sessionPolicies:
      !federated && session.sessionPolicy === null && session.policyArns.length === 0 ? null : sessionPolicies,
  };
}
