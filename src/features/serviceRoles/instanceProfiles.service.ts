import type { Context } from '../../context.js';
import type { InstanceProfile, Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { SERVICE_PRINCIPALS } from '../../iam/index.js';
import { generateUniqueId } from '../auth/generateIds.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkIamName, checkIamPath, checkTags, type TagInput } from '../identities/iamNameRules.js';
import { requestTagContext, tagKeysContext } from '../identities/replaceTags.js';
import { mergeJsonTags, removeJsonTags } from '../federation/jsonTags.js';
import { authorizePassRole } from './authorizePassRole.js';

/** The arguments every instance profile operation shares. */
export interface ProfileArgs {
  instanceProfileName: string;
  actingAccountId?: string | null;
}

const notFound = (name: string) => awsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);

/** The ARN of an instance profile: `arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME`. */
export function instanceProfileArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:instance-profile${path}${name}`;
}

/** iam:CreateInstanceProfile: a name (1–128 of `[\w+=,.@-]`, unique case-insensitively), a path and tags. */
export async function createInstanceProfile(
  context: Context,
  args: ProfileArgs & { path?: string | null; tags?: readonly TagInput[] | null },
): Promise<InstanceProfile> {
  checkIamName('instanceProfileName', args.instanceProfileName, 128);
  const path = checkIamPath(args.path);
  const tags = args.tags ?? [];
  checkTags(tags);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = instanceProfileArn(accountId, path, args.instanceProfileName);
  await authorize(context, {
    action: 'iam:CreateInstanceProfile',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    const nameKey = args.instanceProfileName.toLowerCase();
    if ((await tx.instanceProfile.findUnique({ where: { accountId_nameKey: { accountId, nameKey } } })) !== null) {
      throw awsError('EntityAlreadyExists', `Instance Profile ${args.instanceProfileName} already exists.`);
    }
    return tx.instanceProfile.create({
      data: {
        id: generateUniqueId('AIPA'),
        accountId,
        name: args.instanceProfileName,
        nameKey,
        path,
        arn,
        tags: tags.map((t) => ({ key: t.key, value: t.value })),
      },
    });
  });
}

/** Finds a profile by name in an account (names compare case-insensitively). */
export function findInstanceProfile(db: Prisma.TransactionClient, accountId: string, name: string) {
  return db.instanceProfile.findUnique({
    where: { accountId_nameKey: { accountId, nameKey: name.toLowerCase() } },
    include: { role: true },
  });
}

/**
 * The shape of every write to an existing profile: authorize `action` on its ARN (before saying whether it
 * exists), then lock it and run `write` in one transaction.
 */
async function writeProfile<T>(
  context: Context,
  args: ProfileArgs,
  action: string,
  write: (
    tx: Prisma.TransactionClient,
    profile: NonNullable<Awaited<ReturnType<typeof findInstanceProfile>>>,
  ) => Promise<T>,
  requestContext: ReturnType<typeof requestTagContext> = [],
): Promise<T> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findInstanceProfile(context.database.prisma, accountId, args.instanceProfileName);
  const arn = found?.arn ?? instanceProfileArn(accountId, '/', args.instanceProfileName);
  await authorize(context, { action, resourceArn: arn, resourceAccountId: accountId, context: requestContext });
  return context.database.prisma.$transaction(async (tx) => {
    const current = await findInstanceProfile(tx, accountId, args.instanceProfileName);
    if (current === null) throw notFound(args.instanceProfileName);
    await tx.$queryRaw`SELECT "id" FROM "instance_profile" WHERE "id" = ${current.id} FOR UPDATE`;
    const locked = await findInstanceProfile(tx, accountId, args.instanceProfileName);
    return write(tx, locked!);
  });
}

/** iam:GetInstanceProfile. */
export async function getInstanceProfile(context: Context, args: ProfileArgs): Promise<InstanceProfile> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findInstanceProfile(context.database.prisma, accountId, args.instanceProfileName);
  await authorize(context, {
    action: 'iam:GetInstanceProfile',
    resourceArn: found?.arn ?? instanceProfileArn(accountId, '/', args.instanceProfileName),
    resourceAccountId: accountId,
  });
  if (found === null) throw notFound(args.instanceProfileName);
  return found;
}

/** iam:ListInstanceProfiles, optionally under a path prefix. */
export async function listInstanceProfiles(
  context: Context,
  args: { pathPrefix?: string | null; actingAccountId?: string | null },
): Promise<InstanceProfile[]> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, { action: 'iam:ListInstanceProfiles', resourceArn: '*', resourceAccountId: accountId });
  return context.database.prisma.instanceProfile.findMany({
    where: { accountId, path: { startsWith: args.pathPrefix ?? '/' } },
    orderBy: { nameKey: 'asc' },
  });
}

/**
 * iam:ListInstanceProfilesForRole: the profiles holding a role of the account, authorized on the role's ARN
 * before saying whether the role exists; NoSuchEntity for an unknown role, as in IAM.
 */
export async function listInstanceProfilesForRole(
  context: Context,
  args: { roleName: string; actingAccountId?: string | null },
): Promise<InstanceProfile[]> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const prisma = context.database.prisma;
  const role = await prisma.role.findUnique({
    where: { accountId_nameKey: { accountId, nameKey: args.roleName.toLowerCase() } },
  });
  await authorize(context, {
    action: 'iam:ListInstanceProfilesForRole',
    resourceArn: role?.arn ?? `arn:aws:iam::${accountId}:role/${args.roleName}`,
    resourceAccountId: accountId,
  });
  if (role === null) throw awsError('NoSuchEntity', `The role with name ${args.roleName} cannot be found.`);
  return prisma.instanceProfile.findMany({ where: { roleId: role.id }, orderBy: { nameKey: 'asc' } });
}

/** iam:DeleteInstanceProfile: DeleteConflict while it holds a role, as in IAM. */
export async function deleteInstanceProfile(context: Context, args: ProfileArgs): Promise<boolean> {
  return writeProfile(context, args, 'iam:DeleteInstanceProfile', async (tx, profile) => {
    if (profile.roleId !== null)
      throw awsError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.');
    await tx.instanceProfile.delete({ where: { id: profile.id } });
    return true;
  });
}

/**
 * iam:AddRoleToInstanceProfile: a profile holds exactly one role (LimitExceeded "Cannot exceed quota for
 * InstanceSessionsPerInstanceProfile: 1"). The caller must also be allowed to pass the role to EC2, with
 * `iam:AssociatedResourceArn` = `arn:aws:ec2:*:ACCOUNT:instance/*` as AWS sets it for this operation.
 */
