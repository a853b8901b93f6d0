import type { PrismaClient } from '../../generated/prisma/client.js';
import { validationError } from '../../graphql/errors.js';
import { readJsonTags } from '../federation/jsonTags.js';
import { awsOrganizationPolicyId } from './planImport.js';
import type { AccountSnapshot, ImportBundle, ManagedPolicySnapshot, OrganizationSnapshot } from './snapshotTypes.js';

/** Which part of the model an export takes. */
export interface ExportSelection {
  /** These accounts only, without their organization. */
  accountIds?: string[];
  /** This organization and its accounts. */
  organizationId?: string;
}

/** A date as AWS CLI v2 prints it (`2024-03-14T09:40:12+00:00`). */
const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const versionNumber = (id: string) => Number(id.replace(/^v/i, '')) || 0;

/**
 * Reads the model back into the shapes import reads, with a bounded number of queries (one per table, not per
 * row). Without a selection it takes the one organization and every account; with several organizations the
 * caller must name one. Unknown accounts or organizations are a ValidationError.
 */
export async function readExportBundle(prisma: PrismaClient, selection: ExportSelection = {}): Promise<ImportBundle> {
  let organizationId: string | null = null;
  let accountIds: string[];
  if (selection.accountIds !== undefined && selection.accountIds.length > 0) {
    accountIds = selection.accountIds;
    const found = await prisma.account.count({ where: { id: { in: accountIds } } });
    if (found !== new Set(accountIds).size) throw validationError(`unknown account among ${accountIds.join(', ')}`);
  } else {
    const orgs = await prisma.organization.findMany({ select: { id: true } });
    if (selection.organizationId !== undefined) {
      if (!orgs.some((o) => o.id === selection.organizationId))
        throw validationError(`no organization ${selection.organizationId}`);
      organizationId = selection.organizationId;
    } else if (orgs.length > 1) {
      throw validationError(
        `the database holds ${orgs.length} organizations (${orgs.map((o) => o.id).join(', ')}): name one, or name accounts`,
      );
    } else {
      organizationId = orgs[0]?.id ?? null;
    }
    const where = selection.organizationId === undefined ? {} : { organizationId };
    accountIds = (await prisma.account.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })).map(
      (a) => a.id,
    );
  }
  const organization = organizationId === null ? null : await readOrganization(prisma, organizationId);
  return { organization, accounts: await readAccounts(prisma, accountIds), notes: [] };
}

async function readOrganization(prisma: PrismaClient, id: string): Promise<OrganizationSnapshot> {
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id },
    include: {
      managementAccount: true,
      units: { orderBy: { id: 'asc' } },
      accounts: { orderBy: { id: 'asc' } },
      policies: { include: { attachments: { orderBy: { targetId: 'asc' } } }, orderBy: { name: 'asc' } },
    },
  });
  const root = org.units.find((u) => u.parentId === null)!;
  const units: OrganizationSnapshot['units'] = [];
  const queue = [root.id];
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    for (const unit of org.units.filter((u) => u.parentId === parentId).sort(byName)) {
      units.push({ id: unit.id, parentId, name: unit.name });
      queue.push(unit.id);
    }
  }
  return {
    id: org.id,
    managementAccountId: org.managementAccountId,
    managementAccountEmail: org.managementAccount.email,
    featureSet: 'ALL',
    root: { id: root.id, name: root.name },
    units,
    accounts: org.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      status: 'ACTIVE',
      parentId: a.parentId ?? root.id,
    })),
    policies: org.policies.map((p) => ({
      id: awsOrganizationPolicyId(org.id, p.id, p.awsManaged),
      name: p.name,
      description: p.description,
      type: p.type,
      awsManaged: p.awsManaged,
      document: p.document,
      targets: p.attachments.map((a) => a.targetId),
    })),
  };
}

