import type { ContextValue } from '../conditions/RequestContext.js';
import type { PolicyCondition } from '../policy/Policy.js';
import type { MatchedStatement } from '../simulationTypes.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import {
  describeSubject,
  describeTarget,
  evaluateAccess,
  mayIdentityAllow,
  type AccessTarget,
} from './evaluateAccess.js';

/** What the caller must present for a hop to succeed: the parameters of its AssumeRole call. */
export interface HopRequirements {
  /** `sts:ExternalId` the trust policy requires, or null. */
  externalId: string | null;
  /** Whether the trust policy requires MFA (aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge). */
  mfa: boolean;
  /** The source identity the trust policy requires (sts:SourceIdentity / aws:SourceIdentity), or null. */
  sourceIdentity: string | null;
  /** Session tags the trust policy requires (aws:RequestTag/*); each also needs sts:TagSession. */
  sessionTags: { key: string; value: string }[];
  /** The role session name the trust policy requires, or null. */
  roleSessionName: string | null;
}

/** One allowed sts:AssumeRole step, checked on both sides (caller's policies and the role's trust policy). */
export interface AssumeRoleHop {
  callerArn: string;
  roleArn: string;
  requirements: HopRequirements;
  /** The statements that allowed the hop (trust and, where needed, the caller's identity policies). */
  matchedStatements: MatchedStatement[];
  /**
   * Set when the role is reached not by sts:AssumeRole but by passing it to this service (iam:PassRole) and
   * acting as the workload the service runs with it (see evaluateLaunchHop).
   */
  launchedThrough?: string;
  /**
   * Set on the first hop of a path that starts at an identity provider: the role is reached by exchanging the
   * provider's token or assertion (this action), for anyone whose claims meet the trust statement's conditions.
   */
  federatedThrough?: {
    action: 'sts:AssumeRoleWithWebIdentity' | 'sts:AssumeRoleWithSAML';
    conditions: PolicyCondition[];
  };
}

const NO_REQUIREMENTS: HopRequirements = {
  externalId: null,
  mfa: false,
  sourceIdentity: null,
  sessionTags: [],
  roleSessionName: null,
};

/** Keys a caller controls through AssumeRole's parameters, so a hop that needs them is possible, on terms. */
const SATISFIABLE =
  /^(sts:externalid|sts:sourceidentity|aws:sourceidentity|sts:rolesessionname|aws:multifactorauthpresent|aws:multifactorauthage|aws:requesttag\/.+|aws:tagkeys)$/;

const MFA_KEYS = /^aws:multifactorauth(present|age)$/;

/**
 * Decides whether `caller` can assume `role` in one sts:AssumeRole call: the engine checks the trust policy
 * and, where the trust names the account or the call is cross-account, the caller's identity policies,
 * boundary and SCPs. When the first try fails only for want of keys the caller supplies (ExternalId, MFA,
 * source identity, session tags, session name), it retries with the values the trust policy's conditions ask
 * for and reports them as requirements; session tags also need sts:TagSession and a source identity
 * sts:SetSourceIdentity, on both sides. MFA is a requirement a user can meet, never a role's session (role
 * chaining carries no MFA). Returns null when no call can succeed.
 */
