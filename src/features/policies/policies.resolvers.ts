import type { Resolvers } from '../../generated/graphql.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { listAwsManagedPolicies } from './policies.reads.js';

/** Read resolvers for managed policies, their versions and inline policies. */
export const policyResolvers: Resolvers = {
  Query: {
    policy: async (_parent, { arn }, { loaders }) => {
      const policy = await loaders.policies.byArn.load(arn);
      if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
      return policy;
    },
    awsManagedPolicies: (_parent, args) => listAwsManagedPolicies(args),
    policyVersion: async (_parent, { policyArn, versionId }, { loaders }) => {
      const policy = await loaders.policies.byArn.load(policyArn);
      if (!policy) throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
      const versions = await loaders.policies.versionsByPolicy.load(policy.id);
      const version = versions.find((candidate) => candidate.versionId === versionId);
      if (!version) throw noSuchEntity(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.`);
      return version;
    },
  },
  ManagedPolicy: {
    id: (policy) => toGlobalId('ManagedPolicy', policy.id),
    policyId: (policy) => policy.id,
    isAwsManaged: (policy) => policy.accountId === null,
    account: (policy, _args, { loaders }) =>
      policy.accountId === null ? null : loaders.accounts.byId.load(policy.accountId),
    defaultVersionId: async (policy, _args, { loaders }) =>
      (await loaders.policies.versionsByPolicy.load(policy.id)).find((version) => version.isDefault)?.versionId ?? null,
    defaultVersion: async (policy, _args, { loaders }) =>
      (await loaders.policies.versionsByPolicy.load(policy.id)).find((version) => version.isDefault) ?? null,
    versions: (policy, _args, { loaders }) => loaders.policies.versionsByPolicy.load(policy.id),
    attachmentCount: (policy, _args, { loaders }) => loaders.policies.attachmentCountByPolicy.load(policy.id),
    tags: (policy, _args, { loaders }) =>
      policy.accountId === null ? [] : loaders.identities.tagsByOwner.load(`policy:${policy.id}`),
  },
  PolicyVersion: {
    isDefaultVersion: (version) => version.isDefault,
    createDate: (version) => version.createdAt,
  },
};
