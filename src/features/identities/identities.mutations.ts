import type { Group, User } from '../../generated/prisma/client.js';
import type { Resolvers } from '../../generated/graphql.js';
import { deletedNode } from '../../graphql/deletePayloads.js';
import {
  attachManagedPolicy,
  deleteInlinePolicy,
  detachManagedPolicy,
  putInlinePolicy,
  putPermissionsBoundary,
  tagPrincipal,
  untagPrincipal,
} from '../policies/policyAttachments.service.js';
import { createAccessKey, createVirtualMfaDevice, deleteAccessKey, enableMfaDevice } from './credentials.service.js';
import { changeGroupMembership, createGroup, createUser, deleteGroup, deleteUser } from './identities.service.js';

const user = (args: { userName: string; actingAccountId?: string | null }) => ({
  kind: 'USER' as const,
  name: args.userName,
  actingAccountId: args.actingAccountId,
});
const group = (args: { groupName: string; actingAccountId?: string | null }) => ({
  kind: 'GROUP' as const,
  name: args.groupName,
  actingAccountId: args.actingAccountId,
});

/** Mutations on IAM users, groups, access keys and MFA devices, named after AWS's operations. */
export const identityMutations: Resolvers = {
  Mutation: {
    createUser: (_parent, args, context) => createUser(context, args),
    deleteUser: async (_parent, args, context) => deletedNode('User', await deleteUser(context, args)),
    createAccessKey: (_parent, args, context) => createAccessKey(context, args),
    deleteAccessKey: (_parent, args, context) => deleteAccessKey(context, args),
    createGroup: (_parent, args, context) => createGroup(context, args),
    addUserToGroup: (_parent, args, context) => changeGroupMembership(context, args, 'add'),
    removeUserFromGroup: (_parent, args, context) => changeGroupMembership(context, args, 'remove'),
    putUserPolicy: async (_parent, args, context) =>
      (await putInlinePolicy(
        context,
        { kind: 'USER', name: args.userName, actingAccountId: args.actingAccountId },
        args.policyName,
        args.policyDocument,
      )) as User,
    putGroupPolicy: async (_parent, args, context) =>
      (await putInlinePolicy(
        context,
        { kind: 'GROUP', name: args.groupName, actingAccountId: args.actingAccountId },
        args.policyName,
        args.policyDocument,
      )) as Group,
    attachUserPolicy: async (_parent, args, context) =>
      (await attachManagedPolicy(
        context,
        { kind: 'USER', name: args.userName, actingAccountId: args.actingAccountId },
        args.policyArn,
      )) as User,
    attachGroupPolicy: async (_parent, args, context) =>
      (await attachManagedPolicy(
        context,
        { kind: 'GROUP', name: args.groupName, actingAccountId: args.actingAccountId },
        args.policyArn,
      )) as Group,
    deleteUserPolicy: async (_parent, args, context) =>
      (await deleteInlinePolicy(context, user(args), args.policyName)) as User,
    deleteGroupPolicy: async (_parent, args, context) =>
      (await deleteInlinePolicy(context, group(args), args.policyName)) as Group,
    detachUserPolicy: async (_parent, args, context) =>
      (await detachManagedPolicy(context, user(args), args.policyArn)) as User,
    detachGroupPolicy: async (_parent, args, context) =>
      (await detachManagedPolicy(context, group(args), args.policyArn)) as Group,
    deleteGroup: async (_parent, args, context) => deletedNode('Group', await deleteGroup(context, args)),
    putUserPermissionsBoundary: async (_parent, args, context) =>
      (await putPermissionsBoundary(
        context,
        { kind: 'USER', name: args.userName, actingAccountId: args.actingAccountId },
        args.permissionsBoundary,
      )) as User,
    tagUser: async (_parent, args, context) =>
      (await tagPrincipal(
        context,
        { kind: 'USER', name: args.userName, actingAccountId: args.actingAccountId },
        args.tags,
      )) as User,
    untagUser: async (_parent, args, context) =>
      (await untagPrincipal(
        context,
        { kind: 'USER', name: args.userName, actingAccountId: args.actingAccountId },
        args.tagKeys,
      )) as User,
    createVirtualMFADevice: (_parent, args, context) => createVirtualMfaDevice(context, args),
    enableMFADevice: (_parent, args, context) => enableMfaDevice(context, args),
  },
};
