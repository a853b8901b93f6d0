import type { Resolvers } from '../../generated/graphql.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { required } from '../../graphql/required.js';

/** Read resolvers for resources and their resource-based policies. */
export const resourceResolvers: Resolvers = {
  Query: {
    resource: async (_parent, { arn }, { loaders }) => {
      const resource = await loaders.resources.byArn.load(arn);
      if (!resource) throw noSuchEntity(`The resource ${arn} cannot be found.`);
      return resource;
    },
  },
  Resource: {
    id: (resource) => toGlobalId('Resource', resource.id),
    account: async (resource, _args, { loaders }) =>
      required(await loaders.accounts.byId.load(resource.accountId), 'account'),
    policy: (resource) => resource.policyDocument,
    tags: (resource, _args, { loaders }) => loaders.identities.tagsByOwner.load(`resource:${resource.id}`),
  },
};
