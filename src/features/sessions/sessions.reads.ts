import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs, type SortKey } from '../../graphql/connection.js';
import { validationError } from '../../graphql/errors.js';

/** Arguments of `Query.sessions`. */
export interface ListSessionsArgs extends PageArgs {
  accountId: string;
  activeOnly?: boolean | null | undefined;
}

/**
 * A page of an account's sessions, newest first: one query of `size + 1` rows between the cursors, which
 * hold (issue time, id) since several sessions can share an issue time; the total is counted only when asked.
 */
export async function listSessions(prisma: PrismaClient, args: ListSessionsArgs) {
  const request = readPageArgs(args);
  const filter: Prisma.SessionWhereInput[] = [{ accountId: args.accountId }];
  if (args.activeOnly) filter.push({ expiresAt: { gt: new Date() } });
  const where = [...filter];
  // Newest first: the sessions after a cursor are older than it, those before it newer.
  if (request.after !== null) {
    const [issuedAt, id] = readSessionCursor(request.after);
    where.push({ OR: [{ issuedAt: { lt: issuedAt } }, { issuedAt, id: { lt: id } }] });
  }
  if (request.before !== null) {
    const [issuedAt, id] = readSessionCursor(request.before);
    where.push({ OR: [{ issuedAt: { gt: issuedAt } }, { issuedAt, id: { gt: id } }] });
  }
  const order = request.backward ? 'asc' : 'desc';
  const rows = await prisma.session.findMany({
    where: { AND: where },
    orderBy: [{ issuedAt: order }, { id: order }],
    take: request.size + 1,
  });
  return connectionFromRows(
    rows,
    request,
    (session) => [session.issuedAt.toISOString(), session.id],
    () => prisma.session.count({ where: { AND: filter } }),
  );
}

function readSessionCursor(key: SortKey): [Date, string] {
  const [issuedAt, id] = key;
  const date = new Date(String(issuedAt));
  if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw validationError('invalid cursor for sessions');
  return [date, id];
}
