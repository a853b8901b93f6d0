import type { Resolvers } from '../../generated/graphql.js';
import {
  assumeRolePaths,
  canPerform,
  effectivePermissions,
  externalAccess,
  whoCan,
  whoCanAccess,
} from './access.service.js';
import { simulateCustomPolicy } from './simulateCustomPolicy.js';
import { simulatePrincipalPolicy } from './simulatePrincipalPolicy.js';
import { toAccessDecision, toAccessGrantView, toContextEntries, toRolePathView } from './toAccessViews.js';

/** Access analysis: simulation of stored principals, who-can, assume-role paths, external access, effective permissions. */
export const accessResolvers: Resolvers = {
  Query: {
    simulateCustomPolicy: (_parent, { input }) => simulateCustomPolicy(input),
    simulatePrincipalPolicy: (_parent, { input }, context) => simulatePrincipalPolicy(context, input),
    whoCanAccess: async (_parent, { resourceArn, action }, context) =>
      (await whoCanAccess(context, resourceArn, action)).map(toAccessGrantView),
    assumeRolePaths: async (_parent, { fromArn, toRoleArn, maxDepth }, context) =>
      (await assumeRolePaths(context, fromArn, toRoleArn, maxDepth)).map(toRolePathView),
    externalAccess: (_parent, { accountId, organizationId }, context) =>
      externalAccess(context, accountId, organizationId),
    effectivePermissions: (_parent, { principalArn }, context) => effectivePermissions(context, principalArn),
  },
  User: {
    canPerform: async (user, { action, resource, context: entries }, context) =>
      toAccessDecision(
        await canPerform(context, { kind: 'user', arn: user.arn }, action, resource, toContextEntries(entries)),
      ),
  },
  Role: {
    canPerform: async (role, { action, resource, context: entries }, context) =>
      toAccessDecision(
        await canPerform(context, { kind: 'role', arn: role.arn }, action, resource, toContextEntries(entries)),
      ),
  },
  Session: {
    canPerform: async (session, { action, resource, context: entries }, context) =>
      toAccessDecision(
        await canPerform(context, { kind: 'session', session }, action, resource, toContextEntries(entries)),
      ),
  },
  Resource: {
    whoCan: async (resource, { action }, context) =>
      (await whoCan(context, resource.arn, action)).map(toAccessGrantView),
  },
};
