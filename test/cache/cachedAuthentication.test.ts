import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { arrangeIam, type TestKey } from '../sts/arrangeIam.js';
import { signedPost } from '../support/signedPost.js';
import { ASSUME_ROLE, trustPolicy, type AssumeRoleData } from '../sts/stsTestServer.js';

let server: TestServer;
let iam: ReturnType<typeof arrangeIam>;
let statements: string[] = [];

beforeAll(async () => {
  const cipher = createSecretCipher(randomBytes(32));
  server = await startTestServer({
    cipher,
    authenticate: createAuthenticator({ cipher, operator: null }),
    databaseOptions: { onQuery: (sql) => void statements.push(sql) },
  });
  iam = arrangeIam(server.database.prisma, cipher);
});
afterAll(async () => {
  await server.close();
});

/** Sends one SigV4-signed request and returns its response with the SQL statements it issued. */
async function send<T = Record<string, unknown>>(key: TestKey, query: string, variables: Record<string, unknown> = {}) {
  statements = [];
  const response = await signedPost<T>(server.url, key, query, variables);
  return { response, statements: [...statements] };
}

const VERSION_CHECK = /^SELECT version FROM authorization_version WHERE id = 1$/;

describe('authentication from version-keyed caches (signed requests through the real authenticator)', () => {
  it('costs one statement for a new caller and only the version check for a cached one', async () => {
    // Given a user with a key nobody has used yet
    await iam.account('171000000001');
    const alice = await iam.user('171000000001', 'alice', [iam.allowAll]);

    // When she signs `{ __typename }` twice
    const first = await send(alice, '{ __typename }');
    const second = await send(alice, '{ __typename }');

    // Then the first request's one statement reads her key and the version together, the second only checks the version
    expect(first.response.errors).toBeUndefined();
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatch(/FROM authorization_version v LEFT JOIN access_key/);
    expect(second.statements).toEqual([expect.stringMatching(VERSION_CHECK)]);

    // And callerIdentity, which reads nothing stored, costs the same
    const identity = await send<{ callerIdentity: { arn: string } }>(
      alice,
      '{ callerIdentity { arn account userId } }',
    );
    expect(identity.response.data?.callerIdentity.arn).toBe(alice.arn);
    expect(identity.statements).toEqual([expect.stringMatching(VERSION_CHECK)]);
  });

  it('serves temporary credentials from the cache too', async () => {
    // Given a session of a role
    await iam.account('171000000002');
    const bob = await iam.user('171000000002', 'bob', [iam.allowAll]);
    const role = await iam.role('171000000002', 'Worker', trustPolicy(bob.arn));
    const assumed = await send<AssumeRoleData>(bob, ASSUME_ROLE, {
      input: { roleArn: role.arn, roleSessionName: 's1' },
    });
    const credentials = assumed.response.data!.assumeRole.credentials;
    const session: TestKey = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };

    // When the session signs callerIdentity twice
    const first = await send<{ callerIdentity: { arn: string } }>(session, '{ callerIdentity { arn } }');
    const second = await send<{ callerIdentity: { arn: string } }>(session, '{ callerIdentity { arn } }');

    // Then one statement each: the session and the version, then the version alone
    expect(first.response.data?.callerIdentity.arn).toBe(`arn:aws:sts::171000000002:assumed-role/Worker/s1`);
    expect(first.statements).toHaveLength(1);
    expect(second.statements).toEqual([expect.stringMatching(VERSION_CHECK)]);
  });

  it('never answers from a credential that a committed write changed or removed', async () => {
    // Given cached callers: a key, another key and a session
    await iam.account('171000000003');
    const carol = await iam.user('171000000003', 'carol', [iam.allowAll]);
    const dave = await iam.user('171000000003', 'dave', [iam.allowAll]);
    const role = await iam.role('171000000003', 'Worker', trustPolicy(carol.arn));
    const assumed = await send<AssumeRoleData>(carol, ASSUME_ROLE, {
      input: { roleArn: role.arn, roleSessionName: 's1' },
    });
    const c = assumed.response.data!.assumeRole.credentials;
    const session: TestKey = {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
    };
    for (const key of [carol, dave, session])
      expect((await send(key, '{ callerIdentity { arn } }')).response.errors).toBeUndefined();

    // When other writers (plain SQL, as another process would) deactivate a key, delete one and end the session
    await server.database.pool.query(`UPDATE access_key SET status = 'Inactive' WHERE id = $1`, [carol.accessKeyId]);
    await server.database.pool.query('DELETE FROM access_key WHERE id = $1', [dave.accessKeyId]);
    await server.database.pool.query('DELETE FROM session WHERE id = $1', [session.accessKeyId]);

    // Then the very next request of each is refused
    for (const key of [carol, dave, session]) {
      const { response } = await send(key, '{ callerIdentity { arn } }');
      expect(response.errors?.[0]?.extensions?.code).toBe('InvalidClientTokenId');
    }
  });

  it('sees a renamed principal at once', async () => {
    await iam.account('171000000004');
    const erin = await iam.user('171000000004', 'erin', [iam.allowAll]);
    expect(
      (await send<{ callerIdentity: { arn: string } }>(erin, '{ callerIdentity { arn } }')).response.data
        ?.callerIdentity.arn,
    ).toBe(erin.arn);
    await server.database.pool.query(`UPDATE iam_user SET arn = $2 WHERE id = $1`, [
      erin.id,
      'arn:aws:iam::171000000004:user/team/erin',
    ]);
    const after = await send<{ callerIdentity: { arn: string } }>(erin, '{ callerIdentity { arn } }');
    expect(after.response.data?.callerIdentity.arn).toBe('arn:aws:iam::171000000004:user/team/erin');
  });

  it('keeps issuing credentials from invalidating the caches', async () => {
    // Given a cached caller
    await iam.account('171000000005');
    const frank = await iam.user('171000000005', 'frank', [iam.allowAll]);
    const role = await iam.role('171000000005', 'Worker', trustPolicy(frank.arn));
    await send(frank, '{ __typename }');

    // When a session is issued (an INSERT into session) and the caller signs again
    const assumed = await send<AssumeRoleData>(frank, ASSUME_ROLE, {
      input: { roleArn: role.arn, roleSessionName: 's1' },
    });
    expect(assumed.response.errors).toBeUndefined();
    const next = await send(frank, '{ __typename }');

    // Then the caller is still cached: the version did not move
    expect(next.statements).toEqual([expect.stringMatching(VERSION_CHECK)]);
  });
});
