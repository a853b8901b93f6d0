import type { PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs } from '../../graphql/connection.js';

/** A page of accounts ordered by account id: one query of `first + 1` rows after the cursor. */
export async function listAccounts(prisma: PrismaClient, args: PageArgs) {
  const request = readPageArgs(args);
  const after = request.after?.[0];
  const rows = await prisma.account.findMany({
    where: after === undefined ? {} : { id: { gt: String(after) } },
    orderBy: { id: 'asc' },
    take: request.first + 1,
  });
  return connectionFromRows(rows, request, (account) => [account.id]);
}
