import type { Role } from '../../generated/prisma/client.js';
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
import { createRole, deleteRole, updateAssumeRolePolicy, updateRole } from './roles.service.js';

const target = (args: { roleName: string; actingAccountId?: string | null }) => ({
  kind: 'ROLE' as const,
  name: args.roleName,
  actingAccountId: args.actingAccountId,
});

/** Mutations on IAM roles, named after AWS's operations. */
export const roleMutations: Resolvers = {
  Mutation: {
    createRole: (_parent, args, context) => createRole(context, args),
    deleteRole: async (_parent, args, context) => deletedNode('Role', await deleteRole(context, args)),
    updateAssumeRolePolicy: (_parent, args, context) => updateAssumeRolePolicy(context, args),
    updateRole: (_parent, args, context) => updateRole(context, args),
    putRolePolicy: async (_parent, args, context) =>
      (await putInlinePolicy(context, target(args), args.policyName, args.policyDocument)) as Role,
    deleteRolePolicy: async (_parent, args, context) =>
      (await deleteInlinePolicy(context, target(args), args.policyName)) as Role,
    attachRolePolicy: async (_parent, args, context) =>
      (await attachManagedPolicy(context, target(args), args.policyArn)) as Role,
    detachRolePolicy: async (_parent, args, context) =>
      (await detachManagedPolicy(context, target(args), args.policyArn)) as Role,
    putRolePermissionsBoundary: async (_parent, args, context) =>
      (await putPermissionsBoundary(context, target(args), args.permissionsBoundary)) as Role,
    tagRole: async (_parent, args, context) => (await tagPrincipal(context, target(args), args.tags)) as Role,
    untagRole: async (_parent, args, context) => (await untagPrincipal(context, target(args), args.tagKeys)) as Role,
  },
};
