import type { PrismaClient } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs } from '../../graphql/connection.js';

/** A page of organizations ordered by id: one query of `first + 1` rows after the cursor. */
export async function listOrganizations(prisma: PrismaClient, args: PageArgs) {
  const request = readPageArgs(args);
  const after = request.after?.[0];
  const rows = await prisma.organization.findMany({
    where: after === undefined ? {} : { id: { gt: String(after) } },
    orderBy: { id: 'asc' },
    take: request.first + 1,
  });
  return connectionFromRows(rows, request, (organization) => [organization.id]);
}
