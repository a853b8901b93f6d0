import type { Context } from '../../context.js';
import type { SimulatePrincipalPolicyInput, SimulationResult } from '../../generated/graphql.js';
import { awsError, validationError } from '../../graphql/errors.js';
import {
  compilePolicy,
  createContextFromEntries,
  evaluateRequest,
  parseArn,
  type CompiledPolicy,
} from '../../iam/index.js';
import { assembleRequest, describePrincipal } from '../authorization/assembleRequest.js';
import { describeStoredTarget } from '../authorization/describeStoredTarget.js';
import { resolveAccessPrincipal } from './resolveAccessPrincipal.js';
import { toContextEntries, toEvaluationResultView } from './toAccessViews.js';

const ACTION_NAME = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;

function compileInput(text: string, kind: 'identity' | 'resource' | 'trust', id: string): CompiledPolicy {
  const result = compilePolicy(text, kind, id);
  if (result.ok) return result.policy;
  throw awsError('MalformedPolicyDocument', `${id}: ${result.errors.map((error) => error.message).join('; ')}`);
}

/**
 * AWS's SimulatePrincipalPolicy over the stored model: the principal's inline, managed and group policies,
 * boundary, session policies and tags, its account's SCPs at every level, and per resource its stored policy
 * (or `resourcePolicy`), tags and its account's RCPs — one result per (action, resource), actions outermost,
 * in the same shape as simulateCustomPolicy. Assembled like every other decision (assembleRequest).
 */
export async function simulatePrincipalPolicy(
  context: Context,
  input: SimulatePrincipalPolicyInput,
): Promise<SimulationResult> {
  input.actionNames.forEach((action) => {
    if (!ACTION_NAME.test(action)) throw validationError(`invalid action name \`${action}\``);
  });
  if (input.actionNames.length === 0) throw validationError('at least one action name is required');
  const resources = input.resourceArns && input.resourceArns.length > 0 ? input.resourceArns : ['*'];
  for (const arn of resources)
    if (arn !== '*' && parseArn(arn) === null) throw validationError(`invalid resource arn \`${arn}\``);
  const entries = createContextFromEntries(toContextEntries(input.contextEntries));
  if (!entries.ok) throw validationError(entries.errors.map((error) => error.message).join('; '));

  const loaders = context.authorization.loaders;
  const side = await describePrincipal(
    loaders,
    await resolveAccessPrincipal(context, { kind: 'arn', arn: input.policySourceArn }),
  );
  const extra = (input.policyInputList ?? []).map((text, i) =>
    compileInput(text, 'identity', `PolicyInputList.${i + 1}`),
  );
  const simulated = extra.length === 0 ? side : { ...side, identityPolicies: [...side.identityPolicies, ...extra] };
  const questions = input.actionNames.flatMap((action) => resources.map((resourceArn) => ({ action, resourceArn })));
  const evaluationResults = await Promise.all(
    questions.map(async ({ action, resourceArn }) => {
      const target = await describeStoredTarget(context, resourceArn, action);
      const request = await assembleRequest(loaders, simulated, action, target, entries.context);
      const override = input.resourcePolicy
        ? compileInput(input.resourcePolicy, target.kind === 'trust' ? 'trust' : 'resource', 'ResourcePolicy')
        : null;
      return toEvaluationResultView(
        evaluateRequest(override ? { ...request, resourcePolicy: override } : request, { explain: true }),
      );
    }),
  );
  return { evaluationResults };
}
