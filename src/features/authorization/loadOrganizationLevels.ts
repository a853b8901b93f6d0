import type { OrganizationPolicyType, PrismaClient } from '../../generated/prisma/client.js';

/** Where an account sits in its organization, and the SCP or RCP documents of each level above it. */
export interface OrganizationLevels {
  organizationId: string | null;
  /** `o-…/r-…/ou-…/` paths for aws:PrincipalOrgPaths / aws:ResourceOrgPaths. */
  orgPaths: string[];
  isManagementAccount: boolean;
  /** One entry per level, root first and the account last: the documents attached there, with their ids. */
  levels: { id: string; document: string }[][];
}

const NO_ORGANIZATION: OrganizationLevels = { organizationId: null, orgPaths: [], isManagementAccount: false, levels: [] };

/**
 * Loads an account's organization context in three queries whatever the depth of the OU tree: the account
 * with its organization, every unit of the organization (walked in memory), and the attachments of the
 * policies of one type on the account's chain of targets.
 */
export async function loadOrganizationLevels(prisma: PrismaClient, accountId: string, type: OrganizationPolicyType): Promise<OrganizationLevels> {
  const account = await prisma.account.findUnique({ where: { id: accountId }, include: { organization: true } });
  if (account === null || account.organization === null) return NO_ORGANIZATION;
  const organization = account.organization;
  const units = await prisma.organizationalUnit.findMany({ where: { organizationId: organization.id }, select: { id: true, parentId: true } });
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const chain: string[] = [];
  for (let unit: string | null | undefined = account.parentId; unit; unit = parentOf.get(unit)) {
    if (chain.includes(unit)) break;
    chain.unshift(unit);
  }
  const targets = [...chain, accountId];
  const attachments = await prisma.organizationPolicyAttachment.findMany({
    where: { targetId: { in: targets }, policy: { type, organizationId: organization.id } },
    include: { policy: { select: { id: true, document: true } } },
    orderBy: { policyId: 'asc' },
  });
  const levels = targets.map((target) =>
    attachments.filter((attachment) => attachment.targetId === target).map((attachment) => attachment.policy),
  );
  return {
    organizationId: organization.id,
    orgPaths: [`${organization.id}/${chain.join('/')}/`],
    isManagementAccount: organization.managementAccountId === accountId,
    levels,
  };
}
