import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { runMain } from './runMain.js';

/** What a clean failure looks like: one short message on stderr, no stack frames. */
function expectCleanFailure(stderr: string, message: RegExp) {
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('starting the service', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('exits 1 with a clear message for a malformed DATABASE_URL', async () => {
    const main = runMain({ DATABASE_URL: 'not a url' });
    expect(await main.exited).toBe(1);
    expectCleanFailure(main.output().stderr, /DATABASE_URL is not a valid URL/);
  });

  it('exits 1 with one line per bad setting', async () => {
    const main = runMain({ DATABASE_URL: database.url, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await main.exited).toBe(1);
    const { stderr } = main.output();
    expectCleanFailure(stderr, /PORT must be a whole number from 0 to 65535; got `eighty`/);
    expect(stderr).toMatch(/LOG_LEVEL must be one of/);
  });

  it('exits 1 with a clear message when the database cannot be reached', async () => {
    const main = runMain({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing' });
    expect(await main.exited).toBe(1);
    expectCleanFailure(main.output().stderr, /cannot reach the database named by DATABASE_URL \(ECONNREFUSED\)/);
  });

  it('exits 1 with a clear message when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const main = runMain({ DATABASE_URL: database.url, PORT: String(port) });
      expect(await main.exited).toBe(1);
      expectCleanFailure(main.output().stderr, /cannot listen: the address is already in use/);
    } finally {
      blocker.close();
    }
  });

  it('serves /graphql and /health, logs one line per request, and shuts down cleanly on SIGTERM', async () => {
    // Given a running service
    const main = runMain({ DATABASE_URL: database.url });
    const url = await main.listening;

    // When it serves a request and then receives SIGTERM
    const health = await fetch(`${url}/health`);
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Probe { __typename }', operationName: 'Probe' }),
    });
    main.child.kill('SIGTERM');

    // Then both answered, the requests were logged as JSON lines, and the process exited 0
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    expect(graphql.status).toBe(200);
    expect(await main.exited).toBe(0);
    // JSON lines, beside the one-time operator banner a fresh state directory prints
    const lines = main
      .output()
      .stdout.trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        operationName: 'Probe',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/health', status: 200 }),
    );
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    // And start-up named the explorer's URL and, with no scenario loaded, how to load one
    expect(lines).toContainEqual(
      expect.objectContaining({ explorer: `${url}/`, msg: expect.stringContaining(`open the explorer at ${url}/`) }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ hint: expect.stringContaining('SEED=cross-account-auditor npm start') }),
    );
  });

  it('runs on the embedded PGlite when DATABASE_URL is unset', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'iam-main-pglite-'));
    try {
      const main = runMain({ PGLITE_DATA_DIR: dataDir });
      const url = await main.listening;
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up', storage: 'embedded' });
      main.child.kill('SIGINT');
      expect(await main.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // The first start on an empty data directory runs PGlite's initdb, which is slow under load.
  }, 180_000);
});
