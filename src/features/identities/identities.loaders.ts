import DataLoader from 'dataloader';
import type { AccessKey, Group, PrismaClient, Tag, User } from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** The owner of a tag: `user:ID`, `role:ID` or `resource:ID`. */
export type TagOwnerKey = `${'user' | 'role' | 'resource' | 'policy'}:${string}`;

/** Per-request batch loaders for users, groups, memberships, access keys and tags. */
export interface IdentityLoaders {
  /** A user by unique id (`AIDA…`). */
  userById: DataLoader<string, User | null>;
  /** A user by ARN. */
  userByArn: DataLoader<string, User | null>;
  /** A group by unique id (`AGPA…`). */
  groupById: DataLoader<string, Group | null>;
  /** A group by ARN. */
  groupByArn: DataLoader<string, Group | null>;
  /** The users of an account, by name. */
  usersByAccount: DataLoader<string, User[]>;
  /** The groups of an account, by name. */
  groupsByAccount: DataLoader<string, Group[]>;
  /** The groups a user belongs to, by name. */
  groupsByUser: DataLoader<string, Group[]>;
  /** The members of a group, by name. */
  membersByGroup: DataLoader<string, User[]>;
  /** A user's access keys, oldest first. */
  accessKeysByUser: DataLoader<string, AccessKey[]>;
  /** The tags of a user, role or resource, by key. */
  tagsByOwner: DataLoader<TagOwnerKey, Tag[]>;
}

/** Creates fresh identity loaders; call once per request. */
export function createIdentityLoaders(prisma: PrismaClient): IdentityLoaders {
  return {
    userById: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.user.findMany({ where: { id: { in: [...ids] } } }), (user) => user.id),
    ),
    userByArn: new DataLoader(async (arns) =>
      orderByKeys(arns, await prisma.user.findMany({ where: { arn: { in: [...arns] } } }), (user) => user.arn),
    ),
    groupById: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.group.findMany({ where: { id: { in: [...ids] } } }), (group) => group.id),
    ),
    groupByArn: new DataLoader(async (arns) =>
      orderByKeys(arns, await prisma.group.findMany({ where: { arn: { in: [...arns] } } }), (group) => group.arn),
    ),
    usersByAccount: new DataLoader(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.user.findMany({
          where: { accountId: { in: [...accountIds] } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        }),
        (user) => user.accountId,
      ),
    ),
    groupsByAccount: new DataLoader(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.group.findMany({
          where: { accountId: { in: [...accountIds] } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        }),
        (group) => group.accountId,
      ),
    ),
    groupsByUser: new DataLoader(async (userIds) => {
      const memberships = await prisma.groupMembership.findMany({
        where: { userId: { in: [...userIds] } },
        include: { group: true },
        orderBy: { group: { nameKey: 'asc' } },
      });
      return groupByKeys(userIds, memberships, (membership) => membership.userId).map((group) =>
        group.map((membership) => membership.group),
      );
    }),
    membersByGroup: new DataLoader(async (groupIds) => {
      const memberships = await prisma.groupMembership.findMany({
        where: { groupId: { in: [...groupIds] } },
        include: { user: true },
        orderBy: { user: { nameKey: 'asc' } },
      });
      return groupByKeys(groupIds, memberships, (membership) => membership.groupId).map((group) =>
        group.map((membership) => membership.user),
      );
    }),
    accessKeysByUser: new DataLoader(async (userIds) =>
      groupByKeys(
        userIds,
        await prisma.accessKey.findMany({
          where: { userId: { in: [...userIds] } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
        (key) => key.userId,
      ),
    ),
    tagsByOwner: new DataLoader(async (owners) => {
      const ids = (kind: string) =>
        owners.filter((owner) => owner.startsWith(`${kind}:`)).map((owner) => owner.slice(kind.length + 1));
      const tags = await prisma.tag.findMany({
        where: {
          OR: [
            { userId: { in: ids('user') } },
            { roleId: { in: ids('role') } },
            { resourceId: { in: ids('resource') } },
            { policyId: { in: ids('policy') } },
          ],
        },
        orderBy: { keyLower: 'asc' },
      });
      return groupByKeys(owners, tags, tagOwnerKey);
    }),
  };
}

function tagOwnerKey(tag: Tag): TagOwnerKey | null {
  if (tag.userId !== null) return `user:${tag.userId}`;
  if (tag.roleId !== null) return `role:${tag.roleId}`;
  if (tag.resourceId !== null) return `resource:${tag.resourceId}`;
  if (tag.policyId !== null) return `policy:${tag.policyId}`;
  return null;
}
