import { InvalidArgumentError, type Command } from 'commander';
import { getAuthorizationIndex } from '../../features/access/getAuthorizationIndex.js';
import { findAssumeRolePaths, PATH_LIMITS } from '../../iam/analysis/index.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';
import { describeHop } from '../output/describeHop.js';
import { formatTable } from '../output/formatTable.js';

const depth = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > PATH_LIMITS.maxDepth)
    throw new InvalidArgumentError(`expected a whole number from 1 to ${PATH_LIMITS.maxDepth}`);
  return n;
};

/**
 * `iam-playground paths <from-arn> <to-role-arn>`: the chains of sts:AssumeRole from a stored user or role to a
 * stored role (the assumeRolePaths query). Exit 0 when a path exists, 3 when none does, 1 for an unknown principal.
 */
export function registerPathsCommand(program: Command, deps: CliDependencies, setExit: (code: number) => void): void {
  program
    .command('paths')
    .description('list the chains of role assumptions from <from-arn> to <to-role-arn> in the configured database')
    .argument('<from-arn>', 'a stored user or role')
    .argument('<to-role-arn>', 'a stored role')
    .option(
      '--max-depth <n>',
      `the longest chain to follow, 1 to ${PATH_LIMITS.maxDepth}`,
      depth,
      PATH_LIMITS.defaultDepth,
    )
    .option('--json', 'print the paths as JSON')
    .action(async (fromArn: string, toRoleArn: string, options: { maxDepth: number; json?: boolean }) => {
      const db = await deps.openDatabase();
      try {
        const { model, graph } = await getAuthorizationIndex(db.database.pool).current();
        const from = model.principals.get(fromArn);
        const target = model.roles.get(toRoleArn);
        if (from === undefined || target === undefined) {
          deps.output.err(
            `NoSuchEntity: the ${from === undefined ? `principal with ARN ${fromArn}` : `role with ARN ${toRoleArn}`} cannot be found.`,
          );
          setExit(EXIT.failed);
          return;
        }
        const paths = findAssumeRolePaths(graph, model.roles, from, target, options.maxDepth);
        if (options.json) {
          deps.output.out(JSON.stringify(paths, null, 2));
        } else if (paths.length === 0) {
          deps.output.out(
            deps.output.style(
              'yellow',
              `No chain of at most ${options.maxDepth} role assumptions leads from ${fromArn} to ${toRoleArn}.`,
            ),
          );
        } else {
          deps.output.out(
            formatTable(
              ['#', 'hops', 'longest session'],
              paths.map((p, i) => [
                String(i + 1),
                [fromArn, ...p.hops.map(describeHop)].join('\n'),
                `${p.maxSessionSeconds / 3600} h`,
              ]),
            ),
          );
        }
        setExit(paths.length === 0 ? EXIT.answeredNo : EXIT.ok);
      } finally {
        await db.close();
      }
    });
}
