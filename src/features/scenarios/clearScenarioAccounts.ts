import type { Prisma } from '../../generated/prisma/client.js';
import type { ScenarioPlan } from './scenarioPlanTypes.js';

/**
 * Deletes what an earlier load of the scenario wrote (its accounts, its organization, resources with its
 * ARNs), inside the caller's transaction. Rows whose foreign keys RESTRICT deletion are removed first:
 * attachments of the accounts' managed policies, then the OU tree leaf-first, since a cascade would hit the
 * restriction mid-statement.
 */
export async function clearScenarioAccounts(tx: Prisma.TransactionClient, plan: ScenarioPlan): Promise<void> {
  const ids = plan.accountIds;
  const orgIds = (
    await tx.organization.findMany({
      where: {
        OR: [{ managementAccountId: { in: ids } }, ...(plan.organization ? [{ id: plan.organization.id }] : [])],
      },
      select: { id: true },
    })
  ).map((o) => o.id);
  await tx.policyAttachment.deleteMany({
    where: {
      OR: [
        { policy: { accountId: { in: ids } } },
        { user: { accountId: { in: ids } } },
        { group: { accountId: { in: ids } } },
        { role: { accountId: { in: ids } } },
      ],
    },
  });
  if (orgIds.length > 0) {
    await tx.account.updateMany({
      where: { organizationId: { in: orgIds } },
      data: { organizationId: null, parentId: null },
    });
    for (;;) {
      // Leaf units first: a unit's parent RESTRICTs its deletion while children remain.
      const { count } = await tx.organizationalUnit.deleteMany({
        where: { organizationId: { in: orgIds }, children: { none: {} } },
      });
      if (count === 0) break;
    }
    await tx.organization.deleteMany({ where: { id: { in: orgIds } } });
  }
  await tx.resource.deleteMany({ where: { arn: { in: plan.resources.map((r) => r.arn) } } });
  await tx.account.deleteMany({ where: { id: { in: ids } } });
}
