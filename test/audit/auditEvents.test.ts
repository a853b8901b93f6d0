import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorOf, startManagementServer, type Key } from '../management/managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let a: { accountId: string; root: Key };
let b: { accountId: string; root: Key };
let alice: Key;

const LOOKUP = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { eventId eventTime eventName accountId principalArn action resourceArn decision errorCode errorMessage } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Lookup {
  auditEvents: {
    edges: {
      cursor: string;
      node: {
        eventId: string;
        eventTime: string;
        eventName: string;
        accountId: string | null;
        principalArn: string | null;
        action: string | null;
        decision: string;
        errorCode: string | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

beforeAll(async () => {
  env = await startManagementServer();
  a = await env.createAccount('audit-a');
  b = await env.createAccount('audit-b');
  for (const name of ['u1', 'u2', 'u3'])
    dataOf(await env.call(a.root, `mutation { createUser(userName: "${name}") { name } }`));
  dataOf(await env.call(b.root, 'mutation { createUser(userName: "other") { name } }'));
  alice = dataOf(
    await env.call<{ createAccessKey: Key }>(
      a.root,
      'mutation { createAccessKey(userName: "u1") { accessKeyId secretAccessKey } }',
    ),
  ).createAccessKey;
  errorOf(await env.call(alice, 'mutation { createGroup(groupName: "g") { name } }'));
  errorOf(
    await env.call(
      { accessKeyId: alice.accessKeyId, secretAccessKey: 'wrong' },
      'mutation { createGroup(groupName: "g") { name } }',
    ),
  );
});
afterAll(() => env?.server.close());

describe('audit events (CloudTrail LookupEvents)', () => {
  it('records every authorization decision with who, what, where and the outcome', async () => {
    const page = dataOf(await env.call<Lookup>(a.root, LOOKUP, { filter: { decision: 'DENY' } }));
    expect(page.auditEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        eventName: 'CreateGroup',
        accountId: a.accountId,
        principalArn: `arn:aws:iam::${a.accountId}:user/u1`,
        action: 'iam:CreateGroup',
        decision: 'DENY',
        errorCode: 'AccessDenied',
      }),
    ]);
  });

  it('filters by event name, principal and time, newest first', async () => {
    const users = dataOf(
      await env.call<Lookup>(a.root, LOOKUP, {
        filter: { eventName: 'CreateUser', principalArn: `arn:aws:iam::${a.accountId}:root` },
      }),
    );
    expect(users.auditEvents.edges.map((e) => e.node.action)).toEqual([
      'iam:CreateUser',
      'iam:CreateUser',
      'iam:CreateUser',
    ]);
    const ids = users.auditEvents.edges.map((e) => Number(e.node.eventId));
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    const future = dataOf(
      await env.call<Lookup>(a.root, LOOKUP, { filter: { startTime: new Date(Date.now() + 60_000).toISOString() } }),
    );
    expect(future.auditEvents.edges).toEqual([]);
  });

  it('pages with cursors without repeating or skipping events', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Lookup = dataOf(
        await env.call<Lookup>(a.root, LOOKUP, { filter: { eventName: 'CreateUser' }, first: 2, after }),
      );
      seen.push(...page.auditEvents.edges.map((e) => e.node.eventId));
      after = page.auditEvents.pageInfo.hasNextPage ? page.auditEvents.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('shows a caller only its own account, and lets the operator see authentication failures', async () => {
    const own = dataOf(await env.call<Lookup>(b.root, LOOKUP, {}));
    expect(own.auditEvents.edges.every((e) => e.node.accountId === b.accountId)).toBe(true);
    expect(errorOf(await env.call(b.root, LOOKUP, { filter: { accountId: a.accountId } })).code).toBe('AccessDenied');
    const failures = dataOf(await env.call<Lookup>(env.operator, LOOKUP, { filter: { eventName: 'Authenticate' } }));
    expect(failures.auditEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ decision: 'ERROR', errorCode: 'SignatureDoesNotMatch' }),
    ]);
  });

  it('needs cloudtrail:LookupEvents', async () => {
    expect(errorOf(await env.call(alice, LOOKUP, {})).message).toContain(
      'is not authorized to perform: cloudtrail:LookupEvents',
    );
  });
});
