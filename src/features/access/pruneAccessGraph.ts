import type { AccessGraph } from '../../iam/analysis/index.js';

/**
 * An access graph without the given nodes. Every edge touching one goes too, and so do the policies seen
 * only through them: a policy node left with no edge (attached to hidden principals only), and a policy text
 * that no remaining node or remaining edge's statement names — so a hidden principal's inline or trust policy
 * is not handed out through an edge that is gone.
 */
export function pruneAccessGraph(graph: AccessGraph, removed: ReadonlySet<string>): AccessGraph {
  if (removed.size === 0) return graph;
  const present = (id: string) => !removed.has(id);
  const edges = graph.edges.filter((edge) => present(edge.source) && present(edge.target));
  const attached = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  const nodes = graph.nodes.filter((node) => present(node.id) && (node.type !== 'policy' || attached.has(node.id)));
  const named = new Set([
    ...nodes.map((node) => node.id),
    ...edges.flatMap((edge) => edge.matchedStatements.map((statement) => statement.sourcePolicyId)),
  ]);
  return { nodes, edges, policies: graph.policies.filter((policy) => named.has(policy.id)) };
}
