import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

// One authorized read aliased 10,000 times is one decision: decided once, audited once, in one INSERT, so it
// neither writes 10,000 rows nor holds 10,000 connections.
let env: Awaited<ReturnType<typeof startManagementServer>>;
let root: Key;
let roleArn: string;

beforeAll(async () => {
  env = await startManagementServer();
  const account = await env.createAccount('aliases');
  root = account.root;
  roleArn = `arn:aws:iam::${account.accountId}:role/app`;
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: account.accountId }, Action: 'sts:AssumeRole' }] });
  dataOf(await env.call(root, 'mutation($t: String!) { createRole(roleName: "app", assumeRolePolicyDocument: $t) { arn } }', { t: trust }));
});
afterAll(() => env?.server.close());

describe('aliasing one authorized read', () => {
  it('answers 10,000 aliases with one decision and one audit row', async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: role(arn: $arn) { name }`).join(' ');
    const response = await env.call<Record<string, { name: string }>>(root, `query($arn: String!) { ${aliases} }`, { arn: roleArn });
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!).filter((role) => role.name === 'app')).toHaveLength(10_000);
    expect(await env.prisma.auditEvent.count({ where: { action: 'iam:GetRole', resourceArn: roleArn } })).toBe(1);
  });
});
