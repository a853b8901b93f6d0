import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForNotifications } from '../../src/db/listenForNotifications.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { startTcpProxy, type TcpProxy } from '../support/startTcpProxy.js';

let database: TestDatabase;
let proxy: TcpProxy;
let proxiedUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  proxiedUrl = url.toString();
});
afterAll(async () => {
  await proxy?.stop();
  await database?.close();
});

/** Waits until `check` holds, polling; the test's own timeout bounds it. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('listenForNotifications', () => {
  it('hears notifications, and hears them again after the connection is cut and the server comes back', async () => {
    const payloads: string[] = [];
    let reconnects = 0;
    const stop = await listenForNotifications({
      connectionString: proxiedUrl,
      channel: 'iam_test_channel',
      onNotification: (payload) => payloads.push(payload),
      onReconnect: () => (reconnects += 1),
      retryMs: { first: 10, max: 100 },
    });
    // PGlite is one backend behind its socket server: a notification reaches only the connection that sent it,
    // so on the embedded database this checks the reconnection alone (main.ts polls PGlite instead of listening).
    const hears = async (payload: string) => {
      if (database.kind !== 'postgres') return;
      await database.pool.query('SELECT pg_notify($1, $2)', ['iam_test_channel', payload]);
      await eventually(() => payloads.includes(payload));
    };
    try {
      await hears('before');

      // When the server goes away and comes back (as a restart looks from the client)
      await proxy.stop();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await proxy.start();
      await eventually(() => reconnects === 1);

      // Then notifications arrive again, on the new connection
      await hears('after');
      expect(proxy.accepted()).toBe(2);
    } finally {
      await stop();
    }
  });
});
