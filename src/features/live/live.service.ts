import { createAuthorizationVersion, createLoaders, type Context } from '../../context.js';
import type { AuditEvent, Session } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorizeAuditRead } from '../audit/audit.service.js';
import { authorize, requireCaller } from '../authorization/authorize.js';
import { createEventQueue } from './createEventQueue.js';
import type { LiveEvents } from './createLiveEvents.js';

/** A session event as the subscription yields it. */
export interface SessionEventPayload {
  kind: 'ISSUED' | 'EXPIRED';
  session: Session;
}

function requireLive(context: Context): LiveEvents {
  if (!context.live)
    throw awsError('ServiceFailure', 'subscriptions are served over Server-Sent Events at /graphql/stream');
  return context.live;
}

/**
 * New audit events of an account as they are written, by this process or any other on the database.
 * Authorized once, at subscription, exactly as the auditEvents query (cloudtrail:LookupEvents).
 */
export async function subscribeAuditEvents(
  context: Context,
  accountId: string | null | undefined,
): Promise<AsyncIterableIterator<AuditEvent>> {
  const live = requireLive(context);
  const scope = await authorizeAuditRead(context, accountId);
  let unsubscribe: () => void = () => undefined;
  const queue = createEventQueue<AuditEvent>(() => unsubscribe());
  unsubscribe = await live.subscribe('audit', (id) => {
    void context.database.prisma.auditEvent.findUnique({ where: { id: BigInt(id) } }).then((event) => {
      if (event !== null && (scope === null || event.accountId === scope)) queue.push(event);
    });
  });
  return queue;
}

/**
 * Sessions of an account as they are issued and as they expire. Authorized once, at subscription, as the
 * sessions query (iam:ListRoles in the account). Expiry is timed from each session's expiration: the
 * account's active sessions at subscription and each one issued after.
 */
export async function subscribeSessionEvents(
  context: Context,
  accountId: string | null | undefined,
): Promise<AsyncIterableIterator<SessionEventPayload>> {
  const live = requireLive(context);
  const caller = requireCaller(context);
  const account = accountId ?? caller.accountId;
  await authorize(context, { action: 'iam:ListRoles', resourceArn: '*', resourceAccountId: account });
  const timers = new Set<NodeJS.Timeout>();
  let unsubscribe: () => void = () => undefined;
  const queue = createEventQueue<SessionEventPayload>(() => {
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
  });
  const expireLater = (session: Session): void => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        queue.push({ kind: 'EXPIRED', session });
      },
      Math.max(0, session.expiresAt.getTime() - Date.now()),
    );
    timers.add(timer);
  };
  unsubscribe = await live.subscribe('sessionIssued', (id) => {
    void context.database.prisma.session.findUnique({ where: { id } }).then((session) => {
      if (session === null || session.accountId !== account) return;
      queue.push({ kind: 'ISSUED', session });
      expireLater(session);
    });
  });
  const active = await context.database.prisma.session.findMany({
    where: { accountId: account, expiresAt: { gt: new Date() } },
  });
  for (const session of active) expireLater(session);
  return queue;
}

/**
 * Gives a long-lived subscription fresh DataLoaders and a fresh authorization version for each event it
 * delivers, so no row or decision cached for an earlier event is served with a later one (loaders and the
 * version are per request; a subscription is many).
 */
export function refreshLoaders(context: Context): void {
  context.authorizationVersion = createAuthorizationVersion(context.database);
  context.loaders = createLoaders(context.database, context.authorizationVersion);
}
