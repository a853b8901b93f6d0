import { formatIamArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { Prisma, Role } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { isServiceLinkedRolePath } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { generateUniqueId } from '../auth/generateIds.js';
import { findPrincipal } from '../identities/findPrincipal.js';
import { writePrincipal } from '../identities/writePrincipal.js';
import type { Acting } from '../identities/identities.service.js';
import {
  checkDescription,
  checkIamName,
  checkIamPath,
  checkMaxSessionDuration,
  checkTags,
  IAM_LIMITS,
  type TagInput,
} from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext } from '../identities/replaceTags.js';
import { checkNamedPrincipals } from '../policies/checkNamedPrincipals.js';
import { checkPolicyDocument } from '../policies/checkPolicyDocument.js';
import { findBoundaryPolicy } from '../policies/findManagedPolicy.js';
import { unbindDeletedPrincipal } from '../policies/unbindDeletedPrincipal.js';

/** The arguments of iam:CreateRole, camelCase. */
export interface CreateRoleArgs extends Acting {
  roleName: string;
  assumeRolePolicyDocument: string;
  path?: string | null;
  description?: string | null;
  maxSessionDuration?: number | null;
  permissionsBoundary?: string | null;
  tags?: TagInput[] | null;
}

/** iam:CreateRole: the trust policy is validated by the engine as a trust policy before anything is written. */
export async function createRole(context: Context, args: CreateRoleArgs): Promise<Role> {
  checkIamName('roleName', args.roleName, IAM_LIMITS.roleName);
  const path = checkIamPath(args.path);
  if (isServiceLinkedRolePath(path))
    throw awsError(
      'InvalidInput',
      'The path /aws-service-role/ is reserved for service-linked roles (createServiceLinkedRole).',
    );
  const description = checkDescription(args.description);
  const maxSessionDuration = args.maxSessionDuration ?? IAM_LIMITS.minSessionDuration;
  checkMaxSessionDuration(maxSessionDuration);
  const tags = args.tags ?? [];
  checkTags(tags);
  checkPolicyDocument(args.assumeRolePolicyDocument, 'trust');
  const trustPolicy = await checkNamedPrincipals(context.database.prisma, args.assumeRolePolicyDocument, 'trust');
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = formatIamArn(accountId, 'role', args.roleName, path);
  await authorize(context, {
    action: 'iam:CreateRole',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    if (await findPrincipal(tx, 'ROLE', accountId, args.roleName)) {
      throw awsError('EntityAlreadyExists', `Role with name ${args.roleName} already exists.`);
    }
    const boundary = args.permissionsBoundary
      ? await findBoundaryPolicy(tx, accountId, args.permissionsBoundary)
      : null;
    const role = await tx.role.create({
      data: {
        id: generateUniqueId('AROA'),
        accountId,
        name: args.roleName,
        nameKey: args.roleName.toLowerCase(),
        path,
        arn,
        description,
        assumeRolePolicyDocument: trustPolicy,
        maxSessionDuration,
        permissionsBoundaryId: boundary?.id ?? null,
      },
    });
    await replaceTags(tx, { roleId: role.id }, tags);
    return role;
  });
}

/** Runs a write on an existing role, authorized by `action` on its ARN (see {@link writePrincipal}). */
export function writeRole<T>(
  context: Context,
  args: Acting & { roleName: string },
  action: string,
  write: (tx: Prisma.TransactionClient, role: Role) => Promise<T>,
): Promise<T> {
  return writePrincipal<T, Role>(
    context,
    { kind: 'ROLE', name: args.roleName, actingAccountId: args.actingAccountId, action },
    (tx, role) => write(tx, role),
  );
}

/**
 * iam:DeleteRole: DeleteConflict while inline or attached policies remain; its sessions go with it, and the
 * trust and resource policies naming it name its unique id from then on. Resolves to the deleted row.
 */
export function deleteRole(context: Context, args: Acting & { roleName: string }): Promise<Role> {
  return writeRole(context, args, 'iam:DeleteRole', async (tx, role) => {
    const [inline, attached] = await Promise.all([
      tx.inlinePolicy.count({ where: { roleId: role.id } }),
      tx.policyAttachment.count({ where: { roleId: role.id } }),
    ]);
    if (inline > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    if (attached > 0) throw awsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    if ((await tx.instanceProfile.count({ where: { roleId: role.id } })) > 0) {
      throw awsError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.');
    }
    await tx.role.delete({ where: { id: role.id } });
    await unbindDeletedPrincipal(tx, role);
    return role;
  });
}

/** iam:UpdateAssumeRolePolicy: replaces the trust policy after the engine has validated it. */
export function updateAssumeRolePolicy(
  context: Context,
  args: Acting & { roleName: string; policyDocument: string },
): Promise<Role> {
  checkPolicyDocument(args.policyDocument, 'trust');
  return writeRole(context, args, 'iam:UpdateAssumeRolePolicy', async (tx, role) => {
    const trustPolicy = await checkNamedPrincipals(tx, args.policyDocument, 'trust');
    return tx.role.update({ where: { id: role.id }, data: { assumeRolePolicyDocument: trustPolicy } });
  });
}

/** iam:UpdateRole: the description and the maximum session duration (3600–43200 seconds). */
export function updateRole(
  context: Context,
  args: Acting & { roleName: string; description?: string | null; maxSessionDuration?: number | null },
): Promise<Role> {
  if (args.maxSessionDuration != null) checkMaxSessionDuration(args.maxSessionDuration);
  const description = args.description == null ? undefined : checkDescription(args.description);
  const changedFields = [
    ...(description === undefined ? [] : ['description']),
    ...(args.maxSessionDuration == null ? [] : ['maxSessionDuration']),
  ];
  return writePrincipal<Role, Role>(
    context,
    {
      kind: 'ROLE',
      name: args.roleName,
      actingAccountId: args.actingAccountId,
      action: 'iam:UpdateRole',
      changedFields,
    },
    (tx, role) =>
      tx.role.update({
        where: { id: role.id },
        data: { description, maxSessionDuration: args.maxSessionDuration ?? undefined },
      }),
  );
}
