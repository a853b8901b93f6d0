import { formatIamArn, formatRootArn } from '../../iam/index.js';
import type { Context } from '../../context.js';
import type { MfaDevice, User } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorize, requireCaller } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../auth/generateIds.js';
import { generateTotpSeed, verifyTotp } from '../auth/verifyTotp.js';
import { findPrincipal, principalArn, requirePrincipal } from './findPrincipal.js';
import type { Acting } from './identities.service.js';
import { checkIamName, checkIamPath, constraintMessage, IAM_LIMITS } from './iamNameRules.js';

/** A new access key with its secret, shown once. */
export interface NewAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: string;
  userName: string | null;
  createDate: Date;
}

/** A new virtual MFA device with its seed, shown once. */
export interface NewMfaDevice {
  serialNumber: string;
  base32StringSeed: string;
  otpauthUri: string;
  user: User | null;
  enableDate: Date | null;
}

/** Whose key an access-key operation is about: a named user, or the caller itself when no name is given. */
async function keyOwner(
  context: Context,
  accountId: string,
  userName: string | null | undefined,
): Promise<{ user: User | null; arn: string; name: string | null }> {
  const caller = requireCaller(context);
  if (userName) {
    const user = (await findPrincipal(context.database.prisma, 'USER', accountId, userName)) as User | null;
    return { user, arn: principalArn('USER', accountId, userName, user), name: userName };
  }
  if (caller.type === 'root' || caller.type === 'operator')
    return { user: null, arn: formatRootArn(accountId), name: null };
  if (caller.type === 'user' && caller.session === null && caller.iamUserId) {
    const user = await context.database.prisma.user.findUnique({ where: { id: caller.iamUserId } });
    return { user, arn: caller.arn, name: user?.name ?? null };
  }
  throw awsError('ValidationError', 'Must specify userName when calling with non-User credentials');
}

/**
 * iam:CreateAccessKey for a user (at most two keys, counted under a row lock so parallel calls cannot make a
 * third) or, without userName, for the calling user or root. The secret is stored encrypted and returned once.
 */
export async function createAccessKey(
  context: Context,
  args: Acting & { userName?: string | null },
): Promise<NewAccessKey> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const owner = await keyOwner(context, accountId, args.userName);
  await authorize(context, { action: 'iam:CreateAccessKey', resourceArn: owner.arn, resourceAccountId: accountId });
  const secretAccessKey = generateSecretAccessKey();
  const key = await context.database.prisma.$transaction(async (tx) => {
    let userId: string | null = null;
    if (owner.name !== null) {
      const user = requirePrincipal('USER', owner.name, await findPrincipal(tx, 'USER', accountId, owner.name));
      await lockRow(tx, 'iam_user', user.id);
      const count = await tx.accessKey.count({ where: { userId: user.id } });
      if (count >= IAM_LIMITS.accessKeysPerUser)
        throw awsError('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${IAM_LIMITS.accessKeysPerUser}`);
      userId = user.id;
    } else {
      await lockRow(tx, 'account', accountId);
      const count = await tx.accessKey.count({ where: { accountId, userId: null } });
      if (count >= IAM_LIMITS.accessKeysPerUser)
        throw awsError('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${IAM_LIMITS.accessKeysPerUser}`);
    }
    return tx.accessKey.create({
      data: {
        id: generateAccessKeyId('AKIA'),
        accountId,
        userId,
        secretEncrypted: context.cipher.encrypt(secretAccessKey),
      },
    });
  });
  return { accessKeyId: key.id, secretAccessKey, status: key.status, userName: owner.name, createDate: key.createdAt };
}

/**
 * iam:DeleteAccessKey: the key must belong to the named user (or to the caller when no name is given).
 * Resolves to the key's id and its owner's name (null for an account root's key).
 */
export async function deleteAccessKey(
  context: Context,
  args: Acting & { accessKeyId: string; userName?: string | null },
): Promise<{ accessKeyId: string; userName: string | null }> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const owner = await keyOwner(context, accountId, args.userName);
  await authorize(context, { action: 'iam:DeleteAccessKey', resourceArn: owner.arn, resourceAccountId: accountId });
  if (args.userName && owner.user === null)
    throw awsError('NoSuchEntity', `The user with name ${args.userName} cannot be found.`);
  const deleted = await context.database.prisma.accessKey.deleteMany({
    where: { id: args.accessKeyId, accountId, userId: owner.user?.id ?? null },
  });
  if (deleted.count === 0)
    throw awsError('NoSuchEntity', `The Access Key with id ${args.accessKeyId} cannot be found.`);
  return { accessKeyId: args.accessKeyId, userName: owner.user?.name ?? null };
}

