import type { PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { createContextFromEntries, evaluateRequest, type ContextEntry } from '../../iam/index.js';
import { assembleRequest, createAssemblyLoaders, type PrincipalSide } from '../authorization/assembleRequest.js';

/** The role a federated caller asks for, with its trust policy and tags. */
export interface FederatedRole {
  arn: string;
  accountId: string;
  assumeRolePolicyDocument: string;
  tags: { key: string; value: string }[];
}

/**
 * Decides a federated AssumeRole* call: each action (the AssumeRoleWith* action, plus sts:TagSession and
 * sts:SetSourceIdentity when used) must be allowed by the role's trust policy for `Principal.Federated` = the
 * identity provider, with the provider's keys in the context, within the RCPs of the role's account. The
 * caller is an identity provider's token or assertion, not an AWS principal, so no identity policy or SCP
 * takes part: the one assembler builds the request from the provider as principal and the role as target
 * (its account's RCPs included), and the engine decides. Throws AccessDenied "Not authorized to perform ACTION".
 */
export async function decideFederatedTrust(
  prisma: PrismaClient,
  role: FederatedRole,
  providerArn: string,
  actions: readonly string[],
  entries: readonly ContextEntry[],
  now: Date,
): Promise<void> {
  const denied = (action: string) => awsError('AccessDenied', `Not authorized to perform ${action}`);
  const requestContext = createContextFromEntries([...entries]);
  if (!requestContext.ok) throw awsError('InvalidIdentityToken', requestContext.errors[0]?.message ?? 'invalid claims');
  const loaders = createAssemblyLoaders(prisma);
  const provider: PrincipalSide = {
    principal: { arn: providerArn, account: role.accountId, type: 'FederatedUser' },
    identityPolicies: [],
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [],
  };
  const target = {
    arn: role.arn,
    accountId: role.accountId,
    kind: 'trust' as const,
    policy: role.assumeRolePolicyDocument,
    policyId: 'TrustPolicy',
    tags: Object.fromEntries(role.tags.map((t) => [t.key, t.value])),
  };
  for (const action of actions) {
    const request = await assembleRequest(loaders, provider, action, target, requestContext.context);
    const result = evaluateRequest({ ...request, now }, { explain: false });
    if (result.evalDecision !== 'allowed') throw denied(action);
  }
}
