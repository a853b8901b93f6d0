import type DataLoader from 'dataloader';
import type { Loaders } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { fromGlobalId, type NodeType } from '../graphql/globalId.js';
import { DateTimeScalar, JsonScalar } from '../graphql/scalars.js';

/** The loader that fetches each node type by the key inside its global id. */
function loaderFor(type: NodeType, loaders: Loaders): DataLoader<string, object | null> {
  switch (type) {
    case 'Organization':
      return loaders.organizations.byId;
    case 'OrganizationalUnit':
      return loaders.organizations.unitById;
    case 'OrganizationPolicy':
      return loaders.organizations.policyById;
    case 'Account':
      return loaders.accounts.byId;
    case 'User':
      return loaders.identities.userById;
    case 'Group':
      return loaders.identities.groupById;
    case 'Role':
      return loaders.roles.byId;
    case 'ManagedPolicy':
      return loaders.policies.byId;
    case 'Resource':
      return loaders.resources.byId;
    case 'Session':
      return loaders.sessions.byId;
  }
}

/** Fetches a node by global id, tagged with its type for `Node.__resolveType`; null for an unknown id. */
async function loadNode(globalId: string, loaders: Loaders) {
  const parsed = fromGlobalId(globalId);
  if (parsed === null) return null;
  const row = await loaderFor(parsed.type, loaders).load(parsed.key);
  // The spread copies the row so the tag never leaks into a loader's cached object.
  return row === null ? null : { ...row, __typename: parsed.type };
}

/** The core of the schema: `node`/`nodes`, the Node interface and the scalars. */
export const nodeResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query: {
    // The casts state what loadNode guarantees: each loader returns the model its type maps to.
    node: (_parent, { id }, { loaders }) => loadNode(id, loaders) as never,
    nodes: (_parent, { ids }, { loaders }) => Promise.all(ids.map((id) => loadNode(id, loaders))) as never,
  },
  Node: {
    __resolveType: (node) => (node as { __typename?: NodeType }).__typename ?? null,
  },
};
