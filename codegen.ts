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

/** Every connection type of the schema. */
const connectionTypes = [
  'OrganizationConnection',
  'AccountConnection',
  'UserConnection',
  'GroupConnection',
  'RoleConnection',
  'ManagedPolicyConnection',
  'ResourceConnection',
  'SessionConnection',
  'AuditEventConnection',
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
          AccessKey: '../features/identities/credentials.service.js#NewAccessKey',
          SessionEvent: '../features/live/live.service.js#SessionEventPayload',
          Tag: '../graphql/tags.js#TagValue',
          OpenIDConnectProvider: './prisma/client.js#OidcProvider as OidcProviderModel',
          InstanceProfile: './prisma/client.js#InstanceProfile as InstanceProfileModel',
          SAMLProvider: './prisma/client.js#SamlProvider as SamlProviderModel',
          // Pages count lazily (totalCount may be a function GraphQL's default resolver calls).
          ...Object.fromEntries(connectionTypes.map((type) => [type, '../graphql/connection.js#ConnectionModel'])),
        },
        scalars: { DateTime: 'Date', JSON: 'unknown' },
        resolversNonOptionalTypename: false,
      },
    },
    // The typed-client example (examples/typed-client): types and a TypedDocumentNode per operation.
    'examples/typed-client/generated/': {
      documents: 'examples/typed-client/*.graphql',
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
