import type { Resolvers } from '../../generated/graphql.js';

/**
 * `PolicyExplanation.document`: the text of a stored policy a simulation evaluated, so the explorer can draw
 * the deciding statement where it stands. Identity, boundary, trust and resource policies come from the
 * authorization index the simulation itself used; SCPs and RCPs (ids `p-…`) from the organizations loader.
 */
export const policyDocumentResolvers: Resolvers = {
  PolicyExplanation: {
    document: async (policy, _args, context) => {
      if (policy.sourcePolicyType === 'scp' || policy.sourcePolicyType === 'rcp') {
        return (await context.loaders.organizations.policyById.load(policy.sourcePolicyId))?.document ?? null;
      }
      const { model } = await context.loaders.access.snapshot();
      return model.policyDocuments.get(policy.sourcePolicyId) ?? null;
    },
  },
};
