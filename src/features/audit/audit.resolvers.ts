import type { AuditDecision, Resolvers } from '../../generated/graphql.js';
import { lookupAuditEvents } from './audit.service.js';

/** The stored decisions (`Allow`, `Deny`, `Error`, as CloudTrail writes them) and the GraphQL enum, both ways. */
const storedDecision: Record<AuditDecision, string> = { ALLOW: 'Allow', DENY: 'Deny', ERROR: 'Error' };

/** The GraphQL value of a stored decision. */
export function toAuditDecision(stored: string): AuditDecision {
  return stored.toUpperCase() as AuditDecision;
}

/** The audit trail query (CloudTrail LookupEvents) and its event type. */
export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_parent, { filter, first, after, last, before }, context) =>
      lookupAuditEvents(
        context,
        { ...filter, decision: filter?.decision ? storedDecision[filter.decision] : null },
        { first, after, last, before },
      ),
  },
  AuditEvent: {
    eventId: (event) => event.id.toString(),
    decision: (event) => toAuditDecision(event.decision),
    detail: (event) => event.detail,
  },
};
