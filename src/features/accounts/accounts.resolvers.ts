import { formatRootArn } from '../../iam/index.js';
import type { Resolvers } from '../../generated/graphql.js';
import { connectionFromSortedList } from '../../graphql/connection.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { listAccounts } from './accounts.reads.js';

/** Read resolvers for accounts and everything listed per account. */
export const accountResolvers: Resolvers = {
  Query: {
    accounts: (_parent, args, { database }) => listAccounts(database.prisma, args),
    account: async (_parent, { accountId }, { loaders }) => {
      const account = await loaders.accounts.byId.load(accountId);
      if (!account) throw noSuchEntity(`The account with id ${accountId} cannot be found.`);
      return account;
    },
  },
  Account: {
    id: (account) => toGlobalId('Account', account.id),
    accountId: (account) => account.id,
    rootArn: (account) => formatRootArn(account.id),
    organization: (account, _args, { loaders }) =>
      account.organizationId === null ? null : loaders.organizations.byId.load(account.organizationId),
    parent: (account, _args, { loaders }) =>
      account.parentId === null ? null : loaders.organizations.unitById.load(account.parentId),
    attachedOrganizationPolicies: (account, _args, { loaders }) =>
      loaders.organizations.policiesByTarget.load(account.id),
    users: async (account, args, { loaders }) =>
      connectionFromSortedList(await loaders.identities.usersByAccount.load(account.id), args, (user) => [
        user.nameKey,
        user.id,
      ]),
    groups: async (account, args, { loaders }) =>
      connectionFromSortedList(await loaders.identities.groupsByAccount.load(account.id), args, (group) => [
        group.nameKey,
        group.id,
      ]),
    roles: async (account, args, { loaders }) =>
      connectionFromSortedList(await loaders.roles.byAccount.load(account.id), args, (role) => [role.nameKey, role.id]),
    policies: async (account, args, { loaders }) =>
      connectionFromSortedList(await loaders.policies.byAccount.load(account.id), args, (policy) => [
        policy.nameKey,
        policy.id,
      ]),
    resources: async (account, args, { loaders }) =>
      connectionFromSortedList(await loaders.resources.byAccount.load(account.id), args, (resource) => [resource.arn]),
  },
};
