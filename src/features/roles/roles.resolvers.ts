import type { Resolvers } from '../../generated/graphql.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { nameFromArn } from '../../graphql/nameFromArn.js';
import { required } from '../../graphql/required.js';
import { principalKey } from '../policies/policies.loaders.js';

/** Read resolvers for IAM roles. */
export const roleResolvers: Resolvers = {
  Query: {
    role: async (_parent, { arn }, { loaders }) => {
      const role = await loaders.roles.byArn.load(arn);
      if (!role) throw noSuchEntity(`The role with name ${nameFromArn(arn)} cannot be found.`);
      return role;
    },
  },
  Role: {
    id: (role) => toGlobalId('Role', role.id),
    roleId: (role) => role.id,
    account: async (role, _args, { loaders }) => required(await loaders.accounts.byId.load(role.accountId), 'account'),
    attachedPolicies: (role, _args, { loaders }) =>
      loaders.policies.attachedByPrincipal.load(principalKey('ROLE', role.id)),
    inlinePolicies: (role, _args, { loaders }) =>
      loaders.policies.inlineByPrincipal.load(principalKey('ROLE', role.id)),
    permissionsBoundary: (role, _args, { loaders }) =>
      role.permissionsBoundaryId === null ? null : loaders.policies.byId.load(role.permissionsBoundaryId),
    tags: (role, _args, { loaders }) => loaders.identities.tagsByOwner.load(`role:${role.id}`),
    sessions: async (role, { activeOnly }, { loaders }) => {
      const sessions = await loaders.sessions.byRole.load(role.id);
      const now = Date.now();
      return activeOnly ? sessions.filter((session) => session.expiresAt.getTime() > now) : sessions;
    },
  },
};