/** iam:CreateVirtualMFADevice: a TOTP seed, stored encrypted and returned once, at `mfa/PATH/NAME`. */
export async function createVirtualMfaDevice(
  context: Context,
  args: Acting & { virtualMFADeviceName: string; path?: string | null },
): Promise<NewMfaDevice> {
  checkIamName('virtualMFADeviceName', args.virtualMFADeviceName, 226);
  const path = checkIamPath(args.path);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const serialNumber = formatIamArn(accountId, 'mfa', args.virtualMFADeviceName, path);
  await authorize(context, {
    action: 'iam:CreateVirtualMFADevice',
    resourceArn: serialNumber,
    resourceAccountId: accountId,
  });
  const seed = generateTotpSeed();
  await context.database.prisma.$transaction(async (tx) => {
    if (await tx.mfaDevice.findUnique({ where: { serialNumber } })) {
      throw awsError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.');
    }
    await tx.mfaDevice.create({ data: { serialNumber, accountId, seedEncrypted: context.cipher.encrypt(seed) } });
  });
  const label = encodeURIComponent(`${accountId}:${args.virtualMFADeviceName}`);
  return {
    serialNumber,
    base32StringSeed: seed,
    otpauthUri: `otpauth://totp/${label}?secret=${seed}&issuer=IAMPlayground`,
    user: null,
    enableDate: null,
  };
}

/**
 * iam:EnableMFADevice: ties a virtual device to a user after two consecutive codes, as AWS requires, and
 * remembers the last time step so neither code can be replayed at sign-in.
 */
export async function enableMfaDevice(
  context: Context,
  args: Acting & { userName: string; serialNumber: string; authenticationCode1: string; authenticationCode2: string },
): Promise<User> {
  for (const [field, code] of [
    ['authenticationCode1', args.authenticationCode1],
    ['authenticationCode2', args.authenticationCode2],
  ] as const) {
    if (!/^\d{6}$/.test(code))
      throw awsError(
        'ValidationError',
        constraintMessage(field, code, 'Member must satisfy regular expression pattern: [\\d]+ and have length 6'),
      );
  }
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await findPrincipal(context.database.prisma, 'USER', accountId, args.userName);
  await authorize(context, {
    action: 'iam:EnableMFADevice',
    resourceArn: principalArn('USER', accountId, args.userName, found),
    resourceAccountId: accountId,
  });
  return context.database.prisma.$transaction(async (tx) => {
    const user = requirePrincipal(
      'USER',
      args.userName,
      await findPrincipal(tx, 'USER', accountId, args.userName),
    ) as User;
    const device: MfaDevice | null = await tx.mfaDevice.findUnique({ where: { serialNumber: args.serialNumber } });
    if (device === null || device.accountId !== accountId)
      throw awsError('NoSuchEntity', `VirtualMFADevice with serial number ${args.serialNumber} doesn't exist.`);
    if (device.userId !== null || device.enabledAt !== null)
      throw awsError('EntityAlreadyExists', 'MFA Device is already in use.');
    const seed = context.cipher.decrypt(device.seedEncrypted);
    const first = verifyTotp(seed, args.authenticationCode1, null);
    const second = first.ok ? verifyTotp(seed, args.authenticationCode2, first.counter) : first;
    if (!first.ok || !second.ok || second.counter !== first.counter + 1) {
      throw awsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
    }
    await tx.mfaDevice.update({
      where: { serialNumber: device.serialNumber },
      data: { userId: user.id, enabledAt: new Date(), lastCounter: BigInt(second.counter) },
    });
    return user;
  });
}
