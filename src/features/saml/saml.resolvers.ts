import type { SamlProvider } from '../../generated/prisma/client.js';
import type { Resolvers } from '../../generated/graphql.js';
import { requireCaller } from '../authorization/authorize.js';
import { readJsonTags } from '../federation/jsonTags.js';
import { assumeRoleWithSaml } from './assumeRoleWithSaml.js';
import { mintSamlAssertion } from './mintSamlAssertion.js';
import { buildSamlIdpMetadata, loadSamlIdp } from './samlIdentityProviders.js';
import {
  createSamlProvider,
  deleteSamlProvider,
  getSamlProvider,
  listSamlProviders,
  updateSamlProvider,
} from './samlProviders.service.js';

/** SAML providers, the built-in SAML IdP and AssumeRoleWithSAML. */
export const samlResolvers: Resolvers = {
  Query: {
    samlProvider: (_parent, args, context) => getSamlProvider(context, args),
    samlProviders: (_parent, args, context) => listSamlProviders(context, args),
    samlIdentityProviderMetadata: async (_parent, { identityProvider }, context) => {
      requireCaller(context);
      return buildSamlIdpMetadata(await loadSamlIdp(context.database.prisma, context.cipher, identityProvider));
    },
  },
  Mutation: {
    createSAMLProvider: (_parent, args, context) => createSamlProvider(context, args),
    updateSAMLProvider: (_parent, args, context) => updateSamlProvider(context, args),
    deleteSAMLProvider: (_parent, args, context) => deleteSamlProvider(context, args),
    mintSamlAssertion: (_parent, { input }, context) => mintSamlAssertion(context, input),
    assumeRoleWithSAML: (_parent, { input }, context) => assumeRoleWithSaml(context, input),
  },
  SAMLProvider: {
    samlMetadataDocument: (provider: SamlProvider) => provider.metadataDocument,
    tags: (provider: SamlProvider) => readJsonTags(provider.tags),
    createDate: (provider: SamlProvider) => provider.createdAt,
  },
};
