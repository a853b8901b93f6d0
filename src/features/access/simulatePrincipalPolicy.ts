import type { Context } from '../../context.js';
import type { SimulatePrincipalPolicyInput, SimulationResult } from '../../generated/graphql.js';
import { awsError, validationError } from '../../graphql/errors.js';
import { compilePolicy, createContextFromEntries, parseArn, type CompiledPolicy } from '../../iam/index.js';
import { describeTarget, evaluateAccess } from '../../iam/analysis/index.js';
import { getAccessLoaders } from './access.loaders.js';
import { loadAccessSubject } from './loadAccessSubject.js';
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
 * in the same shape as simulateCustomPolicy.
 */
export async function simulatePrincipalPolicy(context: Context, input: SimulatePrincipalPolicyInput): Promise<SimulationResult> {
  input.actionNames.forEach((action) => {
    if (!ACTION_NAME.test(action)) throw validationError(`invalid action name \`${action}\``);
  });
  if (input.actionNames.length === 0) throw validationError('at least one action name is required');
  const resources = input.resourceArns && input.resourceArns.length > 0 ? input.resourceArns : ['*'];
  for (const arn of resources) if (arn !== '*' && parseArn(arn) === null) throw validationError(`invalid resource arn \`${arn}\``);
  const entries = createContextFromEntries(toContextEntries(input.contextEntries));
  if (!entries.ok) throw validationError(entries.errors.map((error) => error.message).join('; '));

  const { subject } = await loadAccessSubject(context, { kind: 'arn', arn: input.policySourceArn });
  const extra = (input.policyInputList ?? []).map((text, i) => compileInput(text, 'identity', `PolicyInputList.${i + 1}`));
  const simulated = extra.length === 0 ? subject : { ...subject, identityPolicies: [...subject.identityPolicies, ...extra] };
  const { model } = await getAccessLoaders(context).snapshot();
  const evaluationResults = input.actionNames.flatMap((action) =>
    resources.map((resourceArn) => {
      const target = describeTarget(model, resourceArn, action);
      const override = input.resourcePolicy
        ? compileInput(input.resourcePolicy, target.resource.kind === 'trust' ? 'trust' : 'resource', 'ResourcePolicy')
        : null;
      const result = evaluateAccess(model, simulated, action, override ? { ...target, resourcePolicy: override } : target, entries.context, { explain: true });
      return toEvaluationResultView(result);
    }),
  );
  return { evaluationResults };
}
