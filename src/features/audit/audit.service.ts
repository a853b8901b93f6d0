import type { Context } from '../../context.js';
import type { AuditEvent, Prisma } from '../../generated/prisma/client.js';
import {
  connectionFromRows,
  readPageArgs,
  type Connection,
  type PageArgs,
  type SortKey,
} from '../../graphql/connection.js';
import { validationError } from '../../graphql/errors.js';
import { authorize, requireCaller } from '../authorization/authorize.js';

/** The filters of {@link lookupAuditEvents}, like CloudTrail LookupEvents' attributes and time range. */
export interface AuditEventFilter {
  startTime?: Date | null;
  endTime?: Date | null;
  principalArn?: string | null;
  action?: string | null;
  eventName?: string | null;
  decision?: string | null;
  accountId?: string | null;
  resourceArn?: string | null;
}

/**
 * Authorizes reading the audit trail as cloudtrail:LookupEvents in the account asked about (by default the
 * caller's; the operator's default is every account) and returns that account, or null for every account.
 * The auditEvents query and subscription share it, so both are guarded alike.
 */
export async function authorizeAuditRead(
  context: Context,
  accountId: string | null | undefined,
): Promise<string | null> {
  const caller = requireCaller(context);
  const scope = accountId ?? (caller.type === 'operator' ? null : caller.accountId);
  await authorize(context, {
    action: 'cloudtrail:LookupEvents',
    resourceArn: '*',
    resourceAccountId: scope ?? caller.accountId,
  });
  return scope;
}

/**
 * CloudTrail LookupEvents over the audit trail: newest first, every given filter ANDed, keyset-paginated by
 * event id (one indexed query of `first + 1` rows, however deep the page). Authorized as
 * cloudtrail:LookupEvents in the account asked about; callers see their own account's events (another
 * account's are denied by the engine as cross-account), the operator sees any.
 */
export async function lookupAuditEvents(
  context: Context,
  filter: AuditEventFilter,
  page: PageArgs,
): Promise<Connection<AuditEvent>> {
  const request = readPageArgs(page);
  const accountId = await authorizeAuditRead(context, filter.accountId);
  const filtered: Prisma.AuditEventWhereInput = {
    ...(accountId ? { accountId } : {}),
    ...(filter.principalArn ? { principalArn: filter.principalArn } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.eventName ? { eventName: filter.eventName } : {}),
    ...(filter.decision ? { decision: filter.decision } : {}),
    ...(filter.resourceArn ? { resourceArn: filter.resourceArn } : {}),
    ...(filter.startTime || filter.endTime
      ? {
          eventTime: {
            ...(filter.startTime ? { gte: filter.startTime } : {}),
            ...(filter.endTime ? { lt: filter.endTime } : {}),
          },
        }
      : {}),
  };
  // Newest first: the events after a cursor are older (smaller ids), those before it newer.
  const after = readEventCursor(request.after);
  const before = readEventCursor(request.before);
  const where: Prisma.AuditEventWhereInput = {
    ...filtered,
    ...(after !== null || before !== null
      ? { id: { ...(after !== null ? { lt: after } : {}), ...(before !== null ? { gt: before } : {}) } }
      : {}),
  };
  const rows = await context.database.prisma.auditEvent.findMany({
    where,
    orderBy: { id: request.backward ? 'asc' : 'desc' },
    take: request.size + 1,
  });
  return connectionFromRows(
    rows,
    request,
    (event) => [event.id.toString()],
    () => context.database.prisma.auditEvent.count({ where: filtered }),
  );
}

function readEventCursor(key: SortKey | null): bigint | null {
  if (key === null) return null;
  const id = String(key[0]);
  if (!/^\d+$/.test(id)) throw validationError('invalid cursor');
  return BigInt(id);
}
