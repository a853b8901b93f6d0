import type { Command } from 'commander';
import { exportFiles } from '../../features/importExport/exportFiles.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';
import { createProgress } from '../output/createProgress.js';

/** `iam-playground export <dir>`: writes the model out as the AWS CLI's outputs, in the import layout. */
export function registerExportCommand(program: Command, deps: CliDependencies, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('export the model into <dir> as AWS CLI output, in the layout import reads')
    .argument('<dir>', 'folder to write (created when missing)')
    .option('--organization <id>', 'export this organization and its accounts')
    .option('--account <id...>', 'export these accounts only, without their organization')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, options: { organization?: string; account?: string[]; json?: boolean }) => {
      if (options.organization !== undefined && options.account !== undefined) {
        deps.output.err('give --organization or --account, not both');
        setExit(EXIT.usage);
        return;
      }
      const progress = options.json && !deps.output.interactiveErr ? null : createProgress(deps.output);
      const db = await deps.openDatabase();
      try {
        const summary = await exportFiles(
          db.database.prisma,
          dir,
          {
            ...(options.organization === undefined ? {} : { organizationId: options.organization }),
            ...(options.account === undefined ? {} : { accountIds: options.account }),
          },
          (done, total) => progress?.update('Writing', done, total),
        );
        progress?.done();
        if (options.json) {
          deps.output.out(JSON.stringify(summary, null, 2));
        } else {
          const org = summary.organizationId === null ? '' : ` and organization ${summary.organizationId}`;
          deps.output.out(
            deps.output.style(
              'green',
              `Exported ${summary.accounts} account${summary.accounts === 1 ? '' : 's'}${org}: ${summary.files} files in ${dir}`,
            ),
          );
          if (summary.skippedResources.length > 0) {
            deps.output.out(
              deps.output.style(
                'yellow',
                'Resources left out (no resource-policy file for their service in the layout):',
              ),
            );
            for (const arn of summary.skippedResources) deps.output.out(`  ${arn}`);
          }
        }
        setExit(EXIT.ok);
      } finally {
        progress?.done();
        await db.close();
      }
    });
}
