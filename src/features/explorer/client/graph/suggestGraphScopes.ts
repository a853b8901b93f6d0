import type { ExplorerExample } from '../../explorerExamples.js';
import type { GraphScopeChoice } from './accessGraphQuery.js';

/** Starting values of the graph view's scope fields, one per kind. */
export interface GraphScopeSuggestions {
  accountIds: string[];
  whoCanAccess: Extract<GraphScopeChoice, { kind: 'whoCanAccess' }> | null;
  assumeRolePaths: Extract<GraphScopeChoice, { kind: 'assumeRolePaths' }> | null;
}

/**
 * Reads the tabs' variables for things worth drawing: the accounts their ARNs name, the first who-can question
 * and the first path question — so the graph view opens ready to draw the scenario the tabs belong to.
 */
export function suggestGraphScopes(examples: readonly ExplorerExample[]): GraphScopeSuggestions {
  const accountIds = new Set<string>();
  let whoCanAccess: GraphScopeSuggestions['whoCanAccess'] = null;
  let assumeRolePaths: GraphScopeSuggestions['assumeRolePaths'] = null;
  for (const example of examples) {
    const variables = example.variables ?? {};
    for (const match of JSON.stringify(variables).matchAll(/arn:aws:(?:iam|sts)::(\d{12}):/g))
      accountIds.add(match[1]!);
    const { resourceArn, action, fromArn, toRoleArn } = variables as Record<string, unknown>;
    if (whoCanAccess === null && typeof resourceArn === 'string' && typeof action === 'string') {
      whoCanAccess = { kind: 'whoCanAccess', resourceArn, action };
    }
    if (assumeRolePaths === null && typeof fromArn === 'string' && typeof toRoleArn === 'string') {
      assumeRolePaths = { kind: 'assumeRolePaths', fromArn, toRoleArn };
    }
  }
  return { accountIds: [...accountIds].sort(), whoCanAccess, assumeRolePaths };
}
