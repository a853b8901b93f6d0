import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetSAMLProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListSAMLProvidersCommand,
  PutRolePolicyCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

const GITHUB = 'https://oidc.iam-playground.local/github';
const GITHUB_KEY = 'oidc.iam-playground.local/github';
const MAIN = 'repo:acme/app:ref:refs/heads/main';
const MINT_OIDC = 'mutation($input: MintOidcTokenInput!) { mintOidcToken(input: $input) { token } }';
const MINT_SAML = 'mutation($input: MintSamlAssertionInput!) { mintSamlAssertion(input: $input) { samlResponse } }';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let root: { accessKeyId: string; secretAccessKey: string };
/** An STS client with no credentials at all: AssumeRoleWithWebIdentity and AssumeRoleWithSAML are unsigned. */
let anonymous: STSClient;

beforeAll(async () => {
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('federation-sdk'));
  anonymous = new STSClient({ endpoint: aws.server.url, region: 'us-east-1', maxAttempts: 1 });
});
afterAll(() => aws.server.close());

const mintToken = async (audience: string[], claims: Record<string, unknown> = {}) =>
  dataOf(
    await aws.call<{ mintOidcToken: { token: string } }>(root, MINT_OIDC, {
      input: { issuer: 'github', subject: MAIN, audience, claims: JSON.stringify(claims) },
    }),
  ).mintOidcToken.token;

const trust = (principal: Record<string, string>, action: string, condition: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: action, Condition: condition }],
  });

