import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedPost } from '../support/signedPost.js';
import { allow, startStsTestServer, trustPolicy, WHO_AM_I } from './stsTestServer.js';

const A = '111122223333';
const B = '444455556666';

describe('assumeRole over HTTP', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
    await sts.iam.account(A);
    await sts.iam.account(B);
  });
  afterAll(async () => sts?.server.close());

  it('assumes a role whose trust names the user, then acts as the session (Basic and SigV4)', async () => {
    // Given a user with no policies and a role that trusts the user directly
    const alice = await sts.iam.user(A, 'alice');
    const role = await sts.iam.role(A, 'Direct', trustPolicy(alice.arn), { path: '/team/' });
    // When alice assumes it
    const requestedAt = Date.now();
    const response = await sts.assume(alice, { roleArn: role.arn, roleSessionName: 'alice-session' });
    const answeredAt = Date.now();
    // Then the session has the role-session ARN (path dropped) and its credentials work
    expect(response.errors).toBeUndefined();
    const payload = response.data!.assumeRole;
    expect(payload.assumedRoleUser).toEqual({
      arn: `arn:aws:sts::${A}:assumed-role/Direct/alice-session`,
      assumedRoleId: `${role.id}:alice-session`,
    });
    expect(payload.credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    // The default duration, one hour from the moment STS issued it (bracketed by the request, however slow).
    const expiration = new Date(payload.credentials.expiration).getTime();
    expect(expiration).toBeGreaterThanOrEqual(requestedAt - 1000 + 3600_000);
    expect(expiration).toBeLessThanOrEqual(answeredAt + 3600_000);
    expect(payload.packedPolicySize).toBe(0);
    const key = sts.sessionKey(response);
    const viaBasic = await sts.call(key, WHO_AM_I);
    expect(viaBasic.data).toEqual({
      callerIdentity: { userId: `${role.id}:alice-session`, account: A, arn: payload.assumedRoleUser.arn },
    });
    const viaSigV4 = await signedPost(sts.server.url, key, WHO_AM_I);
    expect(viaSigV4.data).toEqual(viaBasic.data);
  });

  it('needs the caller-side allow when the trust names the account', async () => {
    const role = await sts.iam.role(A, 'AccountTrust', trustPolicy(`arn:aws:iam::${A}:root`));
    const carol = await sts.iam.user(A, 'carol');
    const denied = await sts.assume(carol, { roleArn: role.arn, roleSessionName: 's1' });
    expect(denied.errors?.[0]).toMatchObject({
      // The trust allows the account, so AWS blames the missing identity-based Allow.
      message: `User: ${carol.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn} because no identity-based policy allows the sts:AssumeRole action`,
      extensions: { code: 'AccessDenied' },
    });
    const dave = await sts.iam.user(A, 'dave', [allow('sts:AssumeRole', role.arn)]);
    expect((await sts.assume(dave, { roleArn: role.arn, roleSessionName: 's1' })).errors).toBeUndefined();
  });

  it('needs both sides cross-account', async () => {
    const role = await sts.iam.role(B, 'CrossAccount', trustPolicy(A));
    const erin = await sts.iam.user(A, 'erin');
    expect((await sts.assume(erin, { roleArn: role.arn, roleSessionName: 'x1' })).errors?.[0]?.extensions?.code).toBe(
      'AccessDenied',
    );
    const frank = await sts.iam.user(A, 'frank', [allow('sts:AssumeRole')]);
    const ok = await sts.assume(frank, { roleArn: role.arn, roleSessionName: 'x1' });
    expect(ok.data?.assumeRole.assumedRoleUser.arn).toBe(`arn:aws:sts::${B}:assumed-role/CrossAccount/x1`);
    const outsider = await sts.iam.user(B, 'outsider', [allow('sts:AssumeRole')]);
    const other = await sts.iam.role(B, 'OnlyA', trustPolicy(`arn:aws:iam::${A}:root`));
    expect(
      (await sts.assume(outsider, { roleArn: other.arn, roleSessionName: 'x1' })).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
  });

  it('checks ExternalId: right, wrong, missing', async () => {
    const role = await sts.iam.role(
      B,
      'Vendor',
      trustPolicy(A, { condition: { StringEquals: { 'sts:ExternalId': 'secret-ext-1' } } }),
    );
    const grace = await sts.iam.user(A, 'grace', [allow('sts:AssumeRole')]);
    expect(
      (await sts.assume(grace, { roleArn: role.arn, roleSessionName: 'vendor', externalId: 'secret-ext-1' })).errors,
    ).toBeUndefined();
    expect(
      (await sts.assume(grace, { roleArn: role.arn, roleSessionName: 'vendor', externalId: 'wrong-ext' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('AccessDenied');
    expect(
      (await sts.assume(grace, { roleArn: role.arn, roleSessionName: 'vendor' })).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
    const bad = await sts.assume(grace, { roleArn: role.arn, roleSessionName: 'vendor', externalId: 'has space' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('ValidationError');
  });

  it('needs sts:TagSession for session tags and reports packedPolicySize', async () => {
    const henry = await sts.iam.user(A, 'henry');
    const noTags = await sts.iam.role(A, 'NoTags', trustPolicy(henry.arn));
    const tags = [{ key: 'team', value: 'blue' }];
    const refused = await sts.assume(henry, { roleArn: noTags.arn, roleSessionName: 'tagged', tags });
    expect(refused.errors?.[0]?.message).toBe(
      `User: ${henry.arn} is not authorized to perform: sts:TagSession on resource: ${noTags.arn}`,
    );
    const tagged = await sts.iam.role(
      A,
      'Tagged',
      trustPolicy(henry.arn, { actions: ['sts:AssumeRole', 'sts:TagSession'] }),
    );
    const ok = await sts.assume(henry, {
      roleArn: tagged.arn,
      roleSessionName: 'tagged',
      tags,
      policy: allow('s3:GetObject'),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.assumeRole.packedPolicySize).toBeGreaterThan(0);
  });

  it("reports AWS's validation messages and a missing role as AccessDenied", async () => {
    const ivan = await sts.iam.user(A, 'ivan');
    const role = await sts.iam.role(A, 'Short', trustPolicy(ivan.arn));
    const name = await sts.assume(ivan, { roleArn: role.arn, roleSessionName: 'bad name' });
    expect(name.errors?.[0]).toMatchObject({
      message:
        "1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      extensions: { code: 'ValidationError' },
    });
    const tooLong = await sts.assume(ivan, { roleArn: role.arn, roleSessionName: 's', durationSeconds: 7200 });
    expect(tooLong.errors?.[0]?.message).toContain("at 'roleSessionName'");
    const overMax = await sts.assume(ivan, { roleArn: role.arn, roleSessionName: 'ss', durationSeconds: 7200 });
    expect(overMax.errors?.[0]?.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    const malformed = await sts.assume(ivan, {
      roleArn: role.arn,
      roleSessionName: 'ss',
      policy: '{"Version":"2012-10-17"',
    });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('MalformedPolicyDocument');
    const missing = await sts.assume(ivan, { roleArn: `arn:aws:iam::${A}:role/Nope`, roleSessionName: 'ss' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('AccessDenied');
  });

  it('audits every assumeRole, allowed or denied', async () => {
    const judy = await sts.iam.user(A, 'judy');
    const role = await sts.iam.role(A, 'Audited', trustPolicy(judy.arn));
    const other = await sts.iam.role(A, 'NotForJudy', trustPolicy(`arn:aws:iam::${A}:root`));
    const ok = await sts.assume(judy, { roleArn: role.arn, roleSessionName: 'a1' });
    await sts.assume(judy, { roleArn: role.arn, roleSessionName: 'a 2' });
    await sts.assume(judy, { roleArn: other.arn, roleSessionName: 'a3' });
    const events = await sts.server.database.prisma.auditEvent.findMany({
      where: { eventName: 'AssumeRole', principalArn: judy.arn },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.decision, e.errorCode, e.resourceArn])).toEqual([
      ['Allow', null, role.arn],
      ['Error', 'ValidationError', role.arn],
      ['Deny', 'AccessDenied', other.arn],
    ]);
    expect(events[0]?.detail).toMatchObject({ issuedSessionId: ok.data?.assumeRole.credentials.accessKeyId });
  });

  it('stores the session secret encrypted and the token only hashed', async () => {
    const kate = await sts.iam.user(A, 'kate');
    const role = await sts.iam.role(A, 'Stored', trustPolicy(kate.arn));
    const { credentials } = (await sts.assume(kate, { roleArn: role.arn, roleSessionName: 'st' })).data!.assumeRole;
    const dump = JSON.stringify((await sts.server.database.pool.query('SELECT * FROM session')).rows);
    expect(dump).not.toContain(credentials.secretAccessKey);
    expect(dump).not.toContain(credentials.sessionToken);
  });
});