export async function addRoleToInstanceProfile(
  context: Context,
  args: ProfileArgs & { roleName: string },
): Promise<InstanceProfile> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const prisma = context.database.prisma;
  const [found, role] = await Promise.all([
    findInstanceProfile(prisma, accountId, args.instanceProfileName),
    prisma.role.findUnique({ where: { accountId_nameKey: { accountId, nameKey: args.roleName.toLowerCase() } } }),
  ]);
  await authorize(context, {
    action: 'iam:AddRoleToInstanceProfile',
    resourceArn: found?.arn ?? instanceProfileArn(accountId, '/', args.instanceProfileName),
    resourceAccountId: accountId,
  });
  if (found === null) throw notFound(args.instanceProfileName);
  if (role === null) throw awsError('NoSuchEntity', `The role with name ${args.roleName} cannot be found.`);
  // Checked before the transaction: the embedded database has one connection, which the transaction holds.
  await authorizePassRole(context, role, SERVICE_PRINCIPALS.ec2, `arn:aws:ec2:*:${accountId}:instance/*`);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "instance_profile" WHERE "id" = ${found.id} FOR UPDATE`;
    const profile = await tx.instanceProfile.findUnique({ where: { id: found.id } });
    if (profile === null) throw notFound(args.instanceProfileName);
    if (profile.roleId !== null)
      throw awsError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
    return tx.instanceProfile.update({ where: { id: profile.id }, data: { roleId: role.id } });
  });
}

/** iam:RemoveRoleFromInstanceProfile: NoSuchEntity when the role is not the profile's. */
export function removeRoleFromInstanceProfile(
  context: Context,
  args: ProfileArgs & { roleName: string },
): Promise<InstanceProfile> {
  return writeProfile(context, args, 'iam:RemoveRoleFromInstanceProfile', async (tx, profile) => {
    if (profile.role === null || profile.role.nameKey !== args.roleName.toLowerCase()) {
      throw awsError(
        'NoSuchEntity',
        `The role with name ${args.roleName} cannot be found in instance profile ${profile.name}.`,
      );
    }
    return tx.instanceProfile.update({ where: { id: profile.id }, data: { roleId: null } });
  });
}

/** iam:TagInstanceProfile. */
export function tagInstanceProfile(
  context: Context,
  args: ProfileArgs & { tags: readonly TagInput[] },
): Promise<InstanceProfile> {
  checkTags(args.tags);
  return writeProfile(
    context,
    args,
    'iam:TagInstanceProfile',
    (tx, profile) =>
      tx.instanceProfile.update({
        where: { id: profile.id },
        data: { tags: mergeJsonTags(profile.tags, args.tags) as object[] },
      }),
    requestTagContext(args.tags),
  );
}

/** iam:UntagInstanceProfile. */
export function untagInstanceProfile(
  context: Context,
  args: ProfileArgs & { tagKeys: readonly string[] },
): Promise<InstanceProfile> {
  return writeProfile(
    context,
    args,
    'iam:UntagInstanceProfile',
    (tx, profile) =>
      tx.instanceProfile.update({
        where: { id: profile.id },
        data: { tags: removeJsonTags(profile.tags, args.tagKeys) as object[] },
      }),
    tagKeysContext(args.tagKeys),
  );
}
