import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { defaultPageSize, maxPageSize } from '../connection.js';

/** How many items a plain list field (no `first`) is assumed to return: a user's groups, a group's members. */
export const assumedListSize = 10;

/** What one `__schema` or `__type` costs: introspection answers the whole schema, whatever is selected. */
export const introspectionCost = 500;

/**
 * Fields that run the policy engine or the access index over many rows; each call costs this much more
 * than reading a row, so a page of them is priced as the work it is.
 */
export const analysisFieldCost = 20;

const analysisFields = new Set([
  'canPerform',
  'whoCan',
  'whoCanAccess',
  'assumeRolePaths',
  'externalAccess',
  'effectivePermissions',
  'simulateCustomPolicy',
  'simulatePrincipalPolicy',
]);

/** What a cost is measured over: the schema, the parsed document's fragments and the request's variables. */
export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/**
 * The cost of an operation: every object field costs 1 (analysis fields {@link analysisFieldCost}),
 * leaves 0, and a list field multiplies what it selects by how many items it may return — `first` (or
 * the default page of 50) on a connection, the number of ids on `nodes`, {@link assumedListSize} on a plain
 * list. So the fan-out `groups { members { groups … } }` grows tenfold per level, and a page of 500 roles
 * with `canPerform` is priced at 500 engine calls. Fragments are expanded where they are spread, and every
 * type condition of an abstract selection is counted (an upper bound).
 */
export function measureOperationCost(input: CostInput): number {
  const rootType =
    input.operation.operation === 'mutation'
      ? input.schema.getMutationType()
      : input.operation.operation === 'subscription'
        ? input.schema.getSubscriptionType()
        : input.schema.getQueryType();
  if (!rootType) return 0;
  return costOfSelectionSet(input, input.operation.selectionSet, rootType, new Set());
}

function costOfSelectionSet(
  input: CostInput,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  spreading: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (name === '__schema' || name === '__type') {
        total += introspectionCost;
        continue;
      }
      const field = fieldOf(parentType, name);
      if (!field) continue;
      const childType = getNamedType(field.type);
      const own = isLeafType(childType) ? 0 : analysisFields.has(name) ? analysisFieldCost : 1;
      const children = selection.selectionSet
        ? costOfSelectionSet(input, selection.selectionSet, childType, spreading)
        : 0;
      total += multiplierOf(input, field, parentType, selection.arguments ?? []) * (own + children);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parentType;
      total += costOfSelectionSet(input, selection.selectionSet, type ?? parentType, spreading);
    } else {
      const name = selection.name.value;
      const fragment = input.fragments[name];
      // A cycle is a validation error reported by graphql's own rules; do not loop on it here.
      if (!fragment || spreading.has(name)) continue;
      spreading.add(name);
      const type = input.schema.getType(fragment.typeCondition.name.value) ?? parentType;
      total += costOfSelectionSet(input, fragment.selectionSet, type, spreading);
      spreading.delete(name);
    }
  }
  return total;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isAbstractType(type) || 'getFields' in type) {
    return (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
  }
  return undefined;
}

type ArgumentNodes = readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[];

function argumentValue(input: CostInput, args: ArgumentNodes, name: string): unknown {
  const node = args.find((arg) => arg.name.value === name);
  return node === undefined ? undefined : valueFromASTUntyped(node.value, input.variables as Record<string, unknown>);
}

function multiplierOf(
  input: CostInput,
  field: GraphQLField<unknown, unknown>,
  parentType: GraphQLNamedType,
  args: ArgumentNodes,
): number {
  // A connection's edges and nodes are already counted by the connection field's page size.
  if (parentType.name.endsWith('Connection')) return 1;
  const first = argumentValue(input, args, 'first');
  const pageSize =
    typeof first === 'number' && Number.isFinite(first) ? Math.min(Math.max(first, 0), maxPageSize) : defaultPageSize;
  if (getNamedType(field.type).name.endsWith('Connection')) return pageSize;
  if (!isListType(getNullableType(field.type))) return 1;
  if (field.args.some((arg) => arg.name === 'first')) return pageSize;
  const ids = field.name === 'nodes' ? argumentValue(input, args, 'ids') : undefined;
  if (Array.isArray(ids)) return ids.length;
  return assumedListSize;
}
