import type { Resolvers } from '../../generated/graphql.js';
import { requireCaller } from '../authorization/authorize.js';
import { assumeRole } from './stsAssumeRole.js';
import { stsDependenciesOf } from './stsDependenciesOf.js';
import { getFederationToken } from './stsGetFederationToken.js';
import { getSessionToken } from './stsGetSessionToken.js';
import { revokeRoleSessions } from './stsRevokeRoleSessions.js';

/** STS: callerIdentity (never denied), assumeRole, getSessionToken, getFederationToken and revoking a role's sessions. */
export const stsResolvers: Resolvers = {
  Query: {
    callerIdentity: (_parent, _args, context) => {
      const { userId, accountId, arn } = requireCaller(context);
      return { userId, account: accountId, arn };
    },
  },
  Mutation: {
    assumeRole: (_parent, { input }, context) => assumeRole(stsDependenciesOf(context), requireCaller(context), input),
    revokeRoleSessions: (_parent, { roleArn }, context) => revokeRoleSessions(context, roleArn),
    getSessionToken: async (_parent, { input }, context) => ({
      credentials: await getSessionToken(
        { prisma: context.database.prisma, cipher: context.cipher, now: new Date() },
        requireCaller(context),
        input ?? {},
      ),
    }),
    getFederationToken: (_parent, { input }, context) =>
      getFederationToken(stsDependenciesOf(context), requireCaller(context), input),
  },
};
