import type { PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { compilePolicy, createContextFromEntries, evaluateRequest, type ContextEntry } from '../../iam/index.js';
import { loadResourceControlPolicies } from '../authorization/loadCallerPolicies.js';

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
 * takes part. The door (authorize) needs a signed caller, so this one evaluation is assembled here, from the
 * engine's evaluateRequest. Throws AccessDenied "Not authorized to perform ACTION".
 */
export async function decideFederatedTrust(prisma: PrismaClient, role: FederatedRole, providerArn: string, actions: readonly string[], entries: readonly ContextEntry[], now: Date): Promise<void> {
  const denied = (action: string) => awsError('AccessDenied', `Not authorized to perform ${action}`);
  const trust = compilePolicy(role.assumeRolePolicyDocument, 'trust', 'TrustPolicy');
  if (!trust.ok) throw denied(actions[0]!);
  const requestContext = createContextFromEntries([...entries]);
  if (!requestContext.ok) throw awsError('InvalidIdentityToken', requestContext.errors[0]?.message ?? 'invalid claims');
  const rcp = await loadResourceControlPolicies(prisma, role.accountId);
  for (const action of actions) {
    const result = evaluateRequest(
      {
        action,
        principal: { arn: providerArn, account: role.accountId, type: 'FederatedUser' },
        identityPolicies: [],
        permissionsBoundary: null,
        sessionPolicies: null,
        scpLevels: [],
        rcpLevels: rcp.levels,
        resourcePolicy: trust.policy,
        resource: { arn: role.arn, account: role.accountId, kind: 'trust', tags: Object.fromEntries(role.tags.map((t) => [t.key, t.value])), orgId: rcp.orgId, orgPaths: rcp.orgPaths },
        context: requestContext.context,
        now,
      },
      { explain: false },
    );
    if (result.evalDecision !== 'allowed') throw denied(action);
  }
}
