import type { Context } from '../../../context.js';
import type { ManagedPolicy } from '../../../generated/prisma/client.js';
import { awsError, noSuchEntity, validationError } from '../../../graphql/errors.js';
import { requireArn } from '../../../graphql/requireArn.js';
import { authorize, requireCaller } from '../../authorization/authorize.js';
import { listAwsManagedPolicies } from '../../policies/policies.reads.js';
import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  setDefaultPolicyVersion,
} from '../../policies/policies.service.js';
import { tagPolicy, untagPolicy } from '../../policies/policyTags.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import { toPolicy, toPolicyVersion, toTags } from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { authorizeAccountRead } from '../readIamEntity.js';
import { readTags } from './iamPrincipalPolicies.operations.js';

/** Reads a managed policy by ARN for an IAM read: authorized on the ARN first, then NoSuchEntity as GraphQL's `policy(arn:)` answers. */
async function readPolicy(context: Context, action: string, policyArn: string): Promise<ManagedPolicy> {
  const account = requireArn(policyArn).account;
  await authorize(context, {
    action,
    resourceArn: policyArn,
    resourceAccountId: account && account !== 'aws' ? account : requireCaller(context).accountId,
  });
  const policy = await context.loaders.policies.byArn.load(policyArn);
  if (!policy) throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
  return policy;
}

/** Every AWS managed policy, read through the GraphQL list's own reader page by page (the served catalogue). */
function allAwsManagedPolicies(): ManagedPolicy[] {
  const policies: ManagedPolicy[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ReturnType<typeof listAwsManagedPolicies> = listAwsManagedPolicies({ first: 500, after });
    policies.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return policies;
    after = page.pageInfo.endCursor;
  }
}

const SCOPES = new Set(['All', 'AWS', 'Local']);
const ENTITY_FILTERS = new Set(['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy']);
const ENTITY_ORDER = { Group: 0, User: 1, Role: 2 } as const;

