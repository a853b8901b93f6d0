import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKey } from './arrangeIam.js';
import { allow, startStsTestServer, trustPolicy, WHO_AM_I } from './stsTestServer.js';

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
const A = '261200000011';
const FEDERATE = `mutation Federate($input: GetFederationTokenInput!) {
  getFederationToken(input: $input) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    federatedUser { arn federatedUserId }
    packedPolicySize
  }
}`;
interface FederateData {
  getFederationToken: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
    federatedUser: { arn: string; federatedUserId: string };
    packedPolicySize: number;
  };
}

describe('getFederationToken', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  let root: TestKey;
  beforeAll(async () => {
    sts = await startStsTestServer();
    root = await sts.iam.account(A);
  });
  afterAll(async () => sts?.server.close());

  const federate = (key: TestKey, input: Record<string, unknown>) => sts.call<FederateData>(key, FEDERATE, { input });
  const keyOf = (data: FederateData | null | undefined): TestKey => {
    const credentials = data!.getFederationToken.credentials;
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };
  };
  const onlyGetObject = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
  });

  it('issues a federated user that signs later requests as arn:aws:sts::ACCOUNT:federated-user/NAME', async () => {
    // Given a user allowed to federate
    const broker = await sts.iam.user(A, 'broker', [allow(['sts:GetFederationToken', 's3:*'])]);
    // When it asks for a federation token
    const before = Date.now();
    const response = await federate(broker, { name: 'bob', policy: onlyGetObject });
    // Then it gets AWS's response fields, and the credentials are the federated user's
    expect(response.errors).toBeUndefined();
    const payload = response.data!.getFederationToken;
    expect(payload.federatedUser).toEqual({
      arn: `arn:aws:sts::${A}:federated-user/bob`,
      federatedUserId: `${A}:bob`,
    });
    expect(payload.packedPolicySize).toBeGreaterThan(0);
    expect(payload.credentials.accessKeyId).toMatch(/^ASIA/);
    const lifetime = (new Date(payload.credentials.expiration).getTime() - before) / 1000;
    expect(lifetime).toBeGreaterThan(43_200 - 60);
    expect(lifetime).toBeLessThanOrEqual(43_200 + 1);
    const who = await sts.call(keyOf(response.data), WHO_AM_I);
    expect(who.data).toEqual({
      callerIdentity: { userId: `${A}:bob`, account: A, arn: `arn:aws:sts::${A}:federated-user/bob` },
    });
  });

  it('is refused without sts:GetFederationToken, naming the federated user as the resource', async () => {
    const reader = await sts.iam.user(A, 'reader', [allow('s3:*')]);
    const response = await federate(reader, { name: 'bob' });
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(response.errors?.[0]?.message).toBe(
      `User: ${reader.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${A}:federated-user/bob because no identity-based policy allows the sts:GetFederationToken action`,
    );
  });

  it('is refused with session credentials, including its own', async () => {
    const broker = await sts.iam.user(A, 'broker2', [allow('*')]);
    const first = await federate(broker, {
      name: 'bob',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    });
    const again = await federate(keyOf(first.data), { name: 'carol' });
    expect(again.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(again.errors?.[0]?.message).toBe('Cannot call GetFederationToken with session credentials');
  });

  it('validates its parameters with AWS messages', async () => {
    const broker = await sts.iam.user(A, 'broker3', [allow('sts:GetFederationToken')]);
    const short = await federate(broker, { name: 'b' });
    expect(short.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(short.errors?.[0]?.message).toBe(
      "1 validation error detected: Value 'b' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    const malformed = await federate(broker, { name: 'bob', policy: '{"Version":"2012-10-17"' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('MalformedPolicyDocument');
  });

  it('caps the root user at one hour', async () => {
    const before = Date.now();
    const response = await federate(root, { name: 'rooted', durationSeconds: 7200, policy: onlyGetObject });
    expect(response.errors).toBeUndefined();
    const lifetime = (new Date(response.data!.getFederationToken.credentials.expiration).getTime() - before) / 1000;
    expect(lifetime).toBeLessThanOrEqual(3601);
  });

  it('needs sts:TagSession for session tags, which become principal tags', async () => {
    const untagged = await sts.iam.user(A, 'untagged', [allow('sts:GetFederationToken')]);
    const tags = [{ key: 'Team', value: 'red' }];
    const refused = await federate(untagged, { name: 'bob', tags });
    expect(refused.errors?.[0]?.message).toContain('sts:TagSession');
    const tagger = await sts.iam.user(A, 'tagger', [allow(['sts:GetFederationToken', 'sts:TagSession'])]);
    const tagged = await federate(tagger, { name: 'bob', tags });
    expect(tagged.errors).toBeUndefined();
  });

  it('gives the federated user no IAM and no STS but GetCallerIdentity, whatever its policies', async () => {
    const admin = await sts.iam.user(A, 'admin', [allow('*')]);
    const everything = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const federated = keyOf((await federate(admin, { name: 'ops', policy: everything })).data);
    const readUser = await sts.call(federated, `{ user(arn: "${admin.arn}") { name } }`);
    expect(readUser.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const role = await sts.iam.role(A, 'Target', trustPolicy(`arn:aws:iam::${A}:root`));
    const assume = await sts.assume(federated, { roleArn: role.arn, roleSessionName: 'federated' });
    expect(assume.errors?.[0]?.extensions?.code, JSON.stringify(assume.errors)).toBe('AccessDenied');
    expect((await sts.call(federated, WHO_AM_I)).errors).toBeUndefined();
    // And the audit trail records its calls with CloudTrail's FederatedUser identity
    const events = await sts.server.database.prisma.auditEvent.findMany({
      where: { principalArn: `arn:aws:sts::${A}:federated-user/ops` },
    });
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      expect(event.detail).toMatchObject({
        userIdentity: {
          type: 'FederatedUser',
          principalId: `${A}:ops`,
          arn: `arn:aws:sts::${A}:federated-user/ops`,
          sessionContext: { sessionIssuer: { type: 'IAMUser', principalId: admin.id } },
        },
      });
  });
});
