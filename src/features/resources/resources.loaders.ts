import DataLoader from 'dataloader';
import type { PrismaClient, Resource } from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** Per-request batch loaders for resources. */
export interface ResourceLoaders {
  /** A resource by its row id. */
  byId: DataLoader<string, Resource | null>;
  /** A resource by ARN. */
  byArn: DataLoader<string, Resource | null>;
  /** The resources of an account, by ARN. */
  byAccount: DataLoader<string, Resource[]>;
}

/** Creates fresh resource loaders; call once per request. */
export function createResourceLoaders(prisma: PrismaClient): ResourceLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.resource.findMany({ where: { id: { in: [...ids] } } }), (resource) => resource.id),
    ),
    byArn: new DataLoader(async (arns) =>
      orderByKeys(
        arns,
        await prisma.resource.findMany({ where: { arn: { in: [...arns] } } }),
        (resource) => resource.arn,
      ),
    ),
    byAccount: new DataLoader(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.resource.findMany({ where: { accountId: { in: [...accountIds] } }, orderBy: { arn: 'asc' } }),
        (resource) => resource.accountId,
      ),
    ),
  };
}
