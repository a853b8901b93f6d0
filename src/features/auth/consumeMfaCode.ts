import type { PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import type { Caller } from './Caller.js';
import type { SecretCipher } from './secretCipher.js';
import { verifyTotp } from './verifyTotp.js';

/** AWS's answer to a wrong, reused or foreign MFA code. */
export const MFA_FAILED_MESSAGE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

/**
 * Checks an MFA code against the caller's enabled virtual device and consumes its time step, so the same
 * code cannot be used twice. The step is recorded with a conditional UPDATE (only if later than the last
 * one), so two requests racing with one code cannot both pass. Throws AccessDenied in AWS's words when
 * the device is not the caller's, not enabled, or the code is wrong or reused.
 */
export async function consumeMfaCode(
  prisma: PrismaClient,
  cipher: SecretCipher,
  caller: Caller,
  serialNumber: string,
  tokenCode: string,
  now: Date,
): Promise<void> {
  const device = await prisma.mfaDevice.findUnique({ where: { serialNumber } });
  const owned =
    device !== null &&
    device.enabledAt !== null &&
    device.accountId === caller.accountId &&
    (caller.type === 'root' ? device.userId === null : caller.iamUserId !== null && device.userId === caller.iamUserId);
  if (!owned) {
    throw awsError('AccessDenied', MFA_FAILED_MESSAGE);
  }
  const lastCounter = device.lastCounter === null ? null : Number(device.lastCounter);
  const check = verifyTotp(cipher.decrypt(device.seedEncrypted), tokenCode, lastCounter, now);
  if (!check.ok) {
    throw awsError('AccessDenied', MFA_FAILED_MESSAGE);
  }
  const counter = BigInt(check.counter);
  const claimed = await prisma.mfaDevice.updateMany({
    where: { serialNumber, OR: [{ lastCounter: null }, { lastCounter: { lt: counter } }] },
    data: { lastCounter: counter },
  });
  if (claimed.count !== 1) {
    throw awsError('AccessDenied', MFA_FAILED_MESSAGE);
  }
}
