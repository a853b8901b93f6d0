import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, C, crossAccountFixture, D, E } from '../../src/iam/analysis/crossAccountFixture.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { writeFixture } from './writeFixture.js';

const alice = `arn:aws:iam::${A}:user/alice`;
const hop = `arn:aws:iam::${B}:role/Hop`;
const reader = `arn:aws:iam::${C}:role/Reader`;
const vendor = `arn:aws:iam::${C}:role/Vendor`;
const dave = `arn:aws:iam::${D}:user/dave`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await writeFixture(server.database.pool, crossAccountFixture);
});

afterAll(async () => {
  await server?.close();
});

const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const response = await server.query<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

describe('access queries over HTTP', () => {
  it('whoCanAccess finds a principal that reaches the resource only through a two-hop chain across three accounts', async () => {
    const data = await gql<{
      whoCanAccess: {
        principalArn: string;
        path: { roleArn: string; chained: boolean }[];
        matchedStatements: { statementId: string }[];
      }[];
    }>(
      `query($r: String!) { whoCanAccess(resourceArn: $r, action: "s3:GetObject") {
        principalArn path { roleArn chained } matchedStatements { statementId } } }`,
      { r: 'arn:aws:s3:::data-bucket/report.csv' },
    );
    const grant = data.whoCanAccess.find((g) => g.principalArn === alice)!;
    expect(grant.path).toEqual([
      { roleArn: hop, chained: false },
      { roleArn: reader, chained: true },
    ]);
    expect(grant.matchedStatements.map((s) => s.statementId)).toEqual(['ReadData']);
    expect(data.whoCanAccess.map((g) => g.principalArn)).not.toContain(`arn:aws:iam::${A}:user/bob`);
  });

  it('assumeRolePaths reports the ExternalId a hop needs, and an SCP at an OU blocks a path', async () => {
    const query = `query($from: String!, $to: String!) { assumeRolePaths(fromArn: $from, toRoleArn: $to, maxDepth: 3) {
      maxSessionSeconds hops { callerArn roleArn externalIdRequired mfaRequired chained } } }`;
    const vendorPaths = await gql<{ assumeRolePaths: { hops: { externalIdRequired: string | null }[] }[] }>(query, {
      from: alice,
      to: vendor,
    });
    expect(vendorPaths.assumeRolePaths).toHaveLength(1);
    expect(vendorPaths.assumeRolePaths[0]!.hops[0]!.externalIdRequired).toBe('ext-123');
    const blocked = await gql<{ assumeRolePaths: unknown[] }>(query, { from: dave, to: vendor });
    expect(blocked.assumeRolePaths).toEqual([]);
    const chain = await gql<{ assumeRolePaths: { maxSessionSeconds: number; hops: { chained: boolean }[] }[] }>(query, {
      from: alice,
      to: reader,
    });
    expect(chain.assumeRolePaths[0]!.hops.map((h) => h.chained)).toEqual([false, true]);
    expect(chain.assumeRolePaths[0]!.maxSessionSeconds).toBe(3600);
  });

  it('a bucket policy granting another account works only with the identity-side allow', async () => {
    const data = await gql<{
      user: { canPerform: { allowed: boolean } };
      other: { canPerform: { allowed: boolean; explanation: string } };
      whoCanAccess: { principalArn: string }[];
    }>(
      `query($erin: String!, $eve: String!, $object: String!) {
        user(arn: $erin) { canPerform(action: "s3:GetObject", resource: $object) { allowed } }
        other: user(arn: $eve) { canPerform(action: "s3:GetObject", resource: $object) { allowed explanation } }
        whoCanAccess(resourceArn: $object, action: "s3:GetObject") { principalArn } }`,
      { erin: `arn:aws:iam::${E}:user/erin`, eve: `arn:aws:iam::${E}:user/eve`, object: 'arn:aws:s3:::shared/file' },
    );
    expect(data.user.canPerform.allowed).toBe(true);
    expect(data.other.canPerform.allowed).toBe(false);
    expect(data.whoCanAccess.map((g) => g.principalArn)).toEqual([`arn:aws:iam::${E}:user/erin`]);
  });

  it('simulatePrincipalPolicy answers for a stored role with its stored policies', async () => {
    const data = await gql<{
      simulatePrincipalPolicy: {
        evaluationResults: {
          evalDecision: string;
          allowedByOrganizations: boolean;
          matchedStatements: { sourcePolicyType: string }[];
        }[];
      };
    }>(
      `query($arn: String!) { simulatePrincipalPolicy(input: { policySourceArn: $arn, actionNames: ["s3:GetObject", "s3:PutObject"], resourceArns: ["arn:aws:s3:::data-bucket/x"] }) {
        evaluationResults { evalDecision allowedByOrganizations matchedStatements { sourcePolicyType } } } }`,
      { arn: reader },
    );
    expect(data.simulatePrincipalPolicy.evaluationResults.map((r) => r.evalDecision)).toEqual([
      'ALLOWED',
      'IMPLICIT_DENY',
    ]);
    expect(data.simulatePrincipalPolicy.evaluationResults[0]!.allowedByOrganizations).toBe(true);
  });

  it("simulateCustomPolicy decides with the given policies and reports malformed ones with AWS's code", async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const query = `query($p: String!) { simulateCustomPolicy(input: { policyInputList: [$p], actionNames: ["s3:GetObject", "s3:PutObject"] }) {
      evaluationResults { evalActionName evalDecision matchedStatements { sourcePolicyId statementId startPosition { line column } } } } }`;
    const data = await gql<{
      simulateCustomPolicy: {
        evaluationResults: { evalDecision: string; matchedStatements: { sourcePolicyId: string }[] }[];
      };
    }>(query, { p: policy });
    expect(data.simulateCustomPolicy.evaluationResults.map((r) => r.evalDecision)).toEqual([
      'ALLOWED',
      'IMPLICIT_DENY',
    ]);
    expect(data.simulateCustomPolicy.evaluationResults[0]!.matchedStatements[0]!.sourcePolicyId).toBe(
      'PolicyInputList.1',
    );
    const bad = await server.query(query, { p: '{"Statement": [' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('MalformedPolicyDocument');
  });

  it('explains every policy and statement: which applied, and why the others did not', async () => {
    // Given a policy whose statements fail on the action, the resource and a condition key
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'OtherAction', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
        { Sid: 'OtherBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' },
        {
          Sid: 'OfficeOnly',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    });
    const fields = `evaluationResults { evalDecision policies { sourcePolicyId sourcePolicyType decision
      statements { statementId outcome failedCondition { operator key missingKey } } } }`;
    // When simulateCustomPolicy asks without a source IP
    const custom = await gql<{
      simulateCustomPolicy: { evaluationResults: { evalDecision: string; policies: unknown[] }[] };
    }>(
      `query($p: String!) { simulateCustomPolicy(input: { policyInputList: [$p], actionNames: ["s3:GetObject"], resourceArns: ["arn:aws:s3:::data-bucket/x"] }) { ${fields} } }`,
      { p: policy },
    );
    // Then each statement says why it did not apply
    expect(custom.simulateCustomPolicy.evaluationResults[0]).toEqual({
      evalDecision: 'IMPLICIT_DENY',
      policies: [
        {
          sourcePolicyId: 'PolicyInputList.1',
          sourcePolicyType: 'identity',
          decision: 'IMPLICIT_DENY',
          statements: [
            { statementId: 'OtherAction', outcome: 'ACTION_NOT_MATCHED', failedCondition: null },
            { statementId: 'OtherBucket', outcome: 'RESOURCE_NOT_MATCHED', failedCondition: null },
            {
              statementId: 'OfficeOnly',
              outcome: 'CONDITION_NOT_MATCHED',
              failedCondition: { operator: 'IpAddress', key: 'aws:SourceIp', missingKey: true },
            },
          ],
        },
      ],
    });
    // And simulatePrincipalPolicy explains the stored role's policies the same way
    const stored = await gql<{
      simulatePrincipalPolicy: {
        evaluationResults: { policies: { sourcePolicyType: string; statements: { outcome: string }[] }[] }[];
      };
    }>(
      `query($arn: String!) { simulatePrincipalPolicy(input: { policySourceArn: $arn, actionNames: ["s3:GetObject"], resourceArns: ["arn:aws:s3:::data-bucket/x"] }) { ${fields} } }`,
      { arn: reader },
    );
    const identity = stored.simulatePrincipalPolicy.evaluationResults[0]!.policies.filter(
      (p) => p.sourcePolicyType === 'identity',
    );
    expect(identity.flatMap((p) => p.statements.map((st) => st.outcome))).toContain('MATCHED');
  });

  it('externalAccess lists what principals outside the account can use', async () => {
    const data = await gql<{ externalAccess: { resourceArn: string; principal: string; conditions: string[] }[] }>(
      `query { externalAccess(accountId: "${C}") { resourceArn principal conditions } }`,
    );
    expect(data.externalAccess).toEqual(
      expect.arrayContaining([
        { resourceArn: vendor, principal: `arn:aws:iam::${A}:root`, conditions: ['StringEquals sts:ExternalId'] },
        { resourceArn: reader, principal: hop, conditions: [] },
        { resourceArn: 'arn:aws:s3:::shared', principal: `arn:aws:iam::${E}:root`, conditions: [] },
      ]),
    );
    const org = await gql<{ externalAccess: unknown[] }>(
      `query { externalAccess(organizationId: "o-fixture0001") { resourceArn } }`,
    );
    expect(org.externalAccess).toEqual([]);
  });

  it('effectivePermissions lists what a principal can do', async () => {
    const data = await gql<{ effectivePermissions: { action: string; resources: string[] }[] }>(
      `query($arn: String!) { effectivePermissions(principalArn: $arn) { action resources } }`,
      { arn: reader },
    );
    expect(data.effectivePermissions).toEqual([{ action: 's3:GetObject', resources: ['arn:aws:s3:::data-bucket/*'] }]);
  });

  it('never answers from a stale index after a write commits', async () => {
    const query = `query { whoCanAccess(resourceArn: "arn:aws:s3:::data-bucket/report.csv", action: "s3:GetObject") { principalArn } }`;
    const before = await gql<{ whoCanAccess: { principalArn: string }[] }>(query);
    expect(before.whoCanAccess.map((g) => g.principalArn)).toContain(alice);
    // Given: alice loses her policy in a committed transaction (the triggers record it)
    await server.database.pool.query(
      `DELETE FROM inline_policy WHERE user_id = (SELECT id FROM iam_user WHERE arn = $1)`,
      [alice],
    );
    // Then: the very next query sees it
    const after = await gql<{ whoCanAccess: { principalArn: string }[] }>(query);
    expect(after.whoCanAccess.map((g) => g.principalArn)).not.toContain(alice);
    expect(after.whoCanAccess.map((g) => g.principalArn)).toContain(hop);
  });
});
