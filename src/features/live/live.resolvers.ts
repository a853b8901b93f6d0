import type { AuditEvent, Session } from '../../generated/prisma/client.js';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import {
  refreshLoaders,
  subscribeAuditEvents,
  subscribeSessionEvents,
  type SessionEventPayload,
} from './live.service.js';

/** The subscriptions, served over SSE by createLiveRoute: audit events, and sessions issued and expired. */
export const liveResolvers: Resolvers = {
  Subscription: {
    auditEvents: {
      subscribe: (_parent, { accountId }, context) => subscribeAuditEvents(context, accountId),
      resolve: (event: AuditEvent, _args: unknown, context: Context) => {
        refreshLoaders(context);
        return event;
      },
    },
    sessionEvents: {
      subscribe: (_parent, { accountId }, context) => subscribeSessionEvents(context, accountId),
      resolve: (payload: SessionEventPayload, _args: unknown, context: Context) => {
        refreshLoaders(context);
        return payload;
      },
    },
  },
  SessionEvent: {
    session: (payload: { session: Session }) => payload.session,
  },
};
