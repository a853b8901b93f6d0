import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../../src/features/audit/recordAuditEvent.js';
import { basicAuth, dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

// Subscriptions over SSE through the real server, with real authentication (Basic and SigV4 headers).
const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
/** Generous: arrival is what is asserted, not how fast (that belongs in a benchmark). */
const arrival = { timeout: 15_000, interval: 50 };

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let rootKey: Key;
const clients: Client[] = [];

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root: rootKey } = await env.createAccount('live'));
});

afterAll(async () => {
  for (const client of clients) client.dispose();
  await env?.server.close();
});

/** Subscribes with graphql-sse's own client, signing with HTTP Basic; collects what arrives. */
function subscribe(key: Key, query: string, variables: Record<string, unknown> = {}) {
  const client = createClient({ url: `${env.server.url}/graphql/stream`, headers: basicAuth(key), retryAttempts: 0 });
  clients.push(client);
  const received: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }[] = [];
  const failures: unknown[] = [];
  client.subscribe(
    { query, variables },
    {
      next: (value) => received.push(value as never),
      error: (error) => failures.push(error),
      complete: () => undefined,
    },
  );
  return { received, failures };
}

const AUDIT =
  'subscription Audit($accountId: String) { auditEvents(accountId: $accountId) { eventName action decision accountId principalArn } }';

describe('subscriptions over Server-Sent Events', () => {
  it('delivers an audit event written by another process (Postgres NOTIFY), or by this one on the embedded database', async () => {
    // Given the account's root subscribed to its audit events
    const { received } = subscribe(rootKey, AUDIT);
    // (wait until the subscription is in place: an event written now arrives)
    await expect
      .poll(async () => {
        await recordAuditEvent(env.prisma, null, { eventName: 'Warmup', decision: 'Allow', accountId });
        return received.some((event) => event.data?.auditEvents.eventName === 'Warmup');
      }, arrival)
      .toBe(true);
    // When another process writes an event in the account (the embedded database serves only this process)
    if (env.server.database.kind === 'postgres') {
      await run(
        process.execPath,
        [
          '--import',
          'tsx',
          'test/live/recordAuditEventProcess.ts',
          env.server.database.url,
          accountId,
          'FromAnotherProcess',
        ],
        { cwd: root },
      );
    } else {
      await recordAuditEvent(env.prisma, null, {
        eventName: 'FromAnotherProcess',
        decision: 'Allow',
        accountId,
        action: 'test:FromAnotherProcess',
      });
    }
    // Then it arrives, shaped as auditEvents lists it
    await expect
      .poll(() => received.map((event) => event.data?.auditEvents.eventName), arrival)
      .toContain('FromAnotherProcess');
    expect(
      received.find((event) => event.data?.auditEvents.eventName === 'FromAnotherProcess')?.data.auditEvents,
    ).toEqual({
      eventName: 'FromAnotherProcess',
      action: 'test:FromAnotherProcess',
      decision: 'ALLOW',
      accountId,
      principalArn: null,
    });
  });

  it("works with SigV4-signed requests, and sees the account's own API calls", async () => {
    // Given a subscription request signed with SigV4 (as AppSync's IAM mode signs), read as a raw event stream
    const url = new URL(`${env.server.url}/graphql/stream`);
    const body = JSON.stringify({ query: AUDIT, variables: {} });
    const signer = new SignatureV4({ credentials: rootKey, region: 'us-east-1', service: 'appsync', sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json', accept: 'text/event-stream' },
      body,
    });
    const abort = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let text = '';
    const reader = response.body!.getReader();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();
    // When the root creates users (each call is audited)
    await expect
      .poll(async () => {
        dataOf(
          await env.call(rootKey, 'mutation($n: String!) { createUser(userName: $n) { arn } }', {
            n: `u${Date.now()}`,
          }),
        );
        return text;
      }, arrival)
      .toMatch(
        /event: next\ndata: \{"data":\{"auditEvents":\{"eventName":"CreateUser","action":"iam:CreateUser","decision":"ALLOW"/,
      );
    abort.abort();
  });

  it('announces sessions issued, and expiring, in the account', async () => {
    // Given a role the account trusts, and an IAM user allowed to assume it (AWS refuses AssumeRole by a root user)
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
    });
    dataOf(
      await env.call(
        rootKey,
        'mutation($t: String!) { createRole(roleName: "Live", assumeRolePolicyDocument: $t) { arn } }',
        { t: trust },
      ),
    );
    const mayAssume = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${accountId}:role/Live` }],
    });
    dataOf(await env.call(rootKey, 'mutation { createUser(userName: "operator") { arn } }'));
    dataOf(
      await env.call(
        rootKey,
        'mutation($p: String!) { putUserPolicy(userName: "operator", policyName: "assume-live", policyDocument: $p) { arn } }',
        { p: mayAssume },
      ),
    );
    const operator = dataOf(
      await env.call<{ createAccessKey: Key }>(
        rootKey,
        'mutation { createAccessKey(userName: "operator") { accessKeyId secretAccessKey } }',
      ),
    ).createAccessKey;
    const SESSIONS = 'subscription { sessionEvents { kind session { arn accessKeyId } } }';
    const issued = subscribe(rootKey, SESSIONS);
    // When the user assumes it (until the subscription is in place, the first sessions may pass unseen)
    await expect
      .poll(async () => {
        dataOf(
          await env.call(
            operator,
            `mutation { assumeRole(input: { roleArn: "arn:aws:iam::${accountId}:role/Live", roleSessionName: "watched" }) { assumedRoleUser { arn } } }`,
          ),
        );
        return issued.received.map((event) => event.data?.sessionEvents);
      }, arrival)
      .toContainEqual({
        kind: 'ISSUED',
        session: {
          arn: `arn:aws:sts::${accountId}:assumed-role/Live/watched`,
          accessKeyId: expect.stringMatching(/^ASIA/),
        },
      });
    // And a session about to expire is announced as it expires to a new subscriber
    const session = await env.prisma.session.findFirstOrThrow({ where: { accountId } });
    await env.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const expiring = subscribe(rootKey, SESSIONS);
    await expect
      .poll(() => expiring.received.map((event) => event.data?.sessionEvents), arrival)
      .toContainEqual({
        kind: 'EXPIRED',
        session: { arn: session.arn, accessKeyId: session.id },
      });
  });

  it("is authorized like the audit query, and refuses bad credentials with AWS's code", async () => {
    // A user without cloudtrail:LookupEvents is refused, as auditEvents refuses it
    dataOf(await env.call(rootKey, 'mutation { createUser(userName: "nobody") { arn } }'));
    const key = dataOf(
      await env.call<{ createAccessKey: Key }>(
        rootKey,
        'mutation { createAccessKey(userName: "nobody") { accessKeyId secretAccessKey } }',
      ),
    ).createAccessKey;
    const refused = subscribe(key, AUDIT);
    await expect
      .poll(
        () => refused.received.flatMap((event) => event.errors ?? []).map((error) => error.extensions?.code),
        arrival,
      )
      .toContain('AccessDenied');
    // A wrong secret never reaches GraphQL
    const response = await fetch(`${env.server.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        ...basicAuth({ ...rootKey, secretAccessKey: 'wrong' }),
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ query: AUDIT }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'SignatureDoesNotMatch',
    );
  });
});