/** Customer managed policies and their versions, and the AWS managed catalogue: the policy services GraphQL calls. */
export const iamPolicyOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'CreatePolicy',
    action: 'iam:CreatePolicy',
    kind: 'write',
    graphql: 'Mutation.createPolicy',
    run: async (context, input) => {
      const policy = await createPolicy(context, {
        policyName: input.string('PolicyName'),
        policyDocument: input.string('PolicyDocument'),
        path: input.optionalString('Path') ?? null,
        description: input.optionalString('Description') ?? null,
        tags: readTags(input),
      });
      return { Policy: await toPolicy(context, policy, true) };
    },
  },
  {
    service: 'iam',
    name: 'CreatePolicyVersion',
    action: 'iam:CreatePolicyVersion',
    kind: 'write',
    graphql: 'Mutation.createPolicyVersion',
    run: async (context, input) => {
      const version = await createPolicyVersion(context, {
        policyArn: input.string('PolicyArn'),
        policyDocument: input.string('PolicyDocument'),
        setAsDefault: input.optionalBoolean('SetAsDefault') ?? null,
      });
      return { PolicyVersion: toPolicyVersion(version, false) };
    },
  },
  {
    service: 'iam',
    name: 'SetDefaultPolicyVersion',
    action: 'iam:SetDefaultPolicyVersion',
    kind: 'write',
    graphql: 'Mutation.setDefaultPolicyVersion',
    run: async (context, input) => (
      await setDefaultPolicyVersion(context, {
        policyArn: input.string('PolicyArn'),
        versionId: input.string('VersionId'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'DeletePolicyVersion',
    action: 'iam:DeletePolicyVersion',
    kind: 'write',
    graphql: 'Mutation.deletePolicyVersion',
    run: async (context, input) => (
      await deletePolicyVersion(context, {
        policyArn: input.string('PolicyArn'),
        versionId: input.string('VersionId'),
      }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'DeletePolicy',
    action: 'iam:DeletePolicy',
    kind: 'write',
    graphql: 'Mutation.deletePolicy',
    run: async (context, input) => (await deletePolicy(context, { policyArn: input.string('PolicyArn') }), null),
  },
  {
    service: 'iam',
    name: 'TagPolicy',
    action: 'iam:TagPolicy',
    kind: 'write',
    graphql: 'Mutation.tagPolicy',
    run: async (context, input) => (
      await tagPolicy(context, { policyArn: input.string('PolicyArn'), tags: readTags(input) }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'UntagPolicy',
    action: 'iam:UntagPolicy',
    kind: 'write',
    graphql: 'Mutation.untagPolicy',
    run: async (context, input) => (
      await untagPolicy(context, { policyArn: input.string('PolicyArn'), tagKeys: input.stringList('TagKeys') }),
      null
    ),
  },
  {
    service: 'iam',
    name: 'ListPolicyTags',
    action: 'iam:ListPolicyTags',
    kind: 'read',
    graphql: 'ManagedPolicy.tags',
    run: async (context, input, action) => {
      const policy = await readPolicy(context, action, input.string('PolicyArn'));
      const tags =
        policy.accountId === null ? [] : await context.loaders.identities.tagsByOwner.load(`policy:${policy.id}`);
      const page = pageByMarker(tags, input, (tag) => [tag.keyLower]);
      return { Tags: toTags(page.items), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },
  {
    service: 'iam',
    name: 'GetPolicy',
    action: 'iam:GetPolicy',
    kind: 'read',
    graphql: 'Query.policy',
    run: async (context, input, action) => ({
      Policy: await toPolicy(context, await readPolicy(context, action, input.string('PolicyArn')), true),
    }),
  },
  {
    service: 'iam',
    name: 'GetPolicyVersion',
    action: 'iam:GetPolicyVersion',
    kind: 'read',
    graphql: 'Query.policyVersion',
    run: async (context, input, action) => {
      const policyArn = input.string('PolicyArn');
      const versionId = input.string('VersionId');
      const policy = await readPolicy(context, action, policyArn);
      const version = (await context.loaders.policies.versionsByPolicy.load(policy.id)).find(
        (candidate) => candidate.versionId === versionId,
      );
      if (!version) throw noSuchEntity(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.`);
      return { PolicyVersion: toPolicyVersion(version) };
    },
  },
  {
    service: 'iam',
    name: 'ListPolicyVersions',
    action: 'iam:ListPolicyVersions',
    kind: 'read',
    graphql: 'ManagedPolicy.versions',
    run: async (context, input, action) => {
      const policy = await readPolicy(context, action, input.string('PolicyArn'));
      const versions = [...(await context.loaders.policies.versionsByPolicy.load(policy.id))].reverse();
      const page = pageByMarker(versions, input, (version) => [version.createdAt.toISOString(), version.versionId]);
      return {
        Versions: page.items.map((version) => toPolicyVersion(version, false)),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
  {
    service: 'iam',
    name: 'ListEntitiesForPolicy',
    action: 'iam:ListEntitiesForPolicy',
    kind: 'read',
    graphql: 'ManagedPolicy.attachmentCount',
    run: async (context, input, action) => {
      const filter = input.optionalString('EntityFilter');
      if (filter !== undefined && !ENTITY_FILTERS.has(filter)) {
        throw validationError(
          `1 validation error detected: Value '${filter}' at 'entityFilter' failed to satisfy constraint: Member must satisfy enum value set: [${[...ENTITY_FILTERS].join(', ')}]`,
        );
      }
      const policy = await readPolicy(context, action, input.string('PolicyArn'));
      const accountId = requireCaller(context).accountId;
      const prefix = input.optionalString('PathPrefix') ?? '/';
      if (input.optionalString('PolicyUsageFilter') === 'PermissionsBoundary') {
        throw awsError(
          'InvalidInput',
          'The playground lists the entities a policy is attached to; PolicyUsageFilter PermissionsBoundary is not supported.',
        );
      }
      const entities = (await context.loaders.policies.attachedEntitiesByPolicy.load(policy.id))
        .map((attachment) =>
          attachment.group
            ? { type: 'Group' as const, row: attachment.group }
            : attachment.user
              ? { type: 'User' as const, row: attachment.user }
              : attachment.role
                ? { type: 'Role' as const, row: attachment.role }
                : null,
        )
        .filter(
          (entity) =>
            entity !== null &&
            entity.row.accountId === accountId &&
            entity.row.path.startsWith(prefix) &&
            (filter === undefined || !['User', 'Role', 'Group'].includes(filter) || entity.type === filter),
        )
        .map((entity) => entity!)
        .sort(
          (a, b) =>
            ENTITY_ORDER[a.type] - ENTITY_ORDER[b.type] ||
            (a.row.nameKey < b.row.nameKey ? -1 : a.row.nameKey > b.row.nameKey ? 1 : 0),
        );
      const page = pageByMarker(entities, input, (entity) => [
        ENTITY_ORDER[entity.type],
        entity.row.nameKey,
        entity.row.id,
      ]);
      return {
        PolicyGroups: page.items
          .filter((entity) => entity.type === 'Group')
          .map((entity) => ({ GroupName: entity.row.name, GroupId: entity.row.id })),
        PolicyUsers: page.items
          .filter((entity) => entity.type === 'User')
          .map((entity) => ({ UserName: entity.row.name, UserId: entity.row.id })),
        PolicyRoles: page.items
          .filter((entity) => entity.type === 'Role')
          .map((entity) => ({ RoleName: entity.row.name, RoleId: entity.row.id })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
  {
    service: 'iam',
    name: 'ListPolicies',
    action: 'iam:ListPolicies',
    kind: 'read',
    graphql: 'Account.policies',
    run: async (context, input, action) => {
      const scope = input.optionalString('Scope') ?? 'All';
      if (!SCOPES.has(scope))
        throw validationError(
          `1 validation error detected: Value '${scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]`,
        );
      const accountId = await authorizeAccountRead(context, action);
      const local = scope === 'AWS' ? [] : await context.loaders.policies.byAccount.load(accountId);
      const aws = scope === 'Local' ? [] : allAwsManagedPolicies();
      const prefix = input.optionalString('PathPrefix') ?? '/';
      let policies = [...local, ...aws].filter((policy) => policy.path.startsWith(prefix));
      if (input.optionalBoolean('OnlyAttached')) {
        const counts = await context.loaders.policies.attachmentCountByPolicy.loadMany(
          policies.map((policy) => policy.id),
        );
        policies = policies.filter((_policy, i) => typeof counts[i] === 'number' && (counts[i] as number) > 0);
      }
      const page = pageByMarker(policies, input, (policy) => [
        policy.accountId === null ? 1 : 0,
        policy.nameKey,
        policy.id,
      ]);
      return {
        Policies: await Promise.all(page.items.map((policy) => toPolicy(context, policy))),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
];
