import { formatOrganizationAccountArn, formatOrganizationArn, formatOrganizationUnitArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { Account, Organization, OrganizationalUnit, OrganizationPolicy } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { requireCaller } from '../authorization/authorize.js';
import { organizationPolicyArn } from '../organizations/organizationPolicyArn.js';

/** The policy types every playground organization has enabled, as Organizations lists them on a root. */
export const POLICY_TYPES = [
  { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
  { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
];

/** The organization the caller's account belongs to, or AWSOrganizationsNotInUseException as AWS answers. */
export async function callerOrganization(context: Context): Promise<Organization> {
  const account = await context.loaders.accounts.byId.load(requireCaller(context).accountId);
  const organization = account?.organizationId
    ? await context.loaders.organizations.byId.load(account.organizationId)
    : null;
  if (!organization)
    throw awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  return organization;
}

/** Organizations' `Organization`. */
export async function toOrganization(context: Context, organization: Organization) {
  const management = await context.loaders.accounts.byId.load(organization.managementAccountId);
  return {
    Id: organization.id,
    Arn: formatOrganizationArn(organization.managementAccountId, organization.id),
    FeatureSet: 'ALL',
    MasterAccountArn: formatOrganizationAccountArn(
      organization.managementAccountId,
      organization.id,
      organization.managementAccountId,
    ),
    MasterAccountId: organization.managementAccountId,
    MasterAccountEmail: management?.email ?? undefined,
    AvailablePolicyTypes: POLICY_TYPES,
  };
}

/** Organizations' `Account`: every playground account is active; the management account created the organization. */
export function toAccount(organization: Organization, account: Account) {
  return {
    Id: account.id,
    Arn: formatOrganizationAccountArn(organization.managementAccountId, organization.id, account.id),
    Email: account.email ?? undefined,
    Name: account.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: 'CREATED',
    JoinedTimestamp: account.createdAt,
  };
}

/** Organizations' `Root` or `OrganizationalUnit`. */
export function toUnit(organization: Organization, unit: OrganizationalUnit) {
  return {
    Id: unit.id,
    Arn: formatOrganizationUnitArn(organization.managementAccountId, organization.id, unit.id),
    Name: unit.name,
    ...(unit.parentId === null ? { PolicyTypes: POLICY_TYPES } : {}),
  };
}

/** Organizations' `PolicySummary`. */
export function toPolicySummary(organization: Organization, policy: OrganizationPolicy) {
  return {
    Id: policy.id,
    Arn: organizationPolicyArn(policy, organization),
    Name: policy.name,
    Description: policy.description,
    Type: policy.type,
    AwsManaged: policy.awsManaged,
  };
}

/**
 * The id of CreateAccount's request. The playground creates accounts at once, so the request is named after
 * the account it made (`car-` + account id, within AWS's `car-[a-z0-9]{8,32}`) and its status read back from it.
 */
export function createAccountRequestId(accountId: string): string {
  return `car-${accountId}`;
}

/** Organizations' `CreateAccountStatus` of a created account: SUCCEEDED, requested and completed when it was made. */
export function toCreateAccountStatus(account: Account) {
  return {
    Id: createAccountRequestId(account.id),
    AccountName: account.name,
    State: 'SUCCEEDED',
    RequestedTimestamp: account.createdAt,
    CompletedTimestamp: account.createdAt,
    AccountId: account.id,
  };
}
