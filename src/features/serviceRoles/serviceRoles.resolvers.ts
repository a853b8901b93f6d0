import type { InstanceProfile } from '../../generated/prisma/client.js';
import type { Resolvers } from '../../generated/graphql.js';
import { readJsonTags } from '../federation/jsonTags.js';
import {
  addRoleToInstanceProfile,
  createInstanceProfile,
  deleteInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
  removeRoleFromInstanceProfile,
  tagInstanceProfile,
  untagInstanceProfile,
} from './instanceProfiles.service.js';
import { issueServiceSession } from './issueServiceSession.js';
import { createFunction, updateFunctionConfiguration } from './lambdaFunctions.js';
import { runInstances } from './runInstances.js';
import {
  createServiceLinkedRole,
  deleteServiceLinkedRole,
  getServiceLinkedRoleDeletionStatus,
} from './serviceLinkedRoles.service.js';

/** Instance profiles, EC2 and Lambda workloads that run with a passed role, and acting as them. */
export const serviceRoleResolvers: Resolvers = {
  Query: {
    instanceProfile: (_parent, args, context) => getInstanceProfile(context, args),
    instanceProfiles: (_parent, args, context) => listInstanceProfiles(context, args),
    serviceLinkedRoleDeletionStatus: (_parent, args, context) => getServiceLinkedRoleDeletionStatus(context, args),
  },
  Mutation: {
    createInstanceProfile: (_parent, args, context) => createInstanceProfile(context, args),
    deleteInstanceProfile: (_parent, args, context) => deleteInstanceProfile(context, args),
    addRoleToInstanceProfile: (_parent, args, context) => addRoleToInstanceProfile(context, args),
    removeRoleFromInstanceProfile: (_parent, args, context) => removeRoleFromInstanceProfile(context, args),
    tagInstanceProfile: (_parent, args, context) => tagInstanceProfile(context, args),
    untagInstanceProfile: (_parent, args, context) => untagInstanceProfile(context, args),
    createServiceLinkedRole: (_parent, args, context) => createServiceLinkedRole(context, args),
    deleteServiceLinkedRole: (_parent, args, context) => deleteServiceLinkedRole(context, args),
    runInstances: (_parent, { input, actingAccountId }, context) =>
      runInstances(context, { ...input, actingAccountId }),
    createFunction: (_parent, { input, actingAccountId }, context) =>
      createFunction(context, { ...input, actingAccountId }),
    updateFunctionConfiguration: (_parent, { input, actingAccountId }, context) =>
      updateFunctionConfiguration(context, { ...input, actingAccountId }),
    instanceCredentials: async (_parent, { instanceArn }, context) => {
      const session = await issueServiceSession(context, 'ec2', instanceArn);
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = session.credentials;
      return {
        code: 'Success',
        lastUpdated: session.issuedAt,
        type: 'AWS-HMAC',
        accessKeyId,
        secretAccessKey,
        token: sessionToken,
        expiration,
        roleName: session.roleName,
        assumedRoleUser: session.assumedRoleUser,
        instanceProfileArn: session.instanceProfileArn,
        instanceProfileId: session.instanceProfileId,
      };
    },
    functionCredentials: async (_parent, { functionArn }, context) => {
      const session = await issueServiceSession(context, 'lambda', functionArn);
      return { credentials: session.credentials, assumedRoleUser: session.assumedRoleUser, roleArn: session.roleArn };
    },
  },
  InstanceProfile: {
    instanceProfileId: (profile: InstanceProfile) => profile.id,
    instanceProfileName: (profile: InstanceProfile) => profile.name,
    roles: async (profile: InstanceProfile, _args, context) => {
      const role = profile.roleId === null ? null : await context.loaders.roles.byId.load(profile.roleId);
      return role === null ? [] : [role];
    },
    tags: (profile: InstanceProfile) => readJsonTags(profile.tags),
    createDate: (profile: InstanceProfile) => profile.createdAt,
  },
};
