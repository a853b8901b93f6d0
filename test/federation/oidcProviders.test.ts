import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKey } from '../sts/arrangeIam.js';
import { allow, startStsTestServer } from '../sts/stsTestServer.js';

const A = '131313131313';
const B = '141414141414';
const FIELDS = 'arn url clientIDList thumbprintList builtInIssuer tags { key value } accountId createDate';
const CREATE = `mutation($url: String!, $clientIDList: [String!], $thumbprintList: [String!], $tags: [TagInput!], $jwks: String) {
  createOpenIDConnectProvider(url: $url, clientIDList: $clientIDList, thumbprintList: $thumbprintList, tags: $tags, jwks: $jwks) { ${FIELDS} } }`;
const THUMB = '6938fd4d98bab03faadb97b34396831e3780aea1';

describe('OIDC identity providers over GraphQL', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  let root: TestKey;
  const arn = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
  beforeAll(async () => {
    sts = await startStsTestServer();
    root = await sts.iam.account(A);
    await sts.iam.account(B);
  });
  afterAll(async () => sts?.server.close());

  it("creates, reads, lists, edits, tags and deletes a provider with IAM's shapes", async () => {
    // Given a new provider
    const created = await sts.call(root, CREATE, {
      url: 'https://token.actions.githubusercontent.com',
      clientIDList: ['sts.amazonaws.com'],
      thumbprintList: [THUMB],
      tags: [{ key: 'team', value: 'ci' }],
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOpenIDConnectProvider).toMatchObject({
      arn,
      url: 'token.actions.githubusercontent.com',
      clientIDList: ['sts.amazonaws.com'],
      thumbprintList: [THUMB],
      builtInIssuer: false,
      tags: [{ key: 'team', value: 'ci' }],
      accountId: A,
    });
    // When it is edited
    const edit = async (mutation: string, extra = '') =>
      (
        await sts.call(
          root,
          `mutation { ${mutation}(openIDConnectProviderArn: "${arn}"${extra}) { clientIDList thumbprintList tags { key value } } }`,
        )
      ).data as Record<string, unknown> | null;
    expect(await edit('addClientIDToOpenIDConnectProvider', ', clientID: "web"')).toEqual({
      addClientIDToOpenIDConnectProvider: {
        clientIDList: ['sts.amazonaws.com', 'web'],
        thumbprintList: [THUMB],
        tags: [{ key: 'team', value: 'ci' }],
      },
    });
    expect(await edit('addClientIDToOpenIDConnectProvider', ', clientID: "web"')).toMatchObject({
      addClientIDToOpenIDConnectProvider: { clientIDList: ['sts.amazonaws.com', 'web'] },
    });
    expect(await edit('removeClientIDFromOpenIDConnectProvider', ', clientID: "sts.amazonaws.com"')).toMatchObject({
      removeClientIDFromOpenIDConnectProvider: { clientIDList: ['web'] },
    });
    expect(await edit('updateOpenIDConnectProviderThumbprint', ', thumbprintList: []')).toMatchObject({
      updateOpenIDConnectProviderThumbprint: { thumbprintList: [] },
    });
    expect(
      await edit('tagOpenIDConnectProvider', ', tags: [{key: "TEAM", value: "platform"}, {key: "env", value: "prod"}]'),
    ).toMatchObject({
      tagOpenIDConnectProvider: {
        tags: [
          { key: 'TEAM', value: 'platform' },
          { key: 'env', value: 'prod' },
        ],
      },
    });
    expect(await edit('untagOpenIDConnectProvider', ', tagKeys: ["team"]')).toMatchObject({
      untagOpenIDConnectProvider: { tags: [{ key: 'env', value: 'prod' }] },
    });
    // Then get and list see it, and delete removes it
    const got = await sts.call(
      root,
      `{ openIDConnectProvider(openIDConnectProviderArn: "${arn}") { arn clientIDList } openIDConnectProviders { arn } }`,
    );
    expect(got.data).toEqual({
      openIDConnectProvider: { arn, clientIDList: ['web'] },
      openIDConnectProviders: [{ arn }],
    });
    expect(
      (await sts.call(root, `mutation { deleteOpenIDConnectProvider(openIDConnectProviderArn: "${arn}") }`)).data,
    ).toEqual({ deleteOpenIDConnectProvider: true });
    const gone = await sts.call(root, `{ openIDConnectProvider(openIDConnectProviderArn: "${arn}") { arn } }`);
    expect(gone.errors?.[0]).toMatchObject({
      message: `OpenIDConnect Provider not found for arn ${arn}`,
      extensions: { code: 'NoSuchEntity' },
    });
  });

  it("refuses duplicates, bad URLs, thumbprints and key sets with IAM's errors", async () => {
    const url = 'https://oidc.iam-playground.local/ci';
    expect((await sts.call(root, CREATE, { url, clientIDList: ['a'] })).errors).toBeUndefined();
    expect((await sts.call(root, CREATE, { url })).errors?.[0]).toMatchObject({
      message: `Provider with url ${url} already exists.`,
      extensions: { code: 'EntityAlreadyExists' },
    });
    expect((await sts.call(root, CREATE, { url: 'http://idp.example.com' })).errors?.[0]?.extensions?.code).toBe(
      'InvalidInput',
    );
    expect(
      (await sts.call(root, CREATE, { url: 'https://idp.example.com', thumbprintList: Array(6).fill(THUMB) }))
        .errors?.[0]?.extensions?.code,
    ).toBe('InvalidInput');
    expect(
      (await sts.call(root, CREATE, { url: 'https://idp.example.com', thumbprintList: ['xyz'] })).errors?.[0]
        ?.extensions?.code,
    ).toBe('InvalidInput');
    expect(
      (
        await sts.call(root, CREATE, {
          url: 'https://idp.example.com',
          jwks: '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}',
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('InvalidInput');
    expect(
      (await sts.call(root, CREATE, { url: 'https://idp.example.com', jwks: 'nope' })).errors?.[0]?.extensions?.code,
    ).toBe('InvalidInput');
    const builtIn = await sts.call(root, `{ openIDConnectProviders { url builtInIssuer } }`);
    expect(builtIn.data).toEqual({
      openIDConnectProviders: [{ url: 'oidc.iam-playground.local/ci', builtInIssuer: true }],
    });
  });

  it("authorizes every operation with IAM's action, and another account's provider is out of reach", async () => {
    const viewer = await sts.iam.user(A, 'viewer', [
      allow(['iam:GetOpenIDConnectProvider', 'iam:ListOpenIDConnectProviders']),
    ]);
    const denied = await sts.call(viewer, CREATE, { url: 'https://idp.example.org' });
    expect(denied.errors?.[0]).toMatchObject({
      message: `User: ${viewer.arn} is not authorized to perform: iam:CreateOpenIDConnectProvider on resource: arn:aws:iam::${A}:oidc-provider/idp.example.org because no identity-based policy allows the iam:CreateOpenIDConnectProvider action`,
      extensions: { code: 'AccessDenied' },
    });
    expect((await sts.call(viewer, '{ openIDConnectProviders { arn } }')).errors).toBeUndefined();
    const other = await sts.call(
      viewer,
      `{ openIDConnectProvider(openIDConnectProviderArn: "arn:aws:iam::${B}:oidc-provider/x.example.com") { arn } }`,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const malformed = await sts.call(
      root,
      `mutation { deleteOpenIDConnectProvider(openIDConnectProviderArn: "arn:aws:iam::${A}:role/x") }`,
    );
    expect(malformed.errors?.[0]?.extensions?.code).toBe('InvalidInput');
  });
});
