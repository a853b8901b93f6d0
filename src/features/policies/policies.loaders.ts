import DataLoader from 'dataloader';
import type {
  Group,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PolicyVersion,
  PrismaClient,
  PrincipalKind,
  Role,
  User,
} from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';
import { findAwsManagedPolicyById } from '../../iam/index.js';
import { awsManagedPolicyVersionRow, findAwsManagedPolicyRow } from './awsManagedPolicyRows.js';

/** A principal that policies attach to: `USER:ID`, `GROUP:ID` or `ROLE:ID`. */
export type PrincipalKey = `${PrincipalKind}:${string}`;

/** Per-request batch loaders for managed policies, versions, attachments and inline policies. */
export interface PolicyLoaders {
  /** A managed policy by unique id (`ANPA…`). */
  byId: DataLoader<string, ManagedPolicy | null>;
  /** A managed policy by ARN. */
  byArn: DataLoader<string, ManagedPolicy | null>;
  /** The customer managed policies of an account, by name. */
  byAccount: DataLoader<string, ManagedPolicy[]>;
  /** The versions of a policy, oldest first. */
  versionsByPolicy: DataLoader<string, PolicyVersion[]>;
  /** How many principals a policy is attached to. */
  attachmentCountByPolicy: DataLoader<string, number>;
  /** The managed policies attached to a principal, by name. */
  attachedByPrincipal: DataLoader<PrincipalKey, ManagedPolicy[]>;
  /** The inline policies of a principal, by name. */
  inlineByPrincipal: DataLoader<PrincipalKey, InlinePolicy[]>;
  /** The users, groups and roles a managed policy is attached to (IAM's ListEntitiesForPolicy). */
  attachedEntitiesByPolicy: DataLoader<
    string,
    (PolicyAttachment & { user: User | null; group: Group | null; role: Role | null })[]
  >;
}

/** The key of a principal for the attachment loaders. */
export function principalKey(kind: PrincipalKind, id: string): PrincipalKey {
  return `${kind}:${id}`;
}

/** Creates fresh policy loaders; call once per request. */
export function createPolicyLoaders(prisma: PrismaClient): PolicyLoaders {
  return {
    // AWS managed policies nobody points at are not stored: the catalogue answers for them.
    byId: new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await prisma.managedPolicy.findMany({ where: { id: { in: [...ids] } } }),
        (policy) => policy.id,
      ).map((policy, i) => policy ?? findAwsManagedPolicyRow({ id: ids[i]! })),
    ),
    byArn: new DataLoader(async (arns) =>
      orderByKeys(
        arns,
        await prisma.managedPolicy.findMany({ where: { arn: { in: [...arns] } } }),
        (policy) => policy.arn,
      ).map((policy, i) => policy ?? findAwsManagedPolicyRow({ arn: arns[i]! })),
    ),
    byAccount: new DataLoader(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.managedPolicy.findMany({
          where: { accountId: { in: [...accountIds] } },
          orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
        }),
        (policy) => policy.accountId,
      ),
    ),
    versionsByPolicy: new DataLoader(async (policyIds) =>
      groupByKeys(
        policyIds,
        await prisma.policyVersion.findMany({
          where: { policyId: { in: [...policyIds] } },
          orderBy: [{ createdAt: 'asc' }, { versionId: 'asc' }],
        }),
        (version) => version.policyId,
      ).map((versions, i) => {
        const aws = versions.length === 0 ? findAwsManagedPolicyById(policyIds[i]!) : null;
        return aws === null ? versions : [awsManagedPolicyVersionRow(aws)];
      }),
    ),
    attachmentCountByPolicy: new DataLoader(async (policyIds) => {
      const counts = await prisma.policyAttachment.groupBy({
        by: ['policyId'],
        where: { policyId: { in: [...policyIds] } },
        _count: { _all: true },
      });
      const byPolicy = new Map(counts.map((count) => [count.policyId, count._count._all]));
      return policyIds.map((id) => byPolicy.get(id) ?? 0);
    }),
    attachedByPrincipal: new DataLoader(async (keys) => {
      const attachments = await prisma.policyAttachment.findMany({
        where: { OR: principalFilters(keys) },
        include: { policy: true },
        orderBy: { policy: { nameKey: 'asc' } },
      });
      return groupByKeys(keys, attachments, attachmentOwner).map((group) =>
        group.map((attachment) => attachment.policy),
      );
    }),
    attachedEntitiesByPolicy: new DataLoader(async (policyIds) =>
      groupByKeys(
        policyIds,
        await prisma.policyAttachment.findMany({
          where: { policyId: { in: [...policyIds] } },
          include: { user: true, group: true, role: true },
          orderBy: { id: 'asc' },
        }),
        (attachment) => attachment.policyId,
      ),
    ),
    inlineByPrincipal: new DataLoader(async (keys) =>
      groupByKeys(
        keys,
        await prisma.inlinePolicy.findMany({ where: { OR: principalFilters(keys) }, orderBy: { nameKey: 'asc' } }),
        attachmentOwner,
      ),
    ),
  };
}

function principalFilters(keys: readonly PrincipalKey[]) {
  const ids = (kind: PrincipalKind) =>
    keys.filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
  return [{ userId: { in: ids('USER') } }, { groupId: { in: ids('GROUP') } }, { roleId: { in: ids('ROLE') } }];
}

function attachmentOwner(
  row: Pick<PolicyAttachment, 'principalKind' | 'userId' | 'groupId' | 'roleId'>,
): PrincipalKey | null {
  const id = row.userId ?? row.groupId ?? row.roleId;
  return id === null ? null : principalKey(row.principalKind, id);
}
