import type { PrismaClient } from '../../generated/prisma/client.js';
import type { AccessGraphDirectory } from '../../iam/analysis/index.js';

/**
 * Loads what an access graph needs beside the authorization model: account names and the OU tree (to place
 * accounts), and the groups of `groupAccountIds` with their members and policies. A fixed number of
 * queries however many accounts and groups: accounts, organizations, units, groups with their relations.
 */
export async function loadGraphDirectory(
  prisma: PrismaClient,
  groupAccountIds: readonly string[],
): Promise<AccessGraphDirectory> {
  const [accounts, organizations, units, groups] = await Promise.all([
    prisma.account.findMany({ select: { id: true, name: true, parentId: true, organizationId: true } }),
    prisma.organization.findMany({ select: { id: true } }),
    prisma.organizationalUnit.findMany({ select: { id: true, name: true, parentId: true, organizationId: true } }),
    groupAccountIds.length === 0
      ? Promise.resolve([])
      : prisma.group.findMany({
          where: { accountId: { in: [...groupAccountIds] } },
          orderBy: { nameKey: 'asc' },
          select: {
            arn: true,
            name: true,
            accountId: true,
            members: { select: { user: { select: { arn: true } } } },
            inlinePolicies: { select: { name: true, document: true } },
            attachedPolicies: { select: { policy: { select: { arn: true } } } },
          },
        }),
  ]);
  const policyDocuments = new Map<string, string>();
  return {
    accounts: new Map(
      accounts.map((account) => [
        account.id,
        { name: account.name, parentId: account.parentId, organizationId: account.organizationId },
      ]),
    ),
    organizations: new Map(organizations.map((organization) => [organization.id, organization])),
    units: new Map(units.map((unit) => [unit.id, unit])),
    groups: groups.map((group) => {
      const inline = group.inlinePolicies.map((policy) => {
        const id = `${group.arn}:inline/${policy.name}`;
        policyDocuments.set(id, policy.document);
        return id;
      });
      return {
        arn: group.arn,
        name: group.name,
        accountId: group.accountId,
        memberArns: group.members.map((member) => member.user.arn),
        policyIds: [...group.attachedPolicies.map((attachment) => attachment.policy.arn), ...inline],
      };
    }),
    policyDocuments,
  };
}
