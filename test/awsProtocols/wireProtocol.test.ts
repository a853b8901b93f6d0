import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Key } from '../management/managementTestServer.js';
import { signedPost } from '../support/signedPost.js';
import { startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let root: Key;
const parser = new XMLParser();

beforeAll(async () => {
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('wire'));
});
afterAll(() => aws.server.close());

interface RawRequest {
  method?: 'GET' | 'POST';
  service?: string;
  key?: Key;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** Signs a request at `/` with SigV4 in the Authorization header (the CLI's way) and sends it. */
async function send({ method = 'POST', service = 'sts', key = root, form = {}, headers = {}, body }: RawRequest) {
  const url = new URL(aws.server.url);
  const payload = body ?? (method === 'POST' ? new URLSearchParams(form).toString() : '');
  const query = method === 'GET' ? form : {};
  const signer = new SignatureV4({ credentials: key, region: 'us-east-1', service, sha256: Sha256 });
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query,
    headers: {
      host: url.host,
      ...(method === 'POST' && !headers['x-amz-target']
        ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
        : {}),
      ...headers,
    },
    ...(method === 'POST' ? { body: payload } : {}),
  });
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${aws.server.url}/${search ? `?${search}` : ''}`, {
    method,
    headers: signed.headers as Record<string, string>,
    ...(method === 'POST' ? { body: payload } : {}),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Presigns a GET at `/` (query-string SigV4), as SDK presigners make URLs to hand around. */
async function presign(
  form: Record<string, string>,
  options: { key?: Key; expiresIn?: number; signingDate?: Date; service?: string } = {},
) {
  const url = new URL(aws.server.url);
  const signer = new SignatureV4({
    credentials: options.key ?? root,
    region: 'us-east-1',
    service: options.service ?? 'sts',
    sha256: Sha256,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: form,
      headers: { host: url.host },
    },
    { expiresIn: options.expiresIn ?? 300, ...(options.signingDate ? { signingDate: options.signingDate } : {}) },
  );
  return `${aws.server.url}/?${new URLSearchParams(presigned.query as Record<string, string>).toString()}`;
}

const callerIdentity = { Action: 'GetCallerIdentity', Version: '2011-06-15' };

describe('the query protocol on the wire', () => {
  it('answers XML in the service namespace with <OpResult> and the request id in the body and the header', async () => {
    const response = await send({ form: callerIdentity });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(response.text).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    const body = parser.parse(response.text).GetCallerIdentityResponse;
    expect(body.GetCallerIdentityResult).toEqual({
      Arn: `arn:aws:iam::${accountId}:root`,
      UserId: Number(accountId),
      Account: Number(accountId),
    });
    expect(body.ResponseMetadata.RequestId).toBe(response.headers.get('x-amzn-requestid'));
  });

  it('takes GET with the parameters in the query string', async () => {
    const response = await send({ method: 'GET', form: callerIdentity });
    expect(response.status).toBe(200);
    expect(response.text).toContain('<Arn>arn:aws:iam::');
  });

  it('answers AWS XML error bodies with the HTTP status of each error', async () => {
    const unknown = await send({
      key: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) },
      form: callerIdentity,
    });
    expect(unknown.status).toBe(403);
    const error = parser.parse(unknown.text).ErrorResponse;
    expect(error.Error).toEqual({
      Type: 'Sender',
      Code: 'InvalidClientTokenId',
      Message: 'The security token included in the request is invalid.',
    });
    expect(error.RequestId).toBe(unknown.headers.get('x-amzn-requestid'));
    expect(unknown.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');

    const action = await send({ form: { Action: 'NoSuchThing', Version: '2011-06-15' } });
    expect([action.status, parser.parse(action.text).ErrorResponse.Error.Code]).toEqual([400, 'InvalidAction']);
    const version = await send({ form: { Action: 'GetCallerIdentity', Version: '2099-01-01' } });
    expect(parser.parse(version.text).ErrorResponse.Error).toMatchObject({
      Code: 'InvalidAction',
      Message: 'Could not find operation GetCallerIdentity for version 2099-01-01',
    });
    const missing = await send({ service: 'iam', form: { Action: 'GetRole', Version: '2010-05-08' } });
    expect([missing.status, parser.parse(missing.text).ErrorResponse.Error.Code]).toEqual([400, 'ValidationError']);
    expect(missing.text).toContain('https://iam.amazonaws.com/doc/2010-05-08/');
  });

  it('routes by the credential scope and refuses a signature scoped to another service', async () => {
    const iamScoped = await send({ service: 'iam', form: callerIdentity });
    expect(parser.parse(iamScoped.text).ErrorResponse.Error.Code).toBe('InvalidAction');
    const s3 = await send({ service: 's3', form: callerIdentity });
    expect([s3.status, parser.parse(s3.text).ErrorResponse.Error]).toEqual([
      403,
      expect.objectContaining({
        Code: 'SignatureDoesNotMatch',
        Message: "Credential should be scoped to correct service: 'sts'.",
      }),
    ]);
  });

  it('routes unsigned STS actions by Action and refuses unsigned calls that need a signature', async () => {
    const anonymous = await fetch(aws.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(callerIdentity).toString(),
    });
    const text = await anonymous.text();
    expect([anonymous.status, parser.parse(text).ErrorResponse.Error.Code]).toEqual([
      403,
      'MissingAuthenticationToken',
    ]);
    expect(text).toContain('https://sts.amazonaws.com/doc/2011-06-15/');
    const web = await fetch(aws.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: 'arn:aws:iam::1:role/x',
        RoleSessionName: 'ss',
        WebIdentityToken: 't',
      }).toString(),
    });
    expect(await web.text()).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
  });

  it('IncompleteSignature and ExpiredToken arrive with their codes', async () => {
    const incomplete = await fetch(aws.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${root.accessKeyId}/20260101/us-east-1/sts/aws4_request`,
      },
      body: new URLSearchParams(callerIdentity).toString(),
    });
    expect([incomplete.status, parser.parse(await incomplete.text()).ErrorResponse.Error.Code]).toEqual([
      400,
      'IncompleteSignature',
    ]);
    // A session whose expiry has passed
    const token = await send({ form: { Action: 'GetSessionToken', Version: '2011-06-15', DurationSeconds: '900' } });
    const credentials = parser.parse(token.text).GetSessionTokenResponse.GetSessionTokenResult.Credentials;
    await aws.prisma.session.update({
      where: { id: credentials.AccessKeyId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await send({
      key: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
      },
      form: callerIdentity,
    });
    expect([expired.status, parser.parse(expired.text).ErrorResponse.Error.Code]).toEqual([400, 'ExpiredToken']);
  });
});

