import { buildAuthHeaders } from './buildAuthHeaders.js';
import type { ExplorerCredentials } from './explorerCredentials.js';
import { findIssuedCredentials } from './findIssuedCredentials.js';
import { findDeniedRequest, type DeniedRequest } from './parseAccessDenied.js';

/** One GraphQL request as GraphiQL hands it to a fetcher. */
export interface ExplorerRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** What GraphiQL passes beside the request: the headers typed into its headers editor. */
export interface ExplorerRequestOptions {
  headers?: Record<string, unknown>;
}

/** A GraphQL response as JSON (`data` and/or `errors`). */
export interface ExplorerResponse {
  data?: unknown;
  errors?: unknown[];
  extensions?: unknown;
}

/** A GraphiQL-compatible fetcher. */
export type ExplorerFetcher = (request: ExplorerRequest, options?: ExplorerRequestOptions) => Promise<ExplorerResponse>;

/** What the explorer fetcher depends on. */
export interface ExplorerFetcherOptions {
  /** The GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** Read at every request, so a change in the credentials panel applies to the next run at once. */
  getCredentials: () => ExplorerCredentials;
  /** Called when a result hands out temporary credentials (an assumeRole), to offer them in the panel. */
  onCredentialsIssued?: (credentials: ExplorerCredentials) => void;
  /** Called after every operation with the request its AccessDenied error refused, or null, to offer "why?". */
  onDenied?: (denied: DeniedRequest | null) => void;
  /** Called after every operation with the request and whether it answered with data and no errors. */
  onAnswered?: (request: ExplorerRequest, succeeded: boolean) => void;
  /** The fetch to use; the page passes `window.fetch`, tests a fake. */
  fetch: typeof fetch;
}

/**
 * A fetcher that POSTs GraphQL over HTTP and signs every request with the panel's credentials (HTTP Basic +
 * `X-Amz-Security-Token`). Headers typed into GraphiQL's headers editor come last and win, so a person can
 * still try a hand-made `Authorization` header. A response that is not JSON becomes a GraphQL error naming
 * the HTTP status, so the result pane always explains what happened.
 */
export function createExplorerFetcher(options: ExplorerFetcherOptions): ExplorerFetcher {
  return async (request, requestOptions) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...buildAuthHeaders(options.getCredentials()),
      ...stringHeaders(requestOptions?.headers),
    };
    const response = await options.fetch(options.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: request.query,
        operationName: request.operationName ?? undefined,
        variables: request.variables ?? undefined,
      }),
    });
    const text = await response.text();
    const result = parseResponse(text, response.status);
    const issued = findIssuedCredentials(result);
    if (issued && options.onCredentialsIssued) options.onCredentialsIssued(issued);
    // Schema introspection runs through the fetcher too; it must not clear what the last operation offered.
    if (!request.query.includes('__schema')) {
      options.onDenied?.(findDeniedRequest(result));
      options.onAnswered?.(request, result.data != null && !result.errors?.length);
    }
    return result;
  };
}

function parseResponse(text: string, status: number): ExplorerResponse {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as ExplorerResponse;
  } catch {
    // Not JSON: fall through to a readable error below.
  }
  return {
    errors: [{ message: `the server answered HTTP ${status} without a GraphQL response: ${text.slice(0, 200)}` }],
  };
}

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) result[name] = String(value);
  }
  return result;
}
