import type { Resolvers } from '../../generated/graphql.js';
import { createPolicy, createPolicyVersion, deletePolicy, deletePolicyVersion, setDefaultPolicyVersion } from './policies.service.js';

/** Mutations on customer managed policies and their versions, named after AWS's operations. */
export const policyMutations: Resolvers = {
  Mutation: {
    createPolicy: (_parent, args, context) => createPolicy(context, args),
    createPolicyVersion: (_parent, args, context) => createPolicyVersion(context, args),
    setDefaultPolicyVersion: (_parent, args, context) => setDefaultPolicyVersion(context, args),
    deletePolicyVersion: (_parent, args, context) => deletePolicyVersion(context, args),
    deletePolicy: (_parent, args, context) => deletePolicy(context, args),
  },
};
