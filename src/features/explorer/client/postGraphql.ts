import { buildAuthHeaders } from './buildAuthHeaders.js';
import type { ExplorerCredentials } from './explorerCredentials.js';

/** A GraphQL answer: data and the errors beside it (AWS's code in `extensions.code`). */
export interface GraphqlAnswer<T> {
  data: T | null;
  errors: { message: string; extensions?: { code?: string } }[];
}

/**
 * POSTs one operation for the explorer's own views (graph, decision), signed with the panel's credentials
 * like every GraphiQL request.
 */
export async function postGraphql<T>(
  endpoint: string,
  credentials: ExplorerCredentials,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...buildAuthHeaders(credentials) },
    body: JSON.stringify({ query, variables }),
  });
  try {
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlAnswer<T>['errors'] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  } catch {
    return {
      data: null,
      errors: [{ message: `the server answered HTTP ${response.status} without a GraphQL response` }],
    };
  }
}
