import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { postGraphql } from '../support/postGraphql.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { arrangeIam, type TestKey } from '../sts/arrangeIam.js';
import { basicHeaders } from '../sts/signedPost.js';
import { signedPost } from '../support/signedPost.js';

const WHO_AM_I = '{ callerIdentity { userId account arn } }';
const operator = {
  accessKeyId: 'AKIAOPERATORTEST0001',
  secretAccessKey: 'operator-secret-for-tests',
  arn: 'arn:aws:iam::000000000000:root',
  accountId: '000000000000',
};

describe('authentication over HTTP', () => {
  const cipher = createSecretCipher(randomBytes(32));
  let server: TestServer;
  let root: TestKey;
  let alice: TestKey & { arn: string; id: string };

  beforeAll(async () => {
    server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
    const iam = arrangeIam(server.database.prisma, cipher);
    root = await iam.account('111122223333');
    alice = await iam.user('111122223333', 'alice');
  });
  afterAll(async () => server?.close());

  it('identifies a user, an account root and the operator with HTTP Basic', async () => {
    const user = await postGraphql(server.url, WHO_AM_I, {}, basicHeaders(alice));
    expect(user.data).toEqual({
      callerIdentity: { userId: alice.id, account: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice' },
    });
    const rootCaller = await postGraphql(server.url, WHO_AM_I, {}, basicHeaders(root));
    expect(rootCaller.data).toEqual({
      callerIdentity: { userId: '111122223333', account: '111122223333', arn: 'arn:aws:iam::111122223333:root' },
    });
    const op = await postGraphql(server.url, WHO_AM_I, {}, basicHeaders(operator));
    expect(op.data).toEqual({ callerIdentity: { userId: '000000000000', account: '000000000000', arn: operator.arn } });
  });

  it('accepts a request signed with SigV4 by the AWS SDK signer', async () => {
    const response = await signedPost(server.url, alice, WHO_AM_I);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ callerIdentity: { userId: alice.id, account: '111122223333', arn: alice.arn } });
  });

  it('fails with AWS codes and HTTP statuses', async () => {
    const anonymous = await postGraphql(server.url, WHO_AM_I);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('MissingAuthenticationToken');

    const unknown = await postGraphql(
      server.url,
      WHO_AM_I,
      {},
      basicHeaders({ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'x' }),
    );
    expect(unknown.status).toBe(403);
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'The security token included in the request is invalid.',
      extensions: { code: 'InvalidClientTokenId' },
    });

    const wrongSecret = await postGraphql(
      server.url,
      WHO_AM_I,
      {},
      basicHeaders({ ...alice, secretAccessKey: 'wrong' }),
    );
    expect(wrongSecret.status).toBe(403);
    expect(wrongSecret.errors?.[0]?.extensions?.code).toBe('SignatureDoesNotMatch');

    const badSignature = await signedPost(
      server.url,
      { ...alice, secretAccessKey: 'wrong-secret-000000000000000000000000000' },
      WHO_AM_I,
    );
    expect(badSignature.errors?.[0]?.extensions?.code).toBe('SignatureDoesNotMatch');

    const incomplete = await postGraphql(
      server.url,
      WHO_AM_I,
      {},
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/appsync/aws4_request' },
    );
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('IncompleteSignature');
  });

  it('audits every authentication failure with the claimed key', async () => {
    await postGraphql(
      server.url,
      WHO_AM_I,
      {},
      basicHeaders({ accessKeyId: 'AKIAAUDITEDKEY000001', secretAccessKey: 'x' }),
    );
    const events = await server.database.prisma.auditEvent.findMany({
      where: { eventName: 'Authenticate', accessKeyId: 'AKIAAUDITEDKEY000001' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      decision: 'Error',
      errorCode: 'InvalidClientTokenId',
      sourceIp: expect.stringContaining('127.0.0.1'),
    });
  });

  it('lets the operator assume a role as the root of its account', async () => {
    const iam = arrangeIam(server.database.prisma, cipher);
    const trustsAccount = await iam.role('111122223333', 'OperatorTarget', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }],
    });
    const trustsAlice = await iam.role('111122223333', 'AliceOnly', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' }],
    });
    const mutation = 'mutation A($input: AssumeRoleInput!) { assumeRole(input: $input) { assumedRoleUser { arn } } }';
    const ok = await postGraphql(
      server.url,
      mutation,
      { input: { roleArn: trustsAccount.arn, roleSessionName: 'op' } },
      basicHeaders(operator),
    );
    expect(ok.data).toEqual({
      assumeRole: { assumedRoleUser: { arn: 'arn:aws:sts::111122223333:assumed-role/OperatorTarget/op' } },
    });
    const refused = await postGraphql(
      server.url,
      mutation,
      { input: { roleArn: trustsAlice.arn, roleSessionName: 'op' } },
      basicHeaders(operator),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('AccessDenied');
  });

  it('never stores a secret in plain text', async () => {
    const dump = await server.database.pool.query('SELECT secret_encrypted FROM access_key');
    const text = JSON.stringify(dump.rows);
    expect(text).not.toContain(alice.secretAccessKey);
    expect(text).not.toContain(root.secretAccessKey);
  });
});
