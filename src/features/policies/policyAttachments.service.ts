import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import type { PrincipalKindName, PrincipalRow } from '../identities/findPrincipal.js';
import { checkIamName, checkTags, IAM_LIMITS, type TagInput } from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext, tagKeysContext } from '../identities/replaceTags.js';
import { writePrincipal } from '../identities/writePrincipal.js';
import { checkPolicyDocument, policySize } from './checkPolicyDocument.js';
import { findAttachablePolicy, findBoundaryPolicy } from './findManagedPolicy.js';

/** Which identity a policy operation targets: its kind, its name and the operator's choice of account. */
export interface PrincipalTarget {
  kind: PrincipalKindName;
  name: string;
  actingAccountId?: string | null | undefined;
}

const NOUN = { USER: 'User', GROUP: 'Group', ROLE: 'Role' } as const;
const OWNER_COLUMN = { USER: 'userId', GROUP: 'groupId', ROLE: 'roleId' } as const;
const owner = (kind: PrincipalKindName, row: PrincipalRow) =>
  ({ [OWNER_COLUMN[kind]]: row.id }) as { userId: string } | { groupId: string } | { roleId: string };

/**
 * iam:PutUserPolicy / PutGroupPolicy / PutRolePolicy: creates or replaces an inline policy, keeping the
 * identity's inline total (whitespace not counted) within IAM's 2048 / 5120 / 10240 characters.
 */
export function putInlinePolicy(
  context: Context,
  target: PrincipalTarget,
  policyName: string,
  policyDocument: string,
): Promise<PrincipalRow> {
  checkIamName('policyName', policyName, IAM_LIMITS.policyName);
  checkPolicyDocument(policyDocument, 'identity', { inline: true });
  const action = `iam:Put${NOUN[target.kind]}Policy`;
  return writePrincipal(context, { ...target, action }, async (tx, row) => {
    const where = owner(target.kind, row);
    const nameKey = policyName.toLowerCase();
    const others = await tx.inlinePolicy.findMany({
      where: { ...where, nameKey: { not: nameKey } },
      select: { document: true },
    });
    const total = others.reduce((sum, policy) => sum + policySize(policy.document), policySize(policyDocument));
    const limit = IAM_LIMITS.inlineTotal[target.kind];
    if (total > limit) {
      throw awsError(
        'LimitExceeded',
        `Maximum policy size of ${limit} bytes exceeded for ${NOUN[target.kind].toLowerCase()} ${row.name}`,
      );
    }
    await tx.inlinePolicy.deleteMany({ where: { ...where, nameKey } });
    await tx.inlinePolicy.create({
      data: { ...where, principalKind: target.kind, name: policyName, nameKey, document: policyDocument },
    });
    return row;
  });
}

/** iam:DeleteRolePolicy (and its user/group twins): NoSuchEntity when the identity has no such inline policy. */
export function deleteInlinePolicy(
  context: Context,
  target: PrincipalTarget,
  policyName: string,
): Promise<PrincipalRow> {
  return writePrincipal(context, { ...target, action: `iam:Delete${NOUN[target.kind]}Policy` }, async (tx, row) => {
    const deleted = await tx.inlinePolicy.deleteMany({
      where: { ...owner(target.kind, row), nameKey: policyName.toLowerCase() },
    });
    if (deleted.count === 0) {
      throw awsError(
        'NoSuchEntity',
        `The ${NOUN[target.kind].toLowerCase()} policy with name ${policyName} cannot be found.`,
      );
    }
    return row;
  });
}

