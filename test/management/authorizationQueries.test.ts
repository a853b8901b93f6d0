import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let root: Key;
const statements: string[] = [];
let counting = false;

beforeAll(async () => {
  env = await startManagementServer({ onQuery: (sql) => counting && statements.push(sql) });
  ({ root } = await env.createAccount('counting'));
});
afterAll(() => env?.server.close());

/** Gives a user `groups` groups with `policies` inline and managed policies each, and returns its key. */
async function userWith(name: string, groups: number, policies: number): Promise<Key> {
  dataOf(await env.call(root, `mutation { createUser(userName: "${name}") { name } }`));
  dataOf(
    await env.call(
      root,
      'mutation($d: String!, $u: String!) { putUserPolicy(userName: $u, policyName: "groups", policyDocument: $d) { name } }',
      { u: name, d: allow('iam:CreateGroup') },
    ),
  );
  for (let g = 0; g < groups; g += 1) {
    const group = `${name}-g${g}`;
    dataOf(
      await env.call(
        root,
        `mutation { createGroup(groupName: "${group}") { name } addUserToGroup(groupName: "${group}", userName: "${name}") { name } }`,
      ),
    );
    for (let p = 0; p < policies; p += 1) {
      dataOf(
        await env.call(
          root,
          'mutation($g: String!, $n: String!, $d: String!) { putGroupPolicy(groupName: $g, policyName: $n, policyDocument: $d) { name } }',
          { g: group, n: `p${p}`, d: allow(`s3:Get${p}`) },
        ),
      );
    }
    dataOf(
      await env.call(
        root,
        `mutation { attachGroupPolicy(groupName: "${group}", policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") { name } }`,
      ),
    );
  }
  return dataOf(
    await env.call<{ createAccessKey: Key }>(
      root,
      `mutation { createAccessKey(userName: "${name}") { accessKeyId secretAccessKey } }`,
    ),
  ).createAccessKey;
}

async function countCreateGroup(key: Key, group: string): Promise<number> {
  statements.length = 0;
  counting = true;
  dataOf(await env.call(key, `mutation { createGroup(groupName: "${group}") { name } }`));
  counting = false;
  return statements.length;
}

describe('authorization loads the caller in a bounded number of queries', () => {
  it('issues as many SQL statements for a user with one group as for one with five groups of many policies', async () => {
    const small = await countCreateGroup(await userWith('small', 1, 1), 'made-by-small');
    const large = await countCreateGroup(await userWith('large', 5, 4), 'made-by-large');
    expect(large).toBe(small);
    expect(small).toBeLessThan(30);
  });
});
