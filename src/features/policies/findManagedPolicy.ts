import type { ManagedPolicy, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { requireArn } from '../../graphql/requireArn.js';

type Reader = PrismaClient | Prisma.TransactionClient;

/** Reads a managed policy by ARN; null when absent, InvalidInput when the ARN is malformed (as IAM answers). */
export async function findManagedPolicy(db: Reader, policyArn: string): Promise<ManagedPolicy | null> {
  requireArn(policyArn);
  return db.managedPolicy.findUnique({ where: { arn: policyArn } });
}

/**
 * A managed policy an identity of `accountId` may use (attach, or use as a boundary): an AWS managed one or
 * one of the account's own. Anything else is NoSuchEntity in IAM's words, "… does not exist or is not
 * attachable.", because another account's policy cannot be attached.
 */
export async function findAttachablePolicy(db: Reader, accountId: string, policyArn: string): Promise<ManagedPolicy> {
  const policy = await findManagedPolicy(db, policyArn);
  if (policy === null || (policy.accountId !== null && policy.accountId !== accountId)) {
    throw awsError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`);
  }
  return policy;
}

/** The permissions boundary named by ARN, in IAM's words when it cannot be used. */
export async function findBoundaryPolicy(db: Reader, accountId: string, policyArn: string): Promise<ManagedPolicy> {
  const policy = await findManagedPolicy(db, policyArn);
  if (policy === null || (policy.accountId !== null && policy.accountId !== accountId)) {
    throw awsError('NoSuchEntity', `Scope ARN: ${policyArn} does not exist or is not attachable.`);
  }
  return policy;
}
