import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { measureOperationCost } from './measureOperationCost.js';
import { queryLimitCodes, type QueryLimits } from './queryLimits.js';

/**
 * Apollo plugin for the limits that need the request's variables or a clock: the operation's cost (with
 * `first: $n` known) checked before execution, and the execution deadline of queries — once it passes, every field not
 * yet started fails with QUERY_TIMEOUT, so a slow operation stops fanning out and frees its connection.
 */
export function createQueryLimitsPlugin<TContext extends object>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let timer: NodeJS.Timeout | undefined;
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = measureOperationCost({ schema, operation, fragments, variables: request.variables ?? {} });
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `Query cost limit of ${limits.maxCost} exceeded, found ${cost}. Ask for smaller pages (first), fewer nested lists or fewer analysis fields.`,
              { extensions: { code: queryLimitCodes.cost, cost, maxCost: limits.maxCost, http: { status: 400 } } },
            );
          }
        },
        async executionDidStart({ operation }) {
          // Queries only: a mutation's write has committed by the time its payload resolves, and failing the
          // payload would hide a change that happened; mutations are bounded by the cost limit instead.
          // Apollo calls this even when no operation was resolved (an unknown operationName, or several
          // operations and none named), despite its types; it then answers 400 itself.
          const resolved = operation as typeof operation | undefined;
          if (resolved?.operation !== 'query') return;
          let expired = false;
          timer = setTimeout(() => (expired = true), limits.executionTimeoutMs);
          timer.unref();
          return {
            willResolveField() {
              if (expired) {
                throw new GraphQLError(
                  `The operation exceeded its execution deadline of ${limits.executionTimeoutMs} ms.`,
                  {
                    extensions: { code: queryLimitCodes.timeout },
                  },
                );
              }
            },
            async executionDidEnd() {
              clearTimeout(timer);
            },
          };
        },
        async willSendResponse() {
          clearTimeout(timer);
        },
      };
    },
  };
}
