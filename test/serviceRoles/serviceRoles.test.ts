import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKey } from '../sts/arrangeIam.js';
import { allow, startStsTestServer, WHO_AM_I } from '../sts/stsTestServer.js';

const A = '151515151515';
const serviceTrust = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const PROFILE = 'instanceProfileName arn roles { arn } tags { key value }';
const RUN = `mutation($input: RunInstancesInput!) { runInstances(input: $input) { instanceId arn instanceProfileArn roleArn region } }`;
const CREATE_FUNCTION = `mutation($input: CreateFunctionInput!) { createFunction(input: $input) { functionName functionArn role } }`;

describe('PassRole, instance profiles and the services that use roles', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  let root: TestKey;
  let appRole: { arn: string; id: string };
  let adminRole: { arn: string; id: string };
  let lambdaRole: { arn: string; id: string };
  let notForEc2: { arn: string; id: string };
  beforeAll(async () => {
    sts = await startStsTestServer();
    root = await sts.iam.account(A);
    appRole = await sts.iam.role(A, 'AppRole', serviceTrust('ec2.amazonaws.com'), {
      policies: [allow('s3:GetObject', 'arn:aws:s3:::data/*')],
    });
    adminRole = await sts.iam.role(A, 'Admin', serviceTrust('ec2.amazonaws.com'), { policies: [sts.iam.allowAll] });
    lambdaRole = await sts.iam.role(A, 'QueueWriter', serviceTrust('lambda.amazonaws.com'), {
      policies: [allow('sqs:SendMessage')],
    });
    notForEc2 = await sts.iam.role(A, 'NotForEc2', serviceTrust('lambda.amazonaws.com'));
    for (const [profile, role] of [
      ['AppProfile', 'AppRole'],
      ['AdminProfile', 'Admin'],
      ['WrongTrust', 'NotForEc2'],
    ]) {
      expect(
        (await sts.call(root, `mutation { createInstanceProfile(instanceProfileName: "${profile}") { arn } }`)).errors,
      ).toBeUndefined();
      expect(
        (
          await sts.call(
            root,
            `mutation { addRoleToInstanceProfile(instanceProfileName: "${profile}", roleName: "${role}") { arn } }`,
          )
        ).errors,
      ).toBeUndefined();
    }
  });
  afterAll(async () => sts?.server.close());

  it("keeps exactly one role per instance profile, with IAM's errors", async () => {
    const profile = await sts.call(root, `{ instanceProfile(instanceProfileName: "appprofile") { ${PROFILE} } }`);
    expect(profile.data).toEqual({
      instanceProfile: {
        instanceProfileName: 'AppProfile',
        arn: `arn:aws:iam::${A}:instance-profile/AppProfile`,
        roles: [{ arn: appRole.arn }],
        tags: [],
      },
    });
    const second = await sts.call(
      root,
      `mutation { addRoleToInstanceProfile(instanceProfileName: "AppProfile", roleName: "Admin") { arn } }`,
    );
    expect(second.errors?.[0]).toMatchObject({
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      extensions: { code: 'LimitExceeded' },
    });
    expect(
      (await sts.call(root, `mutation { createInstanceProfile(instanceProfileName: "APPPROFILE") { arn } }`))
        .errors?.[0]?.extensions?.code,
    ).toBe('EntityAlreadyExists');
    expect(
      (await sts.call(root, `mutation { deleteInstanceProfile(instanceProfileName: "AppProfile") }`)).errors?.[0],
    ).toMatchObject({
      message: 'Cannot delete entity, must remove roles from instance profile first.',
      extensions: { code: 'DeleteConflict' },
    });
    expect(
      (await sts.call(root, `mutation { deleteRole(roleName: "AppRole") { deletedId } }`)).errors?.[0],
    ).toMatchObject({ extensions: { code: 'DeleteConflict' } });
    // A throwaway profile goes through the whole life cycle
    await sts.call(
      root,
      `mutation { createInstanceProfile(instanceProfileName: "Temp", path: "/ops/", tags: [{key: "a", value: "1"}]) { arn } }`,
    );
    expect(
      (
        await sts.call(
          root,
          `mutation { addRoleToInstanceProfile(instanceProfileName: "Temp", roleName: "Nope") { arn } }`,
        )
      ).errors?.[0],
    ).toMatchObject({ message: 'The role with name Nope cannot be found.', extensions: { code: 'NoSuchEntity' } });
    await sts.call(
      root,
      `mutation { addRoleToInstanceProfile(instanceProfileName: "Temp", roleName: "AppRole") { arn } }`,
    );
    const tagged = await sts.call(
      root,
      `mutation { tagInstanceProfile(instanceProfileName: "Temp", tags: [{key: "b", value: "2"}]) { tags { key value } } }`,
    );
    expect(tagged.data).toEqual({
      tagInstanceProfile: {
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      },
    });
    await sts.call(root, `mutation { untagInstanceProfile(instanceProfileName: "Temp", tagKeys: ["A"]) { arn } }`);
    expect((await sts.call(root, `{ instanceProfiles(pathPrefix: "/ops/") { arn tags { key } } }`)).data).toEqual({
      instanceProfiles: [{ arn: `arn:aws:iam::${A}:instance-profile/ops/Temp`, tags: [{ key: 'b' }] }],
    });
    expect(
      (
        await sts.call(
          root,
          `mutation { removeRoleFromInstanceProfile(instanceProfileName: "Temp", roleName: "Admin") { arn } }`,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('NoSuchEntity');
    expect(
      (
        await sts.call(
          root,
          `mutation { removeRoleFromInstanceProfile(instanceProfileName: "Temp", roleName: "AppRole") { roles { arn } } }`,
        )
      ).data,
    ).toEqual({ removeRoleFromInstanceProfile: { roles: [] } });
    expect((await sts.call(root, `mutation { deleteInstanceProfile(instanceProfileName: "Temp") }`)).data).toEqual({
      deleteInstanceProfile: true,
    });
    expect(
      (await sts.call(root, `{ instanceProfile(instanceProfileName: "Temp") { arn } }`)).errors?.[0],
    ).toMatchObject({ message: 'Instance Profile Temp cannot be found.', extensions: { code: 'NoSuchEntity' } });
  });

  it('checks iam:PassRole with iam:PassedToService and iam:AssociatedResourceArn when launching an instance', async () => {
    // Given a developer who may launch instances and pass AppRole to EC2 only
    const dev = await sts.iam.user(A, 'dev', [
      policy([
        { Effect: 'Allow', Action: ['ec2:RunInstances', 'ssm:StartSession'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: appRole.arn,
          Condition: {
            StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' },
            ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:ec2:us-east-1:${A}:instance/*` },
          },
        },
      ]),
    ]);
    // When they launch with the app profile, it works and the instance is stored
    const launched = await sts.call<{ runInstances: { instanceId: string; arn: string; roleArn: string } }>(dev, RUN, {
      input: { imageId: 'ami-0abcdef1234567890', iamInstanceProfile: { name: 'AppProfile' } },
    });
    expect(launched.errors).toBeUndefined();
    const instance = launched.data!.runInstances;
    expect(instance).toMatchObject({ instanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/), roleArn: appRole.arn });
    expect(instance.arn).toBe(`arn:aws:ec2:us-east-1:${A}:instance/${instance.instanceId}`);
    expect(
      await sts.server.database.prisma.resource.findUnique({
        where: { arn: instance.arn },
        select: { service: true, resourceType: true },
      }),
    ).toEqual({ service: 'ec2', resourceType: 'instance' });
    // But the admin profile's role is not theirs to pass, and another region does not match AssociatedResourceArn
    const admin = await sts.call(dev, RUN, {
      input: { imageId: 'ami-0abcdef1234567890', iamInstanceProfile: { name: 'AdminProfile' } },
    });
    expect(admin.errors?.[0]).toMatchObject({
      message: `User: arn:aws:iam::${A}:user/dev is not authorized to perform: iam:PassRole on resource: ${adminRole.arn} because no identity-based policy allows the iam:PassRole action`,
      extensions: { code: 'AccessDenied' },
    });
    expect(
      (
        await sts.call(dev, RUN, {
          input: {
            imageId: 'ami-0abcdef1234567890',
            region: 'eu-west-1',
            iamInstanceProfile: { arn: `arn:aws:iam::${A}:instance-profile/AppProfile` },
          },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
    expect(
      (
        await sts.call(dev, RUN, {
          input: { imageId: 'ami-0abcdef1234567890', iamInstanceProfile: { name: 'Missing' } },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('InvalidParameterValue');
    expect(await sts.server.database.prisma.resource.count({ where: { service: 'ec2' } })).toBe(1);

    // Then acting as the instance gives the role session named after the instance, not a chain
    const imds = await sts.call<{
      instanceCredentials: {
        accessKeyId: string;
        secretAccessKey: string;
        token: string;
        roleName: string;
        code: string;
        instanceProfileArn: string;
      };
    }>(
      dev,
      `mutation { instanceCredentials(instanceArn: "${instance.arn}") { code type roleName accessKeyId secretAccessKey token instanceProfileArn assumedRoleUser { arn } } }`,
    );
    expect(imds.errors).toBeUndefined();
    expect(imds.data!.instanceCredentials).toMatchObject({
      code: 'Success',
      roleName: 'AppRole',
      instanceProfileArn: `arn:aws:iam::${A}:instance-profile/AppProfile`,
    });
    const key = {
      accessKeyId: imds.data!.instanceCredentials.accessKeyId,
      secretAccessKey: imds.data!.instanceCredentials.secretAccessKey,
      sessionToken: imds.data!.instanceCredentials.token,
    };
    expect((await sts.call<{ callerIdentity: { arn: string } }>(key, WHO_AM_I)).data?.callerIdentity.arn).toBe(
      `arn:aws:sts::${A}:assumed-role/AppRole/${instance.instanceId}`,
    );
    const viewed = await sts.call(
      root,
      `query($id: String!) { session(accessKeyId: $id) { chained servicePrincipal serviceSourceArn } }`,
      { id: key.accessKeyId },
    );
    expect(viewed.data).toEqual({
      session: { chained: false, servicePrincipal: 'ec2.amazonaws.com', serviceSourceArn: instance.arn },
    });
    expect(
      await sts.server.database.prisma.session.findUnique({
        where: { id: key.accessKeyId },
        select: { chained: true, parentSessionId: true, servicePrincipal: true, serviceSourceArn: true },
      }),
    ).toEqual({
      chained: false,
      parentSessionId: null,
      servicePrincipal: 'ec2.amazonaws.com',
      serviceSourceArn: instance.arn,
    });
  });

  it('gives no credentials to an instance whose role does not trust EC2, and needs ssm:StartSession to act as it', async () => {
    const launched = await sts.call<{ runInstances: { arn: string } }>(root, RUN, {
      input: { imageId: 'ami-0abcdef1234567890', iamInstanceProfile: { name: 'WrongTrust' } },
    });
    const arn = launched.data!.runInstances.arn;
    const imds = await sts.call(root, `mutation { instanceCredentials(instanceArn: "${arn}") { code } }`);
    expect(imds.errors?.[0]).toMatchObject({
      message: expect.stringContaining('EC2 cannot assume the role NotForEc2'),
      extensions: { code: 'AssumeRoleUnauthorizedAccess' },
    });
    const stranger = await sts.iam.user(A, 'stranger');
    expect(
      (await sts.call(stranger, `mutation { instanceCredentials(instanceArn: "${arn}") { code } }`)).errors?.[0]
        ?.extensions?.code,
    ).toBe('AccessDenied');
    expect(notForEc2.arn).toContain('NotForEc2');
  });

  it('creates and updates Lambda functions only with a role Lambda can assume and the caller may pass', async () => {
    const builder = await sts.iam.user(A, 'builder', [
      policy([
        {
          Effect: 'Allow',
          Action: ['lambda:CreateFunction', 'lambda:UpdateFunctionConfiguration', 'lambda:InvokeFunction'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
      ]),
    ]);
    const create = (functionName: string, role: string) =>
      sts.call<{ createFunction: { functionArn: string; role: string } }>(builder, CREATE_FUNCTION, {
        input: { functionName, role, runtime: 'nodejs22.x', handler: 'index.handler' },
      });
    const ok = await create('enqueue', lambdaRole.arn);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createFunction).toEqual({
      functionName: 'enqueue',
      functionArn: `arn:aws:lambda:us-east-1:${A}:function:enqueue`,
      role: lambdaRole.arn,
    });
    expect((await create('enqueue', lambdaRole.arn)).errors?.[0]).toMatchObject({
      message: 'Function already exist: enqueue',
      extensions: { code: 'ResourceConflictException' },
    });
    const wrongTrust = await create('wrong', appRole.arn);
    expect(wrongTrust.errors?.[0]).toMatchObject({
      message: 'The role defined for the function cannot be assumed by Lambda.',
      extensions: { code: 'InvalidParameterValueException' },
    });
    // The function's session is its execution role's, named after the function
    const session = await sts.call<{ functionCredentials: { assumedRoleUser: { arn: string } } }>(
      builder,
      `mutation { functionCredentials(functionArn: "${ok.data!.createFunction.functionArn}") { assumedRoleUser { arn } roleArn } }`,
    );
    expect(session.data?.functionCredentials.assumedRoleUser.arn).toBe(
      `arn:aws:sts::${A}:assumed-role/QueueWriter/enqueue`,
    );
    // Updating to a role that does not trust Lambda is refused; PassRole is checked before
    const update = (role: string) =>
      sts.call(
        builder,
        `mutation { updateFunctionConfiguration(input: {functionName: "enqueue", role: "${role}"}) { role } }`,
      );
    expect((await update(adminRole.arn)).errors?.[0]?.extensions?.code).toBe('InvalidParameterValueException');
    const ec2Only = await sts.iam.user(A, 'ec2only', [
      policy([
        { Effect: 'Allow', Action: ['lambda:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
      ]),
    ]);
    const denied = await sts.call(ec2Only, CREATE_FUNCTION, { input: { functionName: 'other', role: lambdaRole.arn } });
    expect(denied.errors?.[0]?.message).toBe(
      `User: arn:aws:iam::${A}:user/ec2only is not authorized to perform: iam:PassRole on resource: ${lambdaRole.arn} because no identity-based policy allows the iam:PassRole action`,
    );
    expect(
      (
        await sts.call(
          builder,
          `mutation { updateFunctionConfiguration(input: {functionName: "ghost", role: "${lambdaRole.arn}"}) { role } }`,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('ResourceNotFoundException');
  });

  it('needs iam:PassRole to put a role in an instance profile', async () => {
    const ops = await sts.iam.user(A, 'ops', [allow(['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'])]);
    await sts.call(ops, `mutation { createInstanceProfile(instanceProfileName: "OpsProfile") { arn } }`);
    const added = await sts.call(
      ops,
      `mutation { addRoleToInstanceProfile(instanceProfileName: "OpsProfile", roleName: "Admin") { arn } }`,
    );
    expect(added.errors?.[0]?.message).toBe(
      `User: arn:aws:iam::${A}:user/ops is not authorized to perform: iam:PassRole on resource: ${adminRole.arn} because no identity-based policy allows the iam:PassRole action`,
    );
  });
});
