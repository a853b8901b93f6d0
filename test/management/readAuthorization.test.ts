import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;
let reader: Key;

const trust = (account: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: account }, Action: 'sts:AssumeRole' }],
  });

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('reads'));
  dataOf(
    await env.call(
      root,
      'mutation($t: String!) { createRole(roleName: "app", assumeRolePolicyDocument: $t) { arn } }',
      { t: trust(accountId) },
    ),
  );
  dataOf(await env.call(root, 'mutation { createUser(userName: "reader") { arn } }'));
  reader = dataOf(
    await env.call<{ createAccessKey: Key }>(
      root,
      'mutation { createAccessKey(userName: "reader") { accessKeyId secretAccessKey } }',
    ),
  ).createAccessKey;
});
afterAll(() => env?.server.close());

describe('reads are authorized by the engine', () => {
  const ROLE = 'query($arn: String!) { role(arn: $arn) { name } }';

  it('denies role(arn) without iam:GetRole, allows it with, and never denies callerIdentity', async () => {
    const arn = `arn:aws:iam::${accountId}:role/app`;
    expect(errorOf(await env.call(reader, ROLE, { arn })).message).toBe(
      `User: arn:aws:iam::${accountId}:user/reader is not authorized to perform: iam:GetRole on resource: ${arn} because no identity-based policy allows the iam:GetRole action`,
    );
    dataOf(
      await env.call(
        root,
        'mutation($d: String!) { putUserPolicy(userName: "reader", policyName: "get", policyDocument: $d) { name } }',
        { d: allow('iam:GetRole') },
      ),
    );
    expect(dataOf(await env.call(reader, ROLE, { arn }))).toEqual({ role: { name: 'app' } });
    // A malformed ARN is IAM's InvalidInput, before any lookup
    expect(errorOf(await env.call(reader, ROLE, { arn: 'app' }))).toEqual({
      code: 'InvalidInput',
      message: 'ARN app is not valid.',
    });
    expect(
      dataOf(await env.call<{ callerIdentity: { arn: string } }>(reader, '{ callerIdentity { arn } }')).callerIdentity
        .arn,
    ).toBe(`arn:aws:iam::${accountId}:user/reader`);
  });

  it('checks listings under an account with the List action', async () => {
    const query = 'query($id: String!) { account(accountId: $id) { users { edges { node { name } } } } }';
    dataOf(
      await env.call(
        root,
        'mutation($d: String!) { putUserPolicy(userName: "reader", policyName: "describe", policyDocument: $d) { name } }',
        { d: allow(['iam:GetRole', 'organizations:DescribeAccount']) },
      ),
    );
    expect(errorOf(await env.call(reader, query, { id: accountId })).message).toContain('iam:ListUsers');
    dataOf(
      await env.call(
        root,
        'mutation { attachUserPolicy(userName: "reader", policyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess") { name } }',
      ),
    );
    const users = dataOf(
      await env.call<{ account: { users: { edges: { node: { name: string } }[] } } }>(reader, query, { id: accountId }),
    );
    expect(users.account.users.edges.map((e) => e.node.name)).toEqual(['reader']);
  });

  it("refuses anonymous reads and another account's entities", async () => {
    expect(errorOf(await env.call(null, ROLE, { arn: `arn:aws:iam::${accountId}:role/app` })).code).toBe(
      'MissingAuthenticationToken',
    );
    const other = await env.createAccount('reads-other');
    expect(errorOf(await env.call(other.root, ROLE, { arn: `arn:aws:iam::${accountId}:role/app` })).code).toBe(
      'AccessDenied',
    );
  });
});