/** iam:AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy: at most ten managed policies per identity. */
export function attachManagedPolicy(
  context: Context,
  target: PrincipalTarget,
  policyArn: string,
): Promise<PrincipalRow> {
  return writePrincipal(
    context,
    { ...target, action: `iam:Attach${NOUN[target.kind]}Policy` },
    async (tx, row, accountId) => {
      const policy = await findAttachablePolicy(tx, accountId, policyArn);
      const where = owner(target.kind, row);
      if (await tx.policyAttachment.findFirst({ where: { ...where, policyId: policy.id } })) return row;
      const count = await tx.policyAttachment.count({ where });
      if (count >= IAM_LIMITS.managedPoliciesPerIdentity) {
        throw awsError(
          'LimitExceeded',
          `Cannot exceed quota for PoliciesPer${NOUN[target.kind]}: ${IAM_LIMITS.managedPoliciesPerIdentity}`,
        );
      }
      await tx.policyAttachment.create({ data: { ...where, policyId: policy.id, principalKind: target.kind } });
      return row;
    },
  );
}

/** iam:DetachRolePolicy (and its user/group twins): NoSuchEntity when the policy is not attached. */
export function detachManagedPolicy(
  context: Context,
  target: PrincipalTarget,
  policyArn: string,
): Promise<PrincipalRow> {
  return writePrincipal(context, { ...target, action: `iam:Detach${NOUN[target.kind]}Policy` }, async (tx, row) => {
    const deleted = await tx.policyAttachment.deleteMany({
      where: { ...owner(target.kind, row), policy: { arn: policyArn } },
    });
    if (deleted.count === 0) throw awsError('NoSuchEntity', `Policy ${policyArn} was not found.`);
    return row;
  });
}

/** iam:PutUserPermissionsBoundary / PutRolePermissionsBoundary: sets (or replaces) the one boundary. */
export function putPermissionsBoundary(
  context: Context,
  target: PrincipalTarget & { kind: 'USER' | 'ROLE' },
  policyArn: string,
): Promise<PrincipalRow> {
  return writePrincipal(
    context,
    { ...target, action: `iam:Put${NOUN[target.kind]}PermissionsBoundary` },
    async (tx, row, accountId) => {
      const policy = await findBoundaryPolicy(tx, accountId, policyArn);
      const data = { permissionsBoundaryId: policy.id };
      return target.kind === 'USER'
        ? tx.user.update({ where: { id: row.id }, data })
        : tx.role.update({ where: { id: row.id }, data });
    },
  );
}

/** iam:TagUser / TagRole: adds or overwrites tags, authorized with aws:RequestTag/* and aws:TagKeys. */
export function tagPrincipal(
  context: Context,
  target: PrincipalTarget & { kind: 'USER' | 'ROLE' },
  tags: readonly TagInput[],
): Promise<PrincipalRow> {
  checkTags(tags);
  return writePrincipal(
    context,
    { ...target, action: `iam:Tag${NOUN[target.kind]}`, context: requestTagContext(tags) },
    async (tx: Prisma.TransactionClient, row) => {
      await replaceTags(tx, target.kind === 'USER' ? { userId: row.id } : { roleId: row.id }, tags);
      return row;
    },
  );
}

/** iam:UntagUser / UntagRole: removes the tags with the given keys (keys compare case-insensitively), authorized with aws:TagKeys. */
export function untagPrincipal(
  context: Context,
  target: PrincipalTarget & { kind: 'USER' | 'ROLE' },
  tagKeys: readonly string[],
): Promise<PrincipalRow> {
  if (tagKeys.length < 1 || tagKeys.length > IAM_LIMITS.tagsPerEntity) {
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and ${IAM_LIMITS.tagsPerEntity}`,
    );
  }
  const tagContext = tagKeysContext(tagKeys);
  return writePrincipal(
    context,
    { ...target, action: `iam:Untag${NOUN[target.kind]}`, context: tagContext },
    async (tx: Prisma.TransactionClient, row) => {
      const owner = target.kind === 'USER' ? { userId: row.id } : { roleId: row.id };
      await tx.tag.deleteMany({ where: { ...owner, keyLower: { in: tagKeys.map((key) => key.toLowerCase()) } } });
      return row;
    },
  );
}
