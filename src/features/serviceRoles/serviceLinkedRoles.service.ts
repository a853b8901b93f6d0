import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import type { Role } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { SERVICE_LINKED_ROLES, serviceLinkedRolePath, serviceLinkedTrustPolicy } from '../../iam/index.js';
import { generateUniqueId } from '../auth/generateIds.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkDescription } from '../identities/iamNameRules.js';
import { unbindDeletedPrincipal } from '../policies/unbindDeletedPrincipal.js';

/** Where the AWS managed policies of service-linked roles live. */
const SLR_POLICY_PREFIX = 'arn:aws:iam::aws:policy/aws-service-role/';

/**
 * iam:CreateServiceLinkedRole: the role the service defines — name `AWSServiceRoleFor…` (plus `_SUFFIX` where
 * the service allows a CustomSuffix), path `/aws-service-role/SERVICE/`, a trust policy naming the service
 * alone, and the service's AWS managed policy attached when the playground's catalogue has it. Authorized as
 * iam:CreateServiceLinkedRole on the role's ARN with `iam:AWSServiceName`. A second role of the same name is
 * InvalidInput, as in IAM ("Service role name … has been taken in this account").
 */
export async function createServiceLinkedRole(
  context: Context,
  args: {
    aWSServiceName: string;
    description?: string | null;
    customSuffix?: string | null;
    actingAccountId?: string | null;
  },
): Promise<Role> {
  const definition = SERVICE_LINKED_ROLES[args.aWSServiceName];
  if (definition === undefined)
    throw awsError(
      'InvalidInput',
      `Service name ${args.aWSServiceName} is not a valid service name or does not support service-linked roles.`,
    );
  if (args.customSuffix != null) {
    if (!definition.customSuffix)
      throw awsError('InvalidInput', `Custom suffix is not allowed for ${args.aWSServiceName}`);
    if (!/^[\w+=,.@-]{1,64}$/.test(args.customSuffix))
      throw awsError(
        'ValidationError',
        `1 validation error detected: Value '${args.customSuffix}' at 'customSuffix' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      );
  }
  const description = checkDescription(args.description);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const name = args.customSuffix ? `${definition.roleName}_${args.customSuffix}` : definition.roleName;
  const path = serviceLinkedRolePath(args.aWSServiceName);
  const arn = `arn:aws:iam::${accountId}:role${path}${name}`;
  await authorize(context, {
    action: 'iam:CreateServiceLinkedRole',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: [{ key: 'iam:AWSServiceName', values: [args.aWSServiceName], type: 'string' }],
  });
  return context.database.prisma.$transaction(async (tx) => {
    if (
      (await tx.role.findUnique({ where: { accountId_nameKey: { accountId, nameKey: name.toLowerCase() } } })) !== null
    ) {
      throw awsError(
        'InvalidInput',
        `Service role name ${name} has been taken in this account, please try a different suffix.`,
      );
    }
    const role = await tx.role.create({
      data: {
        id: generateUniqueId('AROA'),
        accountId,
        name,
        nameKey: name.toLowerCase(),
        path,
        arn,
        description,
        assumeRolePolicyDocument: serviceLinkedTrustPolicy(args.aWSServiceName),
        maxSessionDuration: 3600,
      },
    });
    const policy = await tx.managedPolicy.findUnique({
      where: { arn: `${SLR_POLICY_PREFIX}${definition.policyName}` },
    });
    if (policy !== null)
      await tx.policyAttachment.create({ data: { policyId: policy.id, principalKind: 'ROLE', roleId: role.id } });
    return role;
  });
}

/**
 * iam:DeleteServiceLinkedRole: starts AWS's deletion task and returns its id
 * (`task/aws-service-role/SERVICE/ROLE/UUID`). The service first checks that no resource still uses the role;
 * here that is any instance or function running with it — then the task FAILS with the resources in
 * RoleUsageList, and the role stays. Otherwise the role is deleted with its attachments and sessions. The
 * playground runs the task at once; getServiceLinkedRoleDeletionStatus reports its outcome.
 */
export async function deleteServiceLinkedRole(
  context: Context,
  args: { roleName: string; actingAccountId?: string | null },
): Promise<string> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const prisma = context.database.prisma;
  const found = await prisma.role.findUnique({
    where: { accountId_nameKey: { accountId, nameKey: args.roleName.toLowerCase() } },
  });
  await authorize(context, {
    action: 'iam:DeleteServiceLinkedRole',
    resourceArn: found?.arn ?? `arn:aws:iam::${accountId}:role/aws-service-role/${args.roleName}`,
    resourceAccountId: accountId,
  });
  if (found === null) throw awsError('NoSuchEntity', `The role with name ${args.roleName} cannot be found.`);
  const service = /^\/aws-service-role\/([^/]+)\/$/.exec(found.path)?.[1];
  if (service === undefined) throw awsError('InvalidInput', `Role ${args.roleName} is not a service-linked role.`);
  const taskId = `task/aws-service-role/${service}/${found.name}/${randomUUID()}`;
  return prisma.$transaction(async (tx) => {
    const users = await tx.serviceWorkload.findMany({ where: { roleId: found.id }, select: { resourceArn: true } });
    if (users.length > 0) {
      const byRegion = new Map<string, string[]>();
      for (const { resourceArn } of users) {
        const region = resourceArn.split(':')[3] ?? '';
        byRegion.set(region, [...(byRegion.get(region) ?? []), resourceArn]);
      }
      const reason = {
        Reason: `The role ${found.name} is still in use by resources of ${service}.`,
        RoleUsageList: [...byRegion].map(([Region, Resources]) => ({ Region, Resources })),
      };
      await tx.serviceLinkedRoleDeletion.create({
        data: { id: taskId, accountId, roleArn: found.arn, status: 'FAILED', reason },
      });
      return taskId;
    }
    await tx.policyAttachment.deleteMany({ where: { roleId: found.id } });
    await tx.role.delete({ where: { id: found.id } });
    await unbindDeletedPrincipal(tx, found);
    await tx.serviceLinkedRoleDeletion.create({
      data: { id: taskId, accountId, roleArn: found.arn, status: 'SUCCEEDED' },
    });
    return taskId;
  });
}

/** iam:GetServiceLinkedRoleDeletionStatus: the task's status and, when it failed, why. */
export async function getServiceLinkedRoleDeletionStatus(
  context: Context,
  args: { deletionTaskId: string; actingAccountId?: string | null },
) {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const task = await context.database.prisma.serviceLinkedRoleDeletion.findFirst({
    where: { id: args.deletionTaskId, accountId },
  });
  await authorize(context, {
    action: 'iam:GetServiceLinkedRoleDeletionStatus',
    resourceArn: task?.roleArn ?? '*',
    resourceAccountId: accountId,
  });
  if (task === null) throw awsError('NoSuchEntity', `Deletion task ${args.deletionTaskId} cannot be found.`);
  const reason = task.reason as { Reason: string; RoleUsageList: { Region: string; Resources: string[] }[] } | null;
  return {
    status: task.status,
    reason:
      reason === null
        ? null
        : {
            reason: reason.Reason,
            roleUsageList: reason.RoleUsageList.map((u) => ({ region: u.Region, resources: u.Resources })),
          },
  };
}
