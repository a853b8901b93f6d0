import { formatOrganizationPolicyArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { Organization, OrganizationPolicy, OrganizationPolicyType } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorize } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import type { Acting } from '../identities/identities.service.js';
import { constraintMessage } from '../identities/iamNameRules.js';
import { checkPolicyDocument } from '../policies/checkPolicyDocument.js';
import { isOrganizationTarget, requireManagedOrganization } from './organizationContext.js';
import { organizationIds } from './organizationIds.js';

/** organizations:CreatePolicy: an SCP or RCP, validated by the engine for its kind (5120 characters). */
export async function createOrganizationPolicy(
  context: Context,
  args: Acting & { name: string; content: string; type: OrganizationPolicyType; description?: string | null },
): Promise<OrganizationPolicy> {
  if (args.name.length < 1 || args.name.length > 128)
    throw awsError(
      'ValidationError',
      constraintMessage('name', args.name, 'Member must have length between 1 and 128'),
    );
  if ((args.description ?? '').length > 512)
    throw awsError(
      'ValidationError',
      constraintMessage('description', args.description, 'Member must have length less than or equal to 512'),
    );
  checkPolicyDocument(args.content, args.type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp');
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const organization = await requireManagedOrganization(context, accountId);
  const arn = formatOrganizationPolicyArn(organization.managementAccountId, organization.id, args.type, '*');
  await authorize(context, { action: 'organizations:CreatePolicy', resourceArn: arn, resourceAccountId: accountId });
  return context.database.prisma.$transaction(async (tx) => {
    if (
      await tx.organizationPolicy.findFirst({
        where: { organizationId: organization.id, type: args.type, name: args.name },
      })
    ) {
      throw awsError('DuplicatePolicyException', 'A policy with the same name already exists.');
    }
    return tx.organizationPolicy.create({
      data: {
        id: organizationIds.policy(),
        organizationId: organization.id,
        type: args.type,
        name: args.name,
        description: args.description ?? '',
        document: args.content,
      },
    });
  });
}

async function policyOperation(
  context: Context,
  args: Acting & { policyId: string },
  action: string,
): Promise<{ organization: Organization; policy: OrganizationPolicy | null }> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const organization = await requireManagedOrganization(context, accountId);
  const policy = await context.database.prisma.organizationPolicy.findFirst({
    where: { id: args.policyId, organizationId: organization.id },
  });
  const arn = formatOrganizationPolicyArn(
    organization.managementAccountId,
    organization.id,
    policy?.type ?? 'SERVICE_CONTROL_POLICY',
    args.policyId,
  );
  await authorize(context, { action, resourceArn: arn, resourceAccountId: accountId });
  return { organization, policy };
}

/** organizations:AttachPolicy to the root, an OU or an account of the caller's organization. */
export async function attachOrganizationPolicy(
  context: Context,
  args: Acting & { policyId: string; targetId: string },
): Promise<OrganizationPolicy> {
  const { organization, policy } = await policyOperation(context, args, 'organizations:AttachPolicy');
  if (policy === null)
    throw awsError('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
  return context.database.prisma.$transaction(async (tx) => {
    if (!(await isOrganizationTarget(tx, organization.id, args.targetId))) {
      throw awsError('TargetNotFoundException', "We can't find a root, OU, account, or email that you specified.");
    }
    const key = { policyId_targetId: { policyId: policy.id, targetId: args.targetId } };
    if (await tx.organizationPolicyAttachment.findUnique({ where: key })) {
      throw awsError(
        'DuplicatePolicyAttachmentException',
        'The selected policy is already attached to the specified target.',
      );
    }
    await tx.organizationPolicyAttachment.create({ data: { policyId: policy.id, targetId: args.targetId } });
    return policy;
  });
}

/**
 * organizations:DetachPolicy. Refuses to leave a target with no SCP at all (ConstraintViolationException),
 * as AWS does, because a level without an SCP Allow denies everything below it.
 */
export async function detachOrganizationPolicy(
  context: Context,
  args: Acting & { policyId: string; targetId: string },
): Promise<OrganizationPolicy> {
  const { organization, policy } = await policyOperation(context, args, 'organizations:DetachPolicy');
  if (policy === null)
    throw awsError('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
  return context.database.prisma.$transaction(async (tx) => {
    await lockRow(tx, 'organization', organization.id);
    const deleted = await tx.organizationPolicyAttachment.deleteMany({
      where: { policyId: policy.id, targetId: args.targetId },
    });
    if (deleted.count === 0)
      throw awsError(
        'PolicyNotAttachedException',
        "The policy isn't attached to the specified target in the specified root.",
      );
    if (policy.type === 'SERVICE_CONTROL_POLICY') {
      const remaining = await tx.organizationPolicyAttachment.count({
        where: { targetId: args.targetId, policy: { type: 'SERVICE_CONTROL_POLICY' } },
      });
      if (remaining === 0) {
        throw awsError(
          'ConstraintViolationException',
          'You attempted to detach the last service control policy from a root, OU or account; every target must keep at least one SCP attached.',
        );
      }
    }
    return policy;
  });
}
