import type { Resolvers } from '../../generated/graphql.js';
import { createResource, putResourcePolicy } from './resources.service.js';

/** Mutations that create resources and set their resource-based policies. */
export const resourceMutations: Resolvers = {
  Mutation: {
    createResource: (_parent, args, context) => createResource(context, args),
    putResourcePolicy: (_parent, args, context) => putResourcePolicy(context, args),
  },
};
