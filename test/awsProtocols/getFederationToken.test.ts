import { CreateAccessKeyCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let broker: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  aws = await startAwsTestServer();
  let root: { accessKeyId: string; secretAccessKey: string };
  ({ accountId, root } = await aws.createAccount('federation-sdk'));
  const iam = aws.iam(root);
  await iam.send(new CreateUserCommand({ UserName: 'broker' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'broker', PolicyName: 'all', PolicyDocument: allow('*') }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'broker' }))).AccessKey!;
  broker = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
afterAll(() => aws.server.close());

describe('GetFederationToken through @aws-sdk/client-sts', () => {
  it('returns AWS’s result shape, and the credentials sign as the federated user', async () => {
    // When the SDK asks for a federation token with a session policy and a managed session policy
    const result = await aws.sts(broker).send(
      new GetFederationTokenCommand({
        Name: 'sdk-user',
        DurationSeconds: 900,
        Policy: allow('s3:GetObject'),
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    // Then the response carries Credentials, FederatedUser and PackedPolicySize
    expect(result.FederatedUser).toEqual({
      Arn: `arn:aws:sts::${accountId}:federated-user/sdk-user`,
      FederatedUserId: `${accountId}:sdk-user`,
    });
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(result.Credentials?.Expiration).toBeInstanceOf(Date);
    const federated = {
      accessKeyId: result.Credentials!.AccessKeyId!,
      secretAccessKey: result.Credentials!.SecretAccessKey!,
      sessionToken: result.Credentials!.SessionToken!,
    };
    const identity = await aws.sts(federated).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: accountId,
      Arn: `arn:aws:sts::${accountId}:federated-user/sdk-user`,
      UserId: `${accountId}:sdk-user`,
    });
    // And the federated user can call no IAM operation
    const iamCall = await failureOf(aws.iam(federated).send(new ListUsersCommand({})));
    expect(iamCall.name).toBe('AccessDenied');
    // Nor ask for another federation token
    const again = await failureOf(aws.sts(federated).send(new GetFederationTokenCommand({ Name: 'nested' })));
    expect(again.name).toBe('AccessDenied');
    expect(again.message).toBe('Cannot call GetFederationToken with session credentials');
  });

  it('answers a malformed name with ValidationError', async () => {
    const error = await failureOf(aws.sts(broker).send(new GetFederationTokenCommand({ Name: 'has space' })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
