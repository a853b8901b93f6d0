import type { EvaluationResult } from '../../iam/index.js';

/** Which policy type an AWS AccessDenied message blames, when AWS names one. */
export type DenialReason =
  | { kind: 'explicitDeny'; policyType: 'identity' | 'permissionsBoundary' | 'session' | 'scp' | 'rcp' | 'resource' }
  | { kind: 'noIdentityAllow' }
  | { kind: 'noBoundaryAllow' }
  | { kind: 'noSessionAllow' }
  | { kind: 'noScpAllow' }
  | { kind: 'noResourceAllow' }
  | { kind: 'unspecified' };

const EXPLICIT_POLICY_NAMES = {
  identity: 'an identity-based policy',
  permissionsBoundary: 'a permissions boundary',
  session: 'a session policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'a resource-based policy',
} as const;

/**
 * AWS's AccessDenied message: "User: CALLER is not authorized to perform: ACTION on resource: RESOURCE",
 * with the suffix AWS adds since 2021 saying which policy type denied, e.g. "because no identity-based
 * policy allows the iam:CreateRole action" or "with an explicit deny in a service control policy".
 */
export function accessDeniedMessage(
  callerArn: string,
  action: string,
  resourceArn: string,
  reason: DenialReason,
): string {
  const base = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resourceArn}`;
  switch (reason.kind) {
    case 'explicitDeny':
      return `${base} with an explicit deny in ${EXPLICIT_POLICY_NAMES[reason.policyType]}`;
    case 'noIdentityAllow':
      return `${base} because no identity-based policy allows the ${action} action`;
    case 'noBoundaryAllow':
      return `${base} because no permissions boundary allows the ${action} action`;
    case 'noSessionAllow':
      return `${base} because no session policy allows the ${action} action`;
    case 'noScpAllow':
      return `${base} because no service control policy allows the ${action} action`;
    case 'noResourceAllow':
      return `${base} because no resource-based policy allows the ${action} action`;
    case 'unspecified':
      return base;
  }
}

/** Reads from the engine's result which policy type AWS's message should name. */
export function denialReasonOf(result: EvaluationResult): DenialReason {
  if (result.evalDecision === 'explicitDeny') {
    const type = result.matchedStatements[0]?.sourcePolicyType;
    if (type === undefined) return { kind: 'unspecified' };
    return { kind: 'explicitDeny', policyType: type === 'trust' ? 'resource' : type };
  }
  if (result.allowedByOrganizations === false) return { kind: 'noScpAllow' };
  // AWS's AssumeRole denials name no policy type when the trust policy does not allow the caller.
  if (result.evalDecisionDetails.some((detail) => detail.policyType === 'trust' && detail.decision !== 'allowed'))
    return { kind: 'unspecified' };
  const identity = result.evalDecisionDetails.find((detail) => detail.policyType === 'identity');
  if (
    result.crossAccount &&
    result.evalDecisionDetails.every((detail) => detail.policyType !== 'resource' || detail.decision !== 'allowed')
  ) {
    return { kind: 'noResourceAllow' };
  }
  if (identity?.decision !== 'allowed' && !result.crossAccount) return { kind: 'noIdentityAllow' };
  if (result.allowedByPermissionsBoundary === false) return { kind: 'noBoundaryAllow' };
  if (result.allowedBySessionPolicy === false) return { kind: 'noSessionAllow' };
  return identity?.decision === 'allowed' ? { kind: 'unspecified' } : { kind: 'noIdentityAllow' };
}
