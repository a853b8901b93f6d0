import type { Command } from 'commander';
import { getAuthorizationIndex } from '../../features/access/getAuthorizationIndex.js';
import { findWhoCanAccess } from '../../iam/analysis/index.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';
import { describeHop } from '../output/describeHop.js';
import { formatTable } from '../output/formatTable.js';

/**
 * `iam-playground who-can <resource-arn> <action>`: every stored user and role that can act on the resource,
 * directly or through role assumptions (the whoCanAccess query, answered by the same authorization index).
 * Exit 0 when someone can, 3 when no one can.
 */
export function registerWhoCanCommand(program: Command, deps: CliDependencies, setExit: (code: number) => void): void {
  program
    .command('who-can')
    .description('list every principal of the configured database that can perform <action> on <resource-arn>, and how')
    .argument('<resource-arn>', 'the resource, e.g. arn:aws:s3:::bucket/key')
    .argument('<action>', 'the action, e.g. s3:GetObject')
    .option('--json', 'print the grants as JSON')
    .action(async (resourceArn: string, action: string, options: { json?: boolean }) => {
      const db = await deps.openDatabase();
      try {
        const { model, graph } = await getAuthorizationIndex(db.database.pool).current();
        const grants = findWhoCanAccess(model, graph, resourceArn, action);
        if (options.json) {
          deps.output.out(
            JSON.stringify(
              grants.map((g) => ({
                principalArn: g.principal.arn,
                principalType: g.principal.kind,
                path: g.path.hops,
                matchedStatements: g.matchedStatements,
              })),
              null,
              2,
            ),
          );
        } else if (grants.length === 0) {
          deps.output.out(deps.output.style('yellow', `No stored principal can perform ${action} on ${resourceArn}.`));
        } else {
          deps.output.out(
            formatTable(
              ['principal', 'type', 'how'],
              grants.map((g) => [
                g.principal.arn,
                g.principal.kind,
                g.path.hops.length === 0
                  ? deps.output.style('green', 'directly')
                  : g.path.hops.map(describeHop).join('\n'),
              ]),
            ),
          );
        }
        setExit(grants.length === 0 ? EXIT.answeredNo : EXIT.ok);
      } finally {
        await db.close();
      }
    });
}
