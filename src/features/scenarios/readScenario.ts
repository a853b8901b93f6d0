import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { ScenarioInvalidError } from './scenarioErrors.js';
import type { Scenario } from './scenarioTypes.js';
import { validateScenario } from './validateScenario.js';

/** The `scenarios/` folder at the repository root, where scenario files live. */
export const defaultScenarioDir = fileURLToPath(new URL('../../../scenarios', import.meta.url));

const extensions = ['.yaml', '.yml', '.json'];

/** Thrown when no file under the scenario folder has the name asked for. */
export class ScenarioNotFoundError extends Error {
  constructor(name: string, available: readonly string[]) {
    super(`no scenario \`${name}\`; available: ${available.join(', ')}`);
    this.name = 'ScenarioNotFoundError';
  }
}

/** The names of the scenario files in `dir` (file names without extension, the schema excluded), sorted. */
export function listScenarioNames(dir: string = defaultScenarioDir): string[] {
  return readdirSync(dir)
    .filter((file) => extensions.includes(extname(file)) && !file.endsWith('.schema.json'))
    .map((file) => basename(file, extname(file)))
    .sort();
}

/**
 * Reads, parses (YAML, of which JSON is a subset) and validates the scenario file `name` in `dir`. Throws
 * `ScenarioNotFoundError`, or `ScenarioInvalidError` listing every mistake with its path — YAML syntax
 * errors with their line and column — so a broken file never reaches the database.
 */
export function readScenario(name: string, dir: string = defaultScenarioDir): Scenario {
  const file = extensions.map((ext) => join(dir, name + ext)).find((path) => existsSync(path));
  if (file === undefined) throw new ScenarioNotFoundError(name, listScenarioNames(dir));
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ScenarioInvalidError(
      file,
      document.errors.map((e) => ({
        path: e.linePos === undefined ? '(root)' : `line ${e.linePos[0].line}, column ${e.linePos[0].col}`,
        message: e.message.split('\n')[0]?.toLowerCase() ?? 'yaml syntax error',
      })),
    );
  }
  const validation = validateScenario(document.toJS(), name);
  if (!validation.ok) throw new ScenarioInvalidError(file, validation.errors);
  return validation.scenario;
}
