import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { checkScenarioReferences } from './checkScenarioReferences.js';
import { formatScenarioPath, type ScenarioError } from './scenarioErrors.js';
import type { Scenario } from './scenarioTypes.js';

/** What validation returns: the typed scenario, or every mistake with its path. */
export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const schemaUrl = new URL('../../../scenarios/scenario.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    compiled = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')) as object);
  }
  return compiled;
}

function describeSchemaError(error: ErrorObject): ScenarioError {
  const path = formatScenarioPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path, message: `unknown property \`${String(params.additionalProperty)}\`` };
    case 'required':
      return { path, message: `missing required property \`${String(params.missingProperty)}\`` };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`,
      };
    case 'pattern':
      return { path, message: `must match the pattern \`${String(params.pattern)}\`` };
    default:
      return { path, message: (error.message ?? 'is invalid').toLowerCase() };
  }
}

/**
 * Validates parsed scenario data against scenarios/scenario.schema.json, then checks what a schema cannot
 * (references between accounts, OUs, groups, policies, expectations). Every mistake is reported with its
 * path, so a person fixes a file in one pass; the `if`/`then` wrappers ajv reports are dropped as noise.
 * `expectedName` is the file name the scenario must carry, so `npm run seed -- <name>` finds it.
 */
export function validateScenario(data: unknown, expectedName?: string): ScenarioValidation {
  const validate = compileSchema();
  if (!validate(data)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describeSchemaError);
    return { ok: false, errors: dedupe(errors) };
  }
  const scenario = data as unknown as Scenario;
  const errors = checkScenarioReferences(scenario);
  if (expectedName !== undefined && scenario.name !== expectedName) {
    errors.unshift({ path: 'name', message: `\`${scenario.name}\` must equal the file name \`${expectedName}\`` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario };
}

function dedupe(errors: ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\0${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
