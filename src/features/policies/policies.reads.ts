import type { PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, singleKeyRange, type PageArgs } from '../../graphql/connection.js';

/**
 * A page of the AWS managed policies ordered by name: one query of `size + 1` rows between the cursors; the
 * total is counted only when asked.
 */
export async function listAwsManagedPolicies(prisma: PrismaClient, args: PageArgs) {
  const request = readPageArgs(args);
  const { bounds, order } = singleKeyRange(request);
  const rows = await prisma.managedPolicy.findMany({
    // name_key is unique among AWS managed policies (a partial unique index), so it orders them totally.
    where: { accountId: null, nameKey: bounds },
    orderBy: { nameKey: order },
    take: request.size + 1,
  });
  return connectionFromRows(rows, request, (policy) => [policy.nameKey], () => prisma.managedPolicy.count({ where: { accountId: null } }));
}
