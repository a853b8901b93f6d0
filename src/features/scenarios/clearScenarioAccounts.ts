import type { Prisma } from '../../generated/prisma/client.js';
import { deleteOrganizations } from '../organizations/deleteOrganizations.js';
import type { ScenarioPlan } from './scenarioPlanTypes.js';

/**
 * Deletes what an earlier load of the scenario wrote (its accounts, its organization, resources with its
 * ARNs), inside the caller's transaction. Rows whose foreign keys RESTRICT deletion are removed first:
 * attachments of the accounts' managed policies, then the organization's OU tree.
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
  await deleteOrganizations(tx, orgIds);
  await tx.resource.deleteMany({ where: { arn: { in: plan.resources.map((r) => r.arn) } } });
  await tx.account.deleteMany({ where: { id: { in: ids } } });
}