async function readAccounts(prisma: PrismaClient, ids: string[]): Promise<AccountSnapshot[]> {
  const inAccounts = { accountId: { in: ids } };
  // One query per table, one after another: an embedded database serves one statement at a time anyway.
  const accounts = await prisma.account.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
  const users = await prisma.user.findMany({
    where: inAccounts,
    include: {
      inlinePolicies: true,
      groups: { include: { group: true } },
      attachedPolicies: { include: { policy: true } },
      permissionsBoundary: true,
      tags: true,
    },
  });
  const groups = await prisma.group.findMany({
    where: inAccounts,
    include: { inlinePolicies: true, attachedPolicies: { include: { policy: true } } },
  });
  const roles = await prisma.role.findMany({
    where: inAccounts,
    include: {
      inlinePolicies: true,
      attachedPolicies: { include: { policy: true } },
      permissionsBoundary: true,
      tags: true,
      instanceProfiles: { orderBy: { nameKey: 'asc' } },
    },
  });
  const policies = await prisma.managedPolicy.findMany({ where: inAccounts, include: { versions: true } });
  const resources = await prisma.resource.findMany({
    where: { ...inAccounts, policyDocument: { not: null } },
    orderBy: { arn: 'asc' },
  });
  // The AWS managed policies the accounts use, so each file carries them as AWS's output does.
  const awsIds = new Set<string>();
  for (const e of [...users, ...groups, ...roles])
    for (const a of e.attachedPolicies) if (a.policy.accountId === null) awsIds.add(a.policyId);
  for (const e of [...users, ...roles])
    if (e.permissionsBoundary?.accountId === null) awsIds.add(e.permissionsBoundary.id);
  const awsPolicies = await prisma.managedPolicy.findMany({
    where: { id: { in: [...awsIds] } },
    include: { versions: true },
  });

  const inline = (list: { name: string; document: string }[]) =>
    list.map((p) => ({ name: p.name, document: p.document })).sort(byName);
  const attached = (list: { policy: { name: string; arn: string } }[]) =>
    list.map((a) => ({ name: a.policy.name, arn: a.policy.arn })).sort(byName);
  const tags = (list: { key: string; value: string }[]) =>
    list.map((t) => ({ Key: t.key, Value: t.value })).sort((a, b) => (a.Key < b.Key ? -1 : 1));
  // The catalogue does not hold AWS's dates for its policies (its rows are stamped when a database is migrated),
  // so AWS managed policies go out without dates rather than with ones that differ between databases.
  const managed = (p: (typeof policies)[number]): ManagedPolicySnapshot => ({
    id: p.id,
    name: p.name,
    path: p.path,
    arn: p.arn,
    description: p.description,
    createDate: p.accountId === null ? null : iso(p.createdAt),
    updateDate: p.accountId === null ? null : iso(p.updatedAt),
    versions: p.versions
      .map((v) => ({
        versionId: v.versionId,
        document: v.document,
        isDefault: v.isDefault,
        createDate: p.accountId === null ? null : iso(v.createdAt),
      }))
      .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId)),
  });
  return accounts.map((account) => {
    const mine = <T extends { accountId: string | null }>(list: T[]) => list.filter((x) => x.accountId === account.id);
    const myUsers = mine(users).sort(byName);
    const myGroups = mine(groups).sort(byName);
    const myRoles = mine(roles).sort(byName);
    const used = new Set<string>();
    for (const e of [...myUsers, ...myGroups, ...myRoles]) for (const a of e.attachedPolicies) used.add(a.policyId);
    for (const e of [...myUsers, ...myRoles]) if (e.permissionsBoundaryId !== null) used.add(e.permissionsBoundaryId);
    return {
      accountId: account.id,
      source: `database account ${account.id}`,
      alias: account.alias,
      users: myUsers.map((u) => ({
        id: u.id,
        name: u.name,
        path: u.path,
        arn: u.arn,
        createDate: iso(u.createdAt),
        inlinePolicies: inline(u.inlinePolicies),
        groups: u.groups.map((m) => m.group.name).sort(),
        attachedPolicies: attached(u.attachedPolicies),
        permissionsBoundaryArn: u.permissionsBoundary?.arn ?? null,
        tags: tags(u.tags),
      })),
      groups: myGroups.map((g) => ({
        id: g.id,
        name: g.name,
        path: g.path,
        arn: g.arn,
        createDate: iso(g.createdAt),
        inlinePolicies: inline(g.inlinePolicies),
        attachedPolicies: attached(g.attachedPolicies),
      })),
      roles: myRoles.map((r) => ({
        id: r.id,
        name: r.name,
        path: r.path,
        arn: r.arn,
        createDate: iso(r.createdAt),
        trustPolicy: r.assumeRolePolicyDocument,
        description: r.description,
        maxSessionDuration: r.maxSessionDuration,
        inlinePolicies: inline(r.inlinePolicies),
        attachedPolicies: attached(r.attachedPolicies),
        permissionsBoundaryArn: r.permissionsBoundary?.arn ?? null,
        tags: tags(r.tags),
        instanceProfiles: r.instanceProfiles.map((p) => ({
          id: p.id,
          name: p.name,
          path: p.path,
          arn: p.arn,
          createDate: iso(p.createdAt),
          tags: tags(readJsonTags(p.tags)),
        })),
      })),
      policies: mine(policies).sort(byName).map(managed),
      awsManagedPolicies: awsPolicies
        .filter((p) => used.has(p.id))
        .sort(byName)
        .map(managed),
      resources: mine(resources).map((r) => ({ arn: r.arn, policy: r.policyDocument! })),
    };
  });
}
