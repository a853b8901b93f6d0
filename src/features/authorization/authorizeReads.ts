import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { authorize, requireCaller } from './authorize.js';
import { READ_CHECKS } from './readChecks.js';

/** Query fields anyone signed in may call without a policy: AWS never denies GetCallerIdentity. */
const OPEN_FIELDS = new Set(['Query.callerIdentity']);

/**
 * Wraps the read resolvers of the merged map so each one is authorized by the engine before it runs, with
 * the action in {@link READ_CHECKS}; any other Query field still needs a signed-in caller. Applies only when
 * the server authenticates requests (always in production), so servers built without auth stay open.
 */
export function authorizeReads(resolvers: Resolvers): Resolvers {
  const wrapped: Record<string, Record<string, unknown>> = { ...(resolvers as Record<string, Record<string, unknown>>) };
  const wrap = (typeName: string, field: string, resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> => {
    const key = `${typeName}.${field}`;
    const check = READ_CHECKS[key];
    if (OPEN_FIELDS.has(key)) return resolve;
    return async (parent, args, context, info) => {
      if (context.authenticationEnabled) {
        requireCaller(context);
        const request = check ? await check(context, args as Record<string, unknown>, parent) : null;
        if (request) await authorize(context, request);
      }
      return resolve(parent, args, context, info);
    };
  };
  for (const typeName of ['Query', 'Account']) {
    const fields = wrapped[typeName];
    if (!fields) continue;
    const next: Record<string, unknown> = {};
    for (const [field, resolve] of Object.entries(fields)) {
      const guarded = typeName === 'Query' || READ_CHECKS[`${typeName}.${field}`] !== undefined;
      next[field] = guarded && typeof resolve === 'function' ? wrap(typeName, field, resolve as GraphQLFieldResolver<unknown, Context>) : resolve;
    }
    wrapped[typeName] = next;
  }
  return wrapped as Resolvers;
}
