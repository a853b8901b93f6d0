import type { OidcProvider, SamlProvider } from '../../../generated/prisma/client.js';
import { readJsonTags } from '../../federation/jsonTags.js';
import {
  addClientId,
  createOidcProvider,
  deleteOidcProvider,
  getOidcProvider,
  listOidcProviders,
  removeClientId,
  tagOidcProvider,
  untagOidcProvider,
  updateThumbprints,
} from '../../federation/oidcProviders.service.js';
import {
  createSamlProvider,
  deleteSamlProvider,
  getSamlProvider,
  listSamlProviders,
  updateSamlProvider,
} from '../../saml/samlProviders.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import { toTags } from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { readTags } from './iamPrincipalPolicies.operations.js';

/** IAM's tags of a provider, kept as a JSON column. */
const providerTags = (provider: OidcProvider | SamlProvider) => toTags(readJsonTags(provider.tags));

/**
 * IAM's OIDC and SAML identity providers: the provider services GraphQL calls, in IAM's shapes. One playground
 * extension: CreateOpenIDConnectProvider also takes `Jwks` (a JSON Web Key Set, as GraphQL's `jwks`), since
 * the playground cannot fetch an external issuer's keys; AWS's clients never send it, and a provider created
 * without it verifies tokens only when it is one of the playground's built-in issuers.
 */
export const iamIdentityProviderOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'CreateOpenIDConnectProvider',
    action: 'iam:CreateOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.createOpenIDConnectProvider',
    run: async (context, input) => {
      const provider = await createOidcProvider(context, {
        url: input.string('Url'),
        clientIDList: input.stringList('ClientIDList'),
        thumbprintList: input.stringList('ThumbprintList'),
        tags: readTags(input),
        jwks: input.optionalString('Jwks') ?? null,
      });
      return { OpenIDConnectProviderArn: provider.arn, Tags: providerTags(provider) };
    },
  },
  {
    service: 'iam',
    name: 'GetOpenIDConnectProvider',
    action: 'iam:GetOpenIDConnectProvider',
    kind: 'read',
    graphql: 'Query.openIDConnectProvider',
    run: async (context, input) => {
      const provider = await getOidcProvider(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
      });
      return {
        Url: provider.url,
        ClientIDList: provider.clientIds,
        ThumbprintList: provider.thumbprints,
        CreateDate: provider.createdAt,
        Tags: providerTags(provider),
      };
    },
  },
  {
    service: 'iam',
    name: 'ListOpenIDConnectProviders',
    action: 'iam:ListOpenIDConnectProviders',
    kind: 'read',
    graphql: 'Query.openIDConnectProviders',
    run: async (context) => ({
      OpenIDConnectProviderList: (await listOidcProviders(context, {})).map((provider) => ({ Arn: provider.arn })),
    }),
  },
  {
    service: 'iam',
    name: 'ListOpenIDConnectProviderTags',
    action: 'iam:ListOpenIDConnectProviderTags',
    kind: 'read',
    graphql: 'OpenIDConnectProvider.tags',
    run: async (context, input) => {
      const provider = await getOidcProvider(
        context,
        { openIDConnectProviderArn: input.string('OpenIDConnectProviderArn') },
        'iam:ListOpenIDConnectProviderTags',
      );
      const tags = [...readJsonTags(provider.tags)].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const page = pageByMarker(tags, input, (tag) => [tag.key]);
      return { Tags: toTags(page.items), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
  {
    service: 'iam',
    name: 'DeleteOpenIDConnectProvider',
    action: 'iam:DeleteOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.deleteOpenIDConnectProvider',
    run: async (context, input) => (
      await deleteOidcProvider(context, { openIDConnectProviderArn: input.string('OpenIDConnectProviderArn') }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'AddClientIDToOpenIDConnectProvider',
    action: 'iam:AddClientIDToOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.addClientIDToOpenIDConnectProvider',
    run: async (context, input) => (
      await addClientId(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
        clientID: input.string('ClientID'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'RemoveClientIDFromOpenIDConnectProvider',
    action: 'iam:RemoveClientIDFromOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.removeClientIDFromOpenIDConnectProvider',
    run: async (context, input) => (
      await removeClientId(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
        clientID: input.string('ClientID'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'UpdateOpenIDConnectProviderThumbprint',
    action: 'iam:UpdateOpenIDConnectProviderThumbprint',
    kind: 'write',
    graphql: 'Mutation.updateOpenIDConnectProviderThumbprint',
    run: async (context, input) => (
      await updateThumbprints(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
        thumbprintList: input.stringList('ThumbprintList'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'TagOpenIDConnectProvider',
    action: 'iam:TagOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.tagOpenIDConnectProvider',
    run: async (context, input) => (
      await tagOidcProvider(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
        tags: readTags(input),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'UntagOpenIDConnectProvider',
    action: 'iam:UntagOpenIDConnectProvider',
    kind: 'write',
    graphql: 'Mutation.untagOpenIDConnectProvider',
    run: async (context, input) => (
      await untagOidcProvider(context, {
        openIDConnectProviderArn: input.string('OpenIDConnectProviderArn'),
        tagKeys: input.stringList('TagKeys'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'CreateSAMLProvider',
    action: 'iam:CreateSAMLProvider',
    kind: 'write',
    graphql: 'Mutation.createSAMLProvider',
    run: async (context, input) => {
      const provider = await createSamlProvider(context, {
        name: input.string('Name'),
        sAMLMetadataDocument: input.string('SAMLMetadataDocument'),
        tags: readTags(input),
      });
      return { SAMLProviderArn: provider.arn, Tags: providerTags(provider) };
    },
  },
  {
    service: 'iam',
    name: 'GetSAMLProvider',
    action: 'iam:GetSAMLProvider',
    kind: 'read',
    graphql: 'Query.samlProvider',
    run: async (context, input) => {
      const provider = await getSamlProvider(context, { sAMLProviderArn: input.string('SAMLProviderArn') });
      return {
        SAMLMetadataDocument: provider.metadataDocument,
        CreateDate: provider.createdAt,
        ValidUntil: provider.validUntil,
        Tags: providerTags(provider),
      };
    },
  },
  {
    service: 'iam',
    name: 'ListSAMLProviders',
    action: 'iam:ListSAMLProviders',
    kind: 'read',
    graphql: 'Query.samlProviders',
    run: async (context) => ({
      SAMLProviderList: (await listSamlProviders(context, {})).map((provider) => ({
        Arn: provider.arn,
        ValidUntil: provider.validUntil,
        CreateDate: provider.createdAt,
      })),
    }),
  },
  {
    service: 'iam',
    name: 'UpdateSAMLProvider',
    action: 'iam:UpdateSAMLProvider',
    kind: 'write',
    graphql: 'Mutation.updateSAMLProvider',
    run: async (context, input) => {
      const provider = await updateSamlProvider(context, {
        sAMLProviderArn: input.string('SAMLProviderArn'),
        sAMLMetadataDocument: input.string('SAMLMetadataDocument'),
      });
      return { SAMLProviderArn: provider.arn };
    },
  },
  {
    service: 'iam',
    name: 'DeleteSAMLProvider',
    action: 'iam:DeleteSAMLProvider',
    kind: 'write',
    graphql: 'Mutation.deleteSAMLProvider',
    run: async (context, input) => (
      await deleteSamlProvider(context, { sAMLProviderArn: input.string('SAMLProviderArn') }),
      null
    ),
  },
];
