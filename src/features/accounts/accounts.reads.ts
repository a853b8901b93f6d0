import type { PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, singleKeyRange, type PageArgs } from '../../graphql/connection.js';

/**
 * A page of accounts ordered by account id: one query of `size + 1` rows between the cursors; the total
 * is counted only when asked.
 */
export async function listAccounts(prisma: PrismaClient, args: PageArgs) {
  const request = readPageArgs(args);
  const { bounds, order } = singleKeyRange(request);
  const rows = await prisma.account.findMany({ where: { id: bounds }, orderBy: { id: order }, take: request.size + 1 });
  return connectionFromRows(
    rows,
    request,
    (account) => [account.id],
    () => prisma.account.count(),
  );
}
