import type { Resolvers } from '../../generated/graphql.js';
import { deletedNode } from '../../graphql/deletePayloads.js';
import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  setDefaultPolicyVersion,
} from './policies.service.js';
import { tagPolicy, untagPolicy } from './policyTags.service.js';

/** Mutations on customer managed policies and their versions, named after AWS's operations. */
export const policyMutations: Resolvers = {
  Mutation: {
    createPolicy: (_parent, args, context) => createPolicy(context, args),
    createPolicyVersion: (_parent, args, context) => createPolicyVersion(context, args),
    setDefaultPolicyVersion: (_parent, args, context) => setDefaultPolicyVersion(context, args),
    deletePolicyVersion: async (_parent, args, context) => ({
      versionId: args.versionId,
      policy: await deletePolicyVersion(context, args),
    }),
    deletePolicy: async (_parent, args, context) => deletedNode('ManagedPolicy', await deletePolicy(context, args)),
    tagPolicy: (_parent, args, context) => tagPolicy(context, args),
    untagPolicy: (_parent, args, context) => untagPolicy(context, args),
  },
};