export function evaluateAssumeRoleHop(
  model: AuthorizationModel,
  caller: AnalysisUser | AnalysisRole,
  role: AnalysisRole,
  target: AccessTarget = describeTarget(model, role.arn, 'sts:AssumeRole'),
): AssumeRoleHop | null {
  if (role.trustPolicy === null) return null;
  const subject = describeSubject(model, caller);
  // Only a same-account trust policy that names the caller itself can admit it without its own Allow.
  const namedDirectly =
    caller.accountId === role.accountId && (model.trust.byArn.get(caller.arn)?.includes(role) ?? false);
  if (!namedDirectly && !mayIdentityAllow(subject, 'sts:assumerole', role.arn)) return null;
  const first = evaluateAccess(model, subject, 'sts:AssumeRole', target);
  const hop = (requirements: HopRequirements, matched: MatchedStatement[]): AssumeRoleHop => ({
    callerArn: caller.arn,
    roleArn: role.arn,
    requirements,
    matchedStatements: matched,
  });
  if (first.evalDecision === 'allowed') return hop(NO_REQUIREMENTS, first.matchedStatements);
  // A role's session chaining to the next role carries no MFA and cannot present it (resolveCallerMfa).
  const wanted = first.missingContextValues.filter(
    (key) => SATISFIABLE.test(key.toLowerCase()) && (caller.kind === 'user' || !MFA_KEYS.test(key.toLowerCase())),
  );
  if (first.evalDecision === 'explicitDeny' || wanted.length === 0) return null;

  const { context, requirements } = buildSatisfyingContext(role, wanted);
  const second = evaluateAccess(model, subject, 'sts:AssumeRole', target, context);
  if (second.evalDecision !== 'allowed') return null;
  const companions = [
    ...(requirements.sessionTags.length > 0 ? ['sts:TagSession'] : []),
    ...(requirements.sourceIdentity !== null ? ['sts:SetSourceIdentity'] : []),
  ];
  for (const action of companions) {
    if (
      evaluateAccess(model, subject, action, describeTarget(model, role.arn, action), context).evalDecision !==
      'allowed'
    )
      return null;
  }
  return hop(requirements, second.matchedStatements);
}

/** Picks, for each wanted key, a value the trust policy's Allow conditions accept. */
function buildSatisfyingContext(
  role: AnalysisRole,
  wanted: string[],
): { context: Map<string, ContextValue>; requirements: HopRequirements } {
  const conditions = role.trustStatements.filter((s) => s.allowsAssumeRole).flatMap((s) => s.parsed.conditions);
  const context = new Map<string, ContextValue>();
  const requirements: HopRequirements = { ...NO_REQUIREMENTS, sessionTags: [] };
  const tagKeys: string[] = [];
  for (const key of wanted) {
    const lower = key.toLowerCase();
    const value = pickValue(conditions.filter((c) => c.key.toLowerCase() === lower));
    if (lower === 'aws:multifactorauthpresent' || lower === 'aws:multifactorauthage') {
      requirements.mfa = true;
      context.set('aws:multifactorauthpresent', { type: 'boolean', values: ['true'] });
      context.set('aws:multifactorauthage', { type: 'numeric', values: ['0'] });
    } else if (lower === 'sts:externalid') {
      requirements.externalId = value;
      context.set(lower, { type: 'string', values: [value] });
    } else if (lower === 'sts:sourceidentity' || lower === 'aws:sourceidentity') {
      requirements.sourceIdentity = value;
      context.set('sts:sourceidentity', { type: 'string', values: [value] });
      context.set('aws:sourceidentity', { type: 'string', values: [value] });
    } else if (lower === 'sts:rolesessionname') {
      requirements.roleSessionName = value;
      context.set(lower, { type: 'string', values: [value] });
    } else if (lower.startsWith('aws:requesttag/')) {
      const tagKey = key.slice('aws:RequestTag/'.length);
      requirements.sessionTags.push({ key: tagKey, value });
      tagKeys.push(tagKey);
      context.set(lower, { type: 'string', values: [value] });
    }
  }
  if (tagKeys.length > 0) context.set('aws:tagkeys', { type: 'stringList', values: tagKeys });
  return { context, requirements };
}

/** A value that satisfies an equality or pattern condition; wildcards are filled in, `Null` asks only for presence. */
function pickValue(conditions: PolicyCondition[]): string {
  for (const condition of conditions) {
    const operator = condition.operator.toLowerCase();
    if (operator.includes('not') || operator === 'null' || condition.values.length === 0) continue;
    return condition.values[0]!.replace(/\*/g, '').replace(/\?/g, 'x') || 'x';
  }
  return 'required';
}
