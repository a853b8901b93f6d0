import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SecretCipher } from '../auth/secretCipher.js';
import { formatLoadedScenario } from './formatLoadedScenario.js';
import { loadScenario } from './loadScenario.js';
import { defaultScenarioDir, listScenarioNames, readScenario, ScenarioNotFoundError } from './readScenario.js';
import { ScenarioInvalidError } from './scenarioErrors.js';

/** What `runSeed` needs: a way to reach the database (opened only when a scenario is loaded) and an output. */
export interface SeedDependencies {
  /** Opens the configured, migrated database; the seed closes it when done. */
  openDatabase(): Promise<{ prisma: PrismaClient; cipher: SecretCipher; close(): Promise<void> }>;
  /** Where normal output goes (stdout). */
  print(text: string): void;
  /** Where problems go (stderr). */
  printError(text: string): void;
  /** The folder of scenario files; defaults to `scenarios/`. */
  scenarioDir?: string;
  /** The GraphQL endpoint shown in the "try it" lines. */
  endpoint?: string;
}

const usage =
  'usage: npm run seed -- <scenario>   load a scenario into the configured database\n       npm run seed -- --list       list the scenarios';

/**
 * The seed command's logic, apart from process and configuration wiring so it can be tested: `--list`
 * lists the scenarios with their titles, `<name>` validates the file, loads it in one transaction and
 * prints the credentials. Returns the process exit code; every failure is one clear message, no stack.
 */
export async function runSeed(args: readonly string[], deps: SeedDependencies): Promise<number> {
  const dir = deps.scenarioDir ?? defaultScenarioDir;
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || rest.length > 0) {
    (first === undefined || rest.length > 0 ? deps.printError : deps.print)(usage);
    return first === '--help' || first === '-h' ? 0 : 2;
  }
  if (first === '--list') {
    const names = listScenarioNames(dir);
    const width = Math.max(...names.map((n) => n.length));
    for (const name of names) {
      let title: string;
      try {
        title = readScenario(name, dir).title;
      } catch (error) {
        title = `(invalid: ${(error as Error).message.split('\n')[0] ?? ''})`;
      }
      deps.print(`${name.padEnd(width)}  ${title}`);
    }
    return 0;
  }
  let scenario;
  try {
    scenario = readScenario(first, dir);
  } catch (error) {
    if (error instanceof ScenarioNotFoundError || error instanceof ScenarioInvalidError) {
      deps.printError(error.message);
      return 1;
    }
    throw error;
  }
  const database = await deps.openDatabase();
  try {
    const loaded = await loadScenario(database.prisma, scenario, { cipher: database.cipher });
    deps.print(formatLoadedScenario(loaded, deps.endpoint));
    return 0;
  } finally {
    await database.close();
  }
}
