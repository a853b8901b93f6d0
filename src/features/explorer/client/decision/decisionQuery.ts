import type { TextPosition } from '../sliceStatement.js';

/** The operation the decision view sends: a simulation with everything the drawing needs. */
export const decisionQuery = `query DrawDecision($policySourceArn: String!, $action: String!, $resourceArns: [String!], $contextEntries: [ContextEntryInput!]) {
  simulatePrincipalPolicy(input: { policySourceArn: $policySourceArn, actionNames: [$action], resourceArns: $resourceArns, contextEntries: $contextEntries }) {
    evaluationResults {
      evalActionName
      evalResourceName
      evalDecision
      crossAccount
      allowedByOrganizations
      allowedByResourceControlPolicies
      allowedByPermissionsBoundary
      allowedBySessionPolicy
      evalDecisionDetails { policyType decision }
      matchedStatements { sourcePolicyId sourcePolicyType statementId effect startPosition { line column } endPosition { line column } }
      missingContextValues
      policies { sourcePolicyId sourcePolicyType decision document }
      explanation
    }
  }
}`;

/** A simulator decision. */
export type EvalDecision = 'ALLOWED' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';

/** One evaluation result as the decision view reads it. */
export interface DecisionResult {
  evalActionName: string;
  evalResourceName: string;
  evalDecision: EvalDecision;
  crossAccount: boolean;
  allowedByOrganizations: boolean | null;
  allowedByResourceControlPolicies: boolean | null;
  allowedByPermissionsBoundary: boolean | null;
  allowedBySessionPolicy: boolean | null;
  evalDecisionDetails: { policyType: string; decision: EvalDecision }[];
  matchedStatements: {
    sourcePolicyId: string;
    sourcePolicyType: string;
    statementId: string | null;
    effect: string;
    startPosition: TextPosition;
    endPosition: TextPosition;
  }[];
  missingContextValues: string[];
  policies: { sourcePolicyId: string; sourcePolicyType: string; decision: EvalDecision; document: string | null }[];
  explanation: string;
}
