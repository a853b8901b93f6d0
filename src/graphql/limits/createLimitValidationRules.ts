import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { queryLimitCodes, type QueryLimits } from './queryLimits.js';

/**
 * graphql-armor's depth, alias and directive rules as graphql validation rules, each reporting its own
 * `extensions.code` (QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES) instead of throwing: Apollo then
 * answers 400 with every problem at once. formatError keeps these codes (Apollo would relabel them
 * GRAPHQL_VALIDATION_FAILED).
 */
export function createLimitValidationRules(limits: QueryLimits): ValidationRule[] {
  const reject = (code: string) => (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
  };
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      ignoreIntrospection: true,
      onReject: [reject(queryLimitCodes.depth)],
    }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [reject(queryLimitCodes.aliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reject(queryLimitCodes.directives)] }),
  ] as unknown as ValidationRule[];
}

/** The limit code a validation error carries, if it is one of ours (Apollo wraps it and overwrites `code`). */
export function queryLimitCodeOf(error: unknown): string | null {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError;
  const code = original?.extensions?.code;
  return typeof code === 'string' && (Object.values(queryLimitCodes) as string[]).includes(code) ? code : null;
}
