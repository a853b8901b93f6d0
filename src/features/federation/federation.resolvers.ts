import type { OidcProvider } from '../../generated/prisma/client.js';
import type { Resolvers } from '../../generated/graphql.js';
import { assumeRoleWithWebIdentity } from './assumeRoleWithWebIdentity.js';
import { builtInIssuerName } from './builtInIssuer.js';
import { whoCanAccessFederated } from './federatedAccess.js';
import { readJsonTags } from './jsonTags.js';
import { mintOidcToken } from './mintOidcToken.js';
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
} from './oidcProviders.service.js';

/** OIDC identity providers, the built-in issuer's mint, and AssumeRoleWithWebIdentity. */
export const federationResolvers: Resolvers = {
  Query: {
    openIDConnectProvider: (_parent, args, context) => getOidcProvider(context, args),
    openIDConnectProviders: (_parent, args, context) => listOidcProviders(context, args),
    whoCanAccessFederated: (_parent, { resourceArn, action }, context) =>
      whoCanAccessFederated(context, resourceArn, action),
  },
  Mutation: {
    createOpenIDConnectProvider: (_parent, args, context) => createOidcProvider(context, args),
    deleteOpenIDConnectProvider: (_parent, args, context) => deleteOidcProvider(context, args),
    addClientIDToOpenIDConnectProvider: (_parent, args, context) => addClientId(context, args),
    removeClientIDFromOpenIDConnectProvider: (_parent, args, context) => removeClientId(context, args),
    updateOpenIDConnectProviderThumbprint: (_parent, args, context) => updateThumbprints(context, args),
    tagOpenIDConnectProvider: (_parent, args, context) => tagOidcProvider(context, args),
    untagOpenIDConnectProvider: (_parent, args, context) => untagOidcProvider(context, args),
    mintOidcToken: (_parent, { input }, context) => mintOidcToken(context, input),
    assumeRoleWithWebIdentity: (_parent, { input }, context) => assumeRoleWithWebIdentity(context, input),
  },
  OpenIDConnectProvider: {
    url: (provider: OidcProvider) => provider.url,
    clientIDList: (provider: OidcProvider) => provider.clientIds,
    thumbprintList: (provider: OidcProvider) => provider.thumbprints,
    jwks: (provider: OidcProvider) => (provider.jwks === null ? null : JSON.stringify(provider.jwks)),
    builtInIssuer: (provider: OidcProvider) => builtInIssuerName(`https://${provider.url}`) !== null,
    tags: (provider: OidcProvider) => readJsonTags(provider.tags),
    createDate: (provider: OidcProvider) => provider.createdAt,
  },
};
