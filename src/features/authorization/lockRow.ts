import type { Prisma } from '../../generated/prisma/client.js';

/** The tables whose rows a write may lock; a closed list, so no name reaches SQL from input. */
export type LockableTable = 'iam_user' | 'iam_group' | 'iam_role' | 'managed_policy' | 'account' | 'organization';

/**
 * Locks one row for the rest of the transaction (SELECT … FOR UPDATE), so a limit checked by counting
 * (five versions, two access keys, ten groups) cannot be overrun by concurrent requests. Returns whether
 * the row exists.
 */
export async function lockRow(tx: Prisma.TransactionClient, table: LockableTable, id: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
  return rows.length > 0;
}
