import type { SimulateCustomPolicyInput, SimulationResult } from '../../generated/graphql.js';
import { awsError } from '../../graphql/errors.js';
import { simulate } from '../../iam/index.js';
import { toContextEntries, toEvaluationResultView } from './toAccessViews.js';

/**
 * AWS's SimulateCustomPolicy over GraphQL: the engine's `simulate` with nothing stored. Faults in the input
 * become one error with AWS's code (MalformedPolicyDocument before ValidationError) and every fault, with
 * its source and position, in `extensions.errors`.
 */
export function simulateCustomPolicy(input: SimulateCustomPolicyInput): SimulationResult {
  const outcome = simulate({ ...input, contextEntries: toContextEntries(input.contextEntries) });
  if (outcome.ok) return { evaluationResults: outcome.result.evaluationResults.map(toEvaluationResultView) };
  const code = outcome.errors.some((error) => error.code === 'MalformedPolicyDocument')
    ? 'MalformedPolicyDocument'
    : 'ValidationError';
  throw awsError(code, outcome.errors.map((error) => `${error.source}: ${error.message}`).join('; '), {
    errors: outcome.errors,
  });
}
