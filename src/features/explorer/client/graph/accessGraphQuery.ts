import type { TextPosition } from '../sliceStatement.js';

/** The operation the graph view sends: everything a drawing and its detail panel need. */
export const accessGraphQuery = `query AccessGraph($scope: AccessGraphScopeInput!) {
  accessGraph(scope: $scope) {
    nodes { id type label accountId parentId highlighted }
    edges {
      id type source target label conditions highlighted
      matchedStatements { sourcePolicyId sourcePolicyType statementId effect startPosition { line column } endPosition { line column } }
    }
    policies { id name document }
  }
}`;

/** A statement behind an edge, as the server locates it. */
export interface GraphStatement {
  sourcePolicyId: string;
  sourcePolicyType: string;
  statementId: string | null;
  effect: string;
  startPosition: TextPosition;
  endPosition: TextPosition;
}

/** A node as the server sends it. */
export interface GraphNode {
  id: string;
  type: string;
  label: string;
  accountId: string | null;
  parentId: string | null;
  highlighted: boolean;
}

/** An edge as the server sends it. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string;
  conditions: string[];
  highlighted: boolean;
  matchedStatements: GraphStatement[];
}

/** The graph as the server sends it. */
export interface AccessGraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  policies: { id: string; name: string; document: string }[];
}

/** The scope a person picks in the graph view, one kind at a time. */
export type GraphScopeChoice =
  | { kind: 'account'; accountId: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'whoCanAccess'; resourceArn: string; action: string }
  | { kind: 'assumeRolePaths'; fromArn: string; toRoleArn: string };

/** The `scope` argument of accessGraph for a choice. */
export function toScopeInput(choice: GraphScopeChoice): Record<string, unknown> {
  switch (choice.kind) {
    case 'account':
      return { accountId: choice.accountId };
    case 'organization':
      return { organizationId: choice.organizationId };
    case 'whoCanAccess':
      return { whoCanAccess: { resourceArn: choice.resourceArn, action: choice.action } };
    case 'assumeRolePaths':
      return { assumeRolePaths: { fromArn: choice.fromArn, toRoleArn: choice.toRoleArn } };
  }
}
