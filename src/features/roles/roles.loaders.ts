import DataLoader from 'dataloader';
import type { InstanceProfile, PrismaClient, Role } from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** Per-request batch loaders for roles. */
export interface RoleLoaders {
  /** A role by unique id (`AROA…`). */
  byId: DataLoader<string, Role | null>;
  /** A role by ARN. */
  byArn: DataLoader<string, Role | null>;
  /** The roles of an account, by name. */
  byAccount: DataLoader<string, Role[]>;
  /** The instance profiles holding a role (by role id), by name: GetAccountAuthorizationDetails' InstanceProfileList. */
  instanceProfilesByRole: DataLoader<string, InstanceProfile[]>;
}

/** Creates fresh role loaders; call once per request. */
export function createRoleLoaders(prisma: PrismaClient): RoleLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.role.findMany({ where: { id: { in: [...ids] } } }), (role) => role.id),
    ),
    byArn: new DataLoader(async (arns) =>
      orderByKeys(arns, await prisma.role.findMany({ where: { arn: { in: [...arns] } } }), (role) => role.arn),
    ),
    byAccount: new DataLoader(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.role.findMany({
          where: { accountId: { in: [...accountIds] } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        }),
        (role) => role.accountId,
      ),
    ),
    instanceProfilesByRole: new DataLoader(async (roleIds) =>
      groupByKeys(
        roleIds,
        await prisma.instanceProfile.findMany({
          where: { roleId: { in: [...roleIds] } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        }),
        (profile) => profile.roleId ?? '',
      ),
    ),
  };
}
