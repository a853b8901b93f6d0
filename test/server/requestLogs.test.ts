import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogDestination, createLogger } from '../../src/logger.js';
import { createServer, type PlaygroundServer } from '../../src/server.js';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n'))
      if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let database: TestDatabase;
/** A second handle on the same database, whose pool a test ends to make every query fail. */
let served: Database;
let server: PlaygroundServer;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  served = await openDatabase({ url: database.url }, { poolSize: 1 });
  server = await createServer({ database: served, logger: createLogger('info', capture) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  await served?.prisma.$disconnect().catch(() => undefined);
  await database?.close();
});

describe('request ids in logs', () => {
  it("puts the request's id on every line logged while serving it, and answers it in X-Request-Id", async () => {
    // Given a database that fails every query (its pool is ended), so the request logs an error as well
    await served.pool.end();
    const before = lines.length;

    // When a client sends its own request id with an operation that reaches the database unsigned (an
    // unsigned request to a signed-in query is refused before any query runs, and logs nothing but itself)
    const token = [
      '{"alg":"RS256","typ":"JWT"}',
      '{"iss":"https://issuer.example","sub":"alice","aud":"app"}',
      'signature',
    ]
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42' },
      body: JSON.stringify({
        query:
          'mutation($token: String!) { assumeRoleWithWebIdentity(input: { roleArn: "arn:aws:iam::123456789012:role/Web", roleSessionName: "alice", webIdentityToken: $token }) { assumedRoleUser { arn } } }',
        variables: { token },
      }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };

    // Then the error (masked for the client) and the request line both carry the id, as does every line
    // logged meanwhile, and the response echoes it
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const meanwhile = lines.slice(before);
    expect(meanwhile.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['unexpected error in a GraphQL operation', 'request']),
    );
    expect(meanwhile.filter((line) => line.requestId !== 'trace-42')).toEqual([]);
  });

  it('makes up an id when the client sends none (or an unusable one)', async () => {
    const response = await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((line) => line.requestId === id)).toMatchObject({
      msg: 'request',
      path: '/health/live',
      status: 200,
    });
  });
});

describe('log format', () => {
  it('writes readable lines on a terminal and JSON lines elsewhere', () => {
    expect(createLogDestination(false)).not.toBe(createLogDestination(false));
    const pretty = createLogDestination(true) as unknown as { write: unknown };
    expect(typeof pretty.write).toBe('function');
    expect(pretty.constructor.name).not.toBe('SonicBoom');
    expect((createLogDestination(false) as unknown as { constructor: { name: string } }).constructor.name).toBe(
      'SonicBoom',
    );
  });
});
