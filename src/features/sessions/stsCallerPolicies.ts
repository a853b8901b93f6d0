import type { PrismaClient } from '../../generated/prisma/client.js';
import { compilePolicy, type CompiledPolicy, type EngineRequest, type PolicyKind } from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { loadOrganizationLevels } from '../authorization/loadOrganizationLevels.js';
import { loadPrincipalPolicies, type SourcedDocument } from '../authorization/loadPrincipalPolicies.js';

/** The principal's side of an engine request: who it is and every policy that limits it. */
export type CallerPolicies = Pick<EngineRequest, 'principal' | 'identityPolicies' | 'permissionsBoundary' | 'sessionPolicies' | 'scpLevels'>;

function compileAll(documents: readonly SourcedDocument[], kind: PolicyKind): CompiledPolicy[] {
  return documents.map(({ document, sourceId }) => {
    const compiled = compilePolicy(document, kind, sourceId);
    if (!compiled.ok) {
      // Stored policies were validated on write; failing here means a row was changed behind the API.
      throw new Error(`stored policy \`${sourceId}\` no longer compiles`);
    }
    return compiled.policy;
  });
}

/**
 * Loads everything the engine needs about an AssumeRole caller — identity policies, boundary, session
 * policies, tags, source identity, MFA and its account's SCP levels — with the authorization feature's
 * loaders, so STS and every other operation see the same principal.
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
    identityPolicies: compileAll(policies.identity, 'identity'),
    permissionsBoundary: policies.boundary === null ? null : (compileAll([policies.boundary], 'permissionsBoundary')[0] ?? null),
    sessionPolicies: policies.session === null ? null : compileAll(policies.session, 'session'),
    scpLevels: organization.levels.map((level) => compileAll(level.map((p) => ({ sourceId: p.id, document: p.document })), 'scp')),
  };
}

/** The RCP levels of a role's account, with its organization facts; none for the management account, as in AWS. */
export async function loadResourceControlPolicies(prisma: PrismaClient, accountId: string): Promise<{ levels: CompiledPolicy[][]; orgId: string | null; orgPaths: string[] | null }> {
  const organization = await loadOrganizationLevels(prisma, accountId, 'RESOURCE_CONTROL_POLICY');
  return {
    levels: organization.isManagementAccount ? [] : organization.levels.map((level) => compileAll(level.map((p) => ({ sourceId: p.id, document: p.document })), 'rcp')),
    orgId: organization.organizationId,
    orgPaths: organization.organizationId === null ? null : organization.orgPaths,
  };
}
