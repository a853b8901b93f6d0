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

const POLICY_TYPES: readonly OrganizationPolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

const cacheKeyOf = (key: OrganizationLevelsKey) => `${key.type}:${key.accountId}`;

/**
 * A DataLoader of organization levels that loads whole organizations: however many accounts one tick asks for,
 * their organizations' accounts, units (the OU chains are walked in memory) and policies of every type with
 * their attachments — five statements — and primes the levels of every account of those organizations, of both
 * types. A decision resolved in a later tick (another account's RCPs, the caller's SCPs) then finds its answer
 * loaded instead of starting another round.
 */
export function createOrganizationLevelsLoader(prisma: PrismaClient): OrganizationLevelsLoader {
  const loader: OrganizationLevelsLoader = new DataLoader<OrganizationLevelsKey, OrganizationLevels, string>(
    async (keys) => {
      const asked = [...new Set(keys.map((key) => key.accountId))];
      // The asked accounts and every account that shares an organization with one of them.
      const accounts = await prisma.account.findMany({
        where: { OR: [{ id: { in: asked } }, { organization: { accounts: { some: { id: { in: asked } } } } }] },
        select: { id: true, organizationId: true, parentId: true },
      });
      const organizationIds = [...new Set(accounts.flatMap((account) => account.organizationId ?? []))];
      const [organizations, units, policies] =
        organizationIds.length === 0
          ? [[], [], []]
          : await Promise.all([
              prisma.organization.findMany({
                where: { id: { in: organizationIds } },
                select: { id: true, managementAccountId: true },
              }),
              prisma.organizationalUnit.findMany({
                where: { organizationId: { in: organizationIds } },
                select: { id: true, parentId: true },
              }),
              prisma.organizationPolicy.findMany({
                where: { organizationId: { in: organizationIds }, type: { in: [...POLICY_TYPES] } },
                select: { id: true, document: true, type: true, organizationId: true, attachments: true },
                orderBy: { id: 'asc' },
              }),
            ]);
      const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
      const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
      // Policies attached to each target (root, OU or account), per type, in policy id order.
      const attached = new Map<string, { id: string; document: string }[]>();
      for (const policy of policies) {
        for (const { targetId } of policy.attachments) {
          const key = `${policy.type}:${policy.organizationId}:${targetId}`;
          const list = attached.get(key) ?? [];
          list.push({ id: policy.id, document: policy.document });
          attached.set(key, list);
        }
      }
      const found = new Map<string, OrganizationLevels>();
      for (const account of accounts) {
        const organization = account.organizationId === null ? undefined : organizationById.get(account.organizationId);
        const chain: string[] = [];
        for (let unit: string | null | undefined = account.parentId; unit; unit = parentOf.get(unit)) {
          if (chain.includes(unit)) break;
          chain.unshift(unit);
        }
        for (const type of POLICY_TYPES) {
          found.set(
            cacheKeyOf({ accountId: account.id, type }),
            organization === undefined
              ? NO_ORGANIZATION
              : {
                  organizationId: organization.id,
                  orgPaths: [`${organization.id}/${chain.join('/')}/`],
                  isManagementAccount: organization.managementAccountId === account.id,
                  levels: [...chain, account.id].map(
                    (target) => attached.get(`${type}:${organization.id}:${target}`) ?? [],
                  ),
                },
          );
        }
      }
      // The organizations' other accounts: primed, so later ticks of this request find them loaded.
      for (const [key, levels] of found) {
        const [type, accountId] = key.split(':') as [OrganizationPolicyType, string];
        loader.prime({ accountId, type }, levels);
      }
      return keys.map((key) => found.get(cacheKeyOf(key)) ?? NO_ORGANIZATION);
    },
    { cacheKeyFn: cacheKeyOf },
  );
  return loader;
}
