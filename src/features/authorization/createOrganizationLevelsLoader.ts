import DataLoader from 'dataloader';
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

/** An account and the type of organization policy asked about, e.g. `{ accountId, type: 'RESOURCE_CONTROL_POLICY' }`. */
export interface OrganizationLevelsKey {
  accountId: string;
  type: OrganizationPolicyType;
}

/** Loads the organization levels of accounts, per request. */
export type OrganizationLevelsLoader = DataLoader<OrganizationLevelsKey, OrganizationLevels, string>;

const NO_ORGANIZATION: OrganizationLevels = {
  organizationId: null,
  orgPaths: [],
  isManagementAccount: false,
  levels: [],
};

/**
 * A DataLoader of organization levels: however many accounts and policy types one tick asks for, three
 * queries — the accounts with their organizations, every unit of those organizations (the OU chains are
 * walked in memory), and the attachments of the asked types on every target of those chains.
 */
export function createOrganizationLevelsLoader(prisma: PrismaClient): OrganizationLevelsLoader {
  return new DataLoader<OrganizationLevelsKey, OrganizationLevels, string>(
    async (keys) => {
      const accountIds = [...new Set(keys.map((key) => key.accountId))];
      const accounts = await prisma.account.findMany({
        where: { id: { in: accountIds } },
        include: { organization: true },
      });
      const organizationIds = [...new Set(accounts.flatMap((account) => account.organization?.id ?? []))];
      const units =
        organizationIds.length === 0
          ? []
          : await prisma.organizationalUnit.findMany({
              where: { organizationId: { in: organizationIds } },
              select: { id: true, parentId: true },
            });
      const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
      const chains = new Map(
        accounts.map((account) => {
          const chain: string[] = [];
          for (let unit: string | null | undefined = account.parentId; unit; unit = parentOf.get(unit)) {
            if (chain.includes(unit)) break;
            chain.unshift(unit);
          }
          return [account.id, chain];
        }),
      );
      const targets = [...new Set([...chains.entries()].flatMap(([accountId, chain]) => [...chain, accountId]))];
      const types = [...new Set(keys.map((key) => key.type))];
      const attachments =
        organizationIds.length === 0
          ? []
          : await prisma.organizationPolicyAttachment.findMany({
              where: {
                targetId: { in: targets },
                policy: { type: { in: types }, organizationId: { in: organizationIds } },
              },
              include: { policy: { select: { id: true, document: true, type: true, organizationId: true } } },
              orderBy: { policyId: 'asc' },
            });
      return keys.map(({ accountId, type }) => {
        const account = accounts.find((candidate) => candidate.id === accountId);
        const organization = account?.organization;
        if (!account || !organization) return NO_ORGANIZATION;
        const chain = chains.get(accountId) ?? [];
        const levels = [...chain, accountId].map((target) =>
          attachments
            .filter(
              (attachment) =>
                attachment.targetId === target &&
                attachment.policy.type === type &&
                attachment.policy.organizationId === organization.id,
            )
            .map(({ policy }) => ({ id: policy.id, document: policy.document })),
        );
        return {
          organizationId: organization.id,
          orgPaths: [`${organization.id}/${chain.join('/')}/`],
          isManagementAccount: organization.managementAccountId === accountId,
          levels,
        };
      });
    },
    { cacheKeyFn: (key) => `${key.type}:${key.accountId}` },
  );
}
