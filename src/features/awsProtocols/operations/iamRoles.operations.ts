import { createRole, deleteRole, updateAssumeRolePolicy, updateRole } from '../../roles/roles.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import { toRole } from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { authorizeAccountRead, readIamEntity } from '../readIamEntity.js';
import { readTags } from './iamPrincipalPolicies.operations.js';

/** IAM roles: the role services GraphQL calls, in IAM's shapes (trust policies URL-encoded). */
export const iamRoleOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'CreateRole',
    action: 'iam:CreateRole',
    kind: 'write',
    graphql: 'Mutation.createRole',
    run: async (context, input) => {
      const role = await createRole(context, {
        roleName: input.string('RoleName'),
        assumeRolePolicyDocument: input.string('AssumeRolePolicyDocument'),
        path: input.optionalString('Path') ?? null,
        description: input.optionalString('Description') ?? null,
        maxSessionDuration: input.optionalInteger('MaxSessionDuration') ?? null,
        permissionsBoundary: input.optionalString('PermissionsBoundary') ?? null,
        tags: readTags(input),
      });
      return { Role: await toRole(context, role) };
    },
  },
  {
    service: 'iam',
    name: 'DeleteRole',
    action: 'iam:DeleteRole',
    kind: 'write',
    graphql: 'Mutation.deleteRole',
    run: async (context, input) => (await deleteRole(context, { roleName: input.string('RoleName') }), null),
  },
  {
    service: 'iam',
    name: 'UpdateAssumeRolePolicy',
    action: 'iam:UpdateAssumeRolePolicy',
    kind: 'write',
    graphql: 'Mutation.updateAssumeRolePolicy',
    run: async (context, input) => (
      await updateAssumeRolePolicy(context, {
        roleName: input.string('RoleName'),
        policyDocument: input.string('PolicyDocument'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'UpdateRole',
    action: 'iam:UpdateRole',
    kind: 'write',
    graphql: 'Mutation.updateRole',
    run: async (context, input) => {
      await updateRole(context, {
        roleName: input.string('RoleName'),
        description: input.optionalString('Description') ?? null,
        maxSessionDuration: input.optionalInteger('MaxSessionDuration') ?? null,
      });
      return null;
    },
  },
  {
    service: 'iam',
    name: 'UpdateRoleDescription',
    action: 'iam:UpdateRole',
    kind: 'write',
    graphql: 'Mutation.updateRole',
    run: async (context, input) => ({
      Role: await toRole(
        context,
        await updateRole(context, { roleName: input.string('RoleName'), description: input.string('Description') }),
      ),
    }),
  },
  {
    service: 'iam',
    name: 'GetRole',
    action: 'iam:GetRole',
    kind: 'read',
    graphql: 'Query.role',
    run: async (context, input, action) => ({
      Role: await toRole(context, await readIamEntity(context, action, 'ROLE', input.string('RoleName'))),
    }),
  },
  {
    service: 'iam',
    name: 'ListRoles',
    action: 'iam:ListRoles',
    kind: 'read',
    graphql: 'Account.roles',
    run: async (context, input, action) => {
      const accountId = await authorizeAccountRead(context, action);
      const prefix = input.optionalString('PathPrefix') ?? '/';
      const roles = (await context.loaders.roles.byAccount.load(accountId)).filter((role) =>
        role.path.startsWith(prefix),
      );
      const page = pageByMarker(roles, input, (role) => [role.nameKey, role.id]);
      return {
        Roles: await Promise.all(page.items.map((role) => toRole(context, role, false))),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
];
