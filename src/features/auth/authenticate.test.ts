import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { authenticate } from './authenticate.js';
import type { CredentialStore, StoredAccessKey, StoredSession } from './CredentialStore.js';
import { hashSessionToken } from './secretCipher.js';
import type { AuthRequest } from './verifySigV4.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const userKey: StoredAccessKey = {
  id: 'AKIAUSEREXAMPLE00001',
  accountId: '111122223333',
  userId: 'AIDAUSEREXAMPLE000001',
  principalArn: 'arn:aws:iam::111122223333:user/alice',
  secretAccessKey: 'user-secret-0000000000000000000000000000',
  status: 'Active',
};
const rootKey: StoredAccessKey = {
  ...userKey,
  id: 'AKIAROOTEXAMPLE00001',
  userId: null,
  principalArn: 'arn:aws:iam::111122223333:root',
};
const token = 'session-token-value';
const session: StoredSession = {
  id: 'ASIASESSIONEXAMPLE01',
  accountId: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/dev',
  principalUserId: 'AROAROLEEXAMPLE000001:dev',
  userId: null,
  roleId: 'AROAROLEEXAMPLE000001',
  roleArn: 'arn:aws:iam::111122223333:role/Admin',
  sessionName: 'dev',
  sourceIdentity: 'alice',
  tags: [{ key: 'team', value: 'blue' }],
  transitiveTagKeys: [],
  sessionPolicy: null,
  policyArns: [],
  mfaAuthenticated: false,
  mfaAuthenticatedAt: null,
  chained: false,
  issuedAt: new Date('2026-03-01T11:30:00Z'),
  expiresAt: new Date('2026-03-01T12:30:00Z'),
  tokenHash: hashSessionToken(token),
  secretAccessKey: 'session-secret-000000000000000000000000',
};
const store: CredentialStore = {
  findAccessKey: async (id) =>
    [userKey, rootKey, { ...userKey, id: 'AKIAINACTIVE00000001', status: 'Inactive' as const }].find(
      (k) => k.id === id,
    ) ?? null,
  findSession: async (id) => (id === session.id ? session : null),
  operator: {
    accessKeyId: 'AKIAOPERATOR00000001',
    secretAccessKey: 'operator-secret',
    arn: 'arn:aws:iam::000000000000:root',
    accountId: '000000000000',
  },
};

function basicRequest(id: string, secret: string, sessionToken?: string): AuthRequest {
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  };
  if (sessionToken !== undefined) headers['x-amz-security-token'] = sessionToken;
  return { method: 'POST', url: '/graphql', headers, body: '{}' };
}

async function signedRequest(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  options: { signingDate?: Date; service?: string; body?: string } = {},
): Promise<AuthRequest> {
  const body = options.body ?? JSON.stringify({ query: '{ callerIdentity { arn } }' });
  const signer = new SignatureV4({
    credentials,
    region: 'eu-west-1',
    service: options.service ?? 'appsync',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      port: 4000,
      path: '/graphql',
      query: {},
      headers: { host: 'localhost:4000', 'content-type': 'application/json' },
      body,
    },
    { signingDate: options.signingDate ?? NOW },
  );
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method: 'POST', url: '/graphql', headers: { ...headers, 'user-agent': 'test' }, body };
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
}

describe('authenticate with HTTP Basic', () => {
  it('returns the user, the root and the operator', async () => {
    const user = await authenticate(basicRequest(userKey.id, userKey.secretAccessKey), store, NOW);
    expect(user).toMatchObject({
      type: 'user',
      arn: userKey.principalArn,
      userId: 'AIDAUSEREXAMPLE000001',
      accountId: '111122223333',
      session: null,
    });
    const root = await authenticate(basicRequest(rootKey.id, rootKey.secretAccessKey), store, NOW);
    expect(root).toMatchObject({ type: 'root', userId: '111122223333', iamUserId: null });
    const operator = await authenticate(basicRequest('AKIAOPERATOR00000001', 'operator-secret'), store, NOW);
    expect(operator).toMatchObject({ type: 'operator', accountId: '000000000000' });
  });

  it('returns an assumed-role caller with its session for temporary credentials', async () => {
    const caller = await authenticate(basicRequest(session.id, session.secretAccessKey, token), store, NOW);
    expect(caller).toMatchObject({ type: 'assumedRole', arn: session.arn, userId: 'AROAROLEEXAMPLE000001:dev' });
    expect(caller.session).toMatchObject({ sourceIdentity: 'alice', roleArn: 'arn:aws:iam::111122223333:role/Admin' });
    expect(caller.session).not.toHaveProperty('tokenHash');
    expect(caller.session).not.toHaveProperty('secretAccessKey');
  });

  it('fails with AWS codes', async () => {
    expect(await codeOf(authenticate({ method: 'POST', url: '/', headers: {}, body: '' }, store, NOW))).toBe(
      'MissingAuthenticationToken',
    );
    expect(await codeOf(authenticate(basicRequest('AKIAUNKNOWN000000001', 'x'), store, NOW))).toBe(
      'InvalidClientTokenId',
    );
    expect(await codeOf(authenticate(basicRequest('AKIAINACTIVE00000001', userKey.secretAccessKey), store, NOW))).toBe(
      'InvalidClientTokenId',
    );
    expect(await codeOf(authenticate(basicRequest(userKey.id, 'wrong'), store, NOW))).toBe('SignatureDoesNotMatch');
    expect(await codeOf(authenticate(basicRequest(session.id, session.secretAccessKey), store, NOW))).toBe(
      'InvalidClientTokenId',
    );
    expect(
      await codeOf(authenticate(basicRequest(session.id, session.secretAccessKey, 'wrong-token'), store, NOW)),
    ).toBe('InvalidClientTokenId');
    expect(await codeOf(authenticate(basicRequest(userKey.id, userKey.secretAccessKey, token), store, NOW))).toBe(
      'InvalidClientTokenId',
    );
    expect(await codeOf(authenticate(basicRequest(session.id, 'wrong', token), store, session.expiresAt))).toBe(
      'ExpiredToken',
    );
    const malformed = {
      method: 'POST',
      url: '/',
      headers: { authorization: `Basic ${Buffer.from('x').toString('base64')}` },
      body: '',
    };
    expect(await codeOf(authenticate(malformed, store, NOW))).toBe('IncompleteSignature');
  });

  it('uses AWS wording for an expired session', async () => {
    await expect(
      authenticate(basicRequest(session.id, session.secretAccessKey, token), store, new Date('2026-03-01T13:00:00Z')),
    ).rejects.toThrow('The security token included in the request is expired');
  });
});

