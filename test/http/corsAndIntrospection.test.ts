import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRoutes } from '../../src/http/createDefaultRoutes.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type PlaygroundServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { postGraphql } from '../support/postGraphql.js';

// The front-end integration settings through the real server: CORS_ORIGINS (config.corsOrigins) and
// INTROSPECTION (config.introspection), as main.ts passes them to createServer.
const frontEnd = 'http://localhost:5173';
let database: TestDatabase;
const servers: PlaygroundServer[] = [];

async function start(options: { introspection?: boolean; corsOrigins?: string[] }): Promise<string> {
  const server = await createServer({
    database,
    logger: createLogger('silent'),
    routes: createDefaultRoutes(),
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
}

let open: string;
let closed: string;

beforeAll(async () => {
  database = await createTestDatabase();
  open = await start({ corsOrigins: [frontEnd] });
  closed = await start({ introspection: false });
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await database?.close();
});

const introspectionQuery = '{ __schema { queryType { name } } }';

describe('CORS by allow-list', () => {
  it('lets a listed front end preflight and call /graphql', async () => {
    // Given a browser on the listed origin asking to POST JSON with credentials headers
    const preflight = await fetch(`${open}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: frontEnd,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization,x-amz-security-token',
      },
    });
    // Then the preflight allows it
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(frontEnd);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-security-token');

    // And the actual request is answered with the origin echoed
    const response = await fetch(`${open}/graphql`, {
      method: 'POST',
      headers: { origin: frontEnd, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(frontEnd);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses origins not on the list, and every origin when the list is empty', async () => {
    for (const [base, origin] of [
      [open, 'https://elsewhere.example.com'],
      [closed, frontEnd],
    ] as const) {
      const preflight = await fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('INTROSPECTION', () => {
  it('is on by default', async () => {
    const response = await postGraphql(open, introspectionQuery);
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('can be switched off, leaving ordinary queries working', async () => {
    const response = await postGraphql(closed, introspectionQuery);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await postGraphql(closed, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
