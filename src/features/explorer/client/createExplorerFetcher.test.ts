import { describe, expect, it } from 'vitest';
import { createExplorerFetcher } from './createExplorerFetcher.js';
import type { ExplorerCredentials } from './explorerCredentials.js';

interface Captured {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string, captured: Captured[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    captured.push({ url, init });
    return new Response(body, { status });
  }) as unknown as typeof fetch;
}

describe('createExplorerFetcher', () => {
  it('posts the operation signed with the current credentials and lets editor headers win', async () => {
    // Given a fetcher whose credentials change between two requests
    const captured: Captured[] = [];
    let credentials: ExplorerCredentials = { accessKeyId: 'AKIA1', secretAccessKey: 's1', sessionToken: '' };
    const fetcher = createExplorerFetcher({
      endpoint: '/graphql',
      getCredentials: () => credentials,
      fetch: fakeFetch(200, '{"data":{"ok":true}}', captured),
    });

    // When it runs twice, the second time with a session and an editor header
    expect(await fetcher({ query: '{ ok }', operationName: null })).toEqual({ data: { ok: true } });
    credentials = { accessKeyId: 'ASIA2', secretAccessKey: 's2', sessionToken: 'tok' };
    await fetcher({ query: 'query Q { ok }', operationName: 'Q', variables: { a: 1 } }, { headers: { 'X-Extra': 7 } });

    // Then each request carries the credentials current at the time
    const [first, second] = captured.map((call) => ({ ...call, headers: call.init.headers as Record<string, string> }));
    expect(first?.url).toBe('/graphql');
    expect(first?.init.method).toBe('POST');
    expect(first?.headers.Authorization).toBe(`Basic ${btoa('AKIA1:s1')}`);
    expect(first?.headers['X-Amz-Security-Token']).toBeUndefined();
    expect(JSON.parse(String(first?.init.body))).toEqual({ query: '{ ok }' });
    expect(second?.headers.Authorization).toBe(`Basic ${btoa('ASIA2:s2')}`);
    expect(second?.headers['X-Amz-Security-Token']).toBe('tok');
    expect(second?.headers['X-Extra']).toBe('7');
    expect(JSON.parse(String(second?.init.body))).toEqual({
      query: 'query Q { ok }',
      operationName: 'Q',
      variables: { a: 1 },
    });
  });

  it('reports credentials a result hands out', async () => {
    const issued: ExplorerCredentials[] = [];
    const body = JSON.stringify({
      data: {
        assumeRole: { credentials: { accessKeyId: 'ASIA9', secretAccessKey: 'x', sessionToken: 'y', expiration: 'z' } },
      },
    });
    const fetcher = createExplorerFetcher({
      endpoint: '/graphql',
      getCredentials: () => ({ accessKeyId: '', secretAccessKey: '', sessionToken: '' }),
      onCredentialsIssued: (credentials) => issued.push(credentials),
      fetch: fakeFetch(200, body, []),
    });
    await fetcher({ query: 'mutation { assumeRole }' });
    expect(issued).toEqual([{ accessKeyId: 'ASIA9', secretAccessKey: 'x', sessionToken: 'y' }]);
  });

  it('turns a non-JSON answer into a readable GraphQL error', async () => {
    const fetcher = createExplorerFetcher({
      endpoint: '/graphql',
      getCredentials: () => ({ accessKeyId: '', secretAccessKey: '', sessionToken: '' }),
      fetch: fakeFetch(502, '<html>Bad gateway</html>', []),
    });
    const result = await fetcher({ query: '{ ok }' });
    expect(result.errors).toEqual([
      { message: 'the server answered HTTP 502 without a GraphQL response: <html>Bad gateway</html>' },
    ]);
  });
});
