import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** Resolves when the slow route has received its request. */
let slowRequestArrived: () => void = () => undefined;

describe('the HTTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      routes: [
        {
          // A route that answers slowly, to observe shutdown while a request is in flight.
          async handle(req, res) {
            if (req.url !== '/slow') return false;
            slowRequestArrived();
            await new Promise((resolve) => setTimeout(resolve, 300));
            res.end('done');
            return true;
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers unknown paths with 404 and other methods on /graphql with 405', async () => {
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    const put = await fetch(`${server.url}/graphql`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('serves GraphQL over GET too', async () => {
    // Unsigned, so only what needs no caller: the query's type name.
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      // Apollo's CSRF prevention asks GET callers for a header a simple cross-site request cannot send.
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports the database as down with 503 when it does not answer', async () => {
    const unreachable: Database = await openDatabase({ url: 'postgresql://postgres@127.0.0.1:1/none' });
    const built = await createServer({ database: unreachable, logger: createLogger('silent') });
    await new Promise<void>((resolve) => built.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = built.httpServer.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'degraded', database: 'down' });
    } finally {
      await built.close();
      await unreachable.close();
    }
  });

  it('finishes in-flight requests when closed, and refuses new connections', async () => {
    // Given a request in flight
    const arrived = new Promise<void>((resolve) => (slowRequestArrived = resolve));
    const inFlight = fetch(`${server.url}/slow`);
    await arrived;

    // When the server closes
    const closed = server.server.close();

    // Then the request completes, close resolves after it, and new connections fail
    const response = await inFlight;
    expect(await response.text()).toBe('done');
    await closed;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
