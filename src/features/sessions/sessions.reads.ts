import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs } from '../../graphql/connection.js';
import { validationError } from '../../graphql/errors.js';

/** Arguments of `Query.sessions`. */
export interface ListSessionsArgs extends PageArgs {
  accountId: string;
  activeOnly?: boolean | null | undefined;
}

/**
 * A page of an account's sessions, newest first: one query of `first + 1` rows after the cursor, which
 * holds (issue time, id) since several sessions can share an issue time.
 */
export async function listSessions(prisma: PrismaClient, args: ListSessionsArgs) {
  const request = readPageArgs(args);
  const where: Prisma.SessionWhereInput[] = [{ accountId: args.accountId }];
  if (args.activeOnly) where.push({ expiresAt: { gt: new Date() } });
  if (request.after !== null) {
    const [issuedAt, id] = request.after;
    const after = new Date(String(issuedAt));
    if (typeof id !== 'string' || Number.isNaN(after.getTime())) throw validationError('invalid cursor for sessions');
    where.push({ OR: [{ issuedAt: { lt: after } }, { issuedAt: after, id: { lt: id } }] });
  }
  const rows = await prisma.session.findMany({
    where: { AND: where },
    orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    take: request.first + 1,
  });
  return connectionFromRows(rows, request, (session) => [session.issuedAt.toISOString(), session.id]);
}
