/**
 * The limits every GraphQL operation is checked against before it runs (depth, aliases, directives, tokens,
 * cost) and while it runs (deadline). Anonymous callers meet the same limits: introspection included.
 */
export interface QueryLimits {
  /** Deepest field nesting (introspection's `__schema` subtree does not count: GraphiQL's query is deep). */
  maxDepth: number;
  /** Most aliases in one operation (fragments included). */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Most lexical tokens in one document; the parser stops at this many. */
  maxTokens: number;
  /** Highest cost an operation may have (see `measureOperationCost`). */
  maxCost: number;
  /** How long an operation may run before its remaining fields fail with QUERY_TIMEOUT. */
  executionTimeoutMs: number;
}

/**
 * Generous for real use — the explorer's examples, every scenario example and GraphiQL's introspection
 * query cost far less (test/graphql/queryLimits.test.ts holds this) — yet a 20-level `groups { members }`
 * fan-out or 2,000 aliased `__schema` fields are refused before any resolver runs.
 */
export const defaultQueryLimits: QueryLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 50,
  maxDirectives: 50,
  maxTokens: 20_000,
  maxCost: 25_000,
  executionTimeoutMs: 30_000,
});

/** The `extensions.code` of each limit, so clients can tell which one they hit. */
export const queryLimitCodes = Object.freeze({
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  cost: 'QUERY_TOO_COMPLEX',
  timeout: 'QUERY_TIMEOUT',
});
