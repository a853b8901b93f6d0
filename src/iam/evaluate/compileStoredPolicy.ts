import type { PolicyKind } from '../policy/Policy.js';
import { POLICY_KIND_RULES } from '../policy/policyKindRules.js';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';

/** The Sid of the statement that stands in for a stored policy that no longer compiles. */
export const INVALID_STORED_POLICY_SID = 'InvalidStoredPolicy';

/** A Deny of everything, in the grammar the kind requires (a Principal for resource, trust and RCPs; no Resource in a trust policy). */
function denyEverything(kind: PolicyKind): string {
  const rules = POLICY_KIND_RULES[kind];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: INVALID_STORED_POLICY_SID,
        Effect: 'Deny',
        ...(rules.principal === 'forbidden' ? {} : { Principal: '*' }),
        Action: '*',
        ...(rules.resource === 'required' ? { Resource: '*' } : {}),
      },
    ],
  });
}

/**
 * Compiles a stored policy for a decision. Stored policies were validated on write, so one that no longer
 * compiles was changed behind the API (or by an older version). What that means is decided here, once, for
 * every caller: the policy denies everything, so the request fails closed (a dropped Deny would grant more
 * than the model says) and the explanation names the policy and the `InvalidStoredPolicy` statement.
 */
export function compileStoredPolicy(text: string, kind: PolicyKind, sourcePolicyId: string): CompiledPolicy {
  const compiled = compilePolicy(text, kind, sourcePolicyId);
  if (compiled.ok) return compiled.policy;
  const standIn = compilePolicy(denyEverything(kind), kind, sourcePolicyId);
  if (!standIn.ok) throw new Error(`the deny-everything stand-in for a ${kind} policy does not compile`);
  return standIn.policy;
}
