import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKey } from '../sts/arrangeIam.js';
import { allow, startStsTestServer, WHO_AM_I } from '../sts/stsTestServer.js';

const A = '121212121212';
const GITHUB = 'https://oidc.iam-playground.local/github';
const GITHUB_KEY = 'oidc.iam-playground.local/github';
const MAIN = 'repo:acme/app:ref:refs/heads/main';

const MINT = `mutation Mint($input: MintOidcTokenInput!) { mintOidcToken(input: $input) { token issuer claims expiresAt } }`;
const ASSUME = `mutation Assume($input: AssumeRoleWithWebIdentityInput!) {
  assumeRoleWithWebIdentity(input: $input) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    subjectFromWebIdentityToken assumedRoleUser { arn assumedRoleId } packedPolicySize provider audience sourceIdentity
  }
}`;
const CREATE = `mutation Create($url: String!, $clientIDList: [String!], $thumbprintList: [String!], $jwks: String, $tags: [TagInput!]) {
  createOpenIDConnectProvider(url: $url, clientIDList: $clientIDList, thumbprintList: $thumbprintList, jwks: $jwks, tags: $tags) {
    arn url clientIDList thumbprintList builtInIssuer jwks tags { key value } accountId
  }
}`;

type Sts = Awaited<ReturnType<typeof startStsTestServer>>;
interface AssumeData {
  assumeRoleWithWebIdentity: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
    subjectFromWebIdentityToken: string;
    assumedRoleUser: { arn: string; assumedRoleId: string };
    provider: string;
    audience: string;
    sourceIdentity: string | null;
  };
}

/** A trust policy for web identity from one provider, pinned by conditions. */
function webTrust(
  providerArn: string,
  condition: Record<string, unknown>,
  actions: string[] = ['sts:AssumeRoleWithWebIdentity'],
) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: actions, Condition: condition }],
  };
}

