import type { Context } from '../../../context.js';
import type { User } from '../../../generated/prisma/client.js';
import { awsError } from '../../../graphql/errors.js';
import { requireCaller } from '../../authorization/authorize.js';
import {
  createAccessKey,
  createVirtualMfaDevice,
  deleteAccessKey,
  enableMfaDevice,
} from '../../identities/credentials.service.js';
import {
  changeGroupMembership,
  createGroup,
  createUser,
  deleteGroup,
  deleteUser,
} from '../../identities/identities.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import { toGroup, toUser } from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { authorizeAccountRead, readIamEntity } from '../readIamEntity.js';
import { readTags } from './iamPrincipalPolicies.operations.js';

/** The user a call without `UserName` is about: the calling IAM user (AWS's rule for GetUser, ListAccessKeys ...). */
async function callingUser(context: Context, action: string, userName: string | undefined): Promise<User> {
  if (userName !== undefined) return readIamEntity(context, action, 'USER', userName);
  const caller = requireCaller(context);
  const own =
    caller.type === 'user' && caller.session === null && caller.iamUserId
      ? await context.loaders.identities.userById.load(caller.iamUserId)
      : null;
  if (!own) throw awsError('ValidationError', 'Must specify userName when calling with non-User credentials');
  return readIamEntity(context, action, 'USER', own.name);
}

const byPath = <T extends { path: string }>(rows: readonly T[], prefix: string | undefined) =>
  rows.filter((row) => row.path.startsWith(prefix ?? '/'));

