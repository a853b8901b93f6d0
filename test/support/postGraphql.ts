/** A GraphQL response as the server sends it. */
export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs a GraphQL operation to `${baseUrl}/graphql` as JSON and returns the HTTP status with the parsed
 * body. `headers` carries credentials (Authorization, X-Amz-Security-Token) when a test needs them.
 */
export async function postGraphql<TData = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<TData>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}
