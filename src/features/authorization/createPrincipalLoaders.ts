import DataLoader from 'dataloader';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

/** A stored policy document with the id the engine reports it under (an ARN or `ARN:inline/NAME`). */
export interface SourcedDocument {
  sourceId: string;
  document: string;
}

/** A stored user or role with every identity-side policy the engine needs, read from the database. */
export interface StoredPrincipal {
  kind: 'user' | 'role';
  id: string;
  arn: string;
  name: string;
  accountId: string;
  tags: { key: string; value: string }[];
  /** Inline, attached managed and (for users) group policies. */
  identity: SourcedDocument[];
  boundary: SourcedDocument | null;
}

/** `user:ID` or `role:ID`. */
export type StoredPrincipalKey = `${'user' | 'role'}:${string}`;

const withDefaultVersion = { include: { versions: { where: { isDefault: true } } } } as const;
const policySources = { inlinePolicies: true, attachedPolicies: { include: { policy: withDefaultVersion } } } as const;

type ManagedWithDefault = Prisma.ManagedPolicyGetPayload<typeof withDefaultVersion>;
type Attached = { policy: ManagedWithDefault }[];
type Inline = { name: string; document: string }[];

function collect(ownerArn: string, inline: Inline, attached: Attached): SourcedDocument[] {
  return [
    ...inline.map((policy) => ({ sourceId: `${ownerArn}:inline/${policy.name}`, document: policy.document })),
    ...attached.flatMap(({ policy }) =>
      policy.versions.map((version) => ({ sourceId: policy.arn, document: version.document })),
    ),
  ];
}

/** The default version of a managed policy as a sourced document; null when the policy or its version is gone. */
export function defaultDocument(policy: ManagedWithDefault | null): SourcedDocument | null {
  const version = policy?.versions[0];
  return policy && version ? { sourceId: policy.arn, document: version.document } : null;
}

/** The per-request loaders the assembler reads stored principals and managed session policies through. */
export interface PrincipalLoaders {
  principals: DataLoader<StoredPrincipalKey, StoredPrincipal | null>;
  /** Managed policies' default versions by ARN (managed session policies); null when unknown. */
  managedPolicies: DataLoader<string, SourcedDocument | null>;
}

/**
 * Creates the loaders of stored principals: however many users and roles one tick asks for, one Prisma query
 * tree per kind (a fixed number of SQL statements, whatever the number of policies or groups).
 */
export function createPrincipalLoaders(prisma: PrismaClient): PrincipalLoaders {
  return {
    principals: new DataLoader(async (keys) => {
      const ids = (kind: 'user' | 'role') =>
        keys.filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
      const [userIds, roleIds] = [ids('user'), ids('role')];
      const [users, roles] = await Promise.all([
        userIds.length === 0
          ? []
          : prisma.user.findMany({
              where: { id: { in: userIds } },
              include: {
                ...policySources,
                tags: true,
                permissionsBoundary: withDefaultVersion,
                groups: { include: { group: { include: policySources } } },
              },
            }),
        roleIds.length === 0
          ? []
          : prisma.role.findMany({
              where: { id: { in: roleIds } },
              include: { ...policySources, tags: true, permissionsBoundary: withDefaultVersion },
            }),
      ]);
      const found = new Map<string, StoredPrincipal>();
      for (const user of users) {
        found.set(`user:${user.id}`, {
          kind: 'user',
          id: user.id,
          arn: user.arn,
          name: user.name,
          accountId: user.accountId,
          tags: user.tags,
          identity: [
            ...collect(user.arn, user.inlinePolicies, user.attachedPolicies),
            ...user.groups.flatMap(({ group }) => collect(group.arn, group.inlinePolicies, group.attachedPolicies)),
          ],
          boundary: defaultDocument(user.permissionsBoundary),
        });
      }
      for (const role of roles) {
        found.set(`role:${role.id}`, {
          kind: 'role',
          id: role.id,
          arn: role.arn,
          name: role.name,
          accountId: role.accountId,
          tags: role.tags,
          identity: collect(role.arn, role.inlinePolicies, role.attachedPolicies),
          boundary: defaultDocument(role.permissionsBoundary),
        });
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    managedPolicies: new DataLoader(async (arns) => {
      const policies = await prisma.managedPolicy.findMany({
        where: { arn: { in: [...arns] } },
        ...withDefaultVersion,
      });
      return arns.map((arn) => defaultDocument(policies.find((policy) => policy.arn === arn) ?? null));
    }),
  };
}
