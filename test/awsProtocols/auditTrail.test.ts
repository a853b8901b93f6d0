import * as iamSdk from '@aws-sdk/client-iam';
import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as stsSdk from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAwsOperation } from '../../src/features/awsProtocols/awsOperations.js';
import type { AwsService } from '../../src/features/awsProtocols/AwsOperation.js';
import { dataOf, type Key } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let root: Key;
let nobody: Key;

const LOOKUP = `query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 5) { edges { node { eventName action decision principalArn errorCode } } } }`;
type Lookup = {
  auditEvents: {
    edges: {
      node: { eventName: string; action: string; decision: string; principalArn: string; errorCode: string | null };
    }[];
  };
};

beforeAll(async () => {
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('audit'));
  await aws.organizations(root).send(new organizationsSdk.CreateOrganizationCommand({}));
  await aws.iam(root).send(new iamSdk.CreateUserCommand({ UserName: 'nobody' }));
  await aws.iam(root).send(
    new iamSdk.CreateRoleCommand({
      RoleName: 'target',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: accountId }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  const key = (await aws.iam(root).send(new iamSdk.CreateAccessKeyCommand({ UserName: 'nobody' }))).AccessKey!;
  nobody = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterAll(() => aws.server.close());

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

/** Operations a user without policies calls, each with valid parameters, so authorization is what refuses it. */
const calls: [AwsService, string, (key: Key) => Promise<unknown>][] = [
  ['iam', 'CreateUser', (key) => aws.iam(key).send(new iamSdk.CreateUserCommand({ UserName: 'x' }))],
  [
    'iam',
    'CreateRole',
    (key) =>
      aws.iam(key).send(
        new iamSdk.CreateRoleCommand({
          RoleName: 'x',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: accountId }, Action: 'sts:AssumeRole' }],
          }),
        }),
      ),
  ],
  [
    'iam',
    'PutRolePolicy',
    (key) =>
      aws
        .iam(key)
        .send(new iamSdk.PutRolePolicyCommand({ RoleName: 'target', PolicyName: 'p', PolicyDocument: policy })),
  ],
  [
    'iam',
    'CreatePolicy',
    (key) => aws.iam(key).send(new iamSdk.CreatePolicyCommand({ PolicyName: 'p', PolicyDocument: policy })),
  ],
  ['iam', 'GetRole', (key) => aws.iam(key).send(new iamSdk.GetRoleCommand({ RoleName: 'target' }))],
  ['iam', 'ListRoles', (key) => aws.iam(key).send(new iamSdk.ListRolesCommand({}))],
  [
    'iam',
    'GetAccountAuthorizationDetails',
    (key) => aws.iam(key).send(new iamSdk.GetAccountAuthorizationDetailsCommand({})),
  ],
  [
    'iam',
    'SimulatePrincipalPolicy',
    (key) =>
      aws.iam(key).send(
        new iamSdk.SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${accountId}:role/target`,
          ActionNames: ['s3:GetObject'],
        }),
      ),
  ],
  [
    'iam',
    'UpdateRoleDescription',
    (key) => aws.iam(key).send(new iamSdk.UpdateRoleDescriptionCommand({ RoleName: 'target', Description: 'd' })),
  ],
  [
    'sts',
    'AssumeRole',
    (key) =>
      aws
        .sts(key)
        .send(
          new stsSdk.AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/target`, RoleSessionName: 'nobody' }),
        ),
  ],
  [
    'organizations',
    'CreateOrganizationalUnit',
    (key) =>
      aws
        .organizations(key)
        .send(new organizationsSdk.CreateOrganizationalUnitCommand({ ParentId: 'r-none', Name: 'x' })),
  ],
  ['organizations', 'ListAccounts', (key) => aws.organizations(key).send(new organizationsSdk.ListAccountsCommand({}))],
  [
    'organizations',
    'DescribeOrganization',
    (key) => aws.organizations(key).send(new organizationsSdk.DescribeOrganizationCommand({})),
  ],
];

describe('the AWS protocols decide and audit through the one door', () => {
  it.each(calls)(
    '%s:%s is denied as the IAM action of the mapping table, and audited like GraphQL',
    async (service, name, call) => {
      const operation = findAwsOperation(service, name);
      expect(operation).not.toBeNull();
      const denied = await failureOf(call(nobody));
      expect(denied.name).toMatch(/^AccessDenied(Exception)?$/);
      expect(denied.message).toContain(
        `User: arn:aws:iam::${accountId}:user/nobody is not authorized to perform: ${operation!.action}`,
      );
      const events = dataOf(
        await aws.call<Lookup>(root, LOOKUP, {
          filter: {
            action: operation!.action,
            decision: 'DENY',
            principalArn: `arn:aws:iam::${accountId}:user/nobody`,
          },
        }),
      );
      expect(events.auditEvents.edges[0]?.node).toMatchObject({
        action: operation!.action,
        decision: 'DENY',
        errorCode: 'AccessDenied',
      });
    },
  );
});
