import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { echoValue } from './echoValue.js';
import { findBadArgument } from './findBadArgument.js';

/**
 * Checks every string argument of an operation once, before any resolver runs, against IAM's documented
 * maxima and characters (src/graphql/edge/argumentRules.ts): a NUL byte or a 1 MB account id is answered
 * 400 ValidationError in AWS's words, quoting only a short prefix, and never reaches the database or the
 * audit trail.
 */
export function createArgumentGuardPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const bad = findBadArgument({ schema, operation, fragments, variables: request.variables ?? {} });
          if (bad === null) return;
          throw new GraphQLError(
            `1 validation error detected: Value '${echoValue(bad.value)}' at '${bad.name}' failed to satisfy constraint: ${bad.constraint}`,
            { extensions: { code: 'ValidationError', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
