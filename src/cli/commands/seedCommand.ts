import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { loadScenario } from '../../features/scenarios/loadScenario.js';
import { listScenarioNames, readScenario } from '../../features/scenarios/readScenario.js';
import { runSeed } from '../../features/scenarios/runSeed.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';

/**
 * `iam-playground seed <scenario>` / `--list`: loads a scenario into the configured database and prints its
 * credentials (`npm run seed` runs this). People get runSeed's text; `--json` gives scripts the same facts.
 */
export function registerSeedCommand(program: Command, deps: CliDependencies, setExit: (code: number) => void): void {
  program
    .command('seed')
    .description('load a scenario from scenarios/ into the configured database, or list them')
    .argument('[scenario]', 'the scenario to load')
    .option('--list', 'list the scenarios with their titles')
    .option('--json', 'print JSON: the list, or the loaded scenario with its credentials')
    .action(async (scenario: string | undefined, options: { list?: boolean; json?: boolean }) => {
      if ((scenario === undefined) === (options.list !== true)) {
        deps.output.err('give a scenario to load, or --list');
        setExit(EXIT.usage);
        return;
      }
      if (!options.json) {
        setExit(
          await runSeed(options.list ? ['--list'] : [scenario!], {
            openDatabase: async () => {
              const db = await deps.openDatabase();
              return { prisma: db.database.prisma, cipher: db.cipher, close: db.close };
            },
            print: deps.output.out,
            printError: deps.output.err,
            endpoint: endpointOf(),
          }),
        );
        return;
      }
      if (options.list) {
        deps.output.out(
          JSON.stringify(
            listScenarioNames().map((name) => ({ name, title: readScenario(name).title })),
            null,
            2,
          ),
        );
        setExit(EXIT.ok);
        return;
      }
      const read = readScenario(scenario!);
      const db = await deps.openDatabase();
      try {
        deps.output.out(JSON.stringify(await loadScenario(db.database.prisma, read, { cipher: db.cipher }), null, 2));
        setExit(EXIT.ok);
      } finally {
        await db.close();
      }
    });
}

/** The GraphQL endpoint the configured server listens on, for the "try it" lines. */
function endpointOf(): string {
  const config = loadConfig(process.env);
  return `http://${config.host}:${config.port}/graphql`;
}
