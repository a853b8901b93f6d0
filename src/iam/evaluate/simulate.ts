import type { PolicyKind } from '../policy/Policy.js';
import type { EngineError, EvaluationResult, SimulateCustomPolicyInput, SimulateOutcome } from '../simulationTypes.js';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';
import { parseResourceOwner } from './createPrincipalFromArn.js';
import type { EngineResource } from './EngineRequest.js';
import { evaluateRequest } from './evaluateRequest.js';
import {
  classifyResourceArn,
  findSimulationContext,
  findSimulationPrincipal,
  isValidActionName,
  type ResourceArnKind,
} from './simulationInputCache.js';

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
]);
const ANY_RESOURCE = ['*'];
const NO_ENTRIES: [] = [];

function fault(errors: EngineError[], source: string, message: string): void {
  errors.push({ code: 'ValidationError', message, source, position: null });
}

/** Compiles one input policy (from the compile cache when seen before); its faults, with positions, go to `errors`. */
function compileInput(errors: EngineError[], text: string, kind: PolicyKind, id: string): CompiledPolicy | null {
  const result = compilePolicy(text, kind, id);
  if (result.ok) return result.policy;
  for (const issue of result.errors) errors.push({ ...issue, source: id });
  return null;
}

function compileLevels(
  errors: EngineError[],
  levels: readonly (readonly string[])[] | null | undefined,
  kind: PolicyKind,
  prefix: string,
): CompiledPolicy[][] {
  const compiled: CompiledPolicy[][] = [];
  if (!levels) return compiled;
  for (let l = 0; l < levels.length; l++) {
    const level: CompiledPolicy[] = [];
    for (let i = 0; i < levels[l]!.length; i++) {
      const policy = compileInput(errors, levels[l]![i]!, kind, `${prefix}.${l + 1}.${i + 1}`);
      if (policy !== null) level.push(policy);
    }
    compiled.push(level);
  }
  return compiled;
}

/**
 * AWS's SimulateCustomPolicy, extended with session policies, SCP/RCP levels, trust and key policies. A thin
 * layer over `evaluateRequest`: it validates and compiles the input, then asks one question per (action,
 * resource) pair, actions outermost. A resource policy for a role ARN (or for assume-role actions alone) is
 * read as the role's trust policy, which must allow explicitly; so is a KMS key's key policy. Invalid
 * input yields `{ ok: false, errors }`; it never throws on user input. Policies, callers, ARNs and context
 * entries seen before come from bounded caches, so the door costs little more than the compiled core.
 */
export function simulate(input: SimulateCustomPolicyInput, options: { now?: Date } = {}): SimulateOutcome {
  const errors: EngineError[] = [];
  const owner = input.resourceOwner ? parseResourceOwner(input.resourceOwner) : null;
  if (input.resourceOwner && owner === null)
    fault(
      errors,
      'resourceOwner',
      `invalid resource owner \`${input.resourceOwner}\`: expected an account id or \`arn:aws:iam::ID:root\``,
    );
  const principal = findSimulationPrincipal(input.callerArn, owner);
  if (principal === null) fault(errors, 'callerArn', `invalid caller arn \`${input.callerArn}\``);
  const actions = input.actionNames;
  let onlyTrustActions = true;
  for (let i = 0; i < actions.length; i++) {
    if (!isValidActionName(actions[i]!)) fault(errors, `actionNames.${i}`, `invalid action name \`${actions[i]}\``);
    if (!TRUST_ACTIONS.has(actions[i]!.toLowerCase())) onlyTrustActions = false;
  }
  if (actions.length === 0) fault(errors, 'actionNames', 'at least one action name is required');
  const resourceArns = input.resourceArns && input.resourceArns.length > 0 ? input.resourceArns : ANY_RESOURCE;
  const kinds: ResourceArnKind[] = [];
  for (let i = 0; i < resourceArns.length; i++) {
    const kind = classifyResourceArn(resourceArns[i]!);
    if (kind === 'invalid') fault(errors, `resourceArns.${i}`, `invalid resource arn \`${resourceArns[i]}\``);
    kinds.push(kind);
  }
  const context = findSimulationContext(input.contextEntries ?? NO_ENTRIES);
  if (!context.ok) errors.push(...context.errors);

  const identity: CompiledPolicy[] = [];
  for (let i = 0; i < input.policyInputList.length; i++) {
    const policy = compileInput(errors, input.policyInputList[i]!, 'identity', `PolicyInputList.${i + 1}`);
    if (policy !== null) identity.push(policy);
  }
  const boundaryTexts = input.permissionsBoundaryPolicyInputList ?? [];
  if (boundaryTexts.length > 1)
    fault(errors, 'permissionsBoundaryPolicyInputList', 'only one permissions boundary may be supplied');
  const boundary =
    boundaryTexts.length === 0
      ? null
      : compileInput(errors, boundaryTexts[0]!, 'permissionsBoundary', 'PermissionsBoundaryPolicyInputList.1');
  const session = input.sessionPolicy ? compileInput(errors, input.sessionPolicy, 'session', 'SessionPolicy') : null;
  const scpLevels = compileLevels(errors, input.organizationPolicyInputList, 'scp', 'OrganizationPolicyInputList');
  const rcpLevels = compileLevels(
    errors,
    input.resourceControlPolicyInputList,
    'rcp',
    'ResourceControlPolicyInputList',
  );
  // A resource policy is a role's trust policy when a role is the resource, or when only assume-role
  // actions are simulated (then `*` stands for the role).
  const trust = kinds.includes('role') || onlyTrustActions;
  const resourcePolicy = input.resourcePolicy
    ? compileInput(errors, input.resourcePolicy, trust ? 'trust' : 'resource', 'ResourcePolicy')
    : null;
  if (errors.length > 0 || principal === null || !context.ok) return { ok: false, errors };

  const evaluationResults: EvaluationResult[] = [];
  const now = options.now ?? new Date();
  const sessionPolicies = session === null ? null : [session];
  for (const action of actions) {
    const trustAction = trust && TRUST_ACTIONS.has(action.toLowerCase());
    for (let r = 0; r < resourceArns.length; r++) {
      const kind = kinds[r]!;
      const resource: EngineResource = {
        arn: resourceArns[r]!,
        account: owner ?? principal.account,
        kind: trustAction && (kind === 'any' || kind === 'role') ? 'trust' : kind === 'kmsKey' ? 'kmsKey' : 'other',
      };
      evaluationResults.push(
        evaluateRequest({
          action,
          principal,
          resource,
          identityPolicies: identity,
          permissionsBoundary: boundary,
          sessionPolicies,
          scpLevels,
          rcpLevels,
          resourcePolicy: resource.kind === 'trust' || !trust ? resourcePolicy : null,
          context: context.context,
          now,
        }),
      );
    }
  }
  return { ok: true, result: { evaluationResults } };
}
