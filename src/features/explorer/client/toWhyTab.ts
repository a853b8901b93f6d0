import type { DeniedRequest } from './parseAccessDenied.js';
import type { ExplorerTab } from './toTabDefinition.js';

/** The name of the operation a "why?" tab runs (GraphiQL titles the tab after it). */
export const whyDeniedOperationName = 'WhyDenied';

/** The operation a "why?" tab runs: the policy simulator on a refused request, with everything it explains. */
export const whyDeniedQuery = `query ${whyDeniedOperationName}($policySourceArn: String!, $actionNames: [String!]!, $resourceArns: [String!]) {
  simulatePrincipalPolicy(input: { policySourceArn: $policySourceArn, actionNames: $actionNames, resourceArns: $resourceArns }) {
    evaluationResults {
      evalActionName
      evalResourceName
      evalDecision
      allowedByOrganizations
      allowedByPermissionsBoundary
      evalDecisionDetails { policyType decision }
      matchedStatements { sourcePolicyId sourcePolicyType statementId startPosition { line column } endPosition { line column } }
      missingContextValues
      explanation
    }
  }
}`;

/**
 * The "why?" tab for a denial: `simulatePrincipalPolicy` for the same caller, action and resource, so the
 * simulator shows which policy type refused and which statement decided (needs iam:SimulatePrincipalPolicy).
 */
export function toWhyTab(denied: DeniedRequest): ExplorerTab {
  const variables = {
    policySourceArn: denied.principalArn,
    actionNames: [denied.action],
    resourceArns: [denied.resourceArn],
  };
  return {
    query: `# Why was ${denied.action} denied to ${denied.principalArn}?\n# The policy simulator on the same request.\n${whyDeniedQuery}\n`,
    variables: JSON.stringify(variables, null, 2),
  };
}
