import type { Organization, OrganizationPolicy } from '../../generated/prisma/client.js';

/**
 * An SCP's or RCP's ARN as Organizations spells it: AWS managed policies (FullAWSAccess, RCPFullAWSAccess) live
 * under `arn:aws:organizations::aws:policy/…`, the organization's own under its management account. One
 * function, so GraphQL and the AWS protocol name a policy the same way.
 */
export function organizationPolicyArn(policy: OrganizationPolicy, organization: Pick<Organization, 'id' | 'managementAccountId'>): string {
  const type = policy.type === 'SERVICE_CONTROL_POLICY' ? 'service_control_policy' : 'resource_control_policy';
  if (policy.awsManaged) return `arn:aws:organizations::aws:policy/${type}/${policy.id}`;
  return `arn:aws:organizations::${organization.managementAccountId}:policy/${organization.id}/${type}/${policy.id}`;
}
