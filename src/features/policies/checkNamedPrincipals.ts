import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { listNamedPrincipals, parseArn, type PolicyKind } from '../../iam/index.js';

type Reader = PrismaClient | Prisma.TransactionClient;

/**
 * Refuses a trust or resource policy that names an IAM user or role that does not exist, as IAM does when it
 * stores one ("Invalid principal in policy"): AWS resolves each named principal to its unique id on storage.
 * Only principals of accounts the playground holds are checked; an account it does not model cannot be
 * asked. Three queries at most, whatever the number of principals.
 */
export async function checkNamedPrincipals(db: Reader, text: string, kind: PolicyKind): Promise<void> {
  const named = listNamedPrincipals(text, kind);
  if (named.length === 0) return;
  const accountIds = [...new Set(named.map((arn) => parseArn(arn)?.account ?? ''))];
  const [accounts, users, roles] = await Promise.all([
    db.account.findMany({ where: { id: { in: accountIds } }, select: { id: true } }),
    db.user.findMany({ where: { arn: { in: named } }, select: { arn: true } }),
    db.role.findMany({ where: { arn: { in: named } }, select: { arn: true } }),
  ]);
  const modelled = new Set(accounts.map((account) => account.id));
  const existing = new Set([...users, ...roles].map((row) => row.arn));
  const missing = named.find((arn) => modelled.has(parseArn(arn)?.account ?? '') && !existing.has(arn));
  if (missing !== undefined)
    throw awsError('MalformedPolicyDocument', `Invalid principal in policy: "AWS":"${missing}"`);
}
