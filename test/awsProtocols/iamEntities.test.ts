import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  SetDefaultPolicyVersionCommand,
  TagRoleCommand,
  TagUserCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
  UntagRoleCommand,
  UntagUserCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let iam: IAMClient;
let created: Awaited<ReturnType<typeof aws.createAccount>>;
const trust = (account: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  });

beforeAll(async () => {
  aws = await startAwsTestServer();
  created = await aws.createAccount('iam-sdk');
  accountId = created.accountId;
  iam = aws.iam(created.root);
});
afterAll(() => aws.server.close());

describe('IAM users, groups and access keys through @aws-sdk/client-iam', () => {
  it('creates, reads, lists, tags and deletes users and groups', async () => {
    const alice = await iam.send(
      new CreateUserCommand({ UserName: 'alice', Path: '/team/', Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    expect(alice.User).toMatchObject({
      UserName: 'alice',
      Path: '/team/',
      Arn: `arn:aws:iam::${accountId}:user/team/alice`,
      Tags: [{ Key: 'team', Value: 'blue' }],
    });
    expect(alice.User?.UserId).toMatch(/^AIDA/);
    expect(alice.User?.CreateDate).toBeInstanceOf(Date);
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new TagUserCommand({ UserName: 'bob', Tags: [{ Key: 'cost', Value: '1' }] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'bob' }))).Tags).toEqual([{ Key: 'cost', Value: '1' }]);
    await iam.send(new UntagUserCommand({ UserName: 'bob', TagKeys: ['COST'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'bob' }))).Tags).toEqual([]);
    expect((await iam.send(new GetUserCommand({ UserName: 'ALICE' }))).User?.UserName).toBe('alice');
    expect((await iam.send(new GetUserCommand({}))).User?.Arn).toBe(`arn:aws:iam::${accountId}:root`);
    expect(
      (await iam.send(new ListUsersCommand({ PathPrefix: '/team/' }))).Users?.map((user) => user.UserName),
    ).toEqual(['alice']);

    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'alice' }));
    const group = await iam.send(new GetGroupCommand({ GroupName: 'devs' }));
    expect(group.Group?.Arn).toBe(`arn:aws:iam::${accountId}:group/devs`);
    expect(group.Users?.map((user) => user.UserName)).toEqual(['alice']);
    expect((await iam.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName)).toContain('devs');
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups?.map((g) => g.GroupName),
    ).toEqual(['devs']);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'alice' }));
    expect((await iam.send(new GetGroupCommand({ GroupName: 'devs' }))).Users).toEqual([]);
    await iam.send(new DeleteGroupCommand({ GroupName: 'devs' }));
    await iam.send(new DeleteUserCommand({ UserName: 'bob' }));
    const missing = await failureOf(iam.send(new GetUserCommand({ UserName: 'bob' })));
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      'The user with name bob cannot be found.',
      404,
    ]);
  });

  it('access keys: created with a secret that signs, listed, deleted', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'keyholder', Path: '/eng/' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }))).AccessKey!;
    expect(key).toMatchObject({ UserName: 'keyholder', Status: 'Active' });
    expect(key.AccessKeyId).toMatch(/^AKIA/);
    const alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    // alice has no policy yet: her own IAM calls are denied with AWS's message
    const denied = await failureOf(aws.iam(alice).send(new ListUsersCommand({})));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).toContain(
      `User: arn:aws:iam::${accountId}:user/eng/keyholder is not authorized to perform: iam:ListUsers`,
    );
    expect(
      (await iam.send(new ListAccessKeysCommand({ UserName: 'keyholder' }))).AccessKeyMetadata?.map(
        (k) => k.AccessKeyId,
      ),
    ).toEqual([key.AccessKeyId]);
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'keyholder', AccessKeyId: key.AccessKeyId }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: 'keyholder' }))).AccessKeyMetadata).toEqual([]);
  });

  it('inline and managed policies of users and groups, URL-decoded by the SDK', async () => {
    const document = allow('s3:GetObject');
    await iam.send(new CreateUserCommand({ UserName: 'pat' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: 'read', PolicyDocument: document }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'pat' }))).PolicyNames).toEqual(['read']);
    const inline = await iam.send(new GetUserPolicyCommand({ UserName: 'pat', PolicyName: 'read' }));
    expect(decodeURIComponent(inline.PolicyDocument!)).toBe(document);
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'pat' }))).AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
    await iam.send(
      new DetachUserPolicyCommand({ UserName: 'pat', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'pat', PolicyName: 'read' }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'pat' }))).PolicyNames).toEqual([]);

    await iam.send(new CreateGroupCommand({ GroupName: 'ops' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g', PolicyDocument: document }));
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'ops' }))).PolicyNames).toEqual(['g']);
    expect(
      decodeURIComponent(
        (await iam.send(new GetGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g' }))).PolicyDocument!,
      ),
    ).toBe(document);
    await iam.send(
      new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'ops' }))).AttachedPolicies).toHaveLength(
      1,
    );
    const conflict = await failureOf(iam.send(new DeleteGroupCommand({ GroupName: 'ops' })));
    expect([conflict.name, conflict.$metadata.httpStatusCode]).toEqual(['DeleteConflictException', 409]);
    await iam.send(
      new DetachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'g' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'ops' }));
  });

  it('malformed policies and duplicates arrive with their codes and statuses', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dana' }));
    const malformed = await failureOf(
      iam.send(new PutUserPolicyCommand({ UserName: 'dana', PolicyName: 'bad', PolicyDocument: '{"Version":' })),
    );
    expect([malformed.name, malformed.$metadata.httpStatusCode]).toEqual(['MalformedPolicyDocumentException', 400]);
    const duplicate = await failureOf(iam.send(new CreateUserCommand({ UserName: 'DANA' })));
    expect([duplicate.name, duplicate.$metadata.httpStatusCode]).toEqual(['EntityAlreadyExistsException', 409]);
    const invalid = await failureOf(iam.send(new CreateUserCommand({ UserName: 'no spaces' })));
    expect([invalid.name, invalid.$metadata.httpStatusCode]).toEqual(['ValidationError', 400]);
  });
});

