import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let root: { accessKeyId: string; secretAccessKey: string };
/** An IAM user allowed everything: AWS refuses AssumeRole to an account's root ("Roles may not be assumed by root accounts."). */
let admin: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('sts-sdk'));
  const iam = aws.iam(root);
  await iam.send(new CreateUserCommand({ UserName: 'admin' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'admin', PolicyName: 'all', PolicyDocument: allow('*') }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'admin' }))).AccessKey!;
  admin = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterAll(() => aws.server.close());

describe('STS through @aws-sdk/client-sts', () => {
  it('GetCallerIdentity answers the signer', async () => {
    const identity = await aws.sts(root).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: accountId, Arn: `arn:aws:iam::${accountId}:root`, UserId: accountId });
  });

  it('AssumeRole returns credentials that sign the next call, with tags, policy ARNs and source identity', async () => {
    // Given a role the account trusts, created through GraphQL
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: accountId },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        },
      ],
    });
    const created = await aws.call(
      root,
      'mutation($t: String!) { createRole(roleName: "Deployer", assumeRolePolicyDocument: $t) { arn } }',
      { t: trust },
    );
    expect(created.errors).toBeUndefined();
    await aws.call(
      root,
      'mutation($p: String!) { putRolePolicy(roleName: "Deployer", policyName: "all", policyDocument: $p) { arn } }',
      { p: allow('*') },
    );
    // When the SDK assumes it as an IAM user of the account
    const assumed = await aws.sts(admin).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/Deployer`,
        RoleSessionName: 'sdk',
        DurationSeconds: 900,
        Tags: [{ Key: 'team', Value: 'blue' }],
        TransitiveTagKeys: ['team'],
        SourceIdentity: 'alice',
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      }),
    );
    // Then the session answers GetCallerIdentity as the assumed role
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/Deployer/sdk`);
    expect(assumed.SourceIdentity).toBe('alice');
    expect(assumed.PackedPolicySize).toBeGreaterThan(0);
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
    const credentials = assumed.Credentials!;
    const session = {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
    const identity = await aws.sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/Deployer/sdk`);
    expect(identity.UserId).toBe(`${assumed.AssumedRoleUser?.AssumedRoleId}`);
  });

  it('AssumeRole errors arrive with AWS codes and statuses', async () => {
    const denied = await failureOf(
      aws
        .sts(admin)
        .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/Missing`, RoleSessionName: 'ss' })),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    const byRoot = await failureOf(
      aws
        .sts(root)
        .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/Deployer`, RoleSessionName: 'root' })),
    );
    expect([byRoot.name, byRoot.message]).toEqual(['AccessDenied', 'Roles may not be assumed by root accounts.']);
    const invalid = await failureOf(
      aws.sts(admin).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/Deployer`,
          RoleSessionName: 'x',
          DurationSeconds: 60,
        }),
      ),
    );
    expect(invalid.name).toBe('ValidationError');
    expect(invalid.$metadata.httpStatusCode).toBe(400);
  });

  it('GetSessionToken issues session credentials for the root user', async () => {
    const token = await aws.sts(root).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = {
      accessKeyId: token.Credentials!.AccessKeyId!,
      secretAccessKey: token.Credentials!.SecretAccessKey!,
      sessionToken: token.Credentials!.SessionToken!,
    };
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect((await aws.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${accountId}:root`);
  });

  it('a virtual MFA device made and enabled through IAM signs GetSessionToken with a TOTP code', async () => {
    // Given a user with a key and a virtual MFA device, its seed read from IAM's blob
    const iam = aws.iam(root);
    await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'mfa-user' }))).AccessKey!;
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user-phone' })))
      .VirtualMFADevice!;
    expect(device.SerialNumber).toBe(`arn:aws:iam::${accountId}:mfa/mfa-user-phone`);
    const seed = Buffer.from(device.Base32StringSeed!).toString('utf8');
    expect(seed).toMatch(/^[A-Z2-7]+=*$/);
    const now = Date.now();
    const wrong = await failureOf(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'mfa-user',
          SerialNumber: device.SerialNumber,
          AuthenticationCode1: '000000',
          AuthenticationCode2: '000000',
        }),
      ),
    );
    expect([wrong.name, wrong.$metadata.httpStatusCode]).toEqual(['InvalidAuthenticationCodeException', 403]);
    // When it is enabled with two consecutive codes
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mfa-user',
        SerialNumber: device.SerialNumber,
        AuthenticationCode1: generateTotpCode(seed, new Date(now - 30_000)),
        AuthenticationCode2: generateTotpCode(seed, new Date(now)),
      }),
    );
    // Then the user gets MFA-authenticated session credentials with the next code
    const user = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const token = await aws.sts(user).send(
      new GetSessionTokenCommand({
        SerialNumber: device.SerialNumber,
        TokenCode: generateTotpCode(seed, new Date(now + 30_000)),
        DurationSeconds: 900,
      }),
    );
    const session = {
      accessKeyId: token.Credentials!.AccessKeyId!,
      secretAccessKey: token.Credentials!.SecretAccessKey!,
      sessionToken: token.Credentials!.SessionToken!,
    };
    expect((await aws.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:iam::${accountId}:user/mfa-user`,
    );
    expect(
      (await aws.prisma.session.findUniqueOrThrow({ where: { id: session.accessKeyId } })).mfaAuthenticatedAt,
    ).not.toBeNull();
  });

  it('authentication failures reach the client with their codes', async () => {
    const unknown = await failureOf(
      aws
        .sts({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) })
        .send(new GetCallerIdentityCommand({})),
    );
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['InvalidClientTokenId', 403]);
    const wrong = await failureOf(
      aws.sts({ ...root, secretAccessKey: 'y'.repeat(40) }).send(new GetCallerIdentityCommand({})),
    );
    expect([wrong.name, wrong.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
  });
});
