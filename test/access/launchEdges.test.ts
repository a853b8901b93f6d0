import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { postSigned } from '../scenarios/runExpectation.js';

const ACCOUNT = '230000000001';
const cipher = createSecretCipher(randomBytes(32));
const operator = {
  accessKeyId: generateAccessKeyId('AKIA'),
  secretAccessKey: generateSecretAccessKey(),
  arn: OPERATOR_ARN,
  accountId: OPERATOR_ACCOUNT_ID,
};
const PATHS = `query Paths($from: String!, $to: String!) { assumeRolePaths(fromArn: $from, toRoleArn: $to, maxDepth: 2) { hops { callerArn roleArn chained launchedThrough } } }`;

describe('PassRole + launch edges in the analysis', () => {
  let server: TestServer;
  const ask = (query: string, variables: Record<string, unknown>) => postSigned(server.url, operator, query, variables);
  beforeAll(async () => {
    server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
    await loadScenarioByName(server.database.prisma, 'passrole-escalation', { cipher });
  });
  afterAll(async () => server?.close());

  it('shows the escalation: the developer reaches the admin role by passing it to Lambda', async () => {
    const paths = await ask(PATHS, {
      from: `arn:aws:iam::${ACCOUNT}:user/developer`,
      to: `arn:aws:iam::${ACCOUNT}:role/LambdaAdmin`,
    });
    expect(paths.errors).toBeUndefined();
    expect(paths.data).toEqual({
      assumeRolePaths: [
        {
          hops: [
            {
              callerArn: `arn:aws:iam::${ACCOUNT}:user/developer`,
              roleArn: `arn:aws:iam::${ACCOUNT}:role/LambdaAdmin`,
              chained: false,
              launchedThrough: 'lambda.amazonaws.com',
            },
          ],
        },
      ],
    });
  });

  it('shows the fix: scoped PassRole reaches only the app role', async () => {
    const admin = await ask(PATHS, {
      from: `arn:aws:iam::${ACCOUNT}:user/developer-fixed`,
      to: `arn:aws:iam::${ACCOUNT}:role/LambdaAdmin`,
    });
    expect(admin.data).toEqual({ assumeRolePaths: [] });
    const app = await ask(PATHS, {
      from: `arn:aws:iam::${ACCOUNT}:user/developer-fixed`,
      to: `arn:aws:iam::${ACCOUNT}:role/lambda-app-orders`,
    });
    expect(app.data).toMatchObject({ assumeRolePaths: [{ hops: [{ launchedThrough: 'lambda.amazonaws.com' }] }] });
  });

  it('lists the developer among who can create users, through the launched role', async () => {
    const who = await ask(
      `query Who($arn: String!) { whoCanAccess(resourceArn: $arn, action: "iam:CreateUser") { principalArn path { roleArn launchedThrough } } }`,
      { arn: `arn:aws:iam::${ACCOUNT}:user/backdoor` },
    );
    expect(who.errors).toBeUndefined();
    const rows = who.data?.whoCanAccess as {
      principalArn: string;
      path: { roleArn: string; launchedThrough: string | null }[];
    }[];
    const developer = rows.find((row) => row.principalArn === `arn:aws:iam::${ACCOUNT}:user/developer`);
    expect(developer?.path).toEqual([
      { roleArn: `arn:aws:iam::${ACCOUNT}:role/LambdaAdmin`, launchedThrough: 'lambda.amazonaws.com' },
    ]);
    expect(rows.some((row) => row.principalArn === `arn:aws:iam::${ACCOUNT}:user/developer-fixed`)).toBe(false);
  });
});
