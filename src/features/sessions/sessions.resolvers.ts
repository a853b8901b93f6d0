import type { Resolvers } from '../../generated/graphql.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { required } from '../../graphql/required.js';
import { readSessionTags } from '../../graphql/tags.js';
import { listSessions } from './sessions.reads.js';

/** Read resolvers for STS sessions (temporary credentials); secrets and tokens are never exposed. */
export const sessionResolvers: Resolvers = {
  Query: {
    session: async (_parent, { accessKeyId }, { loaders }) => {
      const session = await loaders.sessions.byId.load(accessKeyId);
      if (!session) throw noSuchEntity(`The session with access key id ${accessKeyId} cannot be found.`);
      return session;
    },
    sessions: (_parent, args, { database }) => listSessions(database.prisma, args),
  },
  Session: {
    id: (session) => toGlobalId('Session', session.id),
    accessKeyId: (session) => session.id,
    account: async (session, _args, { loaders }) =>
      required(await loaders.accounts.byId.load(session.accountId), 'account'),
    role: (session, _args, { loaders }) => (session.roleId === null ? null : loaders.roles.byId.load(session.roleId)),
    user: (session, _args, { loaders }) =>
      session.userId === null ? null : loaders.identities.userById.load(session.userId),
    parentSession: (session, _args, { loaders }) =>
      session.parentSessionId === null ? null : loaders.sessions.byId.load(session.parentSessionId),
    tags: (session) => readSessionTags(session.tags),
    expiration: (session) => session.expiresAt,
    expired: (session) => session.expiresAt.getTime() <= Date.now(),
  },
};
