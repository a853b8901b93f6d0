import { formatIamArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { ManagedPolicy, PolicyVersion, Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { refuseAwsManagedPolicyWrite, type ContextEntry } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { generateUniqueId } from '../auth/generateIds.js';
import type { Acting } from '../identities/identities.service.js';
import {
  checkDescription,
  checkIamName,
  checkIamPath,
  checkTags,
  constraintMessage,
  IAM_LIMITS,
  type TagInput,
} from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext } from '../identities/replaceTags.js';
import { checkPolicyDocument } from './checkPolicyDocument.js';
import { findManagedPolicy } from './findManagedPolicy.js';

const VERSION_ID = /^v[1-9][0-9]*$/;

/**
 * iam:CreatePolicy: a customer managed policy whose document becomes its default version `v1`, with its tags
 * (authorized with aws:RequestTag/* and aws:TagKeys, as CreateRole and CreateUser are).
 */
export async function createPolicy(
  context: Context,
  args: Acting & {
    policyName: string;
    policyDocument: string;
    path?: string | null;
    description?: string | null;
    tags?: readonly TagInput[] | null;
  },
): Promise<ManagedPolicy> {
  checkIamName('policyName', args.policyName, IAM_LIMITS.policyName);
  const path = checkIamPath(args.path);
  const description = checkDescription(args.description);
  checkPolicyDocument(args.policyDocument, 'identity');
  const tags = args.tags ?? [];
  checkTags(tags);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = formatIamArn(accountId, 'policy', args.policyName, path);
  await authorize(context, {
    action: 'iam:CreatePolicy',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    const nameKey = args.policyName.toLowerCase();
    if (await tx.managedPolicy.findUnique({ where: { accountId_nameKey: { accountId, nameKey } } })) {
      throw awsError(
        'EntityAlreadyExists',
        `A policy called ${args.policyName} already exists. Duplicate names are not allowed.`,
      );
    }
    const policy = await tx.managedPolicy.create({
      data: {
        id: generateUniqueId('ANPA'),
        accountId,
        name: args.policyName,
        nameKey,
        path,
        arn,
        description,
        versions: { create: { versionId: 'v1', document: args.policyDocument, isDefault: true } },
      },
    });
    await replaceTags(tx, { policyId: policy.id }, tags);
    return policy;
  });
}

/**
 * Authorizes `action` on a customer managed policy of the acting account and runs `write` with the policy
 * row locked (SELECT … FOR UPDATE), so concurrent version changes serialise. AWS managed policies belong to
 * no account: the engine denies changing them, and so is the operator refused. `requestContext` carries the
 * request's keys (aws:RequestTag/*, aws:TagKeys for tagging).
 */
export async function writePolicy<T>(
  context: Context,
  args: Acting & { policyArn: string },
  action: string,
  write: (tx: Prisma.TransactionClient, policy: ManagedPolicy) => Promise<T>,
  requestContext: ContextEntry[] = [],
): Promise<T> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findManagedPolicy(context.database.prisma, args.policyArn);
  const owner = found ? (found.accountId ?? 'aws') : accountId;
  await authorize(context, { action, resourceArn: args.policyArn, resourceAccountId: owner, context: requestContext });
  const refusal = refuseAwsManagedPolicyWrite(args.policyArn, action, context.caller?.arn ?? '');
  if (refusal !== null) throw awsError(refusal.code, refusal.message);
  if (found !== null && found.accountId !== accountId) {
    throw awsError(
      'AccessDenied',
      `User: ${context.caller?.arn} is not authorized to perform: ${action} on resource: policy ${args.policyArn}`,
    );
  }
  return context.database.prisma.$transaction(async (tx) => {
    const policy = found === null ? null : await tx.managedPolicy.findUnique({ where: { id: found.id } });
    if (policy === null || !(await lockRow(tx, 'managed_policy', policy.id)))
      throw awsError('NoSuchEntity', `Policy ${args.policyArn} was not found.`);
    return write(tx, policy);
  });
}

function checkVersionId(versionId: string): void {
  if (!VERSION_ID.test(versionId)) {
    throw awsError(
      'ValidationError',
      constraintMessage(
        'versionId',
        versionId,
        'Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
      ),
    );
  }
}

function versionNumber(versionId: string): number {
  return Number(versionId.slice(1));
}

/**
 * iam:CreatePolicyVersion: at most five versions (LimitExceeded beyond), numbered after the highest ever
 * used; with setAsDefault the new version replaces the default in the same transaction. The row lock and
 * the one-default partial unique index make concurrent calls safe.
 */
