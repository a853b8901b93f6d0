import { parseArn } from '../arn/parseArn.js';
import type { PolicyKind } from '../policy/Policy.js';
import type { EngineError, EvaluationResult, SimulateCustomPolicyInput, SimulateOutcome } from '../simulationTypes.js';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';
import { createContextFromEntries } from './createContextFromEntries.js';
import { createPrincipalFromArn, parseResourceOwner } from './createPrincipalFromArn.js';
import type { EngineResource } from './EngineRequest.js';
import { evaluateRequest } from './evaluateRequest.js';

const ACTION_NAME = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;
const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity']);
const isRoleArn = (arn: string) => /^arn:[^:]+:iam::\d{12}:role\//.test(arn);
const isKmsKeyArn = (arn: string) => /^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(arn);

/**
 * AWS's SimulateCustomPolicy, extended with session policies, SCP/RCP levels, trust and key policies. A thin
 * layer over `evaluateRequest`: it validates and compiles the input, then asks one question per (action,
 * resource) pair, actions outermost. A resource policy for a role ARN (or for assume-role actions alone) is
 * read as the role's trust policy, which must allow explicitly; so is a KMS key's key policy. Invalid
 * input yields `{ ok: false, errors }`; it never throws on user input.
 */
export function simulate(input: SimulateCustomPolicyInput, options: { now?: Date } = {}): SimulateOutcome {
  const errors: EngineError[] = [];
  const fault = (source: string, message: string) => errors.push({ code: 'ValidationError', message, source, position: null });
  const compile = (text: string, kind: PolicyKind, id: string): CompiledPolicy | null => {
    const result = compilePolicy(text, kind, id);
    if (result.ok) return result.policy;
    for (const issue of result.errors) errors.push({ ...issue, source: id });
    return null;
  };

  const owner = input.resourceOwner ? parseResourceOwner(input.resourceOwner) : null;
  if (input.resourceOwner && owner === null) fault('resourceOwner', `invalid resource owner \`${input.resourceOwner}\`: expected an account id or \`arn:aws:iam::ID:root\``);
  const principal = createPrincipalFromArn(input.callerArn, owner);
  if (principal === null) fault('callerArn', `invalid caller arn \`${input.callerArn}\``);
  input.actionNames.forEach((action, i) => {
    if (!ACTION_NAME.test(action)) fault(`actionNames.${i}`, `invalid action name \`${action}\``);
  });
  if (input.actionNames.length === 0) fault('actionNames', 'at least one action name is required');
  const resourceArns = input.resourceArns && input.resourceArns.length > 0 ? input.resourceArns : ['*'];
  resourceArns.forEach((arn, i) => {
    if (arn !== '*' && parseArn(arn) === null) fault(`resourceArns.${i}`, `invalid resource arn \`${arn}\``);
  });
  const context = createContextFromEntries(input.contextEntries ?? []);
  if (!context.ok) errors.push(...context.errors);

  const identity = input.policyInputList.map((text, i) => compile(text, 'identity', `PolicyInputList.${i + 1}`));
  const boundaries = (input.permissionsBoundaryPolicyInputList ?? []).map((text, i) =>
    compile(text, 'permissionsBoundary', `PermissionsBoundaryPolicyInputList.${i + 1}`),
  );
  if (boundaries.length > 1) fault('permissionsBoundaryPolicyInputList', 'only one permissions boundary may be supplied');
  const session = input.sessionPolicy ? compile(input.sessionPolicy, 'session', 'SessionPolicy') : null;
  const scpLevels = (input.organizationPolicyInputList ?? []).map((level, l) =>
    level.map((text, i) => compile(text, 'scp', `OrganizationPolicyInputList.${l + 1}.${i + 1}`)),
  );
  const rcpLevels = (input.resourceControlPolicyInputList ?? []).map((level, l) =>
    level.map((text, i) => compile(text, 'rcp', `ResourceControlPolicyInputList.${l + 1}.${i + 1}`)),
  );
  // A resource policy is a role's trust policy when a role is the resource, or when only assume-role
  // actions are simulated (then `*` stands for the role).
  const trust = resourceArns.some(isRoleArn) || input.actionNames.every((action) => TRUST_ACTIONS.has(action.toLowerCase()));
  const resourcePolicy = input.resourcePolicy ? compile(input.resourcePolicy, trust ? 'trust' : 'resource', 'ResourcePolicy') : null;
  if (errors.length > 0 || principal === null || !context.ok) return { ok: false, errors };

  const evaluationResults: EvaluationResult[] = [];
  for (const action of input.actionNames) {
    for (const arn of resourceArns) {
      const resource: EngineResource = {
        arn,
        account: owner ?? principal.account,
        kind: trust && (arn === '*' || isRoleArn(arn)) && TRUST_ACTIONS.has(action.toLowerCase()) ? 'trust' : isKmsKeyArn(arn) ? 'kmsKey' : 'other',
      };
      evaluationResults.push(
        evaluateRequest({
          action,
          principal,
          resource,
          identityPolicies: identity as CompiledPolicy[],
          permissionsBoundary: boundaries[0] ?? null,
          sessionPolicies: session === null ? null : [session],
          scpLevels: scpLevels as CompiledPolicy[][],
          rcpLevels: rcpLevels as CompiledPolicy[][],
          resourcePolicy: resource.kind === 'trust' || !trust ? resourcePolicy : null,
          context: context.context,
          now: options.now ?? new Date(),
        }),
      );
    }
  }
  return { ok: true, result: { evaluationResults } };
}

