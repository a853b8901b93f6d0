import { formatOrganizationAccountArn, formatOrganizationUnitArn } from '../../../iam/index.js';
import type { Context } from '../../../context.js';
import type { Organization, OrganizationPolicy, OrganizationPolicyType } from '../../../generated/prisma/client.js';
import { awsError } from '../../../graphql/errors.js';
import {
  attachOrganizationPolicy,
  createOrganizationPolicy,
  detachOrganizationPolicy,
} from '../../organizations/organizationPolicies.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import type { OperationInput } from '../OperationInput.js';
import { callerOrganization, toPolicySummary } from '../organizationShapes.js';
import { pageByNextToken } from '../pageByMarker.js';
import { readManagedOrganization } from './organizations.operations.js';

const TYPES = new Set<string>(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

/** A policy type the playground has (SCP, RCP); others are not available, as in an organization without them. */
function readType(input: OperationInput, name: string): OrganizationPolicyType {
  const type = input.string(name);
  if (!TYPES.has(type))
    throw awsError(
      'InvalidInput',
      `You specified an invalid value for ${name}: ${type}. The playground supports SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY.`,
    );
  return type as OrganizationPolicyType;
}

async function requirePolicy(
  context: Context,
  organization: Organization,
  policyId: string,
): Promise<OrganizationPolicy> {
  const policy = await context.loaders.organizations.policyById.load(policyId);
  if (!policy || policy.organizationId !== organization.id)
    throw awsError('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
  return policy;
}

const toPolicy = (organization: Organization, policy: OrganizationPolicy) => ({
  Policy: { PolicySummary: toPolicySummary(organization, policy), Content: policy.document },
});

/** A target's Organizations type and ARN: the root, an OU or an account. */
async function toTarget(context: Context, organization: Organization, targetId: string) {
  if (/^\d{12}$/.test(targetId)) {
    const account = await context.loaders.accounts.byId.load(targetId);
    return {
      TargetId: targetId,
      Arn: formatOrganizationAccountArn(organization.managementAccountId, organization.id, targetId),
      Name: account?.name,
      Type: 'ACCOUNT',
    };
  }
  const unit = await context.loaders.organizations.unitById.load(targetId);
  return {
    TargetId: targetId,
    Arn: formatOrganizationUnitArn(organization.managementAccountId, organization.id, targetId),
    Name: unit?.name,
    Type: unit?.parentId === null ? 'ROOT' : 'ORGANIZATIONAL_UNIT',
  };
}

/** SCPs and RCPs: create, describe, list, attach, detach and list targets, over the services GraphQL calls. */
export const organizationPolicyOperations: AwsOperation[] = [
  {
    service: 'organizations',
    name: 'CreatePolicy',
    action: 'organizations:CreatePolicy',
    kind: 'write',
    graphql: 'Mutation.createOrganizationPolicy',
    run: async (context, input) => {
      const policy = await createOrganizationPolicy(context, {
        name: input.string('Name'),
        content: input.string('Content'),
        type: readType(input, 'Type'),
        description: input.string('Description'),
      });
      return toPolicy(await callerOrganization(context), policy);
    },
  },
  {
    service: 'organizations',
    name: 'DescribePolicy',
    action: 'organizations:DescribePolicy',
    kind: 'read',
    graphql: 'Organization.policies',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      return toPolicy(organization, await requirePolicy(context, organization, input.string('PolicyId')));
    },
  },
  {
    service: 'organizations',
    name: 'ListPolicies',
    action: 'organizations:ListPolicies',
    kind: 'read',
    graphql: 'Organization.policies',
    run: async (context, input, action) => {
      const type = readType(input, 'Filter');
      const organization = await readManagedOrganization(context, action);
      const policies = (await context.loaders.organizations.policiesByOrganization.load(organization.id)).filter(
        (policy) => policy.type === type,
      );
      const page = pageByNextToken(policies, input, (policy) => [policy.name, policy.id]);
      return { Policies: page.items.map((policy) => toPolicySummary(organization, policy)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'ListPoliciesForTarget',
    action: 'organizations:ListPoliciesForTarget',
    kind: 'read',
    graphql: 'Account.attachedOrganizationPolicies',
    run: async (context, input, action) => {
      const type = readType(input, 'Filter');
      const organization = await readManagedOrganization(context, action);
      const policies = (await context.loaders.organizations.policiesByTarget.load(input.string('TargetId'))).filter(
        (policy) => policy.type === type && policy.organizationId === organization.id,
      );
      const page = pageByNextToken(policies, input, (policy) => [policy.name, policy.id]);
      return { Policies: page.items.map((policy) => toPolicySummary(organization, policy)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'ListTargetsForPolicy',
    action: 'organizations:ListTargetsForPolicy',
    kind: 'read',
    graphql: 'OrganizationPolicy.targetIds',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      const policy = await requirePolicy(context, organization, input.string('PolicyId'));
      const page = pageByNextToken(await context.loaders.organizations.targetsByPolicy.load(policy.id), input, (id) => [
        id,
      ]);
      return {
        Targets: await Promise.all(page.items.map((id) => toTarget(context, organization, id))),
        NextToken: page.NextToken,
      };
    },
  },
  {
    service: 'organizations',
    name: 'AttachPolicy',
    action: 'organizations:AttachPolicy',
    kind: 'write',
    graphql: 'Mutation.attachOrganizationPolicy',
    run: async (context, input) => (
      await attachOrganizationPolicy(context, {
        policyId: input.string('PolicyId'),
        targetId: input.string('TargetId'),
      }),
      null
    ),
  },
  {
    service: 'organizations',
    name: 'DetachPolicy',
    action: 'organizations:DetachPolicy',
    kind: 'write',
    graphql: 'Mutation.detachOrganizationPolicy',
    run: async (context, input) => (
      await detachOrganizationPolicy(context, {
        policyId: input.string('PolicyId'),
        targetId: input.string('TargetId'),
      }),
      null
    ),
  },
];
