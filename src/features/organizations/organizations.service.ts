import { formatOrganizationAccountArn, formatOrganizationUnitArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { Account, Organization, OrganizationalUnit } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorize, requireCaller } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../auth/generateIds.js';
import type { NewAccessKey } from '../identities/credentials.service.js';
import type { Acting } from '../identities/identities.service.js';
import { constraintMessage } from '../identities/iamNameRules.js';
import { attachDefaultPolicies, isOrganizationTarget, requireManagedOrganization } from './organizationContext.js';
import { DEFAULT_ORGANIZATION_POLICIES, organizationIds } from './organizationIds.js';

/**
 * organizations:CreateOrganization: the acting account becomes the management account of a new organization
 * with a root; FullAWSAccess and RCPFullAWSAccess are created and attached to the root and the account.
 */
export async function createOrganization(context: Context, args: Acting): Promise<Organization> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action: 'organizations:CreateOrganization',
    resourceArn: '*',
    resourceAccountId: accountId,
  });
  return context.database.prisma.$transaction(async (tx) => {
    if (!(await lockRow(tx, 'account', accountId)))
      throw awsError('NoSuchEntity', `The account with id ${accountId} cannot be found.`);
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
    if (account.organizationId !== null)
      throw awsError('AlreadyInOrganizationException', 'The AWS account is already a member of an organization.');
    const organization = await tx.organization.create({
      data: { id: organizationIds.organization(), managementAccountId: accountId },
    });
    const root = await tx.organizationalUnit.create({
      data: { id: organizationIds.root(), organizationId: organization.id, parentId: null, name: 'Root' },
    });
    await tx.organizationPolicy.createMany({
      data: DEFAULT_ORGANIZATION_POLICIES.map((policy) => ({
        id: organizationIds.policy(),
        organizationId: organization.id,
        awsManaged: true,
        ...policy,
      })),
    });
    await tx.account.update({ where: { id: accountId }, data: { organizationId: organization.id, parentId: root.id } });
    await attachDefaultPolicies(tx, organization.id, root.id);
    await attachDefaultPolicies(tx, organization.id, accountId);
    return organization;
  });
}

