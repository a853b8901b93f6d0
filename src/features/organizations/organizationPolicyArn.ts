import type { Organization, OrganizationPolicy } from '../../generated/prisma/client.js';
import { formatOrganizationPolicyArn } from '../../iam/index.js';

/**
 * An SCP's or RCP's ARN as Organizations spells it (built by the engine's ARN module): AWS managed policies
 * (FullAWSAccess, RCPFullAWSAccess) live under `arn:aws:organizations::aws:policy/…`, the organization's own
 * under its management account. One function, so GraphQL and the AWS protocol name a policy the same way.
 */
export function organizationPolicyArn(
  policy: OrganizationPolicy,
  organization: Pick<Organization, 'id' | 'managementAccountId'>,
): string {
  return formatOrganizationPolicyArn(
    organization.managementAccountId,
    organization.id,
    policy.type,
    policy.id,
    policy.awsManaged,
  );
}
