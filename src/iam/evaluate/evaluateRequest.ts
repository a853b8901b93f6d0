import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { Refusal } from '../rules/protectedEntities.js';
import { isServiceLinkedRolePath } from '../serviceRoles/serviceLinkedRoles.js';
import { refuseTemporaryCredentialsAction } from '../rules/stsCallerRules.js';
import type {
  Decision,
  EvaluationResult,
  MatchedStatement,
  PolicyExplanation,
  PolicyTypeDecision,
} from '../simulationTypes.js';
import type { CompiledPolicy, CompiledStatement } from './compilePolicy.js';
import { createEvaluationContext } from './createEvaluationContext.js';
import { isGovernedByResourceControlPolicies } from './resourceControlPolicyScope.js';
import { describeDecision, type DecisionReason } from './describeDecision.js';
import type { EngineRequest } from './EngineRequest.js';
import { combineDecisions, evaluatePolicy, type PolicyEvaluation, type PolicyRequest } from './evaluatePolicy.js';

/** Options of {@link evaluateRequest}. */
export interface EvaluateOptions {
  /** Record per-statement explanations (default true). The decision is identical either way. */
  explain?: boolean;
}

const STRONG_GRANTS = new Set(['direct', 'wildcard', 'service']);

/**
 * Decides one (action, resource) request the way AWS does, and explains it from the same matcher results.
 *
 * The decision rule:
 * 1. `sts:GetCallerIdentity` is always allowed; what the caller's temporary credentials may not call (STS's
 *    limits on GetSessionToken, AssumeRole and GetFederationToken credentials) is implicitly denied.
 * 2. A matching Deny in any applicable policy (identity, boundary, session, SCP, RCP, resource) → explicitDeny.
 * 3. SCPs (principal's account; not for the management account, service principals or service-linked roles):
 *    every level, root → OUs → account, needs a matching Allow, else implicitDeny. RCPs only deny
 *    (RCPFullAWSAccess is implied), and only for the services they govern, on resources outside the management
 *    account, never for calls made by service-linked roles.
 * 4. Same account: a resource policy Allow naming the user, session, service or `*` suffices alone; naming the
 *    role ARN it still needs the boundary and session policy; naming the account (or absent, for ordinary
 *    resources) the identity policies must allow, within the boundary and session policy. Role trust policies
 *    and KMS key policies must allow explicitly: without their Allow, identity policies grant nothing.
 * 5. Cross account: the resource policy must allow the principal (in any form) AND the principal's side —
 *    identity policies, boundary, session policy — must allow.
 * An account's root user (and a federated user it made) needs no identity policy. A federated user's session
 * policies are a set even when empty: without one it has no permissions but what resource policies naming
 * it grant. Anything else is implicitDeny.
 */