describe('OIDC providers and AssumeRoleWithWebIdentity through the AWS SDKs', () => {
  const providerArn = () => `arn:aws:iam::${accountId}:oidc-provider/${GITHUB_KEY}`;
  const roleArn = () => `arn:aws:iam::${accountId}:role/GitHubDeploy`;

  beforeAll(async () => {
    const iam = aws.iam(root);
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: GITHUB,
        ClientIDList: ['sts.amazonaws.com'],
        Tags: [{ Key: 'team', Value: 'platform' }],
      }),
    );
    expect(created).toMatchObject({
      OpenIDConnectProviderArn: providerArn(),
      Tags: [{ Key: 'team', Value: 'platform' }],
    });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'GitHubDeploy',
        AssumeRolePolicyDocument: trust({ Federated: providerArn() }, 'sts:AssumeRoleWithWebIdentity', {
          StringEquals: { [`${GITHUB_KEY}:aud`]: 'sts.amazonaws.com', [`${GITHUB_KEY}:sub`]: MAIN },
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'GitHubDeploy',
        PolicyName: 'deploy',
        PolicyDocument: allow('s3:PutObject', 'arn:aws:s3:::site/*'),
      }),
    );
  });

  it('exchanges a token minted by the built-in issuer, unsigned, for a session that signs the next call', async () => {
    // Given a token minted through GraphQL for the main branch
    const token = await mintToken(['sts.amazonaws.com']);
    // When the SDK exchanges it without credentials
    const assumed = await anonymous.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn(),
        RoleSessionName: 'deploy',
        WebIdentityToken: token,
        DurationSeconds: 900,
      }),
    );
    // Then STS answers with AWS's members, and the credentials are the role session's
    expect(assumed).toMatchObject({
      SubjectFromWebIdentityToken: MAIN,
      AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/GitHubDeploy/deploy` },
      Provider: GITHUB,
      Audience: 'sts.amazonaws.com',
    });
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
    const credentials = assumed.Credentials!;
    const session = {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
    expect((await aws.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${accountId}:assumed-role/GitHubDeploy/deploy`,
    );
  });

  it("answers a wrong audience, an unknown issuer and a refused claim with STS's errors through the SDK", async () => {
    const wrongAudience = await failureOf(
      anonymous.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(),
          RoleSessionName: 'deploy',
          WebIdentityToken: await mintToken(['someone-else']),
        }),
      ),
    );
    expect(wrongAudience.name).toBe('InvalidIdentityTokenException');
    expect(wrongAudience.message).toBe('Incorrect token audience');
    expect(wrongAudience.$metadata.httpStatusCode).toBe(400);

    const unknownIssuer = dataOf(
      await aws.call<{ mintOidcToken: { token: string } }>(root, MINT_OIDC, {
        input: { issuer: 'gitlab', subject: 'x', audience: ['sts.amazonaws.com'] },
      }),
    ).mintOidcToken.token;
    const noProvider = await failureOf(
      anonymous.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(),
          RoleSessionName: 'deploy',
          WebIdentityToken: unknownIssuer,
        }),
      ),
    );
    expect(noProvider.name).toBe('InvalidIdentityTokenException');
    expect(noProvider.message).toBe(
      'No OpenIDConnect provider found in your account for https://oidc.iam-playground.local/gitlab',
    );

    const forged = `${(await mintToken(['sts.amazonaws.com'])).slice(0, -4)}AAAA`;
    expect(
      (
        await failureOf(
          anonymous.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: roleArn(),
              RoleSessionName: 'deploy',
              WebIdentityToken: forged,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidIdentityTokenException');

    const otherBranch = dataOf(
      await aws.call<{ mintOidcToken: { token: string } }>(root, MINT_OIDC, {
        input: { issuer: 'github', subject: 'repo:acme/app:ref:refs/heads/dev', audience: ['sts.amazonaws.com'] },
      }),
    ).mintOidcToken.token;
    const denied = await failureOf(
      anonymous.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(),
          RoleSessionName: 'deploy',
          WebIdentityToken: otherBranch,
        }),
      ),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);

    const missing = await failureOf(
      anonymous.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(),
          RoleSessionName: 'deploy',
          WebIdentityToken: undefined as unknown as string,
        }),
      ),
    );
    expect(missing.name).toBe('ValidationError');
  });

  it("manages the provider with IAM's operations and shapes", async () => {
    const iam = aws.iam(root);
    const ProviderArn = providerArn();
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProviderArn, ClientID: 'my-app' }),
    );
    await iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({
        OpenIDConnectProviderArn: ProviderArn,
        ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      }),
    );
    await iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: ProviderArn,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'web' },
        ],
      }),
    );
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProviderArn }));
    expect(got).toMatchObject({
      Url: GITHUB_KEY,
      ClientIDList: ['sts.amazonaws.com', 'my-app'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    });
    expect(got.CreateDate).toBeInstanceOf(Date);
    const firstPage = await iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: ProviderArn, MaxItems: 1 }),
    );
    expect(firstPage).toMatchObject({ Tags: [{ Key: 'env', Value: 'prod' }], IsTruncated: true });
    const secondPage = await iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: ProviderArn, Marker: firstPage.Marker }),
    );
    expect(secondPage.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    expect(secondPage.IsTruncated).toBe(false);
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProviderArn, TagKeys: ['env'] }));
    await iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProviderArn, ClientID: 'my-app' }),
    );
    expect(
      await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProviderArn })),
    ).toMatchObject({ ClientIDList: ['sts.amazonaws.com'], Tags: [{ Key: 'team', Value: 'web' }] });

    const duplicate = await failureOf(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: GITHUB, ClientIDList: ['sts.amazonaws.com'] })),
    );
    expect(duplicate.name).toBe('EntityAlreadyExistsException');
    expect(duplicate.$metadata.httpStatusCode).toBe(409);
    const other = (
      await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://oidc.iam-playground.local/other' }))
    ).OpenIDConnectProviderArn!;
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([
      { Arn: ProviderArn },
      { Arn: other },
    ]);
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: other }));
    const gone = await failureOf(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: other })));
    expect(gone.name).toBe('NoSuchEntityException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(
      (await failureOf(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://insecure.example' })))).name,
    ).toBe('InvalidInputException');
  });
});

