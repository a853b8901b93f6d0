import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueryLimits } from '../../src/graphql/limits/queryLimits.js';
import { dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

// One authorized read aliased 10,000 times is one decision: decided once, audited once, in one INSERT, so it
// neither writes 10,000 rows nor holds 10,000 connections. The query limits (issue 16) refuse such a request
// before it runs; the guard must hold without them, so the flood runs on a server with them lifted.
let unlimited: Awaited<ReturnType<typeof startManagementServer>>;
let limited: Awaited<ReturnType<typeof startManagementServer>>;

async function arrange(env: typeof unlimited): Promise<{ root: Key; roleArn: string }> {
  const account = await env.createAccount('aliases');
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: account.accountId }, Action: 'sts:AssumeRole' }],
  });
  dataOf(
    await env.call(
      account.root,
      'mutation($t: String!) { createRole(roleName: "app", assumeRolePolicyDocument: $t) { arn } }',
      { t: trust },
    ),
  );
  return { root: account.root, roleArn: `arn:aws:iam::${account.accountId}:role/app` };
}

const aliased = (count: number) =>
  `query($arn: String!) { ${Array.from({ length: count }, (_, i) => `a${i}: role(arn: $arn) { name }`).join(' ')} }`;

beforeAll(async () => {
  [unlimited, limited] = await Promise.all([
    startManagementServer({
      queryLimits: {
        ...defaultQueryLimits,
        maxAliases: Number.POSITIVE_INFINITY,
        maxTokens: Number.POSITIVE_INFINITY,
        maxCost: Number.POSITIVE_INFINITY,
      },
    }),
    startManagementServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([unlimited?.server.close(), limited?.server.close()]);
});

describe('aliasing one authorized read', () => {
  it('answers 10,000 aliases with one decision and one audit row (query limits lifted)', async () => {
    const { root, roleArn } = await arrange(unlimited);
    const response = await unlimited.call<Record<string, { name: string }>>(root, aliased(10_000), { arn: roleArn });
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!).filter((role) => role.name === 'app')).toHaveLength(10_000);
    expect(await unlimited.prisma.auditEvent.count({ where: { action: 'iam:GetRole', resourceArn: roleArn } })).toBe(1);
  });

  it('is refused before it runs by the default query limits: no data, no decision', async () => {
    const { root, roleArn } = await arrange(limited);
    const flood = await limited.call(root, aliased(10_000), { arn: roleArn });
    expect(flood.data ?? null).toBeNull();
    expect(flood.errors?.length).toBeGreaterThan(0);
    const justOver = await limited.call(root, aliased(defaultQueryLimits.maxAliases + 1), { arn: roleArn });
    expect(justOver.data ?? null).toBeNull();
    expect(justOver.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    expect(await limited.prisma.auditEvent.count({ where: { action: 'iam:GetRole', resourceArn: roleArn } })).toBe(0);
  });
});
