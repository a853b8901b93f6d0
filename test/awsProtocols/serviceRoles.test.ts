import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteServiceLinkedRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetInstanceProfileCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  TagRoleCommand,
  UntagInstanceProfileCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let root: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('service-roles-sdk'));
});
afterAll(() => aws.server.close());

describe('instance profiles through @aws-sdk/client-iam', () => {
  it("creates, reads, lists, tags, fills, empties and deletes a profile with IAM's shapes and paging", async () => {
    const iam = aws.iam(root);
    // Given a role EC2 may assume and two profiles
    await iam.send(new CreateRoleCommand({ RoleName: 'WebServer', AssumeRolePolicyDocument: EC2_TRUST }));
    const created = await iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: 'web',
        Path: '/apps/',
        Tags: [{ Key: 'tier', Value: 'web' }],
      }),
    );
    expect(created.InstanceProfile).toMatchObject({
      InstanceProfileName: 'web',
      Path: '/apps/',
      Arn: `arn:aws:iam::${accountId}:instance-profile/apps/web`,
      Roles: [],
      Tags: [{ Key: 'tier', Value: 'web' }],
    });
    expect(created.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA[A-Z0-9]+$/);
    expect(created.InstanceProfile?.CreateDate).toBeInstanceOf(Date);
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'batch' }));

    // When the role goes into the profile
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'WebServer' }));
    // Then GetInstanceProfile shows it (trust policy URL-encoded, decoded by the SDK's users), and so does the role's list
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile!;
    expect(got.Roles?.map((role) => role.Arn)).toEqual([`arn:aws:iam::${accountId}:role/WebServer`]);
    expect(JSON.parse(decodeURIComponent(got.Roles![0]!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(EC2_TRUST));
    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'WebServer' }));
    expect(forRole).toMatchObject({ InstanceProfiles: [{ InstanceProfileName: 'web' }], IsTruncated: false });
    // and the role's entry in GetAccountAuthorizationDetails
    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    const webServer = details.RoleDetailList?.find((role) => role.RoleName === 'WebServer');
    expect(webServer?.InstanceProfileList).toMatchObject([
      { InstanceProfileName: 'web', Path: '/apps/', Roles: [{ RoleName: 'WebServer' }] },
    ]);
    const second = await failureOf(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'WebServer' })),
    );
    expect(second.name).toBe('LimitExceededException');
    expect(second.message).toBe('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
    expect((await failureOf(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' })))).name).toBe(
      'DeleteConflictException',
    );

    // Paging and the path prefix
    const first = await iam.send(new ListInstanceProfilesCommand({ MaxItems: 1 }));
    expect(first).toMatchObject({ InstanceProfiles: [{ InstanceProfileName: 'batch' }], IsTruncated: true });
    const rest = await iam.send(new ListInstanceProfilesCommand({ Marker: first.Marker }));
    expect(rest).toMatchObject({
      InstanceProfiles: [{ InstanceProfileName: 'web', Roles: [{ RoleName: 'WebServer' }] }],
      IsTruncated: false,
    });
    expect(
      (await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/apps/' }))).InstanceProfiles?.map(
        (profile) => profile.InstanceProfileName,
      ),
    ).toEqual(['web']);

    // Tags
    await iam.send(
      new TagInstanceProfileCommand({ InstanceProfileName: 'web', Tags: [{ Key: 'owner', Value: 'ops' }] }),
    );
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'web', TagKeys: ['tier'] }));
    expect(
      (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile?.Tags,
    ).toEqual([{ Key: 'owner', Value: 'ops' }]);

    // Emptied, it can be deleted
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'WebServer' }));
    expect(
      (await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'WebServer' }))).InstanceProfiles,
    ).toEqual([]);
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }));
    const gone = await failureOf(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' })));
    expect(gone.name).toBe('NoSuchEntityException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(gone.message).toBe('Instance Profile web cannot be found.');
  });

  it("answers IAM's errors for duplicates, unknown roles and bad names", async () => {
    const iam = aws.iam(root);
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'dup' }));
    const duplicate = await failureOf(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'DUP' })));
    expect(duplicate.name).toBe('EntityAlreadyExistsException');
    expect(duplicate.$metadata.httpStatusCode).toBe(409);
    expect((await failureOf(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'Nobody' })))).name).toBe(
      'NoSuchEntityException',
    );
    expect(
      (
        await failureOf(
          iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'dup', RoleName: 'Nobody' })),
        )
      ).name,
    ).toBe('NoSuchEntityException');
    expect(
      (
        await failureOf(
          iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'dup', RoleName: 'WebServer' })),
        )
      ).name,
    ).toBe('NoSuchEntityException');
    expect(
      (await failureOf(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'bad name!' })))).name,
    ).toBe('ValidationError');
  });
});