/** IAM users, groups, access keys and virtual MFA devices: the identity services GraphQL calls, in IAM's shapes. */
export const iamUserOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'CreateUser',
    action: 'iam:CreateUser',
    kind: 'write',
    graphql: 'Mutation.createUser',
    run: async (context, input) => {
      const user = await createUser(context, {
        userName: input.string('UserName'),
        path: input.optionalString('Path') ?? null,
        permissionsBoundary: input.optionalString('PermissionsBoundary') ?? null,
        tags: readTags(input),
      });
      return { User: await toUser(context, user) };
    },
  },
  {
    service: 'iam',
    name: 'DeleteUser',
    action: 'iam:DeleteUser',
    kind: 'write',
    graphql: 'Mutation.deleteUser',
    run: async (context, input) => (await deleteUser(context, { userName: input.string('UserName') }), null),
  },
  {
    service: 'iam',
    name: 'GetUser',
    action: 'iam:GetUser',
    kind: 'read',
    graphql: 'Query.user',
    run: async (context, input, action) => {
      const name = input.optionalString('UserName');
      const caller = requireCaller(context);
      if (name === undefined && caller.type === 'root') {
        const account = await context.loaders.accounts.byId.load(caller.accountId);
        return { User: { Path: '/', UserId: caller.accountId, Arn: caller.arn, CreateDate: account?.createdAt } };
      }
      return { User: await toUser(context, await callingUser(context, action, name)) };
    },
  },
  {
    service: 'iam',
    name: 'ListUsers',
    action: 'iam:ListUsers',
    kind: 'read',
    graphql: 'Account.users',
    run: async (context, input, action) => {
      const accountId = await authorizeAccountRead(context, action);
      const users = byPath(
        await context.loaders.identities.usersByAccount.load(accountId),
        input.optionalString('PathPrefix'),
      );
      const page = pageByMarker(users, input, (user) => [user.nameKey, user.id]);
      return {
        Users: await Promise.all(page.items.map((user) => toUser(context, user, false))),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
  {
    service: 'iam',
    name: 'CreateGroup',
    action: 'iam:CreateGroup',
    kind: 'write',
    graphql: 'Mutation.createGroup',
    run: async (context, input) => ({
      Group: toGroup(
        await createGroup(context, {
          groupName: input.string('GroupName'),
          path: input.optionalString('Path') ?? null,
        }),
      ),
    }),
  },
  {
    service: 'iam',
    name: 'DeleteGroup',
    action: 'iam:DeleteGroup',
    kind: 'write',
    graphql: 'Mutation.deleteGroup',
    run: async (context, input) => (await deleteGroup(context, { groupName: input.string('GroupName') }), null),
  },
  {
    service: 'iam',
    name: 'AddUserToGroup',
    action: 'iam:AddUserToGroup',
    kind: 'write',
    graphql: 'Mutation.addUserToGroup',
    run: async (context, input) => (
      await changeGroupMembership(
        context,
        { groupName: input.string('GroupName'), userName: input.string('UserName') },
        'add',
      ),
      null
    ),
  },
  {
    service: 'iam',
    name: 'RemoveUserFromGroup',
    action: 'iam:RemoveUserFromGroup',
    kind: 'write',
    graphql: 'Mutation.removeUserFromGroup',
    run: async (context, input) => (
      await changeGroupMembership(
        context,
        { groupName: input.string('GroupName'), userName: input.string('UserName') },
        'remove',
      ),
      null
    ),
  },
  {
    service: 'iam',
    name: 'GetGroup',
    action: 'iam:GetGroup',
    kind: 'read',
    graphql: 'Query.group',
    run: async (context, input, action) => {
      const group = await readIamEntity(context, action, 'GROUP', input.string('GroupName'));
      const page = pageByMarker(await context.loaders.identities.membersByGroup.load(group.id), input, (user) => [
        user.nameKey,
        user.id,
      ]);
      return {
        Group: toGroup(group),
        Users: await Promise.all(page.items.map((user) => toUser(context, user, false))),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
  {
    service: 'iam',
    name: 'ListGroups',
    action: 'iam:ListGroups',
    kind: 'read',
    graphql: 'Account.groups',
    run: async (context, input, action) => {
      const accountId = await authorizeAccountRead(context, action);
      const groups = byPath(
        await context.loaders.identities.groupsByAccount.load(accountId),
        input.optionalString('PathPrefix'),
      );
      const page = pageByMarker(groups, input, (group) => [group.nameKey, group.id]);
      return { Groups: page.items.map(toGroup), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
  {
    service: 'iam',
    name: 'ListGroupsForUser',
    action: 'iam:ListGroupsForUser',
    kind: 'read',
    graphql: 'User.groups',
    run: async (context, input, action) => {
      const user = await readIamEntity(context, action, 'USER', input.string('UserName'));
      const page = pageByMarker(await context.loaders.identities.groupsByUser.load(user.id), input, (group) => [
        group.nameKey,
        group.id,
      ]);
      return { Groups: page.items.map(toGroup), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
  {
    service: 'iam',
    name: 'CreateAccessKey',
    action: 'iam:CreateAccessKey',
    kind: 'write',
    graphql: 'Mutation.createAccessKey',
    run: async (context, input) => {
      const key = await createAccessKey(context, { userName: input.optionalString('UserName') ?? null });
      return {
        AccessKey: {
          UserName: key.userName ?? undefined,
          AccessKeyId: key.accessKeyId,
          Status: key.status,
          SecretAccessKey: key.secretAccessKey,
          CreateDate: key.createDate,
        },
      };
    },
  },
  {
    service: 'iam',
    name: 'DeleteAccessKey',
    action: 'iam:DeleteAccessKey',
    kind: 'write',
    graphql: 'Mutation.deleteAccessKey',
    run: async (context, input) => (
      await deleteAccessKey(context, {
        accessKeyId: input.string('AccessKeyId'),
        userName: input.optionalString('UserName') ?? null,
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'ListAccessKeys',
    action: 'iam:ListAccessKeys',
    kind: 'read',
    graphql: 'User.accessKeys',
    run: async (context, input, action) => {
      const user = await callingUser(context, action, input.optionalString('UserName'));
      const page = pageByMarker(await context.loaders.identities.accessKeysByUser.load(user.id), input, (key) => [
        key.id,
      ]);
      return {
        AccessKeyMetadata: page.items.map((key) => ({
          UserName: user.name,
          AccessKeyId: key.id,
          Status: key.status,
          CreateDate: key.createdAt,
        })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
  {
    service: 'iam',
    name: 'CreateVirtualMFADevice',
    action: 'iam:CreateVirtualMFADevice',
    kind: 'write',
    graphql: 'Mutation.createVirtualMFADevice',
    run: async (context, input) => {
      const device = await createVirtualMfaDevice(context, {
        virtualMFADeviceName: input.string('VirtualMFADeviceName'),
        path: input.optionalString('Path') ?? null,
      });
      // Base32StringSeed is a blob in IAM's model: the base32 text, base64-encoded on the wire.
      return {
        VirtualMFADevice: {
          SerialNumber: device.serialNumber,
          Base32StringSeed: Buffer.from(device.base32StringSeed, 'utf8').toString('base64'),
        },
      };
    },
  },
  {
    service: 'iam',
    name: 'EnableMFADevice',
    action: 'iam:EnableMFADevice',
    kind: 'write',
    graphql: 'Mutation.enableMFADevice',
    run: async (context, input) => {
      await enableMfaDevice(context, {
        userName: input.string('UserName'),
        serialNumber: input.string('SerialNumber'),
        authenticationCode1: input.string('AuthenticationCode1'),
        authenticationCode2: input.string('AuthenticationCode2'),
      });
      return null;
    },
  },
];
