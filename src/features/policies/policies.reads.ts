import type { PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs } from '../../graphql/connection.js';

/** A page of the AWS managed policies ordered by name: one query of `first + 1` rows after the cursor. */
export async function listAwsManagedPolicies(prisma: PrismaClient, args: PageArgs) {
  const request = readPageArgs(args);
  const after = request.after?.[0];
  const rows = await prisma.managedPolicy.findMany({
    // name_key is unique among AWS managed policies (a partial unique index), so it orders them totally.
    where: { accountId: null, ...(after === undefined ? {} : { nameKey: { gt: String(after) } }) },
    orderBy: { nameKey: 'asc' },
    take: request.first + 1,
  });
  return connectionFromRows(rows, request, (policy) => [policy.nameKey]);
}
