import type { Context } from '../../context.js';
import type { Group, Role, User } from '../../generated/prisma/client.js';
import { authorize, requireCaller } from '../authorization/authorize.js';
import { findPrincipal, principalArn, requirePrincipal, type PrincipalKindName } from '../identities/findPrincipal.js';

type RowOf<K extends PrincipalKindName> = K extends 'USER' ? User : K extends 'GROUP' ? Group : Role;

/**
 * Reads a user, group or role of the caller's account by name for an IAM read operation: authorized first with
 * the operation's action on the entity's ARN (so a denial hides whether it exists, as the services do), then
 * NoSuchEntity in IAM's words when it is absent.
 */
export async function readIamEntity<K extends PrincipalKindName>(
  context: Context,
  action: string,
  kind: K,
  name: string,
): Promise<RowOf<K>> {
  const accountId = requireCaller(context).accountId;
  const row = await findPrincipal(context.database.prisma, kind, accountId, name);
  await authorize(context, {
    action,
    resourceArn: principalArn(kind, accountId, name, row),
    resourceAccountId: accountId,
  });
  return requirePrincipal(kind, name, row) as RowOf<K>;
}

/** Authorizes a list or account-wide read (`iam:ListRoles` on `*`) in the caller's account and returns that account. */
export async function authorizeAccountRead(context: Context, action: string): Promise<string> {
  const accountId = requireCaller(context).accountId;
  await authorize(context, { action, resourceArn: '*', resourceAccountId: accountId });
  return accountId;
}
