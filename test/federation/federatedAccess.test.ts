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
const QUERY = `query Federated($arn: String!, $action: String!) {
  whoCanAccessFederated(resourceArn: $arn, action: $action) { providerArn action roleArn conditions { operator key values } path { roleArn } }
}`;

describe('federated principals in the analysis', () => {
  let server: TestServer;
  const ask = (arn: string, action: string) => postSigned(server.url, operator, QUERY, { arn, action });
  beforeAll(async () => {
    server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
    await loadScenarioByName(server.database.prisma, 'github-actions-oidc', { cipher });
    await loadScenarioByName(server.database.prisma, 'enterprise-saml', { cipher });
  });
  afterAll(async () => server?.close());

  it('reports "anyone with a main-branch token from the GitHub provider" for the site bucket', async () => {
    const response = await ask('arn:aws:s3:::github-oidc-site/index.html', 's3:PutObject');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      whoCanAccessFederated: [
        {
          providerArn: 'arn:aws:iam::210000000001:oidc-provider/oidc.iam-playground.local/github',
          action: 'sts:AssumeRoleWithWebIdentity',
          roleArn: 'arn:aws:iam::210000000001:role/GitHubDeploy',
          conditions: [
            { operator: 'StringEquals', key: 'oidc.iam-playground.local/github:aud', values: ['sts.amazonaws.com'] },
            {
              operator: 'StringEquals',
              key: 'oidc.iam-playground.local/github:sub',
              values: ['repo:acme/site:ref:refs/heads/main'],
            },
          ],
          path: [],
        },
      ],
    });
    expect((await ask('arn:aws:s3:::github-oidc-site', 's3:DeleteBucket')).data).toEqual({ whoCanAccessFederated: [] });
  });

  it('reports the SAML provider gated on the SRE affiliation for production data', async () => {
    const response = await ask('arn:aws:s3:::enterprise-saml-prod-data/orders.csv', 's3:GetObject');
    expect(response.data).toMatchObject({
      whoCanAccessFederated: [
        {
          providerArn: 'arn:aws:iam::240000000001:saml-provider/AcmeCorp',
          action: 'sts:AssumeRoleWithSAML',
          roleArn: 'arn:aws:iam::240000000001:role/ReadOnly',
          conditions: expect.arrayContaining([
            { operator: 'ForAnyValue:StringEquals', key: 'saml:edupersonaffiliation', values: ['sre'] },
          ]),
        },
      ],
    });
  });
});