export function createPolicyVersion(
  context: Context,
  args: Acting & { policyArn: string; policyDocument: string; setAsDefault?: boolean | null },
): Promise<PolicyVersion> {
  checkPolicyDocument(args.policyDocument, 'identity');
  return writePolicy(context, args, 'iam:CreatePolicyVersion', async (tx, policy) => {
    const versions = await tx.policyVersion.findMany({ where: { policyId: policy.id }, select: { versionId: true } });
    if (versions.length >= IAM_LIMITS.versionsPerPolicy) {
      throw awsError(
        'LimitExceeded',
        `A managed policy can have up to ${IAM_LIMITS.versionsPerPolicy} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const next = Math.max(0, ...versions.map((version) => versionNumber(version.versionId))) + 1;
    if (args.setAsDefault)
      await tx.policyVersion.updateMany({
        where: { policyId: policy.id, isDefault: true },
        data: { isDefault: false },
      });
    const created = await tx.policyVersion.create({
      data: {
        policyId: policy.id,
        versionId: `v${next}`,
        document: args.policyDocument,
        isDefault: args.setAsDefault === true,
      },
    });
    await tx.managedPolicy.update({ where: { id: policy.id }, data: { updatedAt: new Date() } });
    return created;
  });
}

/** iam:SetDefaultPolicyVersion: makes an existing version the one in effect. */
export function setDefaultPolicyVersion(
  context: Context,
  args: Acting & { policyArn: string; versionId: string },
): Promise<ManagedPolicy> {
  checkVersionId(args.versionId);
  return writePolicy(context, args, 'iam:SetDefaultPolicyVersion', async (tx, policy) => {
    const version = await tx.policyVersion.findUnique({
      where: { policyId_versionId: { policyId: policy.id, versionId: args.versionId } },
    });
    if (version === null)
      throw awsError(
        'NoSuchEntity',
        `Policy ${args.policyArn} version ${args.versionId} does not exist or is not attachable.`,
      );
    await tx.policyVersion.updateMany({ where: { policyId: policy.id, isDefault: true }, data: { isDefault: false } });
    await tx.policyVersion.update({
      where: { policyId_versionId: { policyId: policy.id, versionId: args.versionId } },
      data: { isDefault: true },
    });
    return tx.managedPolicy.update({ where: { id: policy.id }, data: { updatedAt: new Date() } });
  });
}

/**
 * iam:DeletePolicyVersion: frees one of the five version slots; the default version cannot be deleted.
 * Resolves to the policy the version belonged to.
 */
export function deletePolicyVersion(
  context: Context,
  args: Acting & { policyArn: string; versionId: string },
): Promise<ManagedPolicy> {
  checkVersionId(args.versionId);
  return writePolicy(context, args, 'iam:DeletePolicyVersion', async (tx, policy) => {
    const version = await tx.policyVersion.findUnique({
      where: { policyId_versionId: { policyId: policy.id, versionId: args.versionId } },
    });
    if (version === null)
      throw awsError(
        'NoSuchEntity',
        `Policy ${args.policyArn} version ${args.versionId} does not exist or is not deletable.`,
      );
    if (version.isDefault) throw awsError('DeleteConflict', 'Cannot delete the default version of a policy.');
    await tx.policyVersion.delete({
      where: { policyId_versionId: { policyId: policy.id, versionId: args.versionId } },
    });
    return policy;
  });
}

/**
 * iam:DeletePolicy: DeleteConflict while attached to an identity, used as a permissions boundary, or while it
 * has versions besides the default (AWS makes the caller delete those first; the default goes with the policy).
 * Resolves to the deleted row.
 */
export function deletePolicy(context: Context, args: Acting & { policyArn: string }): Promise<ManagedPolicy> {
  return writePolicy(context, args, 'iam:DeletePolicy', async (tx, policy) => {
    const [attachments, users, roles, otherVersions] = await Promise.all([
      tx.policyAttachment.count({ where: { policyId: policy.id } }),
      tx.user.count({ where: { permissionsBoundaryId: policy.id } }),
      tx.role.count({ where: { permissionsBoundaryId: policy.id } }),
      tx.policyVersion.count({ where: { policyId: policy.id, isDefault: false } }),
    ]);
    if (attachments > 0) throw awsError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    if (users + roles > 0) throw awsError('DeleteConflict', 'Cannot delete a policy used as a permissions boundary.');
    if (otherVersions > 0) {
      throw awsError(
        'DeleteConflict',
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    await tx.managedPolicy.delete({ where: { id: policy.id } });
    return policy;
  });
}
