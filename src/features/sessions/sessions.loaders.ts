import DataLoader from 'dataloader';
import type { PrismaClient, Session } from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** Per-request batch loaders for STS sessions. */
export interface SessionLoaders {
  /** A session by its access key id (`ASIA…`). */
  byId: DataLoader<string, Session | null>;
  /** The sessions of a role, newest first. */
  byRole: DataLoader<string, Session[]>;
}

/** Creates fresh session loaders; call once per request. */
export function createSessionLoaders(prisma: PrismaClient): SessionLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.session.findMany({ where: { id: { in: [...ids] } } }), (session) => session.id),
    ),
    byRole: new DataLoader(async (roleIds) =>
      groupByKeys(
        roleIds,
        await prisma.session.findMany({
          where: { roleId: { in: [...roleIds] } },
          orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
        }),
        (session) => session.roleId,
      ),
    ),
  };
}
