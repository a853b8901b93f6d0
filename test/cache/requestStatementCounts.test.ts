import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { arrangeIam, type TestKey } from '../sts/arrangeIam.js';
import { signedPost } from '../support/signedPost.js';
import { ASSUME_ROLE, trustPolicy } from '../sts/stsTestServer.js';

let server: TestServer;
let alice: TestKey & { arn: string };
let roleArn: string;
let statements: string[] = [];

beforeAll(async () => {
  const cipher = createSecretCipher(randomBytes(32));
  server = await startTestServer({
    cipher,
    authenticate: createAuthenticator({ cipher, operator: null }),
    databaseOptions: { onQuery: (sql) => void statements.push(sql) },
  });
  const iam = arrangeIam(server.database.prisma, cipher);
  await iam.account('173000000001');
  alice = await iam.user('173000000001', 'alice', [iam.allowAll]);
  roleArn = (await iam.role('173000000001', 'Worker', trustPolicy(alice.arn), { policies: [iam.allowAll] })).arn;
});
afterAll(async () => {
  await server.close();
});

/** The SQL statements of one SigV4-signed request, sent after a warm-up request of the same operation. */
async function steadyStatements(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  const warm = await signedPost(server.url, alice, query, variables);
  expect(warm.errors).toBeUndefined();
  statements = [];
  const response = await signedPost(server.url, alice, query, variables);
  expect(response.errors).toBeUndefined();
  return [...statements];
}

const SIMULATE = `query($input: SimulateCustomPolicyInput!) { simulateCustomPolicy(input: $input) { evaluationResults { evalDecision } } }`;
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

// Statement counts of signed requests of a cached caller, the shape each request has with authentication on. The
// door's operations (simulateCustomPolicy, assumeRole) still load the caller's policies per request and audit
// each decision alone until the door reads `loadCachedCallerSide` (src/features/cache) and batches its audit
// rows (issue 10): their bounds are today's counts, to be tightened then.
describe('SQL statements per signed request (authentication on)', () => {
  it('{ __typename } and callerIdentity cost the version check only', async () => {
    expect(await steadyStatements('{ __typename }')).toEqual([
      expect.stringMatching(/^SELECT version FROM authorization_version WHERE id = 1$/),
    ]);
    expect(await steadyStatements('{ callerIdentity { arn account userId } }')).toHaveLength(1);
  });

  it('simulateCustomPolicy and assumeRole authenticate with the version check and stay within their bounds', async () => {
    const simulate = await steadyStatements(SIMULATE, {
      input: { policyInputList: [POLICY], actionNames: ['s3:GetObject'] },
    });
    expect(simulate[0]).toMatch(/^SELECT version FROM authorization_version/);
    expect(simulate.filter((sql) => /access_key|"session"/.test(sql) && /^SELECT/.test(sql))).toEqual([]);
    expect(simulate.length).toBeLessThanOrEqual(21);

    const assume = await steadyStatements(ASSUME_ROLE, { input: { roleArn, roleSessionName: 'pinned' } });
    expect(assume[0]).toMatch(/^SELECT version FROM authorization_version/);
    expect(assume.length).toBeLessThanOrEqual(27);
  });
});