describe('hostile input', () => {
  it.each([
    ['a list where a string belongs', { Action: 'GetRole', Version: '2010-05-08', 'RoleName.member.1': 'x' }],
    ['a non-integer MaxItems', { Action: 'ListRoles', Version: '2010-05-08', MaxItems: 'many' }],
    ['an out-of-range MaxItems', { Action: 'ListRoles', Version: '2010-05-08', MaxItems: '0' }],
    ['a Marker this API did not make', { Action: 'ListRoles', Version: '2010-05-08', Marker: 'not-a-marker' }],
    [
      'a tag without its key',
      { Action: 'CreateUser', Version: '2010-05-08', UserName: 'u', 'Tags.member.1.Value': 'v' },
    ],
    [
      'a structure where a list belongs',
      {
        Action: 'SimulateCustomPolicy',
        Version: '2010-05-08',
        'PolicyInputList.x': '{}',
        'ActionNames.member.1': 's3:GetObject',
      },
    ],
    ['no Action at all', { Version: '2010-05-08' }],
  ])('answers %s with a 4xx in the XML error shape', async (_name, form) => {
    const response = await send({ service: 'iam', form: form as Record<string, string> });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(parser.parse(response.text).ErrorResponse.Error.Type).toBe('Sender');
  });

  it('answers a JSON body that is not an object, and a missing member, with InvalidInputException', async () => {
    const headers = (op: string) => ({
      'x-amz-target': `AWSOrganizationsV20161128.${op}`,
      'content-type': 'application/x-amz-json-1.1',
    });
    for (const body of ['[]', '{', '"x"']) {
      const response = await send({ service: 'organizations', headers: headers('ListRoots'), body });
      expect([response.status, JSON.parse(response.text).__type]).toEqual([400, 'InvalidInputException']);
    }
    const missing = await send({
      service: 'organizations',
      headers: headers('DescribeAccount'),
      body: '{"AccountId": 12}',
    });
    expect([missing.status, JSON.parse(missing.text).__type]).toEqual([400, 'InvalidInputException']);
  });
});

