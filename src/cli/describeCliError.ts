import { GraphQLError } from 'graphql';
import { describeStartupError } from '../db/describeStartupError.js';
import { ImportInvalidError } from '../features/importExport/ImportInvalidError.js';
import { ScenarioInvalidError } from '../features/scenarios/scenarioErrors.js';
import { ScenarioNotFoundError } from '../features/scenarios/readScenario.js';

/**
 * One clear message for a failed command, without a stack: the problems of a rejected import or scenario, an
 * AWS-style error (`NoSuchEntity: …`) from a service, or a database or configuration problem in the server's words.
 */
export function describeCliError(error: unknown): string {
  if (
    error instanceof ImportInvalidError ||
    error instanceof ScenarioInvalidError ||
    error instanceof ScenarioNotFoundError
  )
    return error.message;
  if (error instanceof GraphQLError) {
    const code = error.extensions.code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return describeStartupError(error);
}
