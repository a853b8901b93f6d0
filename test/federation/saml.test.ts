import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKey } from '../sts/arrangeIam.js';
import { startStsTestServer, WHO_AM_I } from '../sts/stsTestServer.js';

const A = '161616161616';
const PROVIDER = `arn:aws:iam::${A}:saml-provider/Corp`;
const MINT = `mutation($input: MintSamlAssertionInput!) { mintSamlAssertion(input: $input) { samlResponse assertionXml issuer } }`;
const ASSUME = `mutation($input: AssumeRoleWithSAMLInput!) { assumeRoleWithSAML(input: $input) {
  credentials { accessKeyId secretAccessKey sessionToken expiration } assumedRoleUser { arn } subject subjectType issuer audience nameQualifier sourceIdentity } }`;

interface AssumeData {
  assumeRoleWithSAML: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
    assumedRoleUser: { arn: string };
    subject: string;
    subjectType: string;
    issuer: string;
    audience: string;
    nameQualifier: string;
    sourceIdentity: string | null;
  };
}

const samlTrust = (condition: Record<string, unknown>, actions: string[] = ['sts:AssumeRoleWithSAML']) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: actions, Condition: condition }],
});

describe('SAML federation over HTTP', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  let root: TestKey;
  let engineers: string;
  let staffOnly: string;
  const mint = async (input: Record<string, unknown>) => {
    const response = await sts.call<{ mintSamlAssertion: { samlResponse: string; assertionXml: string } }>(root, MINT, {
      input: {
        identityProvider: 'corp',
        subject: 'alice@corp.example',
        roles: [{ roleArn: engineers, principalArn: PROVIDER }],
        roleSessionName: 'alice',
        ...input,
      },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.mintSamlAssertion;
  };
  const assume = (samlAssertion: string, extra: Record<string, unknown> = {}) =>
    sts.call<AssumeData>(null, ASSUME, {
      input: { roleArn: engineers, principalArn: PROVIDER, sAMLAssertion: samlAssertion, ...extra },
    });

  beforeAll(async () => {
    sts = await startStsTestServer();
    root = await sts.iam.account(A);
    const metadata = await sts.call<{ samlIdentityProviderMetadata: string }>(
      root,
      '{ samlIdentityProviderMetadata(identityProvider: "corp") }',
    );
    // Fail with the server's error, not with a TypeError on the missing data
    expect(metadata.errors).toBeUndefined();
    const created = await sts.call(
      root,
      'mutation($doc: String!) { createSAMLProvider(name: "Corp", sAMLMetadataDocument: $doc) { arn entityId } }',
      { doc: metadata.data!.samlIdentityProviderMetadata },
    );
    expect(created.data).toEqual({
      createSAMLProvider: { arn: PROVIDER, entityId: 'https://saml.iam-playground.local/corp' },
    });
    engineers = (
      await sts.iam.role(
        A,
        'Engineers',
        samlTrust({ StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }),
        { maxSessionDuration: 43200 },
      )
    ).arn;
    staffOnly = (
      await sts.iam.role(
        A,
        'StaffOnly',
        samlTrust({
          'ForAnyValue:StringEquals': { 'saml:edupersonaffiliation': 'staff' },
          StringEquals: { 'saml:sub_type': 'persistent', 'saml:doc': `${A}/Corp` },
        }),
      )
    ).arn;
  });
  afterAll(async () => sts?.server.close());

  it("assumes a role with a signed assertion, unsigned, with AWS's response fields", async () => {
    const withSource = await mint({ sourceIdentity: 'alice' });
    expect((await assume(withSource.samlResponse)).errors?.[0]?.message).toBe(
      'Not authorized to perform sts:SetSourceIdentity',
    );
    const { samlResponse } = await mint({});
    const response = await assume(samlResponse);
    expect(response.errors).toBeUndefined();
    const payload = response.data!.assumeRoleWithSAML;
    const issuer = 'https://saml.iam-playground.local/corp';
    expect(payload).toMatchObject({
      assumedRoleUser: { arn: `arn:aws:sts::${A}:assumed-role/Engineers/alice` },
      subject: 'alice@corp.example',
      subjectType: 'persistent',
      issuer,
      audience: 'https://signin.aws.amazon.com/saml',
      nameQualifier: createHash('sha1').update(`${issuer}${A}/Corp`).digest('base64'),
      sourceIdentity: null,
    });
    const key = {
      accessKeyId: payload.credentials.accessKeyId,
      secretAccessKey: payload.credentials.secretAccessKey,
      sessionToken: payload.credentials.sessionToken,
    };
    expect((await sts.call<{ callerIdentity: { arn: string } }>(key, WHO_AM_I)).data?.callerIdentity.arn).toBe(
      `arn:aws:sts::${A}:assumed-role/Engineers/alice`,
    );
  });

  it('checks saml:* keys from the assertion, multivalued attributes included', async () => {
    const pair = (arn: string) => [{ roleArn: arn, principalArn: PROVIDER }];
    const staff = await mint({
      roles: pair(staffOnly),
      attributes: JSON.stringify({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['member', 'staff'] }),
    });
    expect((await assume(staff.samlResponse, { roleArn: staffOnly })).errors).toBeUndefined();
    const student = await mint({
      roles: pair(staffOnly),
      attributes: JSON.stringify({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['student'] }),
    });
    expect((await assume(student.samlResponse, { roleArn: staffOnly })).errors?.[0]).toMatchObject({
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
      extensions: { code: 'AccessDenied' },
    });
    // A role the assertion does not list is refused even when its trust would allow it
    expect((await assume(staff.samlResponse, { roleArn: engineers })).errors?.[0]?.extensions?.code).toBe(
      'AccessDenied',
    );
  });

  it('refuses tampered, foreign, expired and misaddressed assertions', async () => {
    const genuine = await mint({});
    const tampered = Buffer.from(genuine.assertionXml.replace('alice@corp.example', 'mallory@corp.example')).toString(
      'base64',
    );
    expect((await assume(tampered)).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
    // Signature wrapping: an unsigned copy for mallory placed before the signed assertion is never read
    const signedAssertion = /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(genuine.assertionXml)![0];
    const forged = signedAssertion
      .replace(/<Signature[\s\S]*<\/Signature>/, '')
      .replace(/ID="[^"]+"/, 'ID="_evil"')
      .replace('alice@corp.example', 'mallory@corp.example');
    expect(forged).toContain('mallory@corp.example');
    const wrapped = genuine.assertionXml.replace(signedAssertion, forged + signedAssertion);
    const wrappedResponse = await assume(Buffer.from(wrapped).toString('base64'));
    expect(wrappedResponse.errors).toBeUndefined();
    expect(wrappedResponse.data?.assumeRoleWithSAML.subject).toBe('alice@corp.example');
    const rogue = await sts.call<{ mintSamlAssertion: { samlResponse: string } }>(root, MINT, {
      input: {
        identityProvider: 'rogue',
        subject: 'x',
        roles: [{ roleArn: engineers, principalArn: PROVIDER }],
        roleSessionName: 'x1',
      },
    });
    expect((await assume(rogue.data!.mintSamlAssertion.samlResponse)).errors?.[0]?.extensions?.code).toBe(
      'InvalidIdentityToken',
    );
    const expired = await mint({
      issuedAt: new Date(Date.now() - 3600_000).toISOString(),
      notOnOrAfter: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await assume(expired.samlResponse)).errors?.[0]?.extensions?.code).toBe('ExpiredTokenException');
    const elsewhere = await mint({ recipient: 'https://evil.example/saml' });
    expect((await assume(elsewhere.samlResponse)).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
    const wrongAudience = await mint({ audience: 'https://other.example' });
    expect((await assume(wrongAudience.samlResponse)).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
    const noName = await mint({ roleSessionName: null });
    expect((await assume(noName.samlResponse)).errors?.[0]?.extensions?.code).toBe('InvalidIdentityToken');
    expect((await assume(Buffer.from('<not xml').toString('base64'))).errors?.[0]?.extensions?.code).toBe(
      'InvalidIdentityToken',
    );
  });

  it('applies SessionDuration, shortened by DurationSeconds, and needs sts:TagSession for PrincipalTag attributes', async () => {
    const long = await mint({ sessionDuration: 7200 });
    // Each duration is checked against the moments around its request, so a slow machine cannot fail it.
    const durationOf = async (extra?: Record<string, unknown>) => {
      const requestedAt = Date.now();
      const response = await assume(long.samlResponse, extra);
      const answeredAt = Date.now();
      const expiration = Date.parse(response.data!.assumeRoleWithSAML.credentials.expiration);
      return { atLeast: (expiration - answeredAt) / 1000, atMost: (expiration - requestedAt + 1000) / 1000 };
    };
    const two = await durationOf();
    expect(two.atMost).toBeGreaterThanOrEqual(7200);
    expect(two.atLeast).toBeLessThanOrEqual(7200);
    const shortened = await durationOf({ durationSeconds: 1800 });
    expect(shortened.atLeast).toBeLessThanOrEqual(1800);
    const tagged = await mint({ principalTags: [{ key: 'team', value: 'web' }] });
    expect((await assume(tagged.samlResponse)).errors?.[0]?.message).toBe('Not authorized to perform sts:TagSession');
  });

  it("manages SAML providers with IAM's operations and errors", async () => {
    const metadata = (
      await sts.call<{ samlIdentityProviderMetadata: string }>(
        root,
        '{ samlIdentityProviderMetadata(identityProvider: "corp") }',
      )
    ).data!.samlIdentityProviderMetadata;
    const duplicate = await sts.call(
      root,
      'mutation($doc: String!) { createSAMLProvider(name: "Corp", sAMLMetadataDocument: $doc) { arn } }',
      { doc: metadata },
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('EntityAlreadyExists');
    const broken = await sts.call(
      root,
      'mutation($doc: String!) { createSAMLProvider(name: "Broken", sAMLMetadataDocument: $doc) { arn } }',
      {
        doc: metadata.replace(
          /<ds:X509Certificate>([^<]+)/,
          (_m, body: string) => `<ds:X509Certificate>${'A'.repeat(body.length)}`,
        ),
      },
    );
    expect(broken.errors?.[0]?.extensions?.code).toBe('InvalidInput');
    const rogue = (
      await sts.call<{ samlIdentityProviderMetadata: string }>(
        root,
        '{ samlIdentityProviderMetadata(identityProvider: "other") }',
      )
    ).data!.samlIdentityProviderMetadata;
    await sts.call(
      root,
      'mutation($doc: String!) { createSAMLProvider(name: "Other", sAMLMetadataDocument: $doc) { arn } }',
      { doc: rogue },
    );
    const other = `arn:aws:iam::${A}:saml-provider/Other`;
    expect((await sts.call(root, `{ samlProviders { arn } }`)).data).toEqual({
      samlProviders: [{ arn: PROVIDER }, { arn: other }],
    });
    expect(
      (
        await sts.call(
          root,
          'mutation($arn: String!, $doc: String!) { updateSAMLProvider(sAMLProviderArn: $arn, sAMLMetadataDocument: $doc) { entityId } }',
          { arn: other, doc: metadata },
        )
      ).data,
    ).toEqual({ updateSAMLProvider: { entityId: 'https://saml.iam-playground.local/corp' } });
    expect((await sts.call(root, `mutation { deleteSAMLProvider(sAMLProviderArn: "${other}") }`)).data).toEqual({
      deleteSAMLProvider: true,
    });
    expect(
      (await sts.call(root, `{ samlProvider(sAMLProviderArn: "${other}") { arn } }`)).errors?.[0]?.extensions?.code,
    ).toBe('NoSuchEntity');
  });
});