describe('presigned URLs (SigV4 in the query string)', () => {
  it('authenticates a presigned GetCallerIdentity, for root and for session credentials', async () => {
    const response = await fetch(await presign(callerIdentity));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(parser.parse(text).GetCallerIdentityResponse.GetCallerIdentityResult.Arn).toBe(
      `arn:aws:iam::${accountId}:root`,
    );
    const token = parser.parse(
      (await send({ form: { Action: 'GetSessionToken', Version: '2011-06-15', DurationSeconds: '900' } })).text,
    ).GetSessionTokenResponse.GetSessionTokenResult.Credentials;
    const session = {
      accessKeyId: token.AccessKeyId,
      secretAccessKey: token.SecretAccessKey,
      sessionToken: token.SessionToken,
    };
    const withToken = await fetch(await presign(callerIdentity, { key: session }));
    expect(withToken.status).toBe(200);
  });

  it('refuses a tampered, expired or wrongly scoped URL with AWS codes', async () => {
    const tampered = (await presign(callerIdentity)).replace('GetCallerIdentity', 'GetSessionToken');
    const bad = await fetch(tampered);
    expect([bad.status, parser.parse(await bad.text()).ErrorResponse.Error.Code]).toEqual([
      403,
      'SignatureDoesNotMatch',
    ]);
    const old = await fetch(
      await presign(callerIdentity, { expiresIn: 60, signingDate: new Date(Date.now() - 10 * 60 * 1000) }),
    );
    const oldError = parser.parse(await old.text()).ErrorResponse.Error;
    expect([old.status, oldError.Code]).toEqual([403, 'SignatureDoesNotMatch']);
    expect(oldError.Message).toMatch(/^Signature expired/);
    const iam = await fetch(await presign(callerIdentity, { service: 'iam' }));
    expect(parser.parse(await iam.text()).ErrorResponse.Error.Code).toBe('InvalidAction');
    const unknown = await fetch(
      await presign(callerIdentity, { key: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) } }),
    );
    expect(parser.parse(await unknown.text()).ErrorResponse.Error.Code).toBe('InvalidClientTokenId');
  });
});

describe('the JSON 1.1 protocol on the wire', () => {
  it('answers JSON, and unknown operations and wrongly scoped signatures with __type errors', async () => {
    const target = (op: string) => ({
      'x-amz-target': `AWSOrganizationsV20161128.${op}`,
      'content-type': 'application/x-amz-json-1.1',
    });
    const ok = await send({ service: 'organizations', headers: target('DescribeOrganization'), body: '{}' });
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect([ok.status, JSON.parse(ok.text).__type]).toEqual([400, 'AWSOrganizationsNotInUseException']);
    const unknown = await send({ service: 'organizations', headers: target('Nope'), body: '{}' });
    expect(JSON.parse(unknown.text).__type).toBe('UnknownOperationException');
    const scoped = await send({ service: 'iam', headers: target('ListRoots'), body: '{}' });
    expect(JSON.parse(scoped.text)).toMatchObject({
      __type: 'InvalidSignatureException',
      Message: "Credential should be scoped to correct service: 'organizations'.",
    });
  });
});

describe('the rest of the server is unchanged', () => {
  it('GET / without an Action is still the explorer, and GraphQL still wants appsync-scoped signatures', async () => {
    const page = await fetch(aws.server.url, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const graphql = await signedPost<{ callerIdentity: { arn: string } }>(
      aws.server.url,
      root,
      '{ callerIdentity { arn } }',
    );
    expect(graphql.data?.callerIdentity.arn).toBe(`arn:aws:iam::${accountId}:root`);
  });
});
