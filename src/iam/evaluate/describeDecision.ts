import type { CompiledStatement } from './compilePolicy.js';
import type { PolicyEvaluation } from './evaluatePolicy.js';

/** Why the decision came out as it did; one value per branch of the decision rule. */
export type DecisionReason =
  | { kind: 'alwaysAllowed' }
  | { kind: 'explicitDeny'; deniedBy: PolicyEvaluation[] }
  | { kind: 'scpNotAllowed'; level: number }
  | { kind: 'resourceGrant'; how: 'direct' | 'role' }
  | { kind: 'identityAllowed'; crossAccount: boolean }
  | { kind: 'identityNotAllowed' }
  | { kind: 'boundaryNotAllowed' }
  | { kind: 'sessionNotAllowed' }
  | { kind: 'resourcePolicyRequired'; resourceKind: 'trust' | 'kmsKey' | 'other'; crossAccount: boolean }
  | { kind: 'credentialsNotAllowed'; message: string };

const statementName = (statement: CompiledStatement): string =>
  statement.sid !== null && statement.sid !== ''
    ? `statement \`${statement.sid}\``
    : `statement ${statement.index + 1}`;

const POLICY_NAMES: Record<'trust' | 'kmsKey' | 'other', string> = {
  trust: 'the role trust policy',
  kmsKey: 'the key policy',
  other: 'the resource policy',
};

/**
 * Writes the one-sentence explanation a person reads, from the same reason the decision was taken for. An
 * implicit deny names the context keys the request lacked, since supplying them is often the fix.
 */
export function describeDecision(reason: DecisionReason, action: string, missingKeys: readonly string[]): string {
  const sentence = describeReason(reason, action);
  if (missingKeys.length === 0) return sentence;
  return `${sentence} (missing context keys: ${missingKeys.map((key) => `\`${key}\``).join(', ')})`;
}

function describeReason(reason: DecisionReason, action: string): string {
  switch (reason.kind) {
    case 'alwaysAllowed':
      return `allowed: \`${action}\` is always allowed`;
    case 'explicitDeny': {
      const where = reason.deniedBy
        .map((evaluation) => `${evaluation.policy.sourcePolicyId} (${evaluation.denies.map(statementName).join(', ')})`)
        .join('; ');
      return `denied: explicit deny in ${where}`;
    }
    case 'scpNotAllowed':
      return `denied: no service control policy at organization level ${reason.level} allows \`${action}\``;
    case 'resourceGrant':
      return reason.how === 'direct'
        ? 'allowed: the resource policy allows the principal directly'
        : 'allowed: the resource policy allows the role or user behind the session, within the permissions boundary and session policy';
    case 'identityAllowed':
      return reason.crossAccount
        ? `allowed: the identity policies and the resource policy both allow \`${action}\` across accounts`
        : `allowed: the identity policies allow \`${action}\``;
    case 'identityNotAllowed':
      return `denied: no statement in the identity policies allows \`${action}\``;
    case 'boundaryNotAllowed':
      return `denied: the permissions boundary does not allow \`${action}\``;
    case 'sessionNotAllowed':
      return `denied: the session policy does not allow \`${action}\``;
    case 'credentialsNotAllowed':
      return `denied: ${reason.message}`;
    case 'resourcePolicyRequired':
      return reason.crossAccount && reason.resourceKind === 'other'
        ? `denied: cross-account access needs ${POLICY_NAMES.other} to allow the principal`
        : `denied: ${POLICY_NAMES[reason.resourceKind]} does not allow the principal`;
  }
}
