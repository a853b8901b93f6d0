import { defaultFieldResolver, getNamedType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeTypes, type NodeType } from '../../graphql/globalId.js';
import { authorize, isAuthorized, requireCaller, type AuthorizationCheck } from './authorize.js';
import { NODE_RULES } from './nodeRules.js';
import type { Checks, FieldRule, ReadRules } from './readRule.js';
import { READ_RULES } from './readRules.js';

type AnyResolver = GraphQLFieldResolver<unknown, Context>;
type AnyRule = FieldRule<unknown, unknown>;

/** Authorizes every check of a rule; they are started together so their loads batch. */
async function authorizeAll(context: Context, checks: Checks): Promise<void> {
  const list: readonly AuthorizationCheck[] = isCheckList(checks) ? checks : [checks];
  await Promise.all(list.map((check) => authorize(context, check)));
}

function isCheckList(checks: Checks): checks is readonly AuthorizationCheck[] {
  return Array.isArray(checks);
}

/** The Node type of an object a field returned: its tag (node/nodes), else the field's type (`XConnection` lists X). */
function nodeTypeOf(info: GraphQLResolveInfo, row: object): NodeType {
  const tagged = (row as { __typename?: string }).__typename;
  const name = tagged ?? getNamedType(info.returnType).name.replace(/Connection$/, '');
  if (!(nodeTypes as readonly string[]).includes(name))
    throw new Error(`\`${info.parentType.name}.${info.fieldName}\` returns \`${name}\`, which has no node rule`);
  return name as NodeType;
}

function checkOfObject(context: Context, info: GraphQLResolveInfo, row: object) {
  const type = nodeTypeOf(info, row);
  return (NODE_RULES[type] as (context: Context, target: object) => ReturnType<(typeof NODE_RULES)[NodeType]>)(
    context,
    row,
  );
}

/** Authorizes each returned object by its type's rule; in a list each item fails on its own (null with AccessDenied). */
function authorizeEach(context: Context, info: GraphQLResolveInfo, value: unknown): unknown {
  const one = async (row: unknown) => {
    if (row === null || row === undefined) return row;
    await authorize(context, await checkOfObject(context, info, row as object));
    return row;
  };
  return Array.isArray(value) ? value.map(one) : one(value);
}

/** Leaves out the listed objects the caller may not read (a list, or a connection's edges). */
async function filterByType(context: Context, info: GraphQLResolveInfo, value: unknown): Promise<unknown> {
  const visible = async (row: object) => isAuthorized(context, await checkOfObject(context, info, row));
  if (Array.isArray(value)) {
    const keep = await Promise.all(value.map((row: object) => visible(row)));
    return value.filter((_row, i) => keep[i]);
  }
  const connection = value as { edges: { node: object }[] };
  const keep = await Promise.all(connection.edges.map((edge) => visible(edge.node)));
  return { ...connection, edges: connection.edges.filter((_edge, i) => keep[i]) };
}

function guardField(rule: AnyRule, resolve: AnyResolver): AnyResolver {
  return async (parent, args, context, info) => {
    requireCaller(context);
    if (typeof rule === 'function') {
      await authorizeAll(context, await rule(context, args, parent));
      return resolve(parent, args, context, info);
    }
    switch (rule.kind) {
      case 'openToSignedIn':
      case 'sameAccountAsParent':
      case 'authorizedByService':
        return resolve(parent, args, context, info);
      case 'lookup': {
        const target = await rule.target(context, args);
        if (target !== null)
          await authorizeAll(
            context,
            await (NODE_RULES[rule.type] as (context: Context, target: object) => Promise<Checks> | Checks)(
              context,
              target,
            ),
          );
        return resolve(parent, args, context, info);
      }
      case 'eachResultByType':
        return authorizeEach(context, info, await resolve(parent, args, context, info));
      case 'filterResultsByType':
        return filterByType(context, info, await resolve(parent, args, context, info));
    }
  };
}

/**
 * Wraps the merged resolver map so every read is authorized by its rule in {@link READ_RULES} before (or, for
 * rules about the result, as) it resolves. Fails closed: a Query field resolved without a rule stops the
 * server at start-up, and the schema-coverage test names every Node-type field that needs one. There is no
 * switch to turn this off; tests sign their requests as clients do.
 */
export function guardReads(resolvers: Resolvers, rules: ReadRules = READ_RULES): Resolvers {
  const merged: Record<string, Record<string, unknown>> = { ...(resolvers as Record<string, Record<string, unknown>>) };
  for (const field of Object.keys(merged.Query ?? {})) {
    if (!(field in rules.Query)) throw new Error(`\`Query.${field}\` has no read rule`);
  }
  for (const [typeName, typeRules] of Object.entries(rules as Record<string, Record<string, AnyRule | undefined>>)) {
    const fields: Record<string, unknown> = { ...(merged[typeName] ?? {}) };
    for (const [field, rule] of Object.entries(typeRules)) {
      if (rule === undefined) continue;
      fields[field] = guardField(rule, (fields[field] as AnyResolver | undefined) ?? defaultFieldResolver);
    }
    merged[typeName] = fields;
  }
  return merged as Resolvers;
}
