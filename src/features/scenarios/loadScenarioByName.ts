import type { PrismaClient } from '../../generated/prisma/client.js';
import { loadScenario, type LoadedScenario, type LoadScenarioOptions } from './loadScenario.js';
import { defaultScenarioDir, readScenario } from './readScenario.js';

/**
 * Reads, validates and loads the scenario file `name` from `scenarios/` — what `SEED=<name>` does at server
 * start. Throws `ScenarioNotFoundError` or `ScenarioInvalidError` (one clear message) before touching the
 * database when the name or the file is wrong.
 */
export async function loadScenarioByName(
  prisma: PrismaClient,
  name: string,
  options: LoadScenarioOptions & { scenarioDir?: string },
): Promise<LoadedScenario> {
  return loadScenario(prisma, readScenario(name, options.scenarioDir ?? defaultScenarioDir), options);
}
