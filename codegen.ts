import type { CodegenConfig } from '@graphql-codegen/cli';

/** Model types the resolvers receive as parents: Prisma rows, not GraphQL shapes. */
const prismaModels = [
  'Organization',
  'OrganizationalUnit',
  'OrganizationPolicy',
  'Account',
  'User',
  'Group',
  'Role',
  'ManagedPolicy',
  'PolicyVersion',
  'InlinePolicy',
  'Resource',
  'Session',
  'AuditEvent',
] as const;

/**
 * GraphQL Code Generator: types every resolver from schema.graphql (`npm run generate` writes
 * src/generated/graphql.ts). Parents are the Prisma model types, so a resolver reads the stored row.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#Context',
        mappers: {
          ...Object.fromEntries(prismaModels.map((model) => [model, `./prisma/client.js#${model} as ${model}Model`])),
          AccessKeyMetadata: './prisma/client.js#AccessKey as AccessKeyModel',
          Tag: '../graphql/tags.js#TagValue',
          OpenIDConnectProvider: './prisma/client.js#OidcProvider as OidcProviderModel',
          InstanceProfile: './prisma/client.js#InstanceProfile as InstanceProfileModel',
          SAMLProvider: './prisma/client.js#SamlProvider as SamlProviderModel',
        },
        scalars: { DateTime: 'Date', JSON: 'unknown' },
        resolversNonOptionalTypename: false,
      },
    },
  },
};

export default config;
