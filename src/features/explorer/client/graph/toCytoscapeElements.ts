import type { ElementDefinition } from 'cytoscape';
import type { AccessGraphData } from './accessGraphQuery.js';

/** What the view shows of a graph: policy nodes (and their edges) can be left out to keep big graphs legible. */
export interface ElementOptions {
  showPolicies: boolean;
  /** Edge types switched off in the legend. */
  hiddenEdgeTypes: ReadonlySet<string>;
}

/**
 * The Cytoscape elements of an access graph: nodes nested in their account, OU and organization (compound
 * parents), edges labelled; answer highlights as a class, and the rest faded when there is an answer. A
 * node whose parent is left out is drawn at the top level rather than lost.
 */
export function toCytoscapeElements(graph: AccessGraphData, options: ElementOptions): ElementDefinition[] {
  const nodes = graph.nodes.filter((node) => options.showPolicies || node.type !== 'POLICY');
  const ids = new Set(nodes.map((node) => node.id));
  const answer = graph.nodes.some((node) => node.highlighted) || graph.edges.some((edge) => edge.highlighted);
  const classOf = (highlighted: boolean, container: boolean) =>
    highlighted ? 'highlighted' : answer && !container ? 'faded' : '';
  const containers = new Set(nodes.map((node) => node.parentId).filter((id): id is string => id !== null));
  return [
    ...nodes.map((node) => ({
      group: 'nodes' as const,
      data: {
        id: node.id,
        label: node.label,
        type: node.type,
        ...(node.parentId !== null && ids.has(node.parentId) ? { parent: node.parentId } : {}),
      },
      classes: classOf(node.highlighted, containers.has(node.id)),
    })),
    ...graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && !options.hiddenEdgeTypes.has(edge.type))
      .map((edge) => ({
        group: 'edges' as const,
        data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label, type: edge.type },
        classes: classOf(edge.highlighted, false),
      })),
  ];
}
