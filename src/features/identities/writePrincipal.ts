import type { Context } from '../../context.js';
import type { Prisma, Role } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { refuseProtectedRoleWrite, type ContextEntry } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { lockRow } from '../authorization/lockRow.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import {
  findPrincipal,
  principalArn,
  requirePrincipal,
  type PrincipalKindName,
  type PrincipalRow,
} from './findPrincipal.js';

const TABLES = { USER: 'iam_user', GROUP: 'iam_group', ROLE: 'iam_role' } as const;

/** Which identity a write targets, in which account, and which IAM action authorizes it. */
export interface PrincipalWrite {
  kind: PrincipalKindName;
  name: string;
  actingAccountId?: string | null | undefined;
  action: string;
  /** Request keys (aws:RequestTag/*, aws:TagKeys) for tagging writes. */
  context?: ContextEntry[];
  /** The attributes an update changes (e.g. `description`), for the protected-role rule. */
  changedFields?: readonly string[];
}

/**
 * The shape of every write to an existing user, group or role: read it for its ARN, authorize the action on
 * that ARN (before revealing whether it exists), then, in one transaction, re-read it, lock its row and run
 * `write`. A failure anywhere rolls everything back.
 */
export async function writePrincipal<T, R extends PrincipalRow = PrincipalRow>(
  context: Context,
  target: PrincipalWrite,
  write: (tx: Prisma.TransactionClient, row: R, accountId: string) => Promise<T>,
): Promise<T> {
  const accountId = await resolveActingAccount(context, target.actingAccountId);
  const found = await findPrincipal(context.database.prisma, target.kind, accountId, target.name);
  await authorize(context, {
    action: target.action,
    resourceArn: principalArn(target.kind, accountId, target.name, found),
    resourceAccountId: accountId,
    context: target.context ?? [],
  });
  return context.database.prisma.$transaction(async (tx) => {
    const row = requirePrincipal(
      target.kind,
      target.name,
      await findPrincipal(tx, target.kind, accountId, target.name),
    ) as R;
    // Service-linked and IAM Identity Center roles are AWS's to change (the engine's rule).
    const refusal =
      target.kind === 'ROLE' ? refuseProtectedRoleWrite(row as Role, target.action, target.changedFields) : null;
    if (refusal !== null) throw awsError(refusal.code, refusal.message);
    await lockRow(tx, TABLES[target.kind], row.id);
    return write(tx, row, accountId);
  });
}
