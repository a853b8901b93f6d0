import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Deletes organizations with their OU trees inside the caller's transaction, leaving their accounts standing
 * alone. Units go leaf-first: a unit's parent RESTRICTs its deletion while children remain, so one cascading
 * delete would stop mid-statement.
 */
export async function deleteOrganizations(tx: Prisma.TransactionClient, organizationIds: string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  await tx.account.updateMany({
    where: { organizationId: { in: organizationIds } },
    data: { organizationId: null, parentId: null },
  });
  for (;;) {
    const { count } = await tx.organizationalUnit.deleteMany({
      where: { organizationId: { in: organizationIds }, children: { none: {} } },
    });
    if (count === 0) break;
  }
  await tx.organization.deleteMany({ where: { id: { in: organizationIds } } });
}
