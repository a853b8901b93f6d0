import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStoredAwsManagedPolicies } from '../../src/features/policies/awsManagedPolicyRows.js';
import { awsManagedPolicyId, findAwsManagedPolicy, listAwsManagedPolicies } from '../../src/iam/index.js';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;

const LAMBDA_BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const EC2_READ = 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess';

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('awsmanaged'));
});
afterAll(() => env?.server.close());

// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies:
// AWS managed policies are created and administered by AWS, usable in every account, and cannot be changed.
describe('AWS managed policies', () => {
  it('lists every AWS managed policy of the catalogue, paged by name, without storing them', async () => {
    const page = `query($after: String) { awsManagedPolicies(first: 500, after: $after) { edges { node { name arn path isAwsManaged } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: {
        awsManagedPolicies: {
          edges: { node: { name: string; path: string; isAwsManaged: boolean } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = dataOf(await env.call(root, page, { after }));
      names.push(...data.awsManagedPolicies.edges.map((edge) => edge.node.name));
      if (!data.awsManagedPolicies.pageInfo.hasNextPage) break;
      after = data.awsManagedPolicies.pageInfo.endCursor;
    }
    expect(names.length).toBe(listAwsManagedPolicies().length);
    expect(names.length).toBeGreaterThan(1500);
    expect(new Set(names).size).toBe(names.length);
    expect(await env.prisma.managedPolicy.count({ where: { accountId: null } })).toBe(0);
  });

  it('reads one by ARN with AWS path and its real default version', async () => {
    const data = dataOf(
      await env.call<{
        policy: { name: string; path: string; isAwsManaged: boolean; defaultVersion: { document: string } };
      }>(root, 'query($arn: String!) { policy(arn: $arn) { name path isAwsManaged defaultVersion { document } } }', {
        arn: LAMBDA_BASIC,
      }),
    );
    expect(data.policy).toMatchObject({
      name: 'AWSLambdaBasicExecutionRole',
      path: '/service-role/',
      isAwsManaged: true,
    });
    expect(data.policy.defaultVersion.document).toContain('logs:CreateLogGroup');
  });

  it('attaches any of them by ARN in any account, and the real document decides', async () => {
    dataOf(await env.call(root, 'mutation { createUser(userName: "viewer") { name } }'));
    dataOf(
      await env.call(root, `mutation { attachUserPolicy(userName: "viewer", policyArn: "${EC2_READ}") { name } }`),
    );
    const can = `query($arn: String!, $action: String!) { user(arn: $arn) { canPerform(action: $action, resource: "*") { decision } } }`;
    const viewer = `arn:aws:iam::${accountId}:user/viewer`;
    const decide = async (action: string) =>
      dataOf(await env.call<{ user: { canPerform: { decision: string } } }>(root, can, { arn: viewer, action })).user
        .canPerform.decision;
    expect(await decide('ec2:DescribeInstances')).toBe('ALLOWED');
    expect(await decide('ec2:TerminateInstances')).toBe('IMPLICIT_DENY');
    expect(await env.prisma.managedPolicy.count({ where: { accountId: null } })).toBe(1);
  });

  it('refuses every change to an AWS managed policy, even to the account root', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const attempts = [
      [
        'mutation($arn: String!) { createPolicyVersion(policyArn: $arn, policyDocument: ' +
          JSON.stringify(JSON.stringify(JSON.parse(allow('*')))) +
          ', setAsDefault: true) { versionId } }',
        'iam:CreatePolicyVersion',
      ],
      [
        'mutation($arn: String!) { setDefaultPolicyVersion(policyArn: $arn, versionId: "v1") { name } }',
        'iam:SetDefaultPolicyVersion',
      ],
      [
        'mutation($arn: String!) { deletePolicyVersion(policyArn: $arn, versionId: "v1") { versionId } }',
        'iam:DeletePolicyVersion',
      ],
      ['mutation($arn: String!) { deletePolicy(policyArn: $arn) { deletedId } }', 'iam:DeletePolicy'],
    ] as const;
    for (const [mutation, action] of attempts) {
      const error = errorOf(await env.call(root, mutation, { arn }));
      expect(error.code, action).toBe('AccessDenied');
      expect(error.message, action).toMatch(
        new RegExp(
          `^User: arn:aws:iam::${accountId}:root is not authorized to perform: ${action} on resource: (policy )?${arn}`,
        ),
      );
    }
    expect(await env.prisma.policyVersion.count({ where: { policy: { arn } } })).toBe(0);
  });

  it('brings a stored copy that differs from the shipped catalogue up to date', async () => {
    // Given: a stored, trimmed copy of SecurityAudit (as earlier releases seeded it)
    const arn = 'arn:aws:iam::aws:policy/SecurityAudit';
    const id = awsManagedPolicyId('SecurityAudit');
    await env.prisma.managedPolicy.create({
      data: {
        id,
        accountId: null,
        name: 'SecurityAudit',
        nameKey: 'securityaudit',
        path: '/',
        arn,
        versions: { create: { versionId: 'v1', document: allow('iam:Get*'), isDefault: true } },
      },
    });
    // When
    expect(await refreshStoredAwsManagedPolicies(env.prisma)).toBe(1);
    // Then
    const versions = await env.prisma.policyVersion.findMany({ where: { policyId: id } });
    expect(versions.map((v) => [v.versionId, v.document, v.isDefault])).toEqual([
      [findAwsManagedPolicy(arn)!.defaultVersionId, findAwsManagedPolicy(arn)!.document, true],
    ]);
    expect(await refreshStoredAwsManagedPolicies(env.prisma)).toBe(0);
  });
});
