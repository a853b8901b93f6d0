import type {
  AccessDecision,
  AccessGrant as AccessGrantView,
  ContextEntryInput,
  EvalDecision,
  EvaluationResult as EvaluationResultView,
  RoleHop,
  RolePath as RolePathView,
  StatementOutcome as StatementOutcomeView,
} from '../../generated/graphql.js';
import type { ContextEntry, ContextKeyType, Decision, EvaluationResult, StatementOutcome } from '../../iam/index.js';
import type { AccessGrant, PathHop, RolePath } from '../../iam/analysis/index.js';

const DECISIONS: Record<Decision, EvalDecision> = {
  allowed: 'ALLOWED',
  explicitDeny: 'EXPLICIT_DENY',
  implicitDeny: 'IMPLICIT_DENY',
};

const OUTCOMES: Record<StatementOutcome, StatementOutcomeView> = {
  matched: 'MATCHED',
  actionNotMatched: 'ACTION_NOT_MATCHED',
  resourceNotMatched: 'RESOURCE_NOT_MATCHED',
  principalNotMatched: 'PRINCIPAL_NOT_MATCHED',
  conditionNotMatched: 'CONDITION_NOT_MATCHED',
};

/** GraphQL's SCREAMING_CASE context types to the engine's camelCase (`STRING_LIST` → `stringList`). */
export function toContextEntries(entries: readonly ContextEntryInput[] | null | undefined): ContextEntry[] {
  return (entries ?? []).map((entry) => ({
    key: entry.key,
    values: entry.values,
    type: entry.type
      ? (entry.type.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as ContextKeyType)
      : null,
  }));
}

/** An engine result as the simulator's EvaluationResult. */
export function toEvaluationResultView(result: EvaluationResult): EvaluationResultView {
  return {
    evalActionName: result.evalActionName,
    evalResourceName: result.evalResourceName,
    evalDecision: DECISIONS[result.evalDecision],
    matchedStatements: result.matchedStatements,
    missingContextValues: result.missingContextValues,
    allowedByOrganizations: result.allowedByOrganizations,
    allowedByResourceControlPolicies: result.allowedByResourceControlPolicies,
    allowedByPermissionsBoundary: result.allowedByPermissionsBoundary,
    allowedBySessionPolicy: result.allowedBySessionPolicy,
    crossAccount: result.crossAccount,
    evalDecisionDetails: result.evalDecisionDetails.map((detail) => ({
      policyType: detail.policyType,
      decision: DECISIONS[detail.decision],
    })),
    policies: result.policies.map((policy) => ({
      sourcePolicyId: policy.sourcePolicyId,
      sourcePolicyType: policy.sourcePolicyType,
      decision: DECISIONS[policy.decision],
      statements: policy.statements.map((statement) => ({ ...statement, outcome: OUTCOMES[statement.outcome] })),
    })),
    explanation: result.explanation,
  };
}

/** An engine result as canPerform's AccessDecision. */
export function toAccessDecision(result: EvaluationResult): AccessDecision {
  return {
    allowed: result.evalDecision === 'allowed',
    decision: DECISIONS[result.evalDecision],
    matchedStatements: result.matchedStatements,
    missingContextValues: result.missingContextValues,
    explanation: result.explanation,
  };
}

/** A path hop with its requirements flattened for GraphQL. */
export function toRoleHop(hop: PathHop): RoleHop {
  return {
    callerArn: hop.callerArn,
    roleArn: hop.roleArn,
    chained: hop.chained,
    maxSessionSeconds: hop.maxSessionSeconds,
    launchedThrough: hop.launchedThrough ?? null,
    externalIdRequired: hop.requirements.externalId,
    mfaRequired: hop.requirements.mfa,
    sourceIdentityRequired: hop.requirements.sourceIdentity,
    sessionTagsRequired: hop.requirements.sessionTags,
    roleSessionNameRequired: hop.requirements.roleSessionName,
    matchedStatements: hop.matchedStatements,
    federatedAction: hop.federatedThrough?.action ?? null,
    federatedConditions:
      hop.federatedThrough?.conditions.map(({ operator, key, values }) => ({ operator, key, values })) ?? null,
  };
}

/** A path for GraphQL. */
export function toRolePathView(path: RolePath): RolePathView {
  return { hops: path.hops.map(toRoleHop), maxSessionSeconds: path.maxSessionSeconds };
}

/** A grant for GraphQL. */
export function toAccessGrantView(grant: AccessGrant): AccessGrantView {
  return {
    principalArn: grant.principal.arn,
    principalType: grant.principal.kind === 'user' ? 'USER' : 'ROLE',
    accountId: grant.principal.accountId,
    path: grant.path.hops.map(toRoleHop),
    matchedStatements: grant.matchedStatements,
  };
}
