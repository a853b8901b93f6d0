import type { Context } from '../../../context.js';
import type { Group, ManagedPolicy, Role, User } from '../../../generated/prisma/client.js';
import { validationError } from '../../../graphql/errors.js';
import { POLICY_KIND_RULES } from '../../../iam/index.js';
import { IAM_LIMITS } from '../../identities/iamNameRules.js';
import { principalKey } from '../../policies/policies.loaders.js';
import { AwsMap, type AwsOperation } from '../AwsOperation.js';
import {
  toAttachedPolicy,
  toGroup,
  toInstanceProfile,
  toPolicy,
  toPolicyDetail,
  toPolicyVersion,
  toRole,
  toUser,
} from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { authorizeAccountRead } from '../readIamEntity.js';

const ENTITY_TYPES = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

type Entry =
  | { type: 'User'; row: User }
  | { type: 'Role'; row: Role }
  | { type: 'Group'; row: Group }
  | { type: 'LocalManagedPolicy' | 'AWSManagedPolicy'; row: ManagedPolicy };

/** Everything GetAccountAuthorizationDetails reports for the account, in one sorted list, from the per-request loaders. */
async function loadEntries(context: Context, accountId: string, types: ReadonlySet<EntityType>): Promise<Entry[]> {
  const { identities, roles, policies } = context.loaders;
  const [users, groups, roleRows, local] = await Promise.all([
    identities.usersByAccount.load(accountId),
    identities.groupsByAccount.load(accountId),
    roles.byAccount.load(accountId),
    policies.byAccount.load(accountId),
  ]);
  const entries: Entry[] = [];
  if (types.has('User')) entries.push(...users.map((row) => ({ type: 'User' as const, row })));
  if (types.has('Group')) entries.push(...groups.map((row) => ({ type: 'Group' as const, row })));
  if (types.has('Role')) entries.push(...roleRows.map((row) => ({ type: 'Role' as const, row })));
  if (types.has('LocalManagedPolicy'))
    entries.push(...local.map((row) => ({ type: 'LocalManagedPolicy' as const, row })));
  if (types.has('AWSManagedPolicy')) {
    // As IAM does, the AWS managed policies reported are those attached to an identity of the account.
    const keys = [
      ...users.map((u) => principalKey('USER', u.id)),
      ...groups.map((g) => principalKey('GROUP', g.id)),
      ...roleRows.map((r) => principalKey('ROLE', r.id)),
    ];
    const attached = (await policies.attachedByPrincipal.loadMany(keys)).flatMap((list) =>
      Array.isArray(list) ? list : [],
    );
    const aws = new Map(attached.filter((policy) => policy.accountId === null).map((policy) => [policy.id, policy]));
    entries.push(
      ...[...aws.values()]
        .sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1))
        .map((row) => ({ type: 'AWSManagedPolicy' as const, row })),
    );
  }
  return entries;
}

const ORDER: Record<EntityType, number> = { User: 0, Group: 1, Role: 2, LocalManagedPolicy: 3, AWSManagedPolicy: 4 };
const keyOf = (entry: Entry) => [ORDER[entry.type], entry.row.nameKey, entry.row.id];

async function attached(context: Context, kind: 'USER' | 'GROUP' | 'ROLE', id: string) {
  const [inline, managed] = await Promise.all([
    context.loaders.policies.inlineByPrincipal.load(principalKey(kind, id)),
    context.loaders.policies.attachedByPrincipal.load(principalKey(kind, id)),
  ]);
  return { inline: inline.map(toPolicyDetail), managed: managed.map(toAttachedPolicy) };
}

async function toDetail(context: Context, entry: Entry) {
  if (entry.type === 'User') {
    const [{ inline, managed }, groups, user] = await Promise.all([
      attached(context, 'USER', entry.row.id),
      context.loaders.identities.groupsByUser.load(entry.row.id),
      toUser(context, entry.row),
    ]);
    return {
      ...user,
      UserPolicyList: inline,
      GroupList: groups.map((group) => group.name),
      AttachedManagedPolicies: managed,
    };
  }
  if (entry.type === 'Group') {
    const { inline, managed } = await attached(context, 'GROUP', entry.row.id);
    return { ...toGroup(entry.row), GroupPolicyList: inline, AttachedManagedPolicies: managed };
  }
  if (entry.type === 'Role') {
    const [{ inline, managed }, role, profiles] = await Promise.all([
      attached(context, 'ROLE', entry.row.id),
      toRole(context, entry.row),
      context.loaders.roles.instanceProfilesByRole.load(entry.row.id),
    ]);
    const instanceProfiles = await Promise.all(profiles.map((profile) => toInstanceProfile(context, profile)));
    return {
      ...role,
      Description: undefined,
      MaxSessionDuration: undefined,
      InstanceProfileList: instanceProfiles,
      RolePolicyList: inline,
      AttachedManagedPolicies: managed,
    };
  }
  const [policy, versions] = await Promise.all([
    toPolicy(context, entry.row),
    context.loaders.policies.versionsByPolicy.load(entry.row.id),
  ]);
  return { ...policy, PolicyVersionList: versions.map((version) => toPolicyVersion(version)) };
}

