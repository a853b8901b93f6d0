import { describe, expect, it } from 'vitest';
import type { AccessGraph, AccessGraphEdge, AccessGraphNode } from '../../iam/analysis/index.js';
import { pruneAccessGraph } from './pruneAccessGraph.js';

const user = 'arn:aws:iam::111111111111:user/alice';
const role = 'arn:aws:iam::111111111111:role/app';
const inline = `${user}:inline/p`;
const shared = 'arn:aws:iam::111111111111:policy/Shared';

function node(id: string, type: AccessGraphNode['type']): AccessGraphNode {
  return { id, type, label: id, accountId: '111111111111', parentId: 'account:111111111111', highlighted: false };
}

function edge(type: AccessGraphEdge['type'], source: string, target: string, policyId?: string): AccessGraphEdge {
  const statement = {
    sourcePolicyId: policyId ?? '',
    sourcePolicyType: 'identity' as const,
    statementId: null,
    statementIndex: 0,
    effect: 'Allow' as const,
    startPosition: { line: 1, column: 1 },
    endPosition: { line: 1, column: 2 },
  };
  return {
    id: `${type}:${source}->${target}`,
    type,
    source,
    target,
    label: type,
    conditions: [],
    matchedStatements: policyId ? [statement] : [],
    highlighted: false,
  };
}

const graph: AccessGraph = {
  nodes: [
    { ...node('account:111111111111', 'account'), parentId: null },
    node(user, 'user'),
    node(role, 'role'),
    node(inline, 'policy'),
    node(shared, 'policy'),
  ],
  edges: [
    edge('canAssume', user, role, `${role}#trust`),
    edge('attachedPolicy', user, inline),
    edge('attachedPolicy', user, shared),
    edge('attachedPolicy', role, shared),
  ],
  policies: [
    { id: inline, name: 'p', document: '{}' },
    { id: shared, name: 'Shared', document: '{}' },
    { id: `${role}#trust`, name: 'trust', document: '{}' },
  ],
};

describe('pruneAccessGraph', () => {
  it('drops the nodes, the edges touching them, and policies seen only through them', () => {
    const pruned = pruneAccessGraph(graph, new Set([user]));
    expect(pruned.nodes.map((n) => n.id)).toEqual(['account:111111111111', role, shared]);
    expect(pruned.edges.map((e) => e.id)).toEqual([`attachedPolicy:${role}->${shared}`]);
    // The user's inline policy and the trust statement that only its edge named are gone as texts too
    expect(pruned.policies.map((p) => p.id)).toEqual([shared]);
  });

  it('keeps a policy node that a remaining principal still has attached, and leaves a graph alone when nothing is hidden', () => {
    const pruned = pruneAccessGraph(graph, new Set([role]));
    expect(pruned.nodes.map((n) => n.id)).toEqual(['account:111111111111', user, inline, shared]);
    expect(pruned.policies.map((p) => p.id)).toEqual([inline, shared]);
    expect(pruneAccessGraph(graph, new Set())).toBe(graph);
  });
});
