import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql } from '../support/postGraphql.js';
import { dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let root: Key;
let accountId: string;

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('hostile'));
  dataOf(await env.call(root, 'mutation { createUser(userName: "alice") { arn } }'));
});
afterAll(() => env?.server.close());

/** Basic credentials from raw text (so a test can put any byte in the user name). */
function basicFrom(text: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(text, 'utf8').toString('base64')}` };
}

describe('hostile strings get 4xx with AWS codes, never a 500', () => {
  it('a NUL byte in a Basic access key id, without any valid credential: InvalidClientTokenId', async () => {
    const response = await postGraphql(env.server.url, '{ callerIdentity { arn } }', {}, basicFrom('AKIA\0X:secret'));
    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.code).toBe('InvalidClientTokenId');
  });

  it('a 10 KB Basic access key id: InvalidClientTokenId, and the audit trail keeps no copy of it', async () => {
    const response = await postGraphql(
      env.server.url,
      '{ callerIdentity { arn } }',
      {},
      basicFrom(`AKIA${'A'.repeat(10_000)}:secret`),
    );
    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.code).toBe('InvalidClientTokenId');
    const event = await env.prisma.auditEvent.findFirst({
      where: { eventName: 'Authenticate' },
      orderBy: { id: 'desc' },
    });
    expect(event).toMatchObject({ errorCode: 'InvalidClientTokenId', accessKeyId: null });
  });

  it('Basic without a colon: IncompleteSignature with a 4xx status', async () => {
    const response = await postGraphql(
      env.server.url,
      '{ callerIdentity { arn } }',
      {},
      basicFrom('AKIAEXAMPLEEXAMPLE'),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions?.code).toBe('IncompleteSignature');
  });

  it('a SigV4 header without X-Amz-Date: IncompleteSignature with a 4xx status', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${root.accessKeyId}/20261129/us-east-1/appsync/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
    const response = await postGraphql(env.server.url, '{ callerIdentity { arn } }', {}, { authorization });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'IncompleteSignature' },
      message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    });
  });

  it.each([
    ['createUser userName', 'mutation($v: String!) { createUser(userName: $v) { arn } }', 'userName'],
    [
      'createRole roleName',
      `mutation($v: String!) { createRole(roleName: $v, assumeRolePolicyDocument: "{}") { arn } }`,
      'roleName',
    ],
    ['role(arn:)', 'query($v: String!) { role(arn: $v) { arn } }', 'arn'],
    ['user(arn:)', 'query($v: String!) { user(arn: $v) { arn } }', 'arn'],
    [
      'putUserPolicy document',
      'mutation($v: String!) { putUserPolicy(userName: "alice", policyName: "p", policyDocument: $v) { name } }',
      'policyDocument',
    ],
    [
      'createUser actingAccountId',
      'mutation($v: String) { createUser(userName: "bob", actingAccountId: $v) { arn } }',
      'actingAccountId',
    ],
    [
      'tag value',
      'mutation($v: String!) { tagUser(userName: "alice", tags: [{ key: "k", value: $v }]) { arn } }',
      'value',
    ],
  ])('a NUL byte in %s: ValidationError naming the argument', async (_name, query, argument) => {
    const response = await env.call(root, query, { v: `arn:aws:iam::${accountId}:user/a\0b` });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(response.errors?.[0]?.message).toContain(`at '${argument}'`);
  });

  it('a ~1 MB actingAccountId: ValidationError quoting only a short prefix, nothing written', async () => {
    const huge = '1'.repeat(1_000_000);
    const before = await env.prisma.auditEvent.count();
    const response = await env.call(
      root,
      'mutation($v: String) { createUser(userName: "carol", actingAccountId: $v) { arn } }',
      { v: huge },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(response.errors?.[0]?.message).toMatch(
      /^1 validation error detected: Value '1{16,64}\.\.\.' at 'actingAccountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \^\\d\{12\}\$$/,
    );
    expect(await env.prisma.user.count({ where: { name: 'carol' } })).toBe(0);
    expect(await env.prisma.auditEvent.count()).toBe(before);
  });

  it('a ~1 MB role name: ValidationError with a short message', async () => {
    const response = await env.call(
      root,
      'mutation($v: String!) { createRole(roleName: $v, assumeRolePolicyDocument: "{}") { arn } }',
      { v: 'r'.repeat(1_000_000) },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(response.errors?.[0]?.message.length).toBeLessThan(300);
  });

  it('a NUL byte in a literal argument inside a fragment', async () => {
    const response = await env.call(
      root,
      'query { ...F } fragment F on Query { role(arn: "arn:aws:iam::111111111111:role/\\u0000") { arn } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(response.errors?.[0]?.message).toContain("Value 'arn:aws:iam::111111111111:role/\\u0000'");
  });
});
