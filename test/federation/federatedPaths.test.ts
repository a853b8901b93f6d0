import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { postSigned } from '../scenarios/runExpectation.js';

const cipher = createSecretCipher(randomBytes(32));
const operator = {
  accessKeyId: generateAccessKeyId('AKIA'),
  secretAccessKey: generateSecretAccessKey(),
  arn: OPERATOR_ARN,
  accountId: OPERATOR_ACCOUNT_ID,
};
const PATHS = `query Paths($from: String!, $to: String!, $depth: Int) {
  assumeRolePaths(fromArn: $from, toRoleArn: $to, maxDepth: $depth) {
    hops { callerArn roleArn chained federatedAction federatedConditions { operator key values } }
  }
}`;
const ACCOUNT = '210000000001';
const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.iam-playground.local/github`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/GitHubDeploy`;
const RELEASER = `arn:aws:iam::${ACCOUNT}:role/Releaser`;
const GATE = [
  { operator: 'StringEquals', key: 'oidc.iam-playground.local/github:aud', values: ['sts.amazonaws.com'] },
  {
    operator: 'StringEquals',
    key: 'oidc.iam-playground.local/github:sub',
    values: ['repo:acme/site:ref:refs/heads/main'],
  },
];

describe('assumeRolePaths from an identity provider', () => {
  let server: TestServer;
  const paths = (from: string, to: string, depth?: number) =>
    postSigned(server.url, operator, PATHS, { from, to, ...(depth === undefined ? {} : { depth }) });
  beforeAll(async () => {
    server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
    await loadScenarioByName(server.database.prisma, 'github-actions-oidc', { cipher });
    // A role the GitHub deploy role's session may assume: a chain that starts with a GitHub token.
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: DEPLOY }, Action: 'sts:AssumeRole' }],
    });
    const created = await postSigned(
      server.url,
      operator,
      'mutation($t: String!, $a: String!) { createRole(roleName: "Releaser", assumeRolePolicyDocument: $t, actingAccountId: $a) { arn } }',
      { t: trust, a: ACCOUNT },
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => server?.close());

  it('starts with anyone holding a GitHub token that meets the trust conditions', async () => {
    const response = await paths(GITHUB, DEPLOY);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      assumeRolePaths: [
        {
          hops: [
            {
              callerArn: GITHUB,
              roleArn: DEPLOY,
              chained: false,
              federatedAction: 'sts:AssumeRoleWithWebIdentity',
              federatedConditions: GATE,
            },
          ],
        },
      ],
    });
  });

  it('continues with role chaining from the federated session', async () => {
    const response = await paths(GITHUB, RELEASER);
    expect(response.data).toEqual({
      assumeRolePaths: [
        {
          hops: [
            {
              callerArn: GITHUB,
              roleArn: DEPLOY,
              chained: false,
              federatedAction: 'sts:AssumeRoleWithWebIdentity',
              federatedConditions: GATE,
            },
            { callerArn: DEPLOY, roleArn: RELEASER, chained: true, federatedAction: null, federatedConditions: null },
          ],
        },
      ],
    });
    expect((await paths(GITHUB, RELEASER, 1)).data).toEqual({ assumeRolePaths: [] });
  });

  it('draws the same paths in the access graph, from the identity provider node', async () => {
    const response = await postSigned(
      server.url,
      operator,
      `query Graph($from: String!, $to: String!) {
        accessGraph(scope: { assumeRolePaths: { fromArn: $from, toRoleArn: $to } }) {
          nodes { id type } edges { type source target }
        }
      }`,
      { from: GITHUB, to: RELEASER },
    );
    expect(response.errors).toBeUndefined();
    const graph = response.data?.accessGraph as {
      nodes: { id: string; type: string }[];
      edges: { type: string; source: string; target: string }[];
    };
    expect(graph.nodes).toEqual(expect.arrayContaining([{ id: GITHUB, type: 'IDENTITY_PROVIDER' }]));
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { type: 'CAN_ASSUME', source: GITHUB, target: DEPLOY },
        { type: 'CAN_ASSUME', source: DEPLOY, target: RELEASER },
      ]),
    );
  });

  it('answers NoSuchEntity for a provider that is not stored', async () => {
    const response = await paths(`arn:aws:iam::${ACCOUNT}:oidc-provider/example.com`, DEPLOY);
    expect(response.errors?.[0]?.extensions?.code).toBe('NoSuchEntity');
  });
});
