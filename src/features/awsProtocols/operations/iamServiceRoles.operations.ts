import type { Context } from '../../../context.js';
import type { InstanceProfile } from '../../../generated/prisma/client.js';
import {
  addRoleToInstanceProfile,
  createInstanceProfile,
  deleteInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
  listInstanceProfilesForRole,
  removeRoleFromInstanceProfile,
  tagInstanceProfile,
  untagInstanceProfile,
} from '../../serviceRoles/instanceProfiles.service.js';
import {
  createServiceLinkedRole,
  deleteServiceLinkedRole,
  getServiceLinkedRoleDeletionStatus,
} from '../../serviceRoles/serviceLinkedRoles.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import { toInstanceProfile, toRole } from '../iamShapes.js';
import type { OperationInput } from '../OperationInput.js';
import { pageByMarker } from '../pageByMarker.js';
import { readTags } from './iamPrincipalPolicies.operations.js';

/** A page of profiles as ListInstanceProfiles and ListInstanceProfilesForRole answer it. */
async function profilePage(context: Context, profiles: readonly InstanceProfile[], input: OperationInput) {
  const page = pageByMarker(profiles, input, (profile) => [profile.nameKey, profile.id]);
  return {
    InstanceProfiles: await Promise.all(page.items.map((profile) => toInstanceProfile(context, profile))),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

const profileName = (input: OperationInput) => ({ instanceProfileName: input.string('InstanceProfileName') });

/** Instance profiles and service-linked roles: the service-role services GraphQL calls, in IAM's shapes. */
export const iamServiceRoleOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'CreateInstanceProfile',
    action: 'iam:CreateInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.createInstanceProfile',
    run: async (context, input) => {
      const profile = await createInstanceProfile(context, {
        ...profileName(input),
        path: input.optionalString('Path') ?? null,
        tags: readTags(input),
      });
      return { InstanceProfile: await toInstanceProfile(context, profile) };
    },
  },
  {
    service: 'iam',
    name: 'GetInstanceProfile',
    action: 'iam:GetInstanceProfile',
    kind: 'read',
    graphql: 'Query.instanceProfile',
    run: async (context, input) => ({
      InstanceProfile: await toInstanceProfile(context, await getInstanceProfile(context, profileName(input))),
    }),
  },
  {
    service: 'iam',
    name: 'ListInstanceProfiles',
    action: 'iam:ListInstanceProfiles',
    kind: 'read',
    graphql: 'Query.instanceProfiles',
    run: async (context, input) =>
      profilePage(
        context,
        await listInstanceProfiles(context, { pathPrefix: input.optionalString('PathPrefix') ?? null }),
        input,
      ),
  },
  {
    service: 'iam',
    name: 'ListInstanceProfilesForRole',
    action: 'iam:ListInstanceProfilesForRole',
    kind: 'read',
    graphql: null,
    run: async (context, input) =>
      profilePage(context, await listInstanceProfilesForRole(context, { roleName: input.string('RoleName') }), input),
  },
  {
    service: 'iam',
    name: 'DeleteInstanceProfile',
    action: 'iam:DeleteInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.deleteInstanceProfile',
    run: async (context, input) => (await deleteInstanceProfile(context, profileName(input)), null),
  },
  {
    service: 'iam',
    name: 'AddRoleToInstanceProfile',
    action: 'iam:AddRoleToInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.addRoleToInstanceProfile',
    run: async (context, input) => (
      await addRoleToInstanceProfile(context, { ...profileName(input), roleName: input.string('RoleName') }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'RemoveRoleFromInstanceProfile',
    action: 'iam:RemoveRoleFromInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.removeRoleFromInstanceProfile',
    run: async (context, input) => (
      await removeRoleFromInstanceProfile(context, { ...profileName(input), roleName: input.string('RoleName') }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'TagInstanceProfile',
    action: 'iam:TagInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.tagInstanceProfile',
    run: async (context, input) => (
      await tagInstanceProfile(context, { ...profileName(input), tags: readTags(input) }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'UntagInstanceProfile',
    action: 'iam:UntagInstanceProfile',
    kind: 'write',
    graphql: 'Mutation.untagInstanceProfile',
    run: async (context, input) => (
      await untagInstanceProfile(context, { ...profileName(input), tagKeys: input.stringList('TagKeys') }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'CreateServiceLinkedRole',
    action: 'iam:CreateServiceLinkedRole',
    kind: 'write',
    graphql: 'Mutation.createServiceLinkedRole',
    run: async (context, input) => {
      const role = await createServiceLinkedRole(context, {
        aWSServiceName: input.string('AWSServiceName'),
        description: input.optionalString('Description') ?? null,
        customSuffix: input.optionalString('CustomSuffix') ?? null,
      });
      return { Role: await toRole(context, role) };
    },
  },
  {
    service: 'iam',
    name: 'DeleteServiceLinkedRole',
    action: 'iam:DeleteServiceLinkedRole',
    kind: 'write',
    graphql: 'Mutation.deleteServiceLinkedRole',
    run: async (context, input) => ({
      DeletionTaskId: await deleteServiceLinkedRole(context, { roleName: input.string('RoleName') }),
    }),
  },
  {
    service: 'iam',
    name: 'GetServiceLinkedRoleDeletionStatus',
    action: 'iam:GetServiceLinkedRoleDeletionStatus',
    kind: 'read',
    graphql: 'Query.serviceLinkedRoleDeletionStatus',
    run: async (context, input) => {
      const task = await getServiceLinkedRoleDeletionStatus(context, {
        deletionTaskId: input.string('DeletionTaskId'),
      });
      return {
        Status: task.status,
        Reason:
          task.reason === null
            ? undefined
            : {
                Reason: task.reason.reason,
                RoleUsageList: task.reason.roleUsageList.map((usage) => ({
                  Region: usage.region,
                  Resources: usage.resources,
                })),
              },
      };
    },
  },
];