describe('IAM roles and managed policies through @aws-sdk/client-iam', () => {
  it('roles: create, get with the decoded trust policy, update, tag, boundary, policies, list, delete', async () => {
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'app',
        Path: '/svc/',
        AssumeRolePolicyDocument: trust(accountId),
        Description: 'the app',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'a', Value: '1' }],
      }),
    );
    expect(role.Role).toMatchObject({
      RoleName: 'app',
      Arn: `arn:aws:iam::${accountId}:role/svc/app`,
      Description: 'the app',
      MaxSessionDuration: 7200,
    });
    expect(JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(trust(accountId)));
    await iam.send(new UpdateRoleCommand({ RoleName: 'app', MaxSessionDuration: 3600 }));
    expect(
      (await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'app', Description: 'new' }))).Role?.Description,
    ).toBe('new');
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app', PolicyDocument: trust('123456789012') }));
    await iam.send(new TagRoleCommand({ RoleName: 'app', Tags: [{ Key: 'b', Value: '2' }] }));
    await iam.send(
      new PutRolePermissionsBoundaryCommand({
        RoleName: 'app',
        PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
      }),
    );
    await iam.send(new CreateUserCommand({ UserName: 'bounded' }));
    await iam.send(
      new PutUserPermissionsBoundaryCommand({
        UserName: 'bounded',
        PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
      }),
    );
    expect(
      (await iam.send(new GetUserCommand({ UserName: 'bounded' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn,
    ).toBe('arn:aws:iam::aws:policy/PowerUserAccess');
    const read = (await iam.send(new GetRoleCommand({ RoleName: 'app' }))).Role!;
    expect(read).toMatchObject({
      MaxSessionDuration: 3600,
      Description: 'new',
      PermissionsBoundary: {
        PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
        PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      },
    });
    expect(decodeURIComponent(read.AssumeRolePolicyDocument!)).toContain('123456789012');
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'app' }))).Tags).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    await iam.send(new UntagRoleCommand({ RoleName: 'app', TagKeys: ['a'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'app' }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
    // GraphQL's untagRole is the same service
    const untagged = await aws.call<{ untagRole: { tags: unknown[] } }>(
      created.root,
      'mutation { untagRole(roleName: "app", tagKeys: ["b"]) { tags { key } } }',
    );
    expect(untagged.data?.untagRole.tags).toEqual([]);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'inline', PolicyDocument: allow('sqs:*') }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'app' }))).PolicyNames).toEqual(['inline']);
    expect(
      decodeURIComponent(
        (await iam.send(new GetRolePolicyCommand({ RoleName: 'app', PolicyName: 'inline' }))).PolicyDocument!,
      ),
    ).toBe(allow('sqs:*'));
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect(
      (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'app' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['ReadOnlyAccess']);
    expect((await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }))).Roles?.map((r) => r.RoleName)).toEqual([
      'app',
    ]);
    const conflict = await failureOf(iam.send(new DeleteRoleCommand({ RoleName: 'app' })));
    expect(conflict.name).toBe('DeleteConflictException');
    await iam.send(
      new DetachRolePolicyCommand({ RoleName: 'app', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'app', PolicyName: 'inline' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'app' }));
    expect((await failureOf(iam.send(new GetRoleCommand({ RoleName: 'app' })))).name).toBe('NoSuchEntityException');
  });

  it('roles page with Marker, MaxItems and IsTruncated', async () => {
    for (const name of ['r1', 'r2', 'r3'])
      await iam.send(
        new CreateRoleCommand({ RoleName: name, Path: '/paged/', AssumeRolePolicyDocument: trust(accountId) }),
      );
    const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.Roles?.map((r) => r.RoleName)).toEqual(['r1', 'r2']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker }));
    expect(second.Roles?.map((r) => r.RoleName)).toEqual(['r3']);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
  });

  it('managed policies: create, versions, default, get, list by scope, delete', async () => {
    const policy = (
      await iam.send(
        new CreatePolicyCommand({ PolicyName: 'Readers', PolicyDocument: allow('s3:Get*'), Description: 'r' }),
      )
    ).Policy!;
    expect(policy).toMatchObject({
      PolicyName: 'Readers',
      Arn: `arn:aws:iam::${accountId}:policy/Readers`,
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    const v2 = (
      await iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: policy.Arn, PolicyDocument: allow('s3:*'), SetAsDefault: false }),
      )
    ).PolicyVersion!;
    expect(v2).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false });
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: 'v2' }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy?.DefaultVersionId).toBe('v2');
    const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: 'v2' })))
      .PolicyVersion!;
    expect(decodeURIComponent(version.Document!)).toBe(allow('s3:*'));
    expect(
      (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: policy.Arn }))).Versions?.map((v) => [
        v.VersionId,
        v.IsDefaultVersion,
      ]),
    ).toEqual([
      ['v2', true],
      ['v1', false],
    ]);
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: 'v1' }));
    expect((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.map((p) => p.PolicyName)).toEqual([
      'Readers',
    ]);
    const awsPolicies = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 5 }));
    expect(awsPolicies.Policies).toHaveLength(5);
    expect(awsPolicies.Policies?.every((p) => p.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
    expect(awsPolicies.IsTruncated).toBe(true);
    expect(
      (await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))).Policy
        ?.PolicyName,
    ).toBe('ReadOnlyAccess');
    await iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
    const gone = await failureOf(iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn })));
    expect([gone.name, gone.$metadata.httpStatusCode]).toEqual(['NoSuchEntityException', 404]);
    const malformedArn = await failureOf(iam.send(new GetPolicyCommand({ PolicyArn: 'not-an-arn' })));
    expect([malformedArn.name, malformedArn.$metadata.httpStatusCode]).toEqual(['InvalidInputException', 400]);
  });
});
