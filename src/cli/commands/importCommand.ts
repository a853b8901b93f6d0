import type { Command } from 'commander';
import { importFiles } from '../../features/importExport/importFiles.js';
import type { ImportSummary } from '../../features/importExport/importPlanTypes.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';
import { createProgress } from '../output/createProgress.js';
import { formatTable } from '../output/formatTable.js';

/** `iam-playground import <path>`: loads AWS CLI output into the configured database, in one transaction. */
export function registerImportCommand(program: Command, deps: CliDependencies, setExit: (code: number) => void): void {
  program
    .command('import')
    .description(
      "import the AWS CLI output in <path>: a folder in the documented layout, one account's folder, or one get-account-authorization-details file",
    )
    .argument('<path>', 'folder or file to import')
    .option('--account-id <id>', 'the account of a lone details file that names no entity (an empty account)')
    .option('--json', 'print the summary as JSON')
    .action(async (path: string, options: { accountId?: string; json?: boolean }) => {
      if (options.accountId !== undefined && !/^\d{12}$/.test(options.accountId)) {
        deps.output.err(`--account-id must be 12 digits, not \`${options.accountId}\``);
        setExit(EXIT.usage);
        return;
      }
      // Scripts asking for JSON off a terminal get the JSON alone; people and terminals see progress on stderr.
      const progress =
        options.json && !deps.output.interactiveErr
          ? { update: () => undefined, done: () => undefined }
          : createProgress(deps.output);
      const db = await deps.openDatabase();
      try {
        const summary = await importFiles(db.database.prisma, path, {
          ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
          onProgress: (phase, done, total) => progress.update(phase === 'read' ? 'Reading' : 'Writing', done, total),
        });
        progress.done();
        deps.output.out(options.json ? JSON.stringify(summary, null, 2) : formatImportSummary(summary, deps));
        setExit(EXIT.ok);
      } finally {
        progress.done();
        await db.close();
      }
    });
}

/** Above this many accounts the per-account table would scroll away the summary; --json has them all. */
const TABLE_LIMIT = 30;

function formatImportSummary(summary: ImportSummary, deps: CliDependencies): string {
  const { style } = deps.output;
  const t = summary.totals;
  const lines = [
    style(
      'green',
      `Imported ${t.accounts} account${t.accounts === 1 ? '' : 's'}${summary.organizationId === null ? '' : ` of organization ${summary.organizationId}`}`,
    ) +
      ` (${t.users} users, ${t.groups} groups, ${t.roles} roles, ${t.policies} customer managed policies, ${t.resources} resource policies, ${t.organizationPolicies} SCPs/RCPs).`,
  ];
  if (summary.accounts.length <= TABLE_LIMIT) {
    lines.push(
      '',
      formatTable(
        ['account', 'name', 'users', 'groups', 'roles', 'policies', 'resources'],
        summary.accounts.map((a) => [
          a.accountId,
          a.name,
          String(a.users),
          String(a.groups),
          String(a.roles),
          String(a.policies),
          String(a.resources),
        ]),
      ),
    );
  } else {
    lines.push(style('dim', `(${summary.accounts.length} accounts: --json lists each)`));
  }
  if (summary.missingAwsManagedPolicies.length > 0) {
    lines.push('', style('yellow', "AWS managed policies the playground's catalogue lacks (kept, and reported):"));
    for (const m of summary.missingAwsManagedPolicies) {
      const how =
        m.source === 'file'
          ? "document taken from the import's files"
          : 'no document given: a placeholder that grants nothing';
      lines.push(`  ${m.arn}  (${how}; used by ${m.referencedBy.length})`);
    }
  }
  if (summary.notes.length > 0)
    lines.push('', style('dim', 'Notes:'), ...summary.notes.map((n) => style('dim', `  ${n}`)));
  return lines.join('\n');
}