export function evaluateRequest(request: EngineRequest, options: EvaluateOptions = {}): EvaluationResult {
  const { principal, resource } = request;
  const lowerAction = request.action.toLowerCase();
  const resourceAccount = resource.account ?? principal.account;
  const isService = principal.type === 'Service';
  // An unsigned request has no account and no identity policies: only a resource policy open to `*` grants it.
  const isAnonymous = principal.type === 'Anonymous';
  const crossAccount = !isService && !isAnonymous && resourceAccount !== principal.account;
  const policyRequest: PolicyRequest = {
    lowerAction,
    resource: resource.arn,
    principal,
    hasPermissionsBoundary: request.permissionsBoundary !== null,
    context: createEvaluationContext(request),
    missing: [],
    explain: options.explain !== false,
  };
  const all: PolicyEvaluation[] = [];
  const run = (policies: readonly CompiledPolicy[]): PolicyEvaluation[] => {
    const evaluations: PolicyEvaluation[] = [];
    for (const policy of policies) {
      const evaluation = evaluatePolicy(policy, policyRequest);
      evaluations.push(evaluation);
      all.push(evaluation);
    }
    return evaluations;
  };

  const identity = run(request.identityPolicies);
  const boundary = request.permissionsBoundary === null ? null : run([request.permissionsBoundary])[0]!;
  const session = request.sessionPolicies === null ? null : run(request.sessionPolicies);
  const serviceLinked = isServiceLinkedRoleSession(principal);
  const scpApplies = !principal.isManagementAccount && !isService && !isAnonymous && !serviceLinked;
  const scpLevels = scpApplies ? request.scpLevels.map(run) : [];
  const rcpApplies =
    !resource.isManagementAccount && !serviceLinked && isGovernedByResourceControlPolicies(lowerAction);
  const rcpLevels = rcpApplies ? request.rcpLevels.map(run) : [];
  const resourceEval = request.resourcePolicy === null ? null : run([request.resourcePolicy])[0]!;

  const flags = summarise(all, scpLevels);
  const boundaryOk = boundary === null || boundary.decision === 'allowed';
  const sessionDecision = session === null ? null : combineDecisions(session);
  const sessionOk = sessionDecision === null || sessionDecision === 'allowed';
  const identityOk = hasRootIdentity(principal) || combineDecisions(identity) === 'allowed';
  const limitsOk = isService || (boundaryOk && sessionOk);
  const grant = resourceEval?.grant ?? 'none';
  const limits = (): PolicyEvaluation[] => [...(boundary ? [boundary] : []), ...(session ?? [])];

  let decision: Decision = 'implicitDeny';
  let reason: DecisionReason;
  let contributing: PolicyEvaluation[] = [];
  const credentialsRefusal = refuseByCredentials(request);
  if (lowerAction === 'sts:getcalleridentity') {
    decision = 'allowed';
    reason = { kind: 'alwaysAllowed' };
  } else if (credentialsRefusal !== null) {
    reason = { kind: 'credentialsNotAllowed', message: credentialsRefusal.message };
  } else if (flags.deniedBy.length > 0) {
    decision = 'explicitDeny';
    reason = { kind: 'explicitDeny', deniedBy: flags.deniedBy };
  } else if (flags.missingScpLevel >= 0) {
    reason = { kind: 'scpNotAllowed', level: flags.missingScpLevel + 1 };
  } else if (!crossAccount && STRONG_GRANTS.has(grant)) {
    decision = 'allowed';
    reason = { kind: 'resourceGrant', how: 'direct' };
    contributing = [resourceEval!];
  } else if (!crossAccount && grant === 'role') {
    reason = limitsOk
      ? { kind: 'resourceGrant', how: 'role' }
      : boundaryOk
        ? { kind: 'sessionNotAllowed' }
        : { kind: 'boundaryNotAllowed' };
    if (limitsOk) {
      decision = 'allowed';
      contributing = [resourceEval!, ...limits()];
    }
  } else if (grant === 'none' && (crossAccount || resource.kind !== 'other')) {
    reason = { kind: 'resourcePolicyRequired', resourceKind: resource.kind, crossAccount };
  } else if (!isService && !isAnonymous && identityOk && limitsOk) {
    decision = 'allowed';
    reason = { kind: 'identityAllowed', crossAccount };
    contributing = [...identity, ...limits(), ...(resourceEval && grant !== 'none' ? [resourceEval] : [])];
  } else {
    reason = !identityOk
      ? { kind: 'identityNotAllowed' }
      : !boundaryOk
        ? { kind: 'boundaryNotAllowed' }
        : { kind: 'sessionNotAllowed' };
  }

  const matchedStatements: MatchedStatement[] = [];
  if (decision === 'explicitDeny') for (const e of flags.deniedBy) appendMatched(matchedStatements, e, e.denies);
  else for (const e of contributing) appendMatched(matchedStatements, e, e.allows);
  const missing = policyRequest.missing;
  const details: PolicyTypeDecision[] = [{ policyType: 'identity', decision: combineDecisions(identity) }];
  if (boundary) details.push({ policyType: 'permissionsBoundary', decision: boundary.decision });
  if (sessionDecision) details.push({ policyType: 'session', decision: sessionDecision });
  const scpDecision: Decision = flags.scpDeny
    ? 'explicitDeny'
    : flags.missingScpLevel >= 0
      ? 'implicitDeny'
      : 'allowed';
  if (request.scpLevels.length > 0) details.push({ policyType: 'scp', decision: scpDecision });
  if (rcpLevels.length > 0) details.push({ policyType: 'rcp', decision: flags.rcpDeny ? 'explicitDeny' : 'allowed' });
  if (resourceEval) details.push({ policyType: resourceEval.policy.kind, decision: resourceEval.decision });
  return {
    evalActionName: request.action,
    evalResourceName: resource.arn,
    evalDecision: decision,
    matchedStatements,
    missingContextValues: missing.length === 0 ? [] : [...new Set(missing)],
    allowedByOrganizations: request.scpLevels.length === 0 ? null : !scpApplies || scpDecision === 'allowed',
    allowedByResourceControlPolicies: rcpLevels.length === 0 ? null : !flags.rcpDeny,
    allowedByPermissionsBoundary: boundary === null ? null : boundary.decision === 'allowed',
    allowedBySessionPolicy: sessionDecision === null ? null : sessionDecision === 'allowed',
    crossAccount,
    evalDecisionDetails: details,
    policies: policyRequest.explain ? explainPolicies(all, rcpLevels.length > 0) : [],
    explanation: describeDecision(reason, request.action, decision === 'implicitDeny' ? [...new Set(missing)] : []),
  };
}

