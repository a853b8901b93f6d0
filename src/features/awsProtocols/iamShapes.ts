import type { Context } from '../../context.js';
import type {
  Group,
  InlinePolicy,
  InstanceProfile,
  ManagedPolicy,
  PolicyVersion,
  Role,
  Tag,
  User,
} from '../../generated/prisma/client.js';
import { readJsonTags } from '../federation/jsonTags.js';

/** IAM answers policy documents URL-encoded (RFC 3986), as its API reference says; clients decode them. */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document);
}

/** IAM's `Tag` list. */
export function toTags(tags: readonly Pick<Tag, 'key' | 'value'>[]) {
  return tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

/** IAM's `AttachedPermissionsBoundary`, or undefined without one. */
async function boundaryOf(context: Context, boundaryId: string | null) {
  if (boundaryId === null) return undefined;
  const policy = await context.loaders.policies.byId.load(boundaryId);
  return policy
    ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: policy.arn }
    : undefined;
}

/** IAM's `User`, with its boundary and tags (as GetUser answers; list operations leave those out, as AWS does). */
export async function toUser(context: Context, user: User, detail = true) {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: user.createdAt,
    ...(detail
      ? {
          PermissionsBoundary: await boundaryOf(context, user.permissionsBoundaryId),
          Tags: toTags(await context.loaders.identities.tagsByOwner.load(`user:${user.id}`)),
        }
      : {}),
  };
}

/** IAM's `Group`. */
export function toGroup(group: Group) {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: group.createdAt };
}

/** IAM's `Role`, its trust policy URL-encoded, with boundary and tags when `detail`. */
export async function toRole(context: Context, role: Role, detail = true) {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
    Description: role.description === '' ? undefined : role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...(detail
      ? {
          PermissionsBoundary: await boundaryOf(context, role.permissionsBoundaryId),
          Tags: toTags(await context.loaders.identities.tagsByOwner.load(`role:${role.id}`)),
        }
      : {}),
  };
}

/** IAM's `Policy`: the default version and attachment count come from the per-request loaders. */
export async function toPolicy(context: Context, policy: ManagedPolicy, withTags = false) {
  const [versions, attachments, tags] = await Promise.all([
    context.loaders.policies.versionsByPolicy.load(policy.id),
    context.loaders.policies.attachmentCountByPolicy.load(policy.id),
    withTags && policy.accountId !== null ? context.loaders.identities.tagsByOwner.load(`policy:${policy.id}`) : [],
  ]);
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: versions.find((version) => version.isDefault)?.versionId,
    AttachmentCount: attachments,
    IsAttachable: true,
    Description: policy.description === '' ? undefined : policy.description,
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
    Tags: tags.length === 0 ? undefined : toTags(tags),
  };
}

/** IAM's `PolicyVersion`, its document URL-encoded (left out by ListPolicyVersions, as AWS does). */
export function toPolicyVersion(version: PolicyVersion, withDocument = true) {
  return {
    Document: withDocument ? encodePolicyDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefault,
    CreateDate: version.createdAt,
  };
}

/** IAM's `AttachedPolicy`. */
export function toAttachedPolicy(policy: ManagedPolicy) {
  return { PolicyName: policy.name, PolicyArn: policy.arn };
}

/** IAM's `PolicyDetail` (an inline policy in GetAccountAuthorizationDetails). */
export function toPolicyDetail(policy: InlinePolicy) {
  return { PolicyName: policy.name, PolicyDocument: encodePolicyDocument(policy.document) };
}

/** IAM's `InstanceProfile`: its role (none or one) in the list shape of `Role`, and its tags. */
export async function toInstanceProfile(context: Context, profile: InstanceProfile) {
  const role = profile.roleId === null ? null : await context.loaders.roles.byId.load(profile.roleId);
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: profile.arn,
    CreateDate: profile.createdAt,
    Roles: role ? [await toRole(context, role, false)] : [],
    Tags: toTags(readJsonTags(profile.tags)),
  };
}
