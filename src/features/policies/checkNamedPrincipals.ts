import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import {
  isPrincipalUniqueId,
  listNamedPrincipals,
  parseArn,
  replaceNamedPrincipals,
  type PolicyKind,
} from '../../iam/index.js';

type Reader = PrismaClient | Prisma.TransactionClient;

/**
 * Checks the users and roles a trust or resource policy names before it is stored, as IAM does when it
 * resolves each to its unique id: a named ARN that does not exist is refused ("Invalid principal in policy"),
 * and a unique id of a user or role that exists is stored as its ARN (IAM shows it by ARN while it exists).
 * Returns the text to store. Only principals of accounts the playground holds are checked; an account it does
 * not model cannot be asked, and a unique id nothing holds is kept (it matches no one). Three queries at most,
 * whatever the number of principals.
 */
export async function checkNamedPrincipals(db: Reader, text: string, kind: PolicyKind): Promise<string> {
  const named = listNamedPrincipals(text, kind);
  if (named.length === 0) return text;
  const ids = named.filter(isPrincipalUniqueId);
  const arns = named.filter((value) => !isPrincipalUniqueId(value));
  const accountIds = [...new Set(arns.map((arn) => parseArn(arn)?.account ?? ''))];
  const which = { OR: [{ arn: { in: arns } }, { id: { in: ids } }] };
  const [accounts, users, roles] = await Promise.all([
    db.account.findMany({ where: { id: { in: accountIds } }, select: { id: true } }),
    db.user.findMany({ where: which, select: { id: true, arn: true } }),
    db.role.findMany({ where: which, select: { id: true, arn: true } }),
  ]);
  const modelled = new Set(accounts.map((account) => account.id));
  const existing = new Set([...users, ...roles].map((row) => row.arn));
  const missing = arns.find((arn) => modelled.has(parseArn(arn)?.account ?? '') && !existing.has(arn));
  if (missing !== undefined)
    throw awsError('MalformedPolicyDocument', `Invalid principal in policy: "AWS":"${missing}"`);
  const byId = new Map([...users, ...roles].filter((row) => ids.includes(row.id)).map((row) => [row.id, row.arn]));
  return byId.size === 0 ? text : replaceNamedPrincipals(text, byId);
}