/** organizations:CreateOrganizationalUnit under a root or OU; names are unique among siblings. */
export async function createOrganizationalUnit(
  context: Context,
  args: Acting & { parentId: string; name: string },
): Promise<OrganizationalUnit> {
  if (args.name.length < 1 || args.name.length > 128)
    throw awsError(
      'ValidationError',
      constraintMessage('name', args.name, 'Member must have length between 1 and 128'),
    );
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const organization = await requireManagedOrganization(context, accountId);
  const parentArn = formatOrganizationUnitArn(organization.managementAccountId, organization.id, args.parentId);
  await authorize(context, {
    action: 'organizations:CreateOrganizationalUnit',
    resourceArn: parentArn,
    resourceAccountId: accountId,
  });
  return context.database.prisma.$transaction(async (tx) => {
    const parent = await tx.organizationalUnit.findFirst({
      where: { id: args.parentId, organizationId: organization.id },
    });
    if (parent === null)
      throw awsError('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified.");
    if (await tx.organizationalUnit.findFirst({ where: { parentId: parent.id, name: args.name } })) {
      throw awsError('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
    }
    const root =
      parent.parentId === null
        ? parent
        : await tx.organizationalUnit.findFirstOrThrow({ where: { organizationId: organization.id, parentId: null } });
    const unit = await tx.organizationalUnit.create({
      data: {
        id: organizationIds.unit(root.id),
        organizationId: organization.id,
        parentId: parent.id,
        name: args.name,
      },
    });
    await attachDefaultPolicies(tx, organization.id, unit.id);
    return unit;
  });
}

/** What createAccount returns: the account and its root user's access key (secret shown once). */
export interface CreatedAccount {
  account: Account;
  rootAccessKey: NewAccessKey;
}

/**
 * organizations:CreateAccount. The operator (acting for no account) creates a standalone account; a
 * management account's new account joins its organization's root with the default policies attached. Either
 * way the account's root user gets an access key, stored encrypted and returned once.
 */
export async function createAccount(
  context: Context,
  args: Acting & { accountName: string; email?: string | null },
): Promise<CreatedAccount> {
  if (args.accountName.length < 1 || args.accountName.length > 50) {
    throw awsError(
      'ValidationError',
      constraintMessage('accountName', args.accountName, 'Member must have length between 1 and 50'),
    );
  }
  if (args.email != null && !/^[^\s@]+@[^\s@]+$/.test(args.email))
    throw awsError(
      'ValidationError',
      constraintMessage('email', args.email, 'Member must satisfy regular expression pattern: [^\\s@]+@[^\\s@]+'),
    );
  const caller = requireCaller(context);
  const standalone = caller.type === 'operator' && !args.actingAccountId;
  const accountId = standalone ? null : await resolveActingAccount(context, args.actingAccountId);
  const organization = accountId === null ? null : await requireManagedOrganization(context, accountId);
  await authorize(context, {
    action: 'organizations:CreateAccount',
    resourceArn: '*',
    resourceAccountId: accountId ?? caller.accountId,
  });
  const secretAccessKey = generateSecretAccessKey();
  return context.database.prisma.$transaction(async (tx) => {
    let id = organizationIds.account();
    while (await tx.account.findUnique({ where: { id }, select: { id: true } })) id = organizationIds.account();
    const root = organization
      ? await tx.organizationalUnit.findFirstOrThrow({ where: { organizationId: organization.id, parentId: null } })
      : null;
    const account = await tx.account.create({
      data: {
        id,
        name: args.accountName,
        email: args.email ?? null,
        organizationId: organization?.id ?? null,
        parentId: root?.id ?? null,
      },
    });
    if (organization) await attachDefaultPolicies(tx, organization.id, id);
    const key = await tx.accessKey.create({
      data: {
        id: generateAccessKeyId('AKIA'),
        accountId: id,
        userId: null,
        secretEncrypted: context.cipher.encrypt(secretAccessKey),
      },
    });
    return {
      account,
      rootAccessKey: {
        accessKeyId: key.id,
        secretAccessKey,
        status: key.status,
        userName: null,
        createDate: key.createdAt,
      },
    };
  });
}

/** organizations:MoveAccount: from its current parent (which must be `sourceParentId`) to another root or OU. */
export async function moveAccount(
  context: Context,
  args: Acting & { accountId: string; sourceParentId: string; destinationParentId: string },
): Promise<Account> {
  const actingId = await resolveActingAccount(context, args.actingAccountId);
  const organization = await requireManagedOrganization(context, actingId);
  const arn = formatOrganizationAccountArn(organization.managementAccountId, organization.id, args.accountId);
  await authorize(context, { action: 'organizations:MoveAccount', resourceArn: arn, resourceAccountId: actingId });
  return context.database.prisma.$transaction(async (tx) => {
    if (!(await lockRow(tx, 'account', args.accountId)))
      throw awsError('AccountNotFoundException', "We can't find an AWS account with the AccountId that you specified.");
    const account = await tx.account.findUniqueOrThrow({ where: { id: args.accountId } });
    if (account.organizationId !== organization.id)
      throw awsError('AccountNotFoundException', "We can't find an AWS account with the AccountId that you specified.");
    if (account.parentId !== args.sourceParentId)
      throw awsError(
        'SourceParentNotFoundException',
        "We can't find a source root or OU with the ParentId that you specified.",
      );
    if (
      /^\d{12}$/.test(args.destinationParentId) ||
      !(await isOrganizationTarget(tx, organization.id, args.destinationParentId))
    ) {
      throw awsError(
        'DestinationParentNotFoundException',
        "We can't find the destination container (a root or OU) with the ParentId that you specified.",
      );
    }
    return tx.account.update({ where: { id: account.id }, data: { parentId: args.destinationParentId } });
  });
}
