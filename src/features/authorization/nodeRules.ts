import type { Context } from '../../context.js';
import type {
  Account,
  ManagedPolicy,
  Organization,
  OrganizationalUnit,
  OrganizationPolicy,
  Resource,
  Session,
} from '../../generated/prisma/client.js';
import type { NodeType } from '../../graphql/globalId.js';
import {
  formatOrganizationAccountArn,
  formatOrganizationArn,
  formatOrganizationPolicyArn,
  formatOrganizationUnitArn,
  parseArn,
} from '../../iam/index.js';
import { describeResourceArn } from '../../iam/index.js';
import { requireCaller, type AuthorizationCheck } from './authorize.js';

/** What a node rule needs to know about an object: a few columns of its row, so a lookup can build it from arguments. */
export interface NodeTargets {
  Organization: Pick<Organization, 'id' | 'managementAccountId'>;
  OrganizationalUnit: Pick<OrganizationalUnit, 'id' | 'organizationId'>;
  OrganizationPolicy: Pick<OrganizationPolicy, 'id' | 'organizationId' | 'type'>;
  Account: Pick<Account, 'id' | 'organizationId'>;
  User: { arn: string; accountId: string };
  Group: { arn: string; accountId: string };
  Role: { arn: string; accountId: string };
  ManagedPolicy: Pick<ManagedPolicy, 'arn' | 'accountId'>;
  /** `id` null for an ARN nothing is stored under (then it is checked without a policy). */
  Resource: Pick<Resource, 'arn' | 'accountId' | 'policyDocument'> & { id: string | null };
  Session: Pick<Session, 'accountId' | 'arn' | 'roleId' | 'userId'>;
}

/** The check(s) reading one object of a Node type needs: the action of the type's direct lookup, on the object. */
export type NodeRule<T> = (context: Context, target: T) => Promise<AuthorizationCheck> | AuthorizationCheck;

/** The action that reads a resource's policy, per service, as the service's own API names it. */
const READ_RESOURCE_ACTIONS: Readonly<Record<string, string>> = {
  s3: 's3:GetBucketPolicy',
  sqs: 'sqs:GetQueueAttributes',
  sns: 'sns:GetTopicAttributes',
  kms: 'kms:GetKeyPolicy',
  secretsmanager: 'secretsmanager:GetResourcePolicy',
  lambda: 'lambda:GetPolicy',
};

/** The management account and id of an organization, through the request's loader. */
export async function organizationOf(
  context: Context,
  organizationId: string,
): Promise<Pick<Organization, 'id' | 'managementAccountId'> | null> {
  return context.loaders.organizations.byId.load(organizationId);
}

/** An Organizations check: the resource lives in the organization's management account, as in AWS. */
async function inOrganization(
  context: Context,
  organizationId: string,
  action: string,
  arn: (management: string) => string,
): Promise<AuthorizationCheck> {
  const organization = await organizationOf(context, organizationId);
  const management = organization?.managementAccountId ?? requireCaller(context).accountId;
  return { action, resourceArn: arn(management), resourceAccountId: management };
}

/** The organizations:DescribeAccount check of an account: on its ARN in the management account; an account's own principals describe it in their own account. */
export async function describeAccountCheck(
  context: Context,
  account: NodeTargets['Account'],
): Promise<AuthorizationCheck> {
  const own = requireCaller(context).accountId === account.id;
  if (account.organizationId === null)
    return { action: 'organizations:DescribeAccount', resourceArn: '*', resourceAccountId: account.id };
  const check = await inOrganization(context, account.organizationId, 'organizations:DescribeAccount', (management) =>
    formatOrganizationAccountArn(management, account.organizationId!, account.id),
  );
  return own ? { ...check, resourceAccountId: account.id } : check;
}

/** The check that reads a resource with its policy: the service's read-policy action, its policy and tags (the engine adds RCPs where they govern). */
export async function readResourceCheck(
  context: Context,
  resource: NodeTargets['Resource'],
): Promise<AuthorizationCheck> {
  const { service, resourceType } = describeResourceArn(resource.arn);
  const tags = resource.id === null ? [] : await context.loaders.identities.tagsByOwner.load(`resource:${resource.id}`);
  return {
    action: READ_RESOURCE_ACTIONS[service] ?? `${service}:GetResourcePolicy`,
    resourceArn: resource.arn,
    resourceAccountId: resource.accountId,
    resourcePolicy: resource.policyDocument,
    resourceKind: service === 'kms' && resourceType === 'key' ? 'kmsKey' : 'other',
    resourceTags: Object.fromEntries(tags.map((tag) => [tag.key, tag.value])),
  };
}

/**
 * The rule of each Node type: the IAM action of its direct lookup (role(arn:) → iam:GetRole on the role), so
 * `node(id:)`, the direct lookup and nested fields that reach the type decide alike. Sessions have no AWS read
 * API; reading one is checked as iam:GetRole on its role (iam:GetUser on the user for GetSessionToken sessions).
 */
export const NODE_RULES: { [T in NodeType]: NodeRule<NodeTargets[T]> } = {
  Organization: (context, organization) => {
    const caller = requireCaller(context);
    const check = {
      action: 'organizations:DescribeOrganization',
      resourceArn: formatOrganizationArn(organization.managementAccountId, organization.id),
      resourceAccountId: organization.managementAccountId,
    };
    // Every member account may describe its own organization (AWS allows DescribeOrganization to members).
    return context.loaders.accounts.byId
      .load(caller.accountId)
      .then((account) =>
        account?.organizationId === organization.id ? { ...check, resourceAccountId: caller.accountId } : check,
      );
  },
  OrganizationalUnit: (context, unit) =>
    inOrganization(context, unit.organizationId, 'organizations:DescribeOrganizationalUnit', (management) =>
      formatOrganizationUnitArn(management, unit.organizationId, unit.id),
    ),
  OrganizationPolicy: (context, policy) =>
    inOrganization(context, policy.organizationId, 'organizations:DescribePolicy', (management) =>
      formatOrganizationPolicyArn(management, policy.organizationId, policy.type, policy.id),
    ),
  Account: describeAccountCheck,
  User: (_context, user) => ({ action: 'iam:GetUser', resourceArn: user.arn, resourceAccountId: user.accountId }),
  Group: (_context, group) => ({ action: 'iam:GetGroup', resourceArn: group.arn, resourceAccountId: group.accountId }),
  Role: (_context, role) => ({ action: 'iam:GetRole', resourceArn: role.arn, resourceAccountId: role.accountId }),
  ManagedPolicy: (context, policy) => ({
    action: 'iam:GetPolicy',
    resourceArn: policy.arn,
    // AWS managed policies belong to no account: reading one is a request in the caller's own account.
    resourceAccountId: policy.accountId ?? requireCaller(context).accountId,
  }),
  Resource: readResourceCheck,
  Session: async (context, session) => {
    const role = session.roleId === null ? null : await context.loaders.roles.byId.load(session.roleId);
    if (role !== null) return { action: 'iam:GetRole', resourceArn: role.arn, resourceAccountId: session.accountId };
    const user = session.userId === null ? null : await context.loaders.identities.userById.load(session.userId);
    return { action: 'iam:GetUser', resourceArn: user?.arn ?? session.arn, resourceAccountId: session.accountId };
  },
};

/** The account an IAM ARN names (AWS managed policies and account-less ARNs: the caller's own). */
export function accountOfArn(context: Context, arn: string): string {
  const account = parseArn(arn)?.account;
  return account && account !== 'aws' ? account : requireCaller(context).accountId;
}
