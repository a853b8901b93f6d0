import { formatIamArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { Group, User } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorize } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { generateUniqueId } from '../auth/generateIds.js';
import { findBoundaryPolicy } from '../policies/findManagedPolicy.js';
import { findPrincipal, principalArn, requirePrincipal } from './findPrincipal.js';
import { checkIamName, checkIamPath, checkTags, IAM_LIMITS, type TagInput } from './iamNameRules.js';
import { replaceTags, requestTagContext } from './replaceTags.js';
import { writePrincipal } from './writePrincipal.js';
import { unbindDeletedPrincipal } from '../policies/unbindDeletedPrincipal.js';

/** The arguments every management mutation shares: the operator's choice of account. */
export interface Acting {
  actingAccountId?: string | null;
}

/** iam:CreateUser: validates, authorizes on the new user's ARN (with its request tags), creates it with its tags. */
export async function createUser(
  context: Context,
  args: Acting & {
    userName: string;
    path?: string | null;
    permissionsBoundary?: string | null;
    tags?: TagInput[] | null;
  },
): Promise<User> {
  checkIamName('userName', args.userName, IAM_LIMITS.userName);
  const path = checkIamPath(args.path);
  const tags = args.tags ?? [];
  checkTags(tags);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = formatIamArn(accountId, 'user', args.userName, path);
  await authorize(context, {
    action: 'iam:CreateUser',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    if (await findPrincipal(tx, 'USER', accountId, args.userName)) {
      throw awsError('EntityAlreadyExists', `User with name ${args.userName} already exists.`);
    }
    const boundary = args.permissionsBoundary
      ? await findBoundaryPolicy(tx, accountId, args.permissionsBoundary)
      : null;
    const user = await tx.user.create({
      data: {
        id: generateUniqueId('AIDA'),
        accountId,
        name: args.userName,
        nameKey: args.userName.toLowerCase(),
        path,
        arn,
        permissionsBoundaryId: boundary?.id ?? null,
      },
    });
    await replaceTags(tx, { userId: user.id }, tags);
    return user;
  });
}

/**
 * iam:DeleteUser: DeleteConflict while access keys, policies, groups or MFA devices remain, as IAM does.
 * Trust and resource policies naming the user name its unique id from then on. Resolves to the deleted row, so
 * the API can name what went (its global id) for client caches.
 */
export async function deleteUser(context: Context, args: Acting & { userName: string }): Promise<User> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findPrincipal(context.database.prisma, 'USER', accountId, args.userName);
  await authorize(context, {
    action: 'iam:DeleteUser',
    resourceArn: principalArn('USER', accountId, args.userName, found),
    resourceAccountId: accountId,
  });
  return context.database.prisma.$transaction(async (tx) => {
    const user = requirePrincipal('USER', args.userName, await findPrincipal(tx, 'USER', accountId, args.userName));
    await lockRow(tx, 'iam_user', user.id);
    const [keys, inline, attached, groups, devices] = await Promise.all([
      tx.accessKey.count({ where: { userId: user.id } }),
      tx.inlinePolicy.count({ where: { userId: user.id } }),
      tx.policyAttachment.count({ where: { userId: user.id } }),
      tx.groupMembership.count({ where: { userId: user.id } }),
      tx.mfaDevice.count({ where: { userId: user.id } }),
    ]);
    if (keys > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must delete access keys first.');
    if (inline > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    if (attached > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    if (groups > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must remove user from all groups first.');
    if (devices > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must delete MFA device first.');
    await tx.user.delete({ where: { id: user.id } });
    await unbindDeletedPrincipal(tx, user);
    return user as User;
  });
}

/** iam:CreateGroup. */
export async function createGroup(
  context: Context,
  args: Acting & { groupName: string; path?: string | null },
): Promise<Group> {
  checkIamName('groupName', args.groupName, IAM_LIMITS.groupName);
  const path = checkIamPath(args.path);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = formatIamArn(accountId, 'group', args.groupName, path);
  await authorize(context, { action: 'iam:CreateGroup', resourceArn: arn, resourceAccountId: accountId });
  return context.database.prisma.$transaction(async (tx) => {
    if (await findPrincipal(tx, 'GROUP', accountId, args.groupName)) {
      throw awsError('EntityAlreadyExists', `Group with name ${args.groupName} already exists.`);
    }
    return tx.group.create({
      data: {
        id: generateUniqueId('AGPA'),
        accountId,
        name: args.groupName,
        nameKey: args.groupName.toLowerCase(),
        path,
        arn,
      },
    });
  });
}

/** iam:DeleteGroup: DeleteConflict while members, inline or attached policies remain. Resolves to the deleted row. */
export function deleteGroup(context: Context, args: Acting & { groupName: string }): Promise<Group> {
  return writePrincipal(
    context,
    { kind: 'GROUP', name: args.groupName, actingAccountId: args.actingAccountId, action: 'iam:DeleteGroup' },
    async (tx, group) => {
      const [members, inline, attached] = await Promise.all([
        tx.groupMembership.count({ where: { groupId: group.id } }),
        tx.inlinePolicy.count({ where: { groupId: group.id } }),
        tx.policyAttachment.count({ where: { groupId: group.id } }),
      ]);
      if (members > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must remove users from group first.');
      if (inline > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
      if (attached > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
      await tx.group.delete({ where: { id: group.id } });
      return group;
    },
  );
}

/** iam:AddUserToGroup / iam:RemoveUserFromGroup, authorized on the group's ARN; a user joins at most ten groups. */
export async function changeGroupMembership(
  context: Context,
  args: Acting & { groupName: string; userName: string },
  change: 'add' | 'remove',
): Promise<Group> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findPrincipal(context.database.prisma, 'GROUP', accountId, args.groupName);
  const action = change === 'add' ? 'iam:AddUserToGroup' : 'iam:RemoveUserFromGroup';
  await authorize(context, {
    action,
    resourceArn: principalArn('GROUP', accountId, args.groupName, found),
    resourceAccountId: accountId,
  });
  return context.database.prisma.$transaction(async (tx) => {
    const group = requirePrincipal(
      'GROUP',
      args.groupName,
      await findPrincipal(tx, 'GROUP', accountId, args.groupName),
    ) as Group;
    const user = requirePrincipal('USER', args.userName, await findPrincipal(tx, 'USER', accountId, args.userName));
    await lockRow(tx, 'iam_user', user.id);
    const key = { userId_groupId: { userId: user.id, groupId: group.id } };
    if (change === 'remove') {
      const deleted = await tx.groupMembership.deleteMany({ where: { userId: user.id, groupId: group.id } });
      if (deleted.count === 0)
        throw awsError(
          'NoSuchEntity',
          `The user with name ${args.userName} cannot be found in group ${args.groupName}.`,
        );
      return group;
    }
    if (await tx.groupMembership.findUnique({ where: key })) return group;
    const count = await tx.groupMembership.count({ where: { userId: user.id } });
    if (count >= IAM_LIMITS.groupsPerUser)
      throw awsError('LimitExceeded', `Cannot exceed quota for GroupsPerUser: ${IAM_LIMITS.groupsPerUser}`);
    await tx.groupMembership.create({ data: { userId: user.id, groupId: group.id } });
    return group;
  });
}