/** An account's root user, or a federated user the root user made: its permissions need no identity policy. */
function hasRootIdentity(principal: EngineRequest['principal']): boolean {
  if (principal.type === 'Account') return true;
  return principal.type === 'FederatedUser' && parsePrincipal(principal.federatingUserArn ?? '')?.kind === 'root';
}

/**
 * A session of a service-linked role (path `/aws-service-role/…`): AWS's "SCPs do not affect service-linked
 * roles" and "RCPs don't apply to … calls made by service-linked roles".
 */
function isServiceLinkedRoleSession(principal: EngineRequest['principal']): boolean {
  if (principal.type !== 'AssumedRole' || !principal.roleArn) return false;
  // A string test, not a parse: this runs for every decision a role session asks for.
  const at = principal.roleArn.indexOf(':role/');
  return at >= 0 && isServiceLinkedRolePath(principal.roleArn.slice(at + ':role'.length));
}

/** The facts the rule needs from all evaluations, gathered in one walk. */
function summarise(all: PolicyEvaluation[], scpLevels: PolicyEvaluation[][]) {
  const deniedBy: PolicyEvaluation[] = [];
  let scpDeny = false;
  let rcpDeny = false;
  for (const evaluation of all) {
    if (evaluation.denies.length === 0) continue;
    deniedBy.push(evaluation);
    if (evaluation.policy.kind === 'scp') scpDeny = true;
    if (evaluation.policy.kind === 'rcp') rcpDeny = true;
  }
  let missingScpLevel = -1;
  for (let level = 0; level < scpLevels.length && missingScpLevel < 0; level++) {
    if (!scpLevels[level]!.some((evaluation) => evaluation.decision === 'allowed')) missingScpLevel = level;
  }
  return { deniedBy, scpDeny, rcpDeny, missingScpLevel };
}

function appendMatched(out: MatchedStatement[], evaluation: PolicyEvaluation, statements: CompiledStatement[]): void {
  for (const statement of statements) {
    out.push({
      sourcePolicyId: evaluation.policy.sourcePolicyId,
      sourcePolicyType: evaluation.policy.kind,
      statementId: statement.sid,
      statementIndex: statement.index,
      effect: statement.effect,
      startPosition: statement.start,
      endPosition: statement.end,
    });
  }
}

function explainPolicies(all: PolicyEvaluation[], rcpsPresent: boolean): PolicyExplanation[] {
  const explained: PolicyExplanation[] = all.map((evaluation) => ({
    sourcePolicyId: evaluation.policy.sourcePolicyId,
    sourcePolicyType: evaluation.policy.kind,
    decision: evaluation.decision,
    statements: evaluation.statements,
  }));
  if (rcpsPresent) {
    explained.push({
      sourcePolicyId: 'RCPFullAWSAccess',
      sourcePolicyType: 'rcp',
      decision: 'allowed',
      statements: [
        { statementIndex: 0, statementId: null, effect: 'Allow', outcome: 'matched', failedCondition: null },
      ],
    });
  }
  return explained;
}

/**
 * What the caller's temporary credentials may not call whatever its policies say (STS's documented limits):
 * a user's temporary credentials come from GetSessionToken, a role session's from AssumeRole, a federated
 * user's from GetFederationToken. Long-term credentials (no token issue time) are not limited.
 */
function refuseByCredentials(request: EngineRequest): Refusal | null {
  const { principal } = request;
  if (!principal.tokenIssueTime) return null;
  const issuedBy =
    principal.type === 'User'
      ? 'GetSessionToken'
      : principal.type === 'AssumedRole'
        ? 'AssumeRole'
        : principal.type === 'FederatedUser'
          ? 'GetFederationToken'
          : null;
  if (issuedBy === null) return null;
  return refuseTemporaryCredentialsAction(
    { type: 'user', issuedBy, mfaAuthenticated: principal.mfaPresent === true },
    request.action,
  );
}
