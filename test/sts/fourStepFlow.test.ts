import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { postGraphql } from '../support/postGraphql.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import type { TestKey } from './arrangeIam.js';
import { basicHeaders } from './signedPost.js';
import { ASSUME_ROLE, type AssumeRoleData, allow, trustPolicy } from './stsTestServer.js';

const operator = {
  accessKeyId: 'AKIAOPERATORFLOW0001',
  secretAccessKey: 'operator-secret-flow',
  arn: 'arn:aws:iam::000000000000:root',
  accountId: '000000000000',
};

/**
 * The seed documents' flow, entirely through the API: assume a role → temporary credentials → an access
 * request signed with them → allowed or denied by the role's permissions and the resource's policy.
 */
describe('assume role → credentials → access request → decision', () => {
  const cipher = createSecretCipher(randomBytes(32));
  let server: TestServer;
  const gql = <T = Record<string, unknown>>(key: TestKey, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(server.url, query, variables, basicHeaders(key));
  const ok = async <T = Record<string, unknown>>(
    key: TestKey,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await gql<T>(key, query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  };
  let dev: { id: string; root: TestKey };
  let data: { id: string; root: TestKey };
  let alice: TestKey;

  async function createAccount(name: string) {
    const created = await ok<{
      createAccount: {
        account: { accountId: string };
        rootAccessKey: { accessKeyId: string; secretAccessKey: string };
      };
    }>(
      operator,
      'mutation($n: String!) { createAccount(accountName: $n) { account { accountId } rootAccessKey { accessKeyId secretAccessKey } } }',
      { n: name },
    );
    return { id: created.createAccount.account.accountId, root: created.createAccount.rootAccessKey };
  }

  beforeAll(async () => {
    server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
    dev = await createAccount('dev');
    data = await createAccount('data');
    await ok(dev.root, 'mutation { createUser(userName: "alice") { arn } }');
    const key = await ok<{ createAccessKey: TestKey }>(
      dev.root,
      'mutation { createAccessKey(userName: "alice") { accessKeyId secretAccessKey } }',
    );
    alice = key.createAccessKey;
    const createRole =
      'mutation($n: String!, $t: String!) { createRole(roleName: $n, assumeRolePolicyDocument: $t) { arn } }';
    const aliceArn = `arn:aws:iam::${dev.id}:user/alice`;
    await ok(dev.root, createRole, { n: 'Publisher', t: JSON.stringify(trustPolicy(aliceArn)) });
    await ok(dev.root, createRole, { n: 'Bystander', t: JSON.stringify(trustPolicy(aliceArn)) });
    await ok(
      dev.root,
      'mutation($d: String!) { putRolePolicy(roleName: "Publisher", policyName: "publish", policyDocument: $d) { arn } }',
      {
        d: allow('s3:PutBucketPolicy', 'arn:aws:s3:::shared-*'),
      },
    );
    // The data account's bucket lets dev's Publisher and Bystander roles change its policy.
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [`arn:aws:iam::${dev.id}:role/Publisher`, `arn:aws:iam::${dev.id}:role/Bystander`] },
          Action: 's3:PutBucketPolicy',
          Resource: 'arn:aws:s3:::shared-data',
        },
      ],
    });
    await ok(
      data.root,
      'mutation($p: String!) { createResource(arn: "arn:aws:s3:::shared-data", policy: $p) { arn } }',
      { p: bucketPolicy },
    );
    await ok(data.root, 'mutation { createResource(arn: "arn:aws:s3:::shared-private") { arn } }');
  });
  afterAll(async () => server?.close());

  async function assume(roleName: string, extra: Record<string, unknown> = {}): Promise<TestKey> {
    const response = await gql<AssumeRoleData>(alice, ASSUME_ROLE, {
      input: { roleArn: `arn:aws:iam::${dev.id}:role/${roleName}`, roleSessionName: 'alice', ...extra },
    });
    const credentials = response.data?.assumeRole.credentials;
    if (!credentials) throw new Error(JSON.stringify(response.errors));
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };
  }
  const PUT_POLICY = 'mutation($r: String!, $p: String!) { putResourcePolicy(resourceArn: $r, policy: $p) { arn } }';
  const newPolicy = (bucket: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${data.id}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
        },
      ],
    });

  it('allows when the role allows and the resource policy names the role', async () => {
    const session = await assume('Publisher');
    const response = await gql(session, PUT_POLICY, { r: 'arn:aws:s3:::shared-data', p: newPolicy('shared-data') });
    expect(response.errors).toBeUndefined();
  });

  it("denies cross-account when the bucket's policy does not name the role", async () => {
    const session = await assume('Publisher');
    const response = await gql(session, PUT_POLICY, {
      r: 'arn:aws:s3:::shared-private',
      p: newPolicy('shared-private'),
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(response.errors?.[0]?.message).toContain(
      `User: arn:aws:sts::${dev.id}:assumed-role/Publisher/alice is not authorized to perform: s3:PutBucketPolicy`,
    );
  });

  it("denies when the resource policy allows but the role's own policies do not", async () => {
    const session = await assume('Bystander');
    const response = await gql(session, PUT_POLICY, { r: 'arn:aws:s3:::shared-data', p: newPolicy('shared-data') });
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
  });

  it('denies when a session policy narrows the session', async () => {
    const session = await assume('Publisher', { policy: allow('s3:GetObject') });
    const response = await gql(session, PUT_POLICY, { r: 'arn:aws:s3:::shared-data', p: newPolicy('shared-data') });
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
  });
});
