import { formatIamArn } from '../../iam/index.js';
import type { Group, PrismaClient, Role, User } from '../../generated/prisma/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { noSuchEntity } from '../../graphql/errors.js';

/** Which kind of IAM identity an operation targets. */
export type PrincipalKindName = 'USER' | 'GROUP' | 'ROLE';

type Reader = PrismaClient | Prisma.TransactionClient;

/** An identity row of any kind. */
export type PrincipalRow = User | Group | Role;

const NOUN: Record<PrincipalKindName, string> = { USER: 'user', GROUP: 'group', ROLE: 'role' };

/** Reads a user, group or role by name (case-insensitively, as IAM names are) in an account; null when absent. */
export async function findPrincipal(
  db: Reader,
  kind: PrincipalKindName,
  accountId: string,
  name: string,
): Promise<PrincipalRow | null> {
  const where = { accountId_nameKey: { accountId, nameKey: name.toLowerCase() } };
  if (kind === 'USER') return db.user.findUnique({ where });
  if (kind === 'GROUP') return db.group.findUnique({ where });
  return db.role.findUnique({ where });
}

/** The ARN an operation on a (possibly missing) identity is authorized on: the stored one, else the path-less one. */
export function principalArn(
  kind: PrincipalKindName,
  accountId: string,
  name: string,
  row: PrincipalRow | null,
): string {
  if (row !== null) return row.arn;
  return formatIamArn(accountId, NOUN[kind] as 'user' | 'group' | 'role', name);
}

/** NoSuchEntity in IAM's words: "The user with name X cannot be found." */
export function principalNotFound(kind: PrincipalKindName, name: string): Error {
  return noSuchEntity(`The ${NOUN[kind]} with name ${name} cannot be found.`);
}

/** Returns the row or throws NoSuchEntity, for use after authorization so a denial hides existence. */
export function requirePrincipal<T extends PrincipalRow>(kind: PrincipalKindName, name: string, row: T | null): T {
  if (row === null) throw principalNotFound(kind, name);
  return row;
}
