import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsTestServer } from '../sts/stsTestServer.js';

const A = '171717171717';
const CREATE = `mutation($service: String!, $suffix: String) { createServiceLinkedRole(aWSServiceName: $service, customSuffix: $suffix, description: "made by the test") { name path arn assumeRolePolicyDocument } }`;

describe('service-linked roles', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  let admin: Awaited<ReturnType<Awaited<ReturnType<typeof startStsTestServer>>['iam']['user']>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
    await sts.iam.account(A);
    admin = await sts.iam.user(A, 'admin', [sts.iam.allowAll]);
  });
  afterAll(async () => sts?.server.close());

  it("creates the role the service defines, with AWS's name, path and trust", async () => {
    const created = await sts.call<{
      createServiceLinkedRole: { name: string; path: string; arn: string; assumeRolePolicyDocument: string };
    }>(admin, CREATE, { service: 'autoscaling.amazonaws.com' });
    expect(created.errors).toBeUndefined();
    const role = created.data!.createServiceLinkedRole;
    expect(role).toMatchObject({
      name: 'AWSServiceRoleForAutoScaling',
      path: '/aws-service-role/autoscaling.amazonaws.com/',
      arn: `arn:aws:iam::${A}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    });
    expect(JSON.parse(role.assumeRolePolicyDocument).Statement[0].Principal).toEqual({
      Service: 'autoscaling.amazonaws.com',
    });
    expect(
      (await sts.call(admin, CREATE, { service: 'autoscaling.amazonaws.com', suffix: 'fleet' })).errors,
    ).toBeUndefined();
    expect(
      (await sts.call(admin, CREATE, { service: 'autoscaling.amazonaws.com' })).errors?.[0]?.extensions?.code,
    ).toBe('InvalidInput');
    expect((await sts.call(admin, CREATE, { service: 'ecs.amazonaws.com', suffix: 'x' })).errors?.[0]).toMatchObject({
      message: 'Custom suffix is not allowed for ecs.amazonaws.com',
      extensions: { code: 'InvalidInput' },
    });
    expect((await sts.call(admin, CREATE, { service: 'nope.amazonaws.com' })).errors?.[0]?.extensions?.code).toBe(
      'InvalidInput',
    );
  });

  // AWS: only the service changes a service-linked role, but customers may tag it (TagRole) and edit its
  // description (UpdateRole / UpdateRoleDescription); id_roles_update-service-linked-role.html.
  it("is protected: even an administrator's edits fail with UnmodifiableEntity (tags and description excepted), and people cannot assume it", async () => {
    const name = 'AWSServiceRoleForAutoScaling';
    const message = `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`;
    const edits = [
      `mutation { updateAssumeRolePolicy(roleName: "${name}", policyDocument: "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"${A}\\"},\\"Action\\":\\"sts:AssumeRole\\"}]}") { arn } }`,
      `mutation { putRolePolicy(roleName: "${name}", policyName: "x", policyDocument: "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}") { arn } }`,
      `mutation { deleteRole(roleName: "${name}") { deletedId } }`,
      `mutation { updateRole(roleName: "${name}", maxSessionDuration: 7200) { arn } }`,
      `mutation { updateRole(roleName: "${name}", description: "scaling", maxSessionDuration: 7200) { arn } }`,
    ];
    for (const edit of edits)
      expect((await sts.call(admin, edit)).errors?.[0], edit).toMatchObject({
        message,
        extensions: { code: 'UnmodifiableEntity' },
      });
    expect(
      (await sts.call(admin, `mutation { updateRole(roleName: "${name}", description: "scaling") { description } }`))
        .data,
    ).toEqual({ updateRole: { description: 'scaling' } });
    expect(
      (
        await sts.call(
          admin,
          `mutation { tagRole(roleName: "${name}", tags: [{key: "a", value: "b"}]) { tags { key value } } }`,
        )
      ).data,
    ).toEqual({ tagRole: { tags: [{ key: 'a', value: 'b' }] } });
    const assumed = await sts.assume(admin, {
      roleArn: `arn:aws:iam::${A}:role/aws-service-role/autoscaling.amazonaws.com/${name}`,
      roleSessionName: 'me',
    });
    expect(assumed.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const reserved = await sts.call(
      admin,
      `mutation { createRole(roleName: "Fake", path: "/aws-service-role/x/", assumeRolePolicyDocument: "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"Service\\":\\"x.amazonaws.com\\"},\\"Action\\":\\"sts:AssumeRole\\"}]}") { arn } }`,
    );
    expect(reserved.errors?.[0]?.extensions?.code).toBe('InvalidInput');
  });

  it('authorizes creation with iam:AWSServiceName', async () => {
    const scaler = await sts.iam.user(A, 'scaler', [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:CreateServiceLinkedRole',
            Resource: '*',
            Condition: { StringEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } },
          },
        ],
      }),
    ]);
    expect((await sts.call(scaler, CREATE, { service: 'rds.amazonaws.com' })).errors?.[0]?.extensions?.code).toBe(
      'AccessDenied',
    );
    expect((await sts.call(scaler, CREATE, { service: 'ecs.amazonaws.com' })).errors).toBeUndefined();
  });

  it('deletes through a deletion task, which fails while a resource still uses the role', async () => {
    const role = (
      await sts.call<{ createServiceLinkedRole: { arn: string; name: string } }>(admin, CREATE, {
        service: 'elasticloadbalancing.amazonaws.com',
      })
    ).data!.createServiceLinkedRole;
    // Given a load balancer (arranged as a workload row) that uses the role
    const lb = `arn:aws:elasticloadbalancing:eu-west-1:${A}:loadbalancer/app/web/1`;
    const prisma = sts.server.database.prisma;
    const stored = await prisma.role.findUniqueOrThrow({ where: { arn: role.arn } });
    await prisma.resource.create({
      data: { arn: lb, accountId: A, service: 'elasticloadbalancing', resourceType: 'loadbalancer' },
    });
    await prisma.serviceWorkload.create({
      data: { resourceArn: lb, service: 'elasticloadbalancing.amazonaws.com', roleId: stored.id },
    });
    const status = async (taskId: string) =>
      (
        await sts.call<{ serviceLinkedRoleDeletionStatus: unknown }>(
          admin,
          `{ serviceLinkedRoleDeletionStatus(deletionTaskId: "${taskId}") { status reason { reason roleUsageList { region resources } } } }`,
        )
      ).data?.serviceLinkedRoleDeletionStatus;
    const first = (
      await sts.call<{ deleteServiceLinkedRole: string }>(
        admin,
        `mutation { deleteServiceLinkedRole(roleName: "${role.name}") }`,
      )
    ).data!.deleteServiceLinkedRole;
    expect(first).toMatch(
      /^task\/aws-service-role\/elasticloadbalancing\.amazonaws\.com\/AWSServiceRoleForElasticLoadBalancing\/[0-9a-f-]{36}$/,
    );
    expect(await status(first)).toMatchObject({
      status: 'FAILED',
      reason: { roleUsageList: [{ region: 'eu-west-1', resources: [lb] }] },
    });
    expect(await prisma.role.count({ where: { arn: role.arn } })).toBe(1);
    // When the resource is gone the task succeeds and the role goes
    await prisma.resource.delete({ where: { arn: lb } });
    const second = (
      await sts.call<{ deleteServiceLinkedRole: string }>(
        admin,
        `mutation { deleteServiceLinkedRole(roleName: "${role.name}") }`,
      )
    ).data!.deleteServiceLinkedRole;
    expect(await status(second)).toEqual({ status: 'SUCCEEDED', reason: null });
    expect(await prisma.role.count({ where: { arn: role.arn } })).toBe(0);
    expect(
      (await sts.call(admin, `mutation { deleteServiceLinkedRole(roleName: "admin") }`)).errors?.[0]?.extensions?.code,
    ).toBe('NoSuchEntity');
  });
});
