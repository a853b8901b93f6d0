import type { CompiledStatement } from '../evaluate/compilePolicy.js';
import type { PrincipalIdentity } from '../match/matchPrincipal.js';
import type { EvaluationResult } from '../simulationTypes.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import { findIdentityCandidates } from './createGrantIndex.js';
import {
  describeSubject,
  describeTarget,
  evaluateAccess,
  mayIdentityAllow,
  type AccessTarget,
} from './evaluateAccess.js';

/** A principal the engine allows to perform the action on the resource, with its decision. */
export interface DirectGrant {
  principal: AnalysisUser | AnalysisRole;
  result: EvaluationResult;
}

/**
 * Every stored user and role that may perform `action` on `resourceArn` by its own policies (no role
 * assumption). Each candidate is decided by the engine; candidates that cannot be allowed are skipped first by
 * two necessary conditions, each a few matcher calls: outside the resource's account (and for trust and key
 * policies, inside it too) the resource policy must hold an Allow for the action whose Principal names the
 * candidate; and unless a same-account resource policy names it, one of its identity policies must hold an
 * Allow for the action. So the engine runs only where a grant is possible. Candidates come from the grant index
 * (principals whose identity policies hold an Allow filed under the action's service and a prefix of the
 * resource) and, when the resource policy names principals for the action, the principals of the resource's
 * own account: the cost follows the answer, not the organization.
 */
export function findDirectGrants(model: AuthorizationModel, action: string, resourceArn: string): DirectGrant[] {
  const target = describeTarget(model, resourceArn, action);
  const grants: DirectGrant[] = [];
  const lowerAction = action.toLowerCase();
  const naming = (target.resourcePolicy?.statements ?? []).filter(
    (statement) =>
      statement.effect === 'Allow' && statement.matchesPrincipal !== null && statement.matchesAction(lowerAction),
  );
  const policyMustName = target.resource.kind !== 'other';
  const candidates = findIdentityCandidates(model.grants, lowerAction, resourceArn);
  if (naming.length > 0) {
    // Only a same-account principal can be granted by the resource policy alone; an ARN with no account counts
    // every principal as same-account (no stored resource has no policy, but stay exact if one ever does).
    const account = target.resource.account;
    for (const principal of account === null
      ? model.principals.values()
      : (model.principalsByAccount.get(account) ?? []))
      candidates.add(principal);
  }
  for (const principal of candidates) {
    const sameAccount = target.resource.account === null || target.resource.account === principal.accountId;
    const subject = describeSubject(model, principal);
    const named = isNamed(naming, subject.principal);
    if ((!sameAccount || policyMustName) && !named) continue;
    if (!(sameAccount && named) && !mayIdentityAllow(subject, lowerAction, resourceArn)) continue;
    const result = evaluateAccess(model, subject, action, target);
    if (result.evalDecision === 'allowed') grants.push({ principal, result });
  }
  return grants;
}

/** Decides one stored principal's access, as `findDirectGrants` does for all of them. */
export function decidePrincipalAccess(
  model: AuthorizationModel,
  principal: AnalysisUser | AnalysisRole,
  action: string,
  target: AccessTarget,
): EvaluationResult {
  return evaluateAccess(model, describeSubject(model, principal), action, target);
}

function isNamed(statements: readonly CompiledStatement[], principal: PrincipalIdentity): boolean {
  for (const statement of statements) if (statement.matchesPrincipal!(principal) !== 'none') return true;
  return false;
}