describe('OIDC federation over HTTP', () => {
  let sts: Sts;
  let root: TestKey;
  let roleArn: string;
  const providerArn = `arn:aws:iam::${A}:oidc-provider/${GITHUB_KEY}`;
  const mint = async (input: Record<string, unknown>) => {
    const response = await sts.call<{ mintOidcToken: { token: string } }>(root, MINT, {
      input: { issuer: 'github', subject: MAIN, audience: ['sts.amazonaws.com'], ...input },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.mintOidcToken.token;
  };
  const assume = (token: string, extra: Record<string, unknown> = {}) =>
    sts.call<AssumeData>(null, ASSUME, {
      input: { roleArn, roleSessionName: 'deploy', webIdentityToken: token, ...extra },
    });

  beforeAll(async () => {
    sts = await startStsTestServer();
    root = await sts.iam.account(A);
    const created = await sts.call(root, CREATE, { url: GITHUB, clientIDList: ['sts.amazonaws.com'] });
    expect(created.errors).toBeUndefined();
    const role = await sts.iam.role(
      A,
      'Deploy',
      webTrust(providerArn, {
        StringEquals: { [`${GITHUB_KEY}:aud`]: 'sts.amazonaws.com', [`${GITHUB_KEY}:sub`]: MAIN },
      }),
      {
        policies: [allow('s3:PutObject', 'arn:aws:s3:::site/*')],
      },
    );
    roleArn = role.arn;
  });
  afterAll(async () => sts?.server.close());

  it('assumes a role with a token from the built-in issuer, unsigned, and acts as the session', async () => {
    // Given a token for the main branch
    const token = await mint({ claims: JSON.stringify({ repository: 'acme/app', ref: 'refs/heads/main' }) });
    // When it is exchanged without any credentials
    const response = await assume(token);
    // Then STS answers with AWS's fields and the credentials sign later requests
    expect(response.errors).toBeUndefined();
    const payload = response.data!.assumeRoleWithWebIdentity;
    expect(payload).toMatchObject({
      subjectFromWebIdentityToken: MAIN,
      assumedRoleUser: { arn: `arn:aws:sts::${A}:assumed-role/Deploy/deploy` },
      provider: GITHUB,
      audience: 'sts.amazonaws.com',
      sourceIdentity: null,
    });
    const key = {
      accessKeyId: payload.credentials.accessKeyId,
      secretAccessKey: payload.credentials.secretAccessKey,
      sessionToken: payload.credentials.sessionToken,
    };
    const who = await sts.call<{ callerIdentity: { arn: string } }>(key, WHO_AM_I);
    expect(who.data?.callerIdentity.arn).toBe(`arn:aws:sts::${A}:assumed-role/Deploy/deploy`);
    const stored = await sts.server.database.prisma.session.findUnique({ where: { id: key.accessKeyId } });
    expect(stored).toMatchObject({ federatedProvider: providerArn, callerArn: providerArn, chained: false });
    const audit = await sts.server.database.prisma.auditEvent.findFirst({
      where: { eventName: 'AssumeRoleWithWebIdentity', decision: 'Allow' },
    });
    expect(audit?.detail).toMatchObject({
      userIdentity: { type: 'WebIdentityUser', userName: MAIN, identityProvider: providerArn },
    });
  });

  it('refuses a pull request token: the trust pins the branch', async () => {
    const token = await mint({ subject: 'repo:acme/app:pull_request' });
    const response = await assume(token);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      extensions: { code: 'AccessDenied' },
    });
  });

  it('refuses an expired token, also when it was valid before (replayed after expiry)', async () => {
    const token = await mint({
      issuedAt: new Date(Date.now() - 7200_000).toISOString(),
      expiresAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const response = await assume(token);
    expect(response.errors?.[0]?.extensions?.code).toBe('ExpiredTokenException');
    expect(response.errors?.[0]?.message).toMatch(
      /^Token expired: current date\/time \d+ must be before the expiration date\/time\d+$/,
    );
  });

  it('refuses a token that is not yet valid', async () => {
    const token = await mint({ notBefore: new Date(Date.now() + 600_000).toISOString() });
    expect((await assume(token)).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
  });

  it('refuses a token for another audience', async () => {
    const token = await mint({ audience: ['https://github.com/acme'] });
    expect((await assume(token)).errors?.[0]).toMatchObject({
      message: 'Incorrect token audience',
      extensions: { code: 'InvalidIdentityToken' },
    });
  });

  it('refuses a token from an issuer the account has not registered', async () => {
    const response = await sts.call<{ mintOidcToken: { token: string } }>(root, MINT, {
      input: { issuer: 'gitlab', subject: MAIN, audience: ['sts.amazonaws.com'] },
    });
    const result = await assume(response.data!.mintOidcToken.token);
    expect(result.errors?.[0]).toMatchObject({
      message: 'No OpenIDConnect provider found in your account for https://oidc.iam-playground.local/gitlab',
      extensions: { code: 'InvalidIdentityToken' },
    });
  });

  it('refuses a forged token (right claims and kid, another key) and an unsigned one (alg none)', async () => {
    // Given the real token's header and claims
    const real = await mint({});
    const [header, body] = real.split('.') as [string, string];
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    // When an attacker signs the same claims with a key of their own
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'repo:evil/app:ref:refs/heads/main' })).toString('base64url')}.${real.split('.')[2]}`;
    // Then every one is refused, and the genuine token still works
    for (const token of [forged, unsigned, tampered]) {
      expect((await assume(token)).errors?.[0]).toMatchObject({ extensions: { code: 'InvalidIdentityToken' } });
    }
    expect((await assume(real)).errors).toBeUndefined();
  });

  it('serves the issuer discovery document and keys, which verify the minted tokens', async () => {
    const config = (await (await fetch(`${sts.server.url}/oidc/github/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(config.issuer).toBe(GITHUB);
    const token = await mint({});
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri)), {
      issuer: GITHUB,
      audience: 'sts.amazonaws.com',
    });
    expect(payload.sub).toBe(MAIN);
    expect((await fetch(`${sts.server.url}/oidc/nobody/.well-known/jwks`)).status).toBe(404);
  });

  it('takes session tags from the token only when the trust allows sts:TagSession', async () => {
    const tagged = {
      'https://aws.amazon.com/tags': { principal_tags: { team: ['web'] }, transitive_tag_keys: ['team'] },
      'https://aws.amazon.com/source_identity': 'alice',
    };
    const token = await mint({ claims: JSON.stringify(tagged) });
    expect((await assume(token)).errors?.[0]).toMatchObject({
      message: 'Not authorized to perform sts:TagSession',
      extensions: { code: 'AccessDenied' },
    });
    const condition = {
      StringEquals: { [`${GITHUB_KEY}:sub`]: MAIN, 'aws:FederatedProvider': providerArn, 'aws:RequestTag/team': 'web' },
    };
    const role = await sts.iam.role(
      A,
      'Tagged',
      webTrust(providerArn, condition, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity']),
    );
    const response = await sts.call<AssumeData>(null, ASSUME, {
      input: { roleArn: role.arn, roleSessionName: 'tagged', webIdentityToken: token },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.assumeRoleWithWebIdentity.sourceIdentity).toBe('alice');
    const session = await sts.server.database.prisma.session.findUnique({
      where: { id: response.data!.assumeRoleWithWebIdentity.credentials.accessKeyId },
    });
    expect(session).toMatchObject({
      tags: [{ key: 'team', value: 'web' }],
      transitiveTagKeys: ['team'],
      sourceIdentity: 'alice',
    });
  });

  it('verifies tokens of an outside issuer with the jwks given at creation', async () => {
    // Given an outside IdP's key pair, whose public half is registered with the provider
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const created = await sts.call(root, CREATE, {
      url: 'https://idp.example.com/tenant',
      clientIDList: ['my-app'],
      jwks: JSON.stringify({ keys: [jwk] }),
    });
    expect(created.errors).toBeUndefined();
    const outsideArn = `arn:aws:iam::${A}:oidc-provider/idp.example.com/tenant`;
    const role = await sts.iam.role(
      A,
      'Outside',
      webTrust(outsideArn, { StringEquals: { 'idp.example.com/tenant:sub': 'u-1' } }),
    );
    const sign = (aud: string) =>
      new SignJWT({ sub: 'u-1', aud })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer('https://idp.example.com/tenant')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    // Then its tokens are accepted, for the registered client id only
    const ok = await sts.call<AssumeData>(null, ASSUME, {
      input: { roleArn: role.arn, roleSessionName: 'outside', webIdentityToken: await sign('my-app') },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.assumeRoleWithWebIdentity.provider).toBe('https://idp.example.com/tenant');
    const wrong = await sts.call(null, ASSUME, {
      input: { roleArn: role.arn, roleSessionName: 'outside', webIdentityToken: await sign('other') },
    });
    expect(wrong.errors?.[0]?.message).toBe('Incorrect token audience');
    // And the stored key set verifies them locally too (sanity check of what was stored)
    expect((await jwtVerify(await sign('my-app'), createLocalJWKSet({ keys: [jwk] }))).payload.sub).toBe('u-1');
  });

  it('validates parameters and an unknown role as AWS does', async () => {
    const token = await mint({});
    expect((await assume(token, { roleSessionName: 'x' })).errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect((await assume(token, { durationSeconds: 60 })).errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect((await assume('abc')).errors?.[0]?.extensions?.code).toBe('ValidationError');
    expect((await assume('not-a-jwt-at-all')).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
    const missing = await sts.call(null, ASSUME, {
      input: { roleArn: `arn:aws:iam::${A}:role/Nope`, roleSessionName: 'deploy', webIdentityToken: token },
    });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'AccessDenied' } });
    const long = await assume(token, { durationSeconds: 7200 });
    expect(long.errors?.[0]?.extensions?.code).toBe('ValidationError');
  });

  it('mints only for signed-in callers and checks its claims', async () => {
    expect(
      (await sts.call(null, MINT, { input: { issuer: 'github', subject: MAIN, audience: ['a'] } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('MissingAuthenticationToken');
    expect(
      (await sts.call(root, MINT, { input: { issuer: 'GitHub!', subject: MAIN, audience: ['a'] } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('ValidationError');
    expect(
      (
        await sts.call(root, MINT, {
          input: { issuer: 'github', subject: MAIN, audience: ['a'], claims: '{"iss":"x"}' },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('ValidationError');
  });
});