const DETAIL_LISTS: Record<EntityType, string> = {
  User: 'UserDetailList',
  Group: 'GroupDetailList',
  Role: 'RoleDetailList',
  LocalManagedPolicy: 'Policies',
  AWSManagedPolicy: 'Policies',
};

/** Account-wide IAM reads: the summary of entity counts and quotas, and the whole account's authorization details. */
export const iamAccountOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'GetAccountAuthorizationDetails',
    action: 'iam:GetAccountAuthorizationDetails',
    kind: 'read',
    graphql: 'Query.account',
    run: async (context, input, action) => {
      const filter = input.stringList('Filter');
      for (const type of filter) {
        if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
          throw validationError(
            `1 validation error detected: Value '[${filter.join(', ')}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENTITY_TYPES.join(', ')}]]`,
          );
        }
      }
      const accountId = await authorizeAccountRead(context, action);
      const entries = await loadEntries(
        context,
        accountId,
        new Set(filter.length > 0 ? (filter as EntityType[]) : ENTITY_TYPES),
      );
      const page = pageByMarker(entries, input, keyOf);
      const lists: Record<string, unknown[]> = {
        UserDetailList: [],
        GroupDetailList: [],
        RoleDetailList: [],
        Policies: [],
      };
      const details = await Promise.all(page.items.map((entry) => toDetail(context, entry)));
      page.items.forEach((entry, i) => lists[DETAIL_LISTS[entry.type]]?.push(details[i]));
      return { ...(lists as Record<string, never[]>), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
  {
    service: 'iam',
    name: 'GetAccountSummary',
    action: 'iam:GetAccountSummary',
    kind: 'read',
    graphql: 'Query.account',
    run: async (context, _input, action) => {
      const accountId = await authorizeAccountRead(context, action);
      const { identities, roles, policies } = context.loaders;
      const [users, groups, roleRows, local] = await Promise.all([
        identities.usersByAccount.load(accountId),
        identities.groupsByAccount.load(accountId),
        roles.byAccount.load(accountId),
        policies.byAccount.load(accountId),
      ]);
      const versions = await policies.versionsByPolicy.loadMany(local.map((policy) => policy.id));
      return {
        SummaryMap: new AwsMap({
          Users: users.length,
          UsersQuota: 5000,
          Groups: groups.length,
          GroupsQuota: 300,
          Roles: roleRows.length,
          RolesQuota: 1000,
          Policies: local.length,
          PoliciesQuota: 1500,
          PolicyVersionsInUse: versions.reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0),
          PolicyVersionsInUseQuota: 10000,
          VersionsPerPolicyQuota: IAM_LIMITS.versionsPerPolicy,
          PolicySizeQuota: POLICY_KIND_RULES.identity.maxSize,
          AssumeRolePolicySizeQuota: POLICY_KIND_RULES.trust.maxSize,
          UserPolicySizeQuota: IAM_LIMITS.inlineTotal.USER,
          GroupPolicySizeQuota: IAM_LIMITS.inlineTotal.GROUP,
          RolePolicySizeQuota: IAM_LIMITS.inlineTotal.ROLE,
          AccessKeysPerUserQuota: IAM_LIMITS.accessKeysPerUser,
          GroupsPerUserQuota: IAM_LIMITS.groupsPerUser,
          AttachedPoliciesPerUserQuota: IAM_LIMITS.managedPoliciesPerIdentity,
          AttachedPoliciesPerGroupQuota: IAM_LIMITS.managedPoliciesPerIdentity,
          AttachedPoliciesPerRoleQuota: IAM_LIMITS.managedPoliciesPerIdentity,
        }),
      };
    },
  },
];
