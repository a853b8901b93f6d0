import DataLoader from 'dataloader';
import type { Account, PrismaClient } from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** Per-request batch loaders for accounts; each batch is one SQL statement. */
export interface AccountLoaders {
  /** An account by its 12-digit id. */
  byId: DataLoader<string, Account | null>;
  /** The accounts of an organization, by account id. */
  byOrganization: DataLoader<string, Account[]>;
  /** The accounts directly in a root or OU, by account id. */
  byParent: DataLoader<string, Account[]>;
}

/** Creates fresh account loaders; call once per request (caches must not outlive it). */
export function createAccountLoaders(prisma: PrismaClient): AccountLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.account.findMany({ where: { id: { in: [...ids] } } }), (account) => account.id),
    ),
    byOrganization: new DataLoader(async (organizationIds) =>
      groupByKeys(
        organizationIds,
        await prisma.account.findMany({
          where: { organizationId: { in: [...organizationIds] } },
          orderBy: { id: 'asc' },
        }),
        (account) => account.organizationId,
      ),
    ),
    byParent: new DataLoader(async (parentIds) =>
      groupByKeys(
        parentIds,
        await prisma.account.findMany({ where: { parentId: { in: [...parentIds] } }, orderBy: { id: 'asc' } }),
        (account) => account.parentId,
      ),
    ),
  };
}
