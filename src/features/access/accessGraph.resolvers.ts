import type { AccessGraphEdgeType, AccessGraphNodeType, Resolvers } from '../../generated/graphql.js';
import { accessGraph } from './accessGraph.service.js';

/** The engine's camelCase names as GraphQL's SCREAMING_CASE (`organizationalUnit` → `ORGANIZATIONAL_UNIT`). */
function screaming<T extends string>(name: string): T {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() as T;
}

/** `Query.accessGraph`: the graph of an account, an organization or an analysis answer. */
export const accessGraphResolvers: Resolvers = {
  Query: {
    accessGraph: async (_parent, { scope }, context) => {
      const graph = await accessGraph(context, scope);
      return {
        nodes: graph.nodes.map((node) => ({ ...node, type: screaming<AccessGraphNodeType>(node.type) })),
        edges: graph.edges.map((edge) => ({ ...edge, type: screaming<AccessGraphEdgeType>(edge.type) })),
        policies: graph.policies,
      };
    },
  },
};
