import type { PrismaClient } from '../../generated/prisma/client.js';
import { compileStoredPolicy, type CompiledPolicy, type EngineRequest, type PolicyKind } from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { loadOrganizationLevels, type OrganizationLevelsLoader } from './loadOrganizationLevels.js';
import { loadPrincipalPolicies, type SourcedDocument } from './loadPrincipalPolicies.js';

/** The principal's side of an engine request: who it is and every policy that limits it. */
export type CallerPolicies = Pick<EngineRequest, 'principal' | 'identityPolicies' | 'permissionsBoundary' | 'sessionPolicies' | 'scpLevels'>;

/** Compiles stored documents; one that no longer compiles denies everything (the engine's rule, see compileStoredPolicy). */
export function compileStoredPolicies(documents: readonly SourcedDocument[], kind: PolicyKind): CompiledPolicy[] {
  return documents.map(({ document, sourceId }) => compileStoredPolicy(document, kind, sourceId));
}

function compileLevels(levels: readonly (readonly { id: string; document: string }[])[], kind: 'scp' | 'rcp'): CompiledPolicy[][] {
  return levels.map((level) => compileStoredPolicies(level.map((p) => ({ sourceId: p.id, document: p.document })), kind));
}

/**
 * Loads everything the engine needs about a signed-in caller — identity policies, boundary, session policies,
 * tags, source identity, MFA and its account's SCP levels — in a fixed number of queries. Every operation,
 * STS's included, sees the caller through this one function.
 */
export async function loadCallerPolicies(prisma: PrismaClient, caller: Caller, levels?: OrganizationLevelsLoader): Promise<CallerPolicies> {
  const [policies, organization] = await Promise.all([
    loadPrincipalPolicies(prisma, caller),
    loadOrganizationLevels(prisma, caller.accountId, 'SERVICE_CONTROL_POLICY', levels),
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

/** The RCP levels of a resource's account, with its organization facts; whether they apply is the engine's to decide. */
export async function loadResourceControlPolicies(
  prisma: PrismaClient,
  accountId: string,
  levels?: OrganizationLevelsLoader,
): Promise<{ levels: CompiledPolicy[][]; orgId: string | null; orgPaths: string[] | null; isManagementAccount: boolean }> {
  const organization = await loadOrganizationLevels(prisma, accountId, 'RESOURCE_CONTROL_POLICY', levels);
  return {
    levels: compileLevels(organization.levels, 'rcp'),
    orgId: organization.organizationId,
    orgPaths: organization.organizationId === null ? null : organization.orgPaths,
    isManagementAccount: organization.isManagementAccount,
  };
}
