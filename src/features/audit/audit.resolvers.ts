import type { Resolvers } from '../../generated/graphql.js';
import { lookupAuditEvents } from './audit.service.js';

/** The audit trail query (CloudTrail LookupEvents) and its event type. */
export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_parent, { filter, first, after }, context) => lookupAuditEvents(context, filter ?? {}, { first, after }),
  },
  AuditEvent: {
    eventId: (event) => event.id.toString(),
    detail: (event) => event.detail,
  },
};
