import type { ManagedPolicy, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { requireArn } from '../../graphql/requireArn.js';
import { findAwsManagedPolicy } from '../../iam/index.js';
import { findAwsManagedPolicyRow, storeAwsManagedPolicy } from './awsManagedPolicyRows.js';

type Reader = PrismaClient | Prisma.TransactionClient;

/**
 * Reads a managed policy by ARN: a stored one, or an AWS managed one from the shipped catalogue; null when
 * absent, InvalidInput when the ARN is malformed (as IAM answers).
 */
export async function findManagedPolicy(db: Reader, policyArn: string): Promise<ManagedPolicy | null> {
  requireArn(policyArn);
  return (
    (await db.managedPolicy.findUnique({ where: { arn: policyArn } })) ?? findAwsManagedPolicyRow({ arn: policyArn })
  );
}

/** A policy an identity of `accountId` may point at, stored (AWS managed ones on first use) so a foreign key can reference it. */
async function findUsablePolicy(db: Reader, accountId: string, policyArn: string): Promise<ManagedPolicy | null> {
  requireArn(policyArn);
  const aws = findAwsManagedPolicy(policyArn);
  if (aws !== null) return storeAwsManagedPolicy(db, aws);
  const policy = await db.managedPolicy.findUnique({ where: { arn: policyArn } });
  return policy === null || policy.accountId !== accountId ? null : policy;
}

/**
 * A managed policy an identity of `accountId` may use (attach, or use as a boundary): an AWS managed one or
 * one of the account's own. Anything else is NoSuchEntity in IAM's words, "… does not exist or is not
 * attachable.", because another account's policy cannot be attached.
 */
export async function findAttachablePolicy(db: Reader, accountId: string, policyArn: string): Promise<ManagedPolicy> {
  const policy = await findUsablePolicy(db, accountId, policyArn);
  if (policy === null) throw awsError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`);
  return policy;
}

/** The permissions boundary named by ARN, in IAM's words when it cannot be used. */
export async function findBoundaryPolicy(db: Reader, accountId: string, policyArn: string): Promise<ManagedPolicy> {
  const policy = await findUsablePolicy(db, accountId, policyArn);
  if (policy === null) throw awsError('NoSuchEntity', `Scope ARN: ${policyArn} does not exist or is not attachable.`);
  return policy;
}
