import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ImportProblem } from './ImportInvalidError.js';
import type { ImportRows } from './importPlanTypes.js';

const TABLES = [
  { table: 'iam_user', key: 'users', what: 'a user' },
  { table: 'iam_group', key: 'groups', what: 'a group' },
  { table: 'iam_role', key: 'roles', what: 'a role' },
  { table: 'managed_policy', key: 'managedPolicies', what: 'a managed policy' },
  { table: 'instance_profile', key: 'instanceProfiles', what: 'an instance profile' },
] as const;

/**
 * The entities of an import whose unique id or ARN the database already holds in an account the import does not
 * replace (AWS never reuses them, so this means two inputs disagree), and account aliases taken by another
 * account: reported as problems before anything is written, rather than as a failed statement mid-transaction.
 * One query per table, with the ids and ARNs as two array parameters.
 */
export async function findImportConflicts(prisma: PrismaClient, rows: ImportRows): Promise<ImportProblem[]> {
  const replaced = rows.replacedAccountIds;
  const problems: ImportProblem[] = [];
  for (const { table, key, what } of TABLES) {
    const list: readonly { id: string; arn: string; accountId: string | null }[] = rows[key];
    const mine = list.filter((row) => row.accountId !== null);
    if (mine.length === 0) continue;
    const found = await prisma.$queryRawUnsafe<{ id: string; arn: string; account_id: string }[]>(
      `SELECT id, arn, account_id FROM "${table}" WHERE (id = ANY($1::text[]) OR arn = ANY($2::text[])) AND account_id IS NOT NULL AND NOT (account_id = ANY($3::text[]))`,
      mine.map((r) => r.id),
      mine.map((r) => r.arn),
      replaced,
    );
    for (const row of found) {
      problems.push({
        file: '(database)',
        path: row.arn,
        expected: `${what} id and ARN no other account holds: \`${row.id}\` is stored in account ${row.account_id}`,
      });
    }
  }
  const aliases = rows.accounts.filter((a) => a.alias !== null);
  if (aliases.length > 0) {
    const taken = await prisma.account.findMany({
      where: { alias: { in: aliases.map((a) => a.alias!) }, id: { notIn: aliases.map((a) => a.id) } },
      select: { id: true, alias: true },
    });
    for (const t of taken)
      problems.push({
        file: '(database)',
        path: `account alias \`${t.alias}\``,
        expected: `an alias no other account uses: account ${t.id} has it`,
      });
  }
  return problems;
}
