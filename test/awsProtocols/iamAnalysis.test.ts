import {
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  ListEntitiesForPolicyCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let iam: IAMClient;
const mfaDeny = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    {
      Effect: 'Deny',
      Action: 's3:DeleteBucket',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
});

beforeAll(async () => {
  aws = await startAwsTestServer();
  const created = await aws.createAccount('iam-analysis');
  accountId = created.accountId;
  iam = aws.iam(created.root);
  // Given an account with a user (inline policy), a group, a role with an AWS managed policy and a local policy
  await iam.send(new CreateUserCommand({ UserName: 'carol' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 's3', PolicyDocument: mfaDeny }));
  await iam.send(new CreateGroupCommand({ GroupName: 'auditors' }));
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: trust }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'fn', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await iam.send(new CreatePolicyCommand({ PolicyName: 'Local', PolicyDocument: allow('sqs:*') }));
});
afterAll(() => aws.server.close());

describe('IAM account reads and the policy simulator through @aws-sdk/client-iam', () => {
  it('GetAccountSummary counts the account and states the quotas', async () => {
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(summary).toMatchObject({
      Users: 1,
      Groups: 1,
      Roles: 1,
      Policies: 1,
      PolicyVersionsInUse: 1,
      AccessKeysPerUserQuota: 2,
      PolicySizeQuota: 6144,
    });
  });

  it('GetAccountAuthorizationDetails reports every entity with its policies, filters by type and pages', async () => {
    const all = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(all.UserDetailList?.map((u) => [u.UserName, u.UserPolicyList?.map((p) => p.PolicyName)])).toEqual([
      ['carol', ['s3']],
    ]);
    expect(decodeURIComponent(all.UserDetailList?.[0]?.UserPolicyList?.[0]?.PolicyDocument ?? '')).toBe(mfaDeny);
    expect(all.GroupDetailList?.map((g) => g.GroupName)).toEqual(['auditors']);
    expect(all.RoleDetailList?.map((r) => [r.RoleName, r.AttachedManagedPolicies?.map((p) => p.PolicyName)])).toEqual([
      ['fn', ['ReadOnlyAccess']],
    ]);
    expect(all.Policies?.map((p) => [p.PolicyName, p.PolicyVersionList?.map((v) => v.VersionId)])).toEqual([
      ['Local', ['v1']],
      ['ReadOnlyAccess', expect.any(Array)],
    ]);
    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role', 'LocalManagedPolicy'] }));
    expect([roles.UserDetailList, roles.RoleDetailList?.length, roles.Policies?.map((p) => p.PolicyName)]).toEqual([
      [],
      1,
      ['Local'],
    ]);
    const first = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2 }));
    expect([first.IsTruncated, (first.UserDetailList?.length ?? 0) + (first.GroupDetailList?.length ?? 0)]).toEqual([
      true,
      2,
    ]);
    const rest = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: first.Marker }));
    expect([rest.IsTruncated, rest.RoleDetailList?.length, rest.Policies?.length]).toEqual([false, 1, 2]);
    const invalid = await failureOf(iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Nope' as never] })));
    expect(invalid.name).toBe('ValidationError');
  });

  it('SimulateCustomPolicy answers allowed, explicitDeny and implicitDeny with matched statements and missing keys', async () => {
    const result = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [mfaDeny],
        ActionNames: ['s3:GetObject', 's3:DeleteBucket', 'ec2:RunInstances'],
        ContextEntries: [
          { ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['false'], ContextKeyType: 'boolean' },
        ],
      }),
    );
    expect(result.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:DeleteBucket', 'explicitDeny'],
      ['ec2:RunInstances', 'implicitDeny'],
    ]);
    expect(result.EvaluationResults?.[1]?.MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: 'PolicyInputList.1',
      StartPosition: { Line: 1 },
    });
    const missing = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [mfaDeny], ActionNames: ['s3:DeleteBucket'] }),
    );
    expect(missing.EvaluationResults?.[0]?.MissingContextValues).toEqual(['aws:MultiFactorAuthPresent']);
    const paged = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [mfaDeny],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        MaxItems: 1,
      }),
    );
    expect([paged.EvaluationResults?.length, paged.IsTruncated]).toEqual([1, true]);
    const next = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [mfaDeny],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        MaxItems: 1,
        Marker: paged.Marker,
      }),
    );
    expect(next.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(['s3:PutObject']);
    const malformed = await failureOf(
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{'], ActionNames: ['s3:GetObject'] })),
    );
    expect([malformed.name, malformed.$metadata.httpStatusCode]).toEqual(['MalformedPolicyDocumentException', 400]);
  });

  it('SimulatePrincipalPolicy uses everything stored about the principal', async () => {
    const result = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${accountId}:role/fn`,
        ActionNames: ['s3:GetObject', 's3:PutObject'],
      }),
    );
    expect(result.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
    expect(result.EvaluationResults?.[0]?.MatchedStatements?.[0]?.SourcePolicyType).toBe('aws-managed');
  });

  it('ListEntitiesForPolicy lists the identities of the account a policy is attached to', async () => {
    const entities = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect([
      entities.PolicyRoles?.map((r) => r.RoleName),
      entities.PolicyUsers,
      entities.PolicyGroups,
      entities.IsTruncated,
    ]).toEqual([['fn'], [], [], false]);
    expect(
      (
        await iam.send(
          new ListEntitiesForPolicyCommand({
            PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
            EntityFilter: 'User',
          }),
        )
      ).PolicyRoles,
    ).toEqual([]);
    const unsupported = await failureOf(
      iam.send(
        new ListEntitiesForPolicyCommand({
          PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          PolicyUsageFilter: 'PermissionsBoundary',
        }),
      ),
    );
    expect(unsupported.name).toBe('InvalidInputException');
  });

  it('GetContextKeysForCustomPolicy and ForPrincipalPolicy list the condition keys', async () => {
    const custom = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [mfaDeny] }));
    expect(custom.ContextKeyNames).toEqual(['aws:MultiFactorAuthPresent']);
    const principal = await iam.send(
      new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${accountId}:user/carol` }),
    );
    expect(principal.ContextKeyNames).toEqual(['aws:MultiFactorAuthPresent']);
    const invalid = await failureOf(iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['nope'] })));
    expect([invalid.name, invalid.$metadata.httpStatusCode]).toEqual(['InvalidInputException', 400]);
  });
});