describe("the playground's Jwks extension of CreateOpenIDConnectProvider", () => {
  it("registers an external issuer's keys sent as an extra query parameter, and verifies its tokens with them", async () => {
    // Given an external issuer's key pair, its public half sent as `Jwks` (added to the form before signing)
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    const iam = aws.iam(root);
    iam.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: string };
        if (typeof request.body === 'string' && request.body.includes('Action=CreateOpenIDConnectProvider'))
          request.body += `&Jwks=${encodeURIComponent(jwks)}`;
        return next(args);
      },
      { step: 'build', priority: 'high', name: 'addPlaygroundJwks' },
    );
    const { OpenIDConnectProviderArn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://idp.example.com', ClientIDList: ['app'] }),
    );
    await aws.iam(root).send(
      new CreateRoleCommand({
        RoleName: 'External',
        AssumeRolePolicyDocument: trust({ Federated: OpenIDConnectProviderArn! }, 'sts:AssumeRoleWithWebIdentity', {
          StringEquals: { 'idp.example.com:sub': 'svc' },
        }),
      }),
    );
    // When a token it signed is exchanged
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://idp.example.com')
      .setSubject('svc')
      .setAudience('app')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const assumed = await anonymous.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/External`,
        RoleSessionName: 'svc',
        WebIdentityToken: token,
      }),
    );
    // Then the keys verified it; one signed by another key is refused
    expect(assumed).toMatchObject({
      SubjectFromWebIdentityToken: 'svc',
      Provider: 'https://idp.example.com',
      Audience: 'app',
    });
    const stranger = await generateKeyPair('RS256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://idp.example.com')
      .setSubject('svc')
      .setAudience('app')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    expect(
      (
        await failureOf(
          anonymous.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: `arn:aws:iam::${accountId}:role/External`,
              RoleSessionName: 'svc',
              WebIdentityToken: forged,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidIdentityTokenException');
  });
});

describe('SAML providers and AssumeRoleWithSAML through the AWS SDKs', () => {
  const providerArn = () => `arn:aws:iam::${accountId}:saml-provider/Corp`;
  const roleArn = () => `arn:aws:iam::${accountId}:role/Engineers`;
  const metadataOf = async (idp: string) =>
    dataOf(
      await aws.call<{ samlIdentityProviderMetadata: string }>(
        root,
        `{ samlIdentityProviderMetadata(identityProvider: "${idp}") }`,
      ),
    ).samlIdentityProviderMetadata;
  const mintAssertion = async (extra: Record<string, unknown> = {}) =>
    dataOf(
      await aws.call<{ mintSamlAssertion: { samlResponse: string } }>(root, MINT_SAML, {
        input: {
          identityProvider: 'corp',
          subject: 'alice@corp.example',
          roles: [{ roleArn: roleArn(), principalArn: providerArn() }],
          roleSessionName: 'alice',
          ...extra,
        },
      }),
    ).mintSamlAssertion.samlResponse;

  beforeAll(async () => {
    const iam = aws.iam(root);
    const created = await iam.send(
      new CreateSAMLProviderCommand({
        Name: 'Corp',
        SAMLMetadataDocument: await metadataOf('corp'),
        Tags: [{ Key: 'idp', Value: 'corp' }],
      }),
    );
    expect(created).toMatchObject({ SAMLProviderArn: providerArn(), Tags: [{ Key: 'idp', Value: 'corp' }] });
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'Engineers',
        AssumeRolePolicyDocument: trust({ Federated: providerArn() }, 'sts:AssumeRoleWithSAML', {
          StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
        }),
      }),
    );
  });

  it("exchanges an assertion minted by the built-in IdP, unsigned, with AWS's response members", async () => {
    const assumed = await anonymous.send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: roleArn(),
        PrincipalArn: providerArn(),
        SAMLAssertion: await mintAssertion(),
      }),
    );
    expect(assumed).toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/Engineers/alice` },
      Subject: 'alice@corp.example',
      Issuer: 'https://saml.iam-playground.local/corp',
      Audience: 'https://signin.aws.amazon.com/saml',
    });
    expect(assumed.SubjectType).toBeTruthy();
    expect(assumed.NameQualifier).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const credentials = assumed.Credentials!;
    const identity = await aws
      .sts({
        accessKeyId: credentials.AccessKeyId!,
        secretAccessKey: credentials.SecretAccessKey!,
        sessionToken: credentials.SessionToken!,
      })
      .send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/Engineers/alice`);
  });

  it("refuses an expired or foreign assertion with STS's codes", async () => {
    const expired = await mintAssertion({
      issuedAt: new Date(Date.now() - 3_600_000).toISOString(),
      notOnOrAfter: new Date(Date.now() - 60_000).toISOString(),
    });
    const late = await failureOf(
      anonymous.send(
        new AssumeRoleWithSAMLCommand({ RoleArn: roleArn(), PrincipalArn: providerArn(), SAMLAssertion: expired }),
      ),
    );
    expect(late.name).toBe('ExpiredTokenException');
    expect(late.$metadata.httpStatusCode).toBe(400);
    const elsewhere = await failureOf(
      anonymous.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: roleArn(),
          PrincipalArn: providerArn(),
          SAMLAssertion: await mintAssertion({ recipient: 'https://evil.example/saml' }),
        }),
      ),
    );
    expect(elsewhere.name).toBe('InvalidIdentityTokenException');
  });

  it("manages SAML providers with IAM's operations and shapes", async () => {
    const iam = aws.iam(root);
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn() }));
    expect(got.SAMLMetadataDocument).toContain('https://saml.iam-playground.local/corp');
    expect(got.CreateDate).toBeInstanceOf(Date);
    expect(got.Tags).toEqual([{ Key: 'idp', Value: 'corp' }]);
    const other = (
      await iam.send(new CreateSAMLProviderCommand({ Name: 'Other', SAMLMetadataDocument: await metadataOf('other') }))
    ).SAMLProviderArn!;
    const listed = await iam.send(new ListSAMLProvidersCommand({}));
    expect(listed.SAMLProviderList?.map((entry) => entry.Arn)).toEqual([providerArn(), other]);
    expect(listed.SAMLProviderList?.[0]?.CreateDate).toBeInstanceOf(Date);
    expect(
      await iam.send(
        new UpdateSAMLProviderCommand({ SAMLProviderArn: other, SAMLMetadataDocument: await metadataOf('corp') }),
      ),
    ).toMatchObject({ SAMLProviderArn: other });
    expect((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: other }))).SAMLMetadataDocument).toContain(
      'https://saml.iam-playground.local/corp',
    );
    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: other }));
    expect((await failureOf(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: other })))).name).toBe(
      'NoSuchEntityException',
    );
    const duplicate = await failureOf(
      iam.send(new CreateSAMLProviderCommand({ Name: 'Corp', SAMLMetadataDocument: await metadataOf('corp') })),
    );
    expect(duplicate.name).toBe('EntityAlreadyExistsException');
    const metadata = await metadataOf('corp');
    const brokenCertificate = metadata.replace(
      /<ds:X509Certificate>([^<]+)/,
      (_match, body: string) => `<ds:X509Certificate>${'A'.repeat(body.length)}`,
    );
    expect(
      (
        await failureOf(
          iam.send(new CreateSAMLProviderCommand({ Name: 'Broken', SAMLMetadataDocument: brokenCertificate })),
        )
      ).name,
    ).toBe('InvalidInputException');
    // Shorter than the model's 1000 characters: AWS's ValidationError
    expect(
      (
        await failureOf(
          iam.send(new CreateSAMLProviderCommand({ Name: 'Short', SAMLMetadataDocument: '<not-metadata/>' })),
        )
      ).name,
    ).toBe('ValidationError');
  });
});
