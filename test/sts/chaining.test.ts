import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import { allow, startStsTestServer, trustPolicy, WHO_AM_I } from './stsTestServer.js';

const A = '111122223333';
const GET_SESSION_TOKEN = `mutation Token($input: GetSessionTokenInput) {
  getSessionToken(input: $input) { credentials { accessKeyId secretAccessKey sessionToken expiration } }
}`;
type TokenData = {
  getSessionToken: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
  };
};

describe('role chaining, source identity, MFA and expiry over HTTP', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
    await sts.iam.account(A);
  });
  afterAll(async () => sts?.server.close());

  it('chains with credentials from a session, capped at one hour', async () => {
    // Given alice → First (12 h allowed) → Second, each trusting the previous hop
    const alice = await sts.iam.user(A, 'alice');
    const first = await sts.iam.role(A, 'First', trustPolicy(alice.arn), { maxSessionDuration: 43_200 });
    const second = await sts.iam.role(A, 'Second', trustPolicy(first.arn), { maxSessionDuration: 43_200 });
    const hop1 = await sts.assume(alice, { roleArn: first.arn, roleSessionName: 'hop1', durationSeconds: 7200 });
    expect(hop1.errors).toBeUndefined();
    const key1 = sts.sessionKey(hop1);
    // When the first session asks for more than one hour, then for one hour
    const tooLong = await sts.assume(key1, { roleArn: second.arn, roleSessionName: 'hop2', durationSeconds: 7200 });
    const hop2 = await sts.assume(key1, { roleArn: second.arn, roleSessionName: 'hop2' });
    // Then chaining past an hour is refused with AWS's message, and the chain is recorded
    expect(tooLong.errors?.[0]).toMatchObject({
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      extensions: { code: 'ValidationError' },
    });
    expect(hop2.errors).toBeUndefined();
    const stored = await sts.server.database.prisma.session.findUnique({
      where: { id: hop2.data!.assumeRole.credentials.accessKeyId },
    });
    expect(stored).toMatchObject({
      chained: true,
      parentSessionId: key1.accessKeyId,
      callerArn: `arn:aws:sts::${A}:assumed-role/First/hop1`,
    });
    expect((await sts.call(sts.sessionKey(hop2), WHO_AM_I)).data).toMatchObject({
      callerIdentity: { arn: `arn:aws:sts::${A}:assumed-role/Second/hop2` },
    });
  });

  it('keeps the source identity along a chain and refuses to change it', async () => {
    const bob = await sts.iam.user(A, 'bob', [allow(['sts:AssumeRole', 'sts:SetSourceIdentity'])]);
    const actions = ['sts:AssumeRole', 'sts:SetSourceIdentity'];
    const first = await sts.iam.role(A, 'SiFirst', trustPolicy(bob.arn, { actions }), {
      policies: [allow(['sts:AssumeRole', 'sts:SetSourceIdentity'])],
    });
    const second = await sts.iam.role(A, 'SiSecond', trustPolicy(first.arn, { actions }));
    const hop1 = await sts.assume(bob, {
      roleArn: first.arn,
      roleSessionName: 'si1',
      sourceIdentity: 'bob@example.com',
    });
    expect(hop1.data?.assumeRole.sourceIdentity).toBe('bob@example.com');
    const key1 = sts.sessionKey(hop1);
    const changed = await sts.assume(key1, { roleArn: second.arn, roleSessionName: 'si2', sourceIdentity: 'mallory' });
    expect(changed.errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect(changed.errors?.[0]?.message).toContain('cannot be changed');
    const kept = await sts.assume(key1, { roleArn: second.arn, roleSessionName: 'si2' });
    expect(kept.data?.assumeRole.sourceIdentity).toBe('bob@example.com');
    const noSetPermission = await sts.iam.role(A, 'SiNoSet', trustPolicy(first.arn));
    expect(
      (await sts.assume(key1, { roleArn: noSetPermission.arn, roleSessionName: 'si3' })).errors?.[0]?.message,
    ).toContain('sts:SetSourceIdentity');
  });

  it('inherits transitive tags and refuses to override them', async () => {
    const carol = await sts.iam.user(A, 'carol');
    const actions = ['sts:AssumeRole', 'sts:TagSession'];
    const first = await sts.iam.role(A, 'TagFirst', trustPolicy(carol.arn, { actions }), {
      policies: [allow(['sts:AssumeRole', 'sts:TagSession'])],
    });
    const second = await sts.iam.role(A, 'TagSecond', trustPolicy(first.arn, { actions }));
    const hop1 = await sts.assume(carol, {
      roleArn: first.arn,
      roleSessionName: 'tag1',
      tags: [{ key: 'Project', value: 'apollo' }],
      transitiveTagKeys: ['Project'],
    });
    const key1 = sts.sessionKey(hop1);
    const override = await sts.assume(key1, {
      roleArn: second.arn,
      roleSessionName: 'tag2',
      tags: [{ key: 'project', value: 'other' }],
    });
    expect(override.errors?.[0]?.extensions?.code).toBe('ValidationError');
    const hop2 = await sts.assume(key1, { roleArn: second.arn, roleSessionName: 'tag2' });
    const stored = await sts.server.database.prisma.session.findUnique({
      where: { id: hop2.data!.assumeRole.credentials.accessKeyId },
    });
    expect(stored).toMatchObject({ tags: [{ key: 'Project', value: 'apollo' }], transitiveTagKeys: ['Project'] });
  });

  it('narrows a session with its session policy', async () => {
    // Given a role allowed to assume a target role only through its identity policy
    const dave = await sts.iam.user(A, 'dave');
    const target = await sts.iam.role(A, 'NarrowTarget', trustPolicy(`arn:aws:iam::${A}:root`));
    const middle = await sts.iam.role(A, 'NarrowMiddle', trustPolicy(dave.arn), {
      policies: [allow('sts:AssumeRole')],
    });
    // When one session carries a session policy without sts:AssumeRole and another does not
    const narrowed = sts.sessionKey(
      await sts.assume(dave, { roleArn: middle.arn, roleSessionName: 'narrow', policy: allow('s3:GetObject') }),
    );
    const full = sts.sessionKey(await sts.assume(dave, { roleArn: middle.arn, roleSessionName: 'full' }));
    // Then only the un-narrowed session may chain on
    expect(
      (await sts.assume(narrowed, { roleArn: target.arn, roleSessionName: 'next' })).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
    expect((await sts.assume(full, { roleArn: target.arn, roleSessionName: 'next' })).errors).toBeUndefined();
  });

  it('fails with ExpiredToken once the credentials expire', async () => {
    const erin = await sts.iam.user(A, 'erin');
    const role = await sts.iam.role(A, 'Expiring', trustPolicy(erin.arn));
    const key = sts.sessionKey(
      await sts.assume(erin, { roleArn: role.arn, roleSessionName: 'exp', durationSeconds: 900 }),
    );
    expect((await sts.call(key, WHO_AM_I)).errors).toBeUndefined();
    await sts.server.database.prisma.session.update({
      where: { id: key.accessKeyId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await sts.call(key, WHO_AM_I);
    expect(expired.errors?.[0]).toMatchObject({
      message: 'The security token included in the request is expired',
      extensions: { code: 'ExpiredToken' },
    });
    const wrongToken = await sts.call({ ...key, sessionToken: 'not-the-token' }, WHO_AM_I);
    expect(wrongToken.errors?.[0]?.extensions?.code).toBe('InvalidClientTokenId');
  });

  it('requires MFA when the trust says so, and refuses a reused code', async () => {
    const frank = await sts.iam.user(A, 'frank');
    const device = await sts.iam.mfaDevice(A, frank.id, 'frank');
    const role = await sts.iam.role(
      A,
      'NeedsMfa',
      trustPolicy(frank.arn, { condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    );
    expect((await sts.assume(frank, { roleArn: role.arn, roleSessionName: 'mfa' })).errors?.[0]?.extensions?.code).toBe(
      'AccessDenied',
    );
    const tokenCode = generateTotpCode(device.seed);
    const ok = await sts.assume(frank, {
      roleArn: role.arn,
      roleSessionName: 'mfa',
      serialNumber: device.serialNumber,
      tokenCode,
    });
    expect(ok.errors).toBeUndefined();
    const reused = await sts.assume(frank, {
      roleArn: role.arn,
      roleSessionName: 'mfa',
      serialNumber: device.serialNumber,
      tokenCode,
    });
    expect(reused.errors?.[0]).toMatchObject({
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      extensions: { code: 'AccessDenied' },
    });
  });

  it('lets only one of two concurrent requests use the same MFA code', async () => {
    const ken = await sts.iam.user(A, 'ken');
    const device = await sts.iam.mfaDevice(A, ken.id, 'ken');
    const role = await sts.iam.role(A, 'RaceMfa', trustPolicy(ken.arn));
    const input = {
      roleArn: role.arn,
      roleSessionName: 'race',
      serialNumber: device.serialNumber,
      tokenCode: generateTotpCode(device.seed),
    };
    const results = await Promise.all([sts.assume(ken, input), sts.assume(ken, input), sts.assume(ken, input)]);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
  });

  it('issues getSessionToken credentials that act as the user, with MFA, but not from a session', async () => {
    const grace = await sts.iam.user(A, 'grace');
    const device = await sts.iam.mfaDevice(A, grace.id, 'grace');
    const response = await sts.call<TokenData>(grace, GET_SESSION_TOKEN, {
      input: { durationSeconds: 900, serialNumber: device.serialNumber, tokenCode: generateTotpCode(device.seed) },
    });
    expect(response.errors).toBeUndefined();
    const credentials = response.data!.getSessionToken.credentials;
    const key = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };
    expect((await sts.call(key, WHO_AM_I)).data).toEqual({
      callerIdentity: { userId: grace.id, account: A, arn: grace.arn },
    });
    const role = await sts.iam.role(
      A,
      'MfaFromToken',
      trustPolicy(grace.arn, { condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    );
    expect((await sts.assume(key, { roleArn: role.arn, roleSessionName: 'via-token' })).errors).toBeUndefined();
    const again = await sts.call(key, GET_SESSION_TOKEN);
    expect(again.errors?.[0]).toMatchObject({
      message: 'Cannot call GetSessionToken with session credentials',
      extensions: { code: 'AccessDenied' },
    });
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html ("Choosing
  // between GetSessionToken and AssumeRole"): "The temporary credentials returned by AssumeRole do not include
  // MFA information in the context" — a role session chaining to another role passes no MFA on.
  it('does not carry MFA through role chaining', async () => {
    // Given a role assumed with MFA, and two next hops trusting it: one requires MFA, one does not
    const mia = await sts.iam.user(A, 'mia');
    const device = await sts.iam.mfaDevice(A, mia.id, 'mia');
    const mfa = { condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
    const first = await sts.iam.role(A, 'ChainMfaFirst', trustPolicy(mia.arn, mfa));
    const strict = await sts.iam.role(A, 'ChainMfaStrict', trustPolicy(first.arn, mfa));
    const open = await sts.iam.role(A, 'ChainMfaOpen', trustPolicy(first.arn));
    const hop1 = await sts.assume(mia, {
      roleArn: first.arn,
      roleSessionName: 'with-mfa',
      serialNumber: device.serialNumber,
      tokenCode: generateTotpCode(device.seed),
    });
    expect(hop1.errors).toBeUndefined();
    const key1 = sts.sessionKey(hop1);
    // When the MFA session chains
    const toStrict = await sts.assume(key1, { roleArn: strict.arn, roleSessionName: 'chained' });
    const toOpen = await sts.assume(key1, { roleArn: open.arn, roleSessionName: 'chained' });
    // Then the trust that requires MFA refuses, and the chained session holds no MFA
    expect(toStrict.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(toOpen.errors).toBeUndefined();
    const stored = await sts.server.database.prisma.session.findMany({
      where: { id: { in: [key1.accessKeyId, toOpen.data!.assumeRole.credentials.accessKeyId] } },
      select: { id: true, mfaAuthenticatedAt: true },
    });
    expect(stored.find((row) => row.id === key1.accessKeyId)?.mfaAuthenticatedAt).not.toBeNull();
    expect(stored.find((row) => row.id !== key1.accessKeyId)?.mfaAuthenticatedAt).toBeNull();
  });
});
