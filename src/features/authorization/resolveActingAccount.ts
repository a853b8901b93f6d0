import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { requireCaller } from './authorize.js';

/**
 * The account a management operation acts in. Everyone acts in their own account, as in AWS; naming another
 * account is allowed only so that authorization then denies it (IAM has no cross-account writes). The
 * operator belongs to no account and acts as the root of the one it names, so it must name one.
 */
export async function resolveActingAccount(context: Context, accountId: string | null | undefined): Promise<string> {
  const caller = requireCaller(context);
  if (caller.type !== 'operator') return accountId ?? caller.accountId;
  if (!accountId)
    throw awsError('ValidationError', 'The operator acts as the root of an account: accountId is required');
  const account = await context.database.prisma.account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (account === null) throw awsError('NoSuchEntity', `The account with id ${accountId} cannot be found.`);
  return account.id;
}
