import type { RequestContext } from '../conditions/RequestContext.js';
import type { PrincipalIdentity, PrincipalMatch } from '../match/matchPrincipal.js';
import type { Decision, StatementExplanation } from '../simulationTypes.js';
import type { CompiledPolicy, CompiledStatement } from './compilePolicy.js';

/** What every policy of one request is evaluated against. */
export interface PolicyRequest {
  lowerAction: string;
  resource: string;
  principal: PrincipalIdentity;
  /** Whether the principal has a permissions boundary (NotPrincipal never excludes such a principal). */
  hasPermissionsBoundary: boolean;
  context: RequestContext;
  /** Condition and variable keys the context lacked; filled while evaluating. */
  missing: string[];
  /** Whether to record a per-statement explanation (the decision is the same either way). */
  explain: boolean;
}

/** One policy's verdict on the request, with the statements that decided it. */
export interface PolicyEvaluation {
  policy: CompiledPolicy;
  decision: Decision;
  allows: CompiledStatement[];
  denies: CompiledStatement[];
  /** How the strongest matching Allow named the principal (resource, trust and key policies). */
  grant: PrincipalMatch;
  /** Per statement, applied or why not; empty unless `explain`. */
  statements: StatementExplanation[];
}

const GRANT_RANK: Record<PrincipalMatch, number> = { none: 0, account: 1, role: 2, service: 3, wildcard: 3, direct: 3 };

/**
 * Evaluates each statement in order action → resource → principal → conditions, stopping at the first
 * element that does not apply. The same pass records, when asked, why each statement did or did not apply,
 * so the explanation cannot disagree with the decision.
 */
export function evaluatePolicy(policy: CompiledPolicy, request: PolicyRequest): PolicyEvaluation {
  const allows: CompiledStatement[] = [];
  const denies: CompiledStatement[] = [];
  const statements: StatementExplanation[] = [];
  let grant: PrincipalMatch = 'none';
  for (const statement of policy.statements) {
    let outcome: StatementExplanation['outcome'] = 'matched';
    let failedCondition: StatementExplanation['failedCondition'] = null;
    let principalMatch: PrincipalMatch = 'none';
    if (!statement.matchesAction(request.lowerAction)) outcome = 'actionNotMatched';
    else if (
      statement.matchesResource !== null &&
      !statement.matchesResource(request.resource, request.context, request.missing)
    ) {
      outcome = 'resourceNotMatched';
    } else if (
      statement.matchesPrincipal !== null &&
      (principalMatch = statement.matchesPrincipal(request.principal, request.hasPermissionsBoundary)) === 'none'
    ) {
      outcome = 'principalNotMatched';
    } else {
      for (let i = 0; i < statement.conditions.length; i++) {
        const condition = statement.conditions[i]!;
        const result = condition.evaluate(request.context, request.missing);
        if (result !== 'match') {
          outcome = 'conditionNotMatched';
          failedCondition = { operator: condition.operator, key: condition.key, missingKey: result === 'missingKey' };
          // The remaining conditions cannot change the outcome, but their absent keys are still reported.
          for (let j = i + 1; j < statement.conditions.length; j++) {
            const rest = statement.conditions[j]!;
            if (!rest.isNull && request.context.get(rest.lowerKey) === undefined) request.missing.push(rest.key);
          }
          break;
        }
      }
    }
    if (outcome === 'matched') {
      if (statement.effect === 'Deny') denies.push(statement);
      else {
        allows.push(statement);
        if (GRANT_RANK[principalMatch] > GRANT_RANK[grant]) grant = principalMatch;
      }
    }
    if (request.explain) {
      statements.push({
        statementIndex: statement.index,
        statementId: statement.sid,
        effect: statement.effect,
        outcome,
        failedCondition,
      });
    }
  }
  const decision: Decision = denies.length > 0 ? 'explicitDeny' : allows.length > 0 ? 'allowed' : 'implicitDeny';
  return { policy, decision, allows, denies, grant, statements };
}

/** Combines several policies of one type: any Deny wins, then any Allow. */
export function combineDecisions(evaluations: readonly PolicyEvaluation[]): Decision {
  let allowed = false;
  for (const evaluation of evaluations) {
    if (evaluation.decision === 'explicitDeny') return 'explicitDeny';
    if (evaluation.decision === 'allowed') allowed = true;
  }
  return allowed ? 'allowed' : 'implicitDeny';
}
