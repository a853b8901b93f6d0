import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { notifyAuthorizationChanged } from '../access/notifyAuthorizationChanged.js';
import type { ImportRows } from './importPlanTypes.js';

/** Rows per INSERT statement: large enough to be fast, small enough for Postgres's 65,535 bind parameters. */
const CHUNK = 2000;

/** Progress of a write: rows written so far out of all rows. */
export type WriteProgress = (written: number, total: number) => void;

/**
 * Writes an import in ONE transaction, so a failure anywhere leaves the database as it was:
 * - the organization, when the import has one, replaces any stored organization with its id or its management
 *   account (the OU tree leaf-first, since a unit RESTRICTs deleting its parent);
 * - every imported account keeps its row (an organization names its management account) but loses everything
 *   it held — users, groups, roles, policies, resources, access keys, MFA devices and sessions, so a re-import
 *   ends its sessions — before its rows are written again;
 * - accounts listed only by the organization are created when missing and otherwise left as they are.
 * The authorization triggers log every statement; the explicit notice names the accounts for the index.
 */
export async function writeImport(prisma: PrismaClient, rows: ImportRows, onProgress?: WriteProgress): Promise<void> {
  const total = countRows(rows);
  let written = 0;
  const tick = (n: number) => {
    written += n;
    onProgress?.(written, total);
  };
  await prisma.$transaction(
    async (tx) => {
      await replaceOrganization(tx, rows);
      await clearAccounts(tx, rows.replacedAccountIds);
      await upsertAccounts(tx, rows);
      tick(rows.accounts.length);
      if (rows.organization !== null) {
        await tx.organization.create({ data: rows.organization });
        await inChunks(rows.units, (data) => tx.organizationalUnit.createMany({ data }), tick);
        await tx.$executeRawUnsafe(
          'UPDATE account SET organization_id = $1, parent_id = p.parent FROM unnest($2::text[], $3::text[]) AS p(id, parent) WHERE account.id = p.id',
          rows.organization.id, rows.placements.map((p) => p.accountId), rows.placements.map((p) => p.parentId),
        );
        await inChunks(rows.organizationPolicies, (data) => tx.organizationPolicy.createMany({ data }), tick);
        await inChunks(rows.organizationPolicyAttachments, (data) => tx.organizationPolicyAttachment.createMany({ data }), tick);
      }
      await inChunks(rows.managedPolicies, (data) => tx.managedPolicy.createMany({ data }), tick);
      await inChunks(rows.policyVersions, (data) => tx.policyVersion.createMany({ data }), tick);
      await inChunks(rows.groups, (data) => tx.group.createMany({ data }), tick);
      await inChunks(rows.users, (data) => tx.user.createMany({ data }), tick);
      await inChunks(rows.roles, (data) => tx.role.createMany({ data }), tick);
      await inChunks(rows.memberships, (data) => tx.groupMembership.createMany({ data }), tick);
      await inChunks(rows.inlinePolicies, (data) => tx.inlinePolicy.createMany({ data }), tick);
      await inChunks(rows.policyAttachments, (data) => tx.policyAttachment.createMany({ data }), tick);
      await inChunks(rows.resources, (data) => tx.resource.createMany({ data }), tick);
      await inChunks(rows.tags, (data) => tx.tag.createMany({ data }), tick);
      // The recording function returns void, which Prisma's $queryRaw cannot deserialize: run it as a statement.
      const statement = { query: (text: string, values?: unknown[]) => tx.$executeRawUnsafe(text, ...(values ?? [])) };
      await notifyAuthorizationChanged(statement, { kind: 'accounts', accountIds: rows.accounts.map((a) => a.id) });
      if (rows.organization !== null) await notifyAuthorizationChanged(statement, { kind: 'organization' });
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
}

function countRows(rows: ImportRows): number {
  return rows.accounts.length + rows.units.length + rows.organizationPolicies.length + rows.organizationPolicyAttachments.length
    + rows.managedPolicies.length + rows.policyVersions.length + rows.groups.length + rows.users.length + rows.roles.length
    + rows.memberships.length + rows.inlinePolicies.length + rows.policyAttachments.length + rows.resources.length + rows.tags.length;
}

async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>, tick: (n: number) => void): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    await write(chunk);
    tick(chunk.length);
  }
}

async function replaceOrganization(tx: Prisma.TransactionClient, rows: ImportRows): Promise<void> {
  if (rows.organization === null) return;
  const { id, managementAccountId } = rows.organization;
  const orgIds = (await tx.organization.findMany({ where: { OR: [{ id }, { managementAccountId }] }, select: { id: true } })).map((o) => o.id);
  if (orgIds.length === 0) return;
  await tx.account.updateMany({ where: { organizationId: { in: orgIds } }, data: { organizationId: null, parentId: null } });
  for (;;) {
    // Leaf units first: a unit's parent RESTRICTs its deletion while children remain.
    const { count } = await tx.organizationalUnit.deleteMany({ where: { organizationId: { in: orgIds }, children: { none: {} } } });
    if (count === 0) break;
  }
  await tx.organization.deleteMany({ where: { id: { in: orgIds } } });
}

async function clearAccounts(tx: Prisma.TransactionClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.session.deleteMany({ where: { accountId: { in: ids } } });
  await tx.accessKey.deleteMany({ where: { accountId: { in: ids } } });
  await tx.mfaDevice.deleteMany({ where: { accountId: { in: ids } } });
  await tx.policyAttachment.deleteMany({
    where: {
      OR: [
        { policy: { accountId: { in: ids } } },
        { user: { accountId: { in: ids } } },
        { group: { accountId: { in: ids } } },
        { role: { accountId: { in: ids } } },
      ],
    },
  });
  await tx.user.deleteMany({ where: { accountId: { in: ids } } });
  await tx.group.deleteMany({ where: { accountId: { in: ids } } });
  await tx.role.deleteMany({ where: { accountId: { in: ids } } });
  await tx.managedPolicy.deleteMany({ where: { accountId: { in: ids } } });
  await tx.resource.deleteMany({ where: { accountId: { in: ids } } });
}

async function upsertAccounts(tx: Prisma.TransactionClient, rows: ImportRows): Promise<void> {
  const existing = new Set(
    (await tx.account.findMany({ where: { id: { in: rows.accounts.map((a) => a.id) } }, select: { id: true } })).map((a) => a.id),
  );
  // A resource's ARN is unique across accounts: one imported into another account moves.
  await tx.resource.deleteMany({ where: { arn: { in: rows.resources.map((r) => r.arn) } } });
  const fresh = rows.accounts.filter((a) => !existing.has(a.id));
  await inChunks(fresh, (data) => tx.account.createMany({ data }), () => undefined);
  const listed = new Set(rows.placements.map((p) => p.accountId));
  for (const account of rows.accounts.filter((a) => existing.has(a.id))) {
    await tx.account.update({
      where: { id: account.id },
      data: {
        ...(listed.has(account.id) ? { name: account.name, email: account.email } : {}),
        ...(account.alias === null ? {} : { alias: account.alias }),
      },
    });
  }
}
