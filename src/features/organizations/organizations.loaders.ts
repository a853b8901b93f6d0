import DataLoader from 'dataloader';
import type {
  Organization,
  OrganizationalUnit,
  OrganizationPolicy,
  PrismaClient,
} from '../../generated/prisma/client.js';
import { groupByKeys, orderByKeys } from '../../graphql/orderByKeys.js';

/** Per-request batch loaders for organizations, their units and SCP/RCP attachments. */
export interface OrganizationLoaders {
  /** An organization by id (`o-…`). */
  byId: DataLoader<string, Organization | null>;
  /** A root or OU by id. */
  unitById: DataLoader<string, OrganizationalUnit | null>;
  /** Every unit of an organization, by id. */
  unitsByOrganization: DataLoader<string, OrganizationalUnit[]>;
  /** The child OUs of a unit, by id. */
  childrenByParent: DataLoader<string, OrganizationalUnit[]>;
  /** An SCP/RCP by id (`p-…`). */
  policyById: DataLoader<string, OrganizationPolicy | null>;
  /** The SCPs/RCPs of an organization, by name. */
  policiesByOrganization: DataLoader<string, OrganizationPolicy[]>;
  /** The SCPs/RCPs attached directly to a target (root, OU or account id), by policy name. */
  policiesByTarget: DataLoader<string, OrganizationPolicy[]>;
  /** The target ids a policy is attached to, sorted. */
  targetsByPolicy: DataLoader<string, string[]>;
}

/** Creates fresh organization loaders; call once per request. */
export function createOrganizationLoaders(prisma: PrismaClient): OrganizationLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      orderByKeys(ids, await prisma.organization.findMany({ where: { id: { in: [...ids] } } }), (org) => org.id),
    ),
    unitById: new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await prisma.organizationalUnit.findMany({ where: { id: { in: [...ids] } } }),
        (unit) => unit.id,
      ),
    ),
    unitsByOrganization: new DataLoader(async (organizationIds) =>
      groupByKeys(
        organizationIds,
        await prisma.organizationalUnit.findMany({
          where: { organizationId: { in: [...organizationIds] } },
          orderBy: { id: 'asc' },
        }),
        (unit) => unit.organizationId,
      ),
    ),
    childrenByParent: new DataLoader(async (parentIds) =>
      groupByKeys(
        parentIds,
        await prisma.organizationalUnit.findMany({
          where: { parentId: { in: [...parentIds] } },
          orderBy: { name: 'asc' },
        }),
        (unit) => unit.parentId,
      ),
    ),
    policyById: new DataLoader(async (ids) =>
      orderByKeys(
        ids,
        await prisma.organizationPolicy.findMany({ where: { id: { in: [...ids] } } }),
        (policy) => policy.id,
      ),
    ),
    policiesByOrganization: new DataLoader(async (organizationIds) =>
      groupByKeys(
        organizationIds,
        await prisma.organizationPolicy.findMany({
          where: { organizationId: { in: [...organizationIds] } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
        (policy) => policy.organizationId,
      ),
    ),
    policiesByTarget: new DataLoader(async (targetIds) => {
      const attachments = await prisma.organizationPolicyAttachment.findMany({
        where: { targetId: { in: [...targetIds] } },
        include: { policy: true },
        orderBy: [{ policy: { name: 'asc' } }, { policyId: 'asc' }],
      });
      return groupByKeys(targetIds, attachments, (attachment) => attachment.targetId).map((group) =>
        group.map((attachment) => attachment.policy),
      );
    }),
    targetsByPolicy: new DataLoader(async (policyIds) => {
      const attachments = await prisma.organizationPolicyAttachment.findMany({
        where: { policyId: { in: [...policyIds] } },
        orderBy: { targetId: 'asc' },
      });
      return groupByKeys(policyIds, attachments, (attachment) => attachment.policyId).map((group) =>
        group.map((attachment) => attachment.targetId),
      );
    }),
  };
}
