import type { Context } from '../../context.js';
import type { Organization, Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';

/** The organization the acting account manages, or the error AWS gives a member or standalone account. */
export async function requireManagedOrganization(context: Context, accountId: string): Promise<Organization> {
  const account = await context.database.prisma.account.findUnique({
    where: { id: accountId },
    include: { organization: true },
  });
  const organization = account?.organization ?? null;
  if (organization === null)
    throw awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  if (organization.managementAccountId !== accountId) {
    throw awsError('AccessDenied', "You don't have permissions to access this resource.");
  }
  return organization;
}

/**
 * Attaches the organization's default FullAWSAccess and RCPFullAWSAccess to a new root, OU or account, as
 * AWS does, so an SCP deny list on another level does not turn into "deny everything".
 */
export async function attachDefaultPolicies(
  tx: Prisma.TransactionClient,
  organizationId: string,
  targetId: string,
): Promise<void> {
  const defaults = await tx.organizationPolicy.findMany({
    where: { organizationId, awsManaged: true },
    select: { id: true },
  });
  if (defaults.length > 0)
    await tx.organizationPolicyAttachment.createMany({
      data: defaults.map((policy) => ({ policyId: policy.id, targetId })),
    });
}

/** Whether an id names the root, an OU or an account of the organization. */
export async function isOrganizationTarget(
  db: Prisma.TransactionClient,
  organizationId: string,
  targetId: string,
): Promise<boolean> {
  if (/^\d{12}$/.test(targetId)) return (await db.account.count({ where: { id: targetId, organizationId } })) > 0;
  return (await db.organizationalUnit.count({ where: { id: targetId, organizationId } })) > 0;
}
