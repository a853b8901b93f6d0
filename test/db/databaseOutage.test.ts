import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { basicAuth } from '../management/managementTestServer.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { startTcpProxy, type TcpProxy } from '../support/startTcpProxy.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

let backing: TestDatabase;
let proxy: TcpProxy;
let proxied: Database;
let server: TestServer;
const operator = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
const stranger = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };

beforeAll(async () => {
  backing = await createTestDatabase();
  const url = new URL(backing.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  proxied = await openDatabase({ url: url.toString() }, { poolSize: 1 });
  const cipher = createSecretCipher(randomBytes(32));
  server = await startTestServer({
    database: proxied,
    cipher,
    authenticate: createAuthenticator({
      cipher,
      operator: { ...operator, arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID },
    }),
  });
});
afterAll(async () => {
  await server?.close();
  await proxied?.close();
  await proxy?.stop();
  await backing?.close();
});

async function post(key: { accessKeyId: string; secretAccessKey: string }, query: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...basicAuth(key) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

describe('a database outage', () => {
  it('answers 503 ServiceUnavailable with Retry-After while the database is down, and recovers when it is back', async () => {
    // Given a server that works
    expect((await post(operator, '{ organizations { edges { node { organizationId } } } }')).status).toBe(200);

    // When the database goes away
    await proxy.stop();
    const inResolver = await post(operator, '{ organizations { edges { node { organizationId } } } }');
    const inAuthentication = await post(stranger, '{ callerIdentity { arn } }');
    const health = await fetch(`${server.url}/health`);
    const ready = await fetch(`${server.url}/health/ready`);
    const live = await fetch(`${server.url}/health/live`);

    // Then every request is a retryable 503, never INTERNAL_SERVER_ERROR
    for (const response of [inResolver, inAuthentication]) {
      expect(response.status).toBe(503);
      expect(response.retryAfter).toBe('5');
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['ServiceUnavailable']);
    }
    expect(health.status).toBe(503);
    expect(ready.status).toBe(503);
    // Liveness stays up: restarting the service would not bring the database back.
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    // And once it is back, the same requests succeed without a restart of the service
    await proxy.start();
    expect((await post(operator, '{ organizations { edges { node { organizationId } } } }')).status).toBe(200);
    expect((await post(stranger, '{ callerIdentity { arn } }')).body.errors?.[0]?.extensions?.code).toBe(
      'InvalidClientTokenId',
    );
  });
});
