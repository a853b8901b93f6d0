import type { AccessKeyStatus, Resolvers } from '../../generated/graphql.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { nameFromArn } from '../../graphql/nameFromArn.js';
import { required } from '../../graphql/required.js';
import { principalKey } from '../policies/policies.loaders.js';

/** Read resolvers for IAM users, groups and access keys. */
export const identityResolvers: Resolvers = {
  Query: {
    user: async (_parent, { arn }, { loaders }) => {
      const user = await loaders.identities.userByArn.load(arn);
      if (!user) throw noSuchEntity(`The user with name ${nameFromArn(arn)} cannot be found.`);
      return user;
    },
    group: async (_parent, { arn }, { loaders }) => {
      const group = await loaders.identities.groupByArn.load(arn);
      if (!group) throw noSuchEntity(`The group with name ${nameFromArn(arn)} cannot be found.`);
      return group;
    },
  },
  User: {
    id: (user) => toGlobalId('User', user.id),
    userId: (user) => user.id,
    account: async (user, _args, { loaders }) => required(await loaders.accounts.byId.load(user.accountId), 'account'),
    groups: (user, _args, { loaders }) => loaders.identities.groupsByUser.load(user.id),
    attachedPolicies: (user, _args, { loaders }) =>
      loaders.policies.attachedByPrincipal.load(principalKey('USER', user.id)),
    inlinePolicies: (user, _args, { loaders }) =>
      loaders.policies.inlineByPrincipal.load(principalKey('USER', user.id)),
    permissionsBoundary: (user, _args, { loaders }) =>
      user.permissionsBoundaryId === null ? null : loaders.policies.byId.load(user.permissionsBoundaryId),
    tags: (user, _args, { loaders }) => loaders.identities.tagsByOwner.load(`user:${user.id}`),
    accessKeys: (user, _args, { loaders }) => loaders.identities.accessKeysByUser.load(user.id),
  },
  Group: {
    id: (group) => toGlobalId('Group', group.id),
    groupId: (group) => group.id,
    account: async (group, _args, { loaders }) =>
      required(await loaders.accounts.byId.load(group.accountId), 'account'),
    members: (group, _args, { loaders }) => loaders.identities.membersByGroup.load(group.id),
    attachedPolicies: (group, _args, { loaders }) =>
      loaders.policies.attachedByPrincipal.load(principalKey('GROUP', group.id)),
    inlinePolicies: (group, _args, { loaders }) =>
      loaders.policies.inlineByPrincipal.load(principalKey('GROUP', group.id)),
  },
  AccessKey: {
    status: (key) => toAccessKeyStatus(key.status),
  },
  AccessKeyMetadata: {
    accessKeyId: (key) => key.id,
    status: (key) => toAccessKeyStatus(key.status),
    createDate: (key) => key.createdAt,
    lastUsedDate: (key) => key.lastUsedAt,
  },
};

/** IAM's stored `Active`/`Inactive` as the GraphQL enum. */
function toAccessKeyStatus(status: string): AccessKeyStatus {
  return status === 'Active' ? 'ACTIVE' : 'INACTIVE';
}
