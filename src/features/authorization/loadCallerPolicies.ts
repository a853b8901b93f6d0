import type { PrismaClient } from '../../generated/prisma/client.js';
import { compilePolicy, type CompiledPolicy, type EngineRequest, type PolicyKind } from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { loadOrganizationLevels } from './loadOrganizationLevels.js';
import { loadPrincipalPolicies, type SourcedDocument } from './loadPrincipalPolicies.js';

/** The principal's side of an engine request: who it is and every policy that limits it. */
export type CallerPolicies = Pick<EngineRequest, 'principal' | 'identityPolicies' | 'permissionsBoundary' | 'sessionPolicies' | 'scpLevels'>;

/**
 * Compiles stored documents. They were validated on write, so one that no longer compiles means a row was
 * changed behind the API: that is an internal error, never a silently dropped policy (dropping a Deny would
 * grant more than the stored model says).
 */
export function compileStoredPolicies(documents: readonly SourcedDocument[], kind: PolicyKind): CompiledPolicy[] {
  return documents.map(({ document, sourceId }) => {
    const compiled = compilePolicy(document, kind, sourceId);
    if (!compiled.ok) throw new Error(`stored policy \`${sourceId}\` no longer compiles`);
    return compiled.policy;
  });
}

function compileLevels(levels: readonly (readonly { id: string; document: string }[])[], kind: 'scp' | 'rcp'): CompiledPolicy[][] {
  return levels.map((level) => compileStoredPolicies(level.map((p) => ({ sourceId: p.id, document: p.document })), kind));
}

/**
 * Loads everything the engine needs about a signed-in caller — identity policies, boundary, session policies,
 * tags, source identity, MFA and its account's SCP levels — in a fixed number of queries. Every operation,
 * STS's included, sees the caller through this one function.
 */
export async function loadCallerPolicies(prisma: PrismaClient, caller: Caller): Promise<CallerPolicies> {
  const [policies, organization] = await Promise.all([
    loadPrincipalPolicies(prisma, caller),
    loadOrganizationLevels(prisma, caller.accountId, 'SERVICE_CONTROL_POLICY'),
  ]);
  const session = caller.session;
  return {
    principal: {
      arn: caller.arn,
      account: caller.accountId,
      type: policies.type,
      roleArn: policies.roleArn,
      userId: caller.userId,
      username: policies.username,
      tags: policies.tags,
      orgId: organization.organizationId,
      orgPaths: organization.organizationId === null ? null : organization.orgPaths,
      isManagementAccount: organization.isManagementAccount,
      sourceIdentity: session?.sourceIdentity ?? null,
      mfaPresent: session === null ? null : session.mfaAuthenticated,
      tokenIssueTime: session?.issuedAt ?? null,
    },
    identityPolicies: compileStoredPolicies(policies.identity, 'identity'),
    permissionsBoundary: policies.boundary === null ? null : (compileStoredPolicies([policies.boundary], 'permissionsBoundary')[0] ?? null),
    sessionPolicies: policies.session === null ? null : compileStoredPolicies(policies.session, 'session'),
    scpLevels: compileLevels(organization.levels, 'scp'),
  };
}

/** The RCP levels of a resource's account, with its organization facts; none for the management account, as in AWS. */
export async function loadResourceControlPolicies(
  prisma: PrismaClient,
  accountId: string,
): Promise<{ levels: CompiledPolicy[][]; orgId: string | null; orgPaths: string[] | null }> {
  const organization = await loadOrganizationLevels(prisma, accountId, 'RESOURCE_CONTROL_POLICY');
  return {
    levels: organization.isManagementAccount ? [] : compileLevels(organization.levels, 'rcp'),
    orgId: organization.organizationId,
    orgPaths: organization.organizationId === null ? null : organization.orgPaths,
  };
}