describe('service-linked roles through @aws-sdk/client-iam', () => {
  it("creates a protected role, deletes it through a task, and reports the task's status", async () => {
    const iam = aws.iam(root);
    const created = (
      await iam.send(
        new CreateServiceLinkedRoleCommand({
          AWSServiceName: 'autoscaling.amazonaws.com',
          CustomSuffix: 'web',
          Description: 'scaling web',
        }),
      )
    ).Role!;
    expect(created).toMatchObject({
      RoleName: 'AWSServiceRoleForAutoScaling_web',
      Path: '/aws-service-role/autoscaling.amazonaws.com/',
      Description: 'scaling web',
    });
    expect(JSON.parse(decodeURIComponent(created.AssumeRolePolicyDocument!)).Statement[0].Principal).toEqual({
      Service: 'autoscaling.amazonaws.com',
    });
    // The role is protected from ordinary IAM writes, but its description and tags are the customer's
    expect((await failureOf(iam.send(new DeleteRoleCommand({ RoleName: created.RoleName! })))).name).toBe(
      'UnmodifiableEntityException',
    );
    expect(
      (await failureOf(iam.send(new UpdateRoleCommand({ RoleName: created.RoleName!, MaxSessionDuration: 7200 }))))
        .name,
    ).toBe('UnmodifiableEntityException');
    expect(
      (
        await iam.send(
          new UpdateRoleDescriptionCommand({ RoleName: created.RoleName!, Description: 'scaling the web tier' }),
        )
      ).Role?.Description,
    ).toBe('scaling the web tier');
    await iam.send(new TagRoleCommand({ RoleName: created.RoleName!, Tags: [{ Key: 'team', Value: 'web' }] }));

    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: created.RoleName! }));
    expect(DeletionTaskId).toMatch(
      /^task\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling_web\/[0-9a-f-]{36}$/,
    );
    const status = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    expect(status.Status).toBe('SUCCEEDED');
    expect(status.Reason).toBeUndefined();
    expect((await failureOf(iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: created.RoleName! })))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('reports a failed deletion with the resources still using the role', async () => {
    const iam = aws.iam(root);
    const role = (
      await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticloadbalancing.amazonaws.com' }))
    ).Role!;
    // Given a load balancer using the role (arranged as a workload row, as test/serviceRoles does)
    const lb = `arn:aws:elasticloadbalancing:eu-west-1:${accountId}:loadbalancer/app/web/1`;
    await aws.prisma.resource.create({
      data: { arn: lb, accountId, service: 'elasticloadbalancing', resourceType: 'loadbalancer' },
    });
    await aws.prisma.serviceWorkload.create({
      data: { resourceArn: lb, service: 'elasticloadbalancing.amazonaws.com', roleId: role.RoleId! },
    });
    // When deletion is asked for, the task fails and says why, in IAM's nested shape
    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: role.RoleName! }));
    const status = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    expect(status).toMatchObject({
      Status: 'FAILED',
      Reason: { RoleUsageList: [{ Region: 'eu-west-1', Resources: [lb] }] },
    });
    expect(status.Reason?.Reason).toContain('AWSServiceRoleForElasticLoadBalancing');
  });

  it("answers IAM's errors for an unknown service, a duplicate and an unknown task", async () => {
    const iam = aws.iam(root);
    expect(
      (await failureOf(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'nothing.amazonaws.com' })))).name,
    ).toBe('InvalidInputException');
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'rds.amazonaws.com' }));
    expect(
      (await failureOf(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'rds.amazonaws.com' })))).name,
    ).toBe('InvalidInputException');
    const unknown = await failureOf(
      iam.send(
        new GetServiceLinkedRoleDeletionStatusCommand({
          DeletionTaskId:
            'task/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS/00000000-0000-0000-0000-000000000000',
        }),
      ),
    );
    expect(unknown.name).toBe('NoSuchEntityException');
  });
});