describe('authenticate with SigV4 (AppSync IAM mode)', () => {
  it('accepts a request signed by the AWS SDK signer, long-term and temporary', async () => {
    const user = await authenticate(
      await signedRequest({ accessKeyId: userKey.id, secretAccessKey: userKey.secretAccessKey }),
      store,
      NOW,
    );
    expect(user.arn).toBe(userKey.principalArn);
    const temp = await signedRequest({
      accessKeyId: session.id,
      secretAccessKey: session.secretAccessKey,
      sessionToken: token,
    });
    expect((await authenticate(temp, store, NOW)).arn).toBe(session.arn);
  });

  it('verifies a signed GET with a query string (GraphQL over GET)', async () => {
    const query = { query: '{ callerIdentity { arn } }', variables: '{"a":"b c"}' };
    const signer = new SignatureV4({
      credentials: { accessKeyId: userKey.id, secretAccessKey: userKey.secretAccessKey },
      region: 'us-east-1',
      service: 'appsync',
      sha256: Sha256,
    });
    const signed = await signer.sign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/graphql',
        query,
        headers: { host: 'localhost' },
      },
      { signingDate: NOW },
    );
    const url = `/graphql?${new URLSearchParams(query).toString()}`;
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect((await authenticate({ method: 'GET', url, headers, body: '' }, store, NOW)).arn).toBe(userKey.principalArn);
    const changed = `/graphql?${new URLSearchParams({ ...query, query: '{ other }' }).toString()}`;
    expect(await codeOf(authenticate({ method: 'GET', url: changed, headers, body: '' }, store, NOW))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('accepts a signature up to 15 minutes from the server clock', async () => {
    const early = await signedRequest(
      { accessKeyId: userKey.id, secretAccessKey: userKey.secretAccessKey },
      { signingDate: new Date(NOW.getTime() - 14 * 60_000) },
    );
    expect((await authenticate(early, store, NOW)).type).toBe('user');
  });

  it('rejects a wrong secret, a changed body, a wrong service and clock skew', async () => {
    const creds = { accessKeyId: userKey.id, secretAccessKey: userKey.secretAccessKey };
    expect(await codeOf(authenticate(await signedRequest({ ...creds, secretAccessKey: 'wrong' }), store, NOW))).toBe(
      'SignatureDoesNotMatch',
    );
    const tampered = { ...(await signedRequest(creds)), body: '{"query":"{ other }"}' };
    expect(await codeOf(authenticate(tampered, store, NOW))).toBe('SignatureDoesNotMatch');
    expect(await codeOf(authenticate(await signedRequest(creds, { service: 'execute-api' }), store, NOW))).toBe(
      'SignatureDoesNotMatch',
    );
    const stale = await signedRequest(creds, { signingDate: new Date(NOW.getTime() - 16 * 60_000) });
    await expect(authenticate(stale, store, NOW)).rejects.toThrow(
      'Signature expired: 20260301T114400Z is now earlier than 20260301T114500Z (20260301T120000Z - 15 min.)',
    );
    const future = await signedRequest(creds, { signingDate: new Date(NOW.getTime() + 16 * 60_000) });
    await expect(authenticate(future, store, NOW)).rejects.toThrow('Signature not yet current');
  });

  it('reports unknown keys and expired sessions before checking the signature', async () => {
    expect(
      await codeOf(
        authenticate(await signedRequest({ accessKeyId: 'AKIAUNKNOWN000000001', secretAccessKey: 'x' }), store, NOW),
      ),
    ).toBe('InvalidClientTokenId');
    const expired = await signedRequest(
      { accessKeyId: session.id, secretAccessKey: session.secretAccessKey, sessionToken: token },
      { signingDate: session.expiresAt },
    );
    expect(await codeOf(authenticate(expired, store, session.expiresAt))).toBe('ExpiredToken');
  });

  it('reports an incomplete Authorization header', async () => {
    const request = {
      method: 'POST',
      url: '/graphql',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAX/20260301/us-east-1/appsync/aws4_request' },
      body: '',
    };
    await expect(authenticate(request, store, NOW)).rejects.toThrow(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    );
    const signed = await signedRequest({ accessKeyId: userKey.id, secretAccessKey: userKey.secretAccessKey });
    const { 'x-amz-date': _date, ...withoutDate } = signed.headers;
    expect(await codeOf(authenticate({ ...signed, headers: withoutDate }, store, NOW))).toBe('IncompleteSignature');
  });
});
