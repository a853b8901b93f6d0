import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { AwsManagedPolicy } from '../../iam/index.js';
import { notifyAuthorizationChanged } from '../access/notifyAuthorizationChanged.js';
import { deleteOrganizations } from '../organizations/deleteOrganizations.js';
import { storeAwsManagedPolicy } from '../policies/awsManagedPolicyRows.js';
import type { ImportRows, RowOwner } from './importPlanTypes.js';
import { insertRows, type InsertColumn } from './insertRows.js';

/** Rows per Prisma createMany (the few small tables): well under Postgres's 65,535 bind parameters. */
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
 * AWS managed policies the import points at are stored first (the catalogue is served, not stored up front).
 * The authorization triggers log every statement; the explicit notice names the accounts for the index.
 */
export async function writeImport(
  prisma: PrismaClient,
  rows: ImportRows,
  awsManagedPolicies: readonly AwsManagedPolicy[],
  onProgress?: WriteProgress,
): Promise<void> {
  const total = countRows(rows);
  let written = 0;
  const tick = (n: number) => {
    written += n;
    onProgress?.(written, total);
  };
  await prisma.$transaction(
    async (tx) => {
      for (const policy of awsManagedPolicies) await storeAwsManagedPolicy(tx, policy);
      await replaceOrganization(tx, rows);
      await clearAccounts(tx, rows.replacedAccountIds);
      await upsertAccounts(tx, rows);
      tick(rows.accounts.length);
      if (rows.organization !== null) {
        await tx.organization.create({ data: rows.organization });
        await inChunks(rows.units, (data) => tx.organizationalUnit.createMany({ data }), tick);
        await tx.$executeRawUnsafe(
          'UPDATE account SET organization_id = $1, parent_id = p.parent FROM unnest($2::text[], $3::text[]) AS p(id, parent) WHERE account.id = p.id',
          rows.organization.id,
          rows.placements.map((p) => p.accountId),
          rows.placements.map((p) => p.parentId),
        );
        await inChunks(rows.organizationPolicies, (data) => tx.organizationPolicy.createMany({ data }), tick);
        await inChunks(
          rows.organizationPolicyAttachments,
          (data) => tx.organizationPolicyAttachment.createMany({ data }),
          tick,
        );
      }
      const text = (name: string): InsertColumn => ({ name, type: 'text' });
      const kind: InsertColumn = { name: 'principal_kind', type: '"PrincipalKind"' };
      const created: InsertColumn = { name: 'created_at', type: 'timestamptz', now: true };
      const owners = [text('user_id'), text('group_id'), text('role_id')];
      const owner = (o: RowOwner) => [o.userId ?? null, o.groupId ?? null, o.roleId ?? null];
      await insertRows(
        tx,
        'managed_policy',
        [
          text('id'),
          text('account_id'),
          text('name'),
          text('name_key'),
          text('path'),
          text('arn'),
          text('description'),
          created,
          { name: 'updated_at', type: 'timestamptz', now: true },
        ],
        rows.managedPolicies.map((p) => [
          p.id,
          p.accountId,
          p.name,
          p.nameKey,
          p.path,
          p.arn,
          p.description,
          p.createdAt,
          p.updatedAt,
        ]),
        tick,
      );
      await insertRows(
        tx,
        'policy_version',
        [text('policy_id'), text('version_id'), text('document'), { name: 'is_default', type: 'boolean' }, created],
        rows.policyVersions.map((v) => [v.policyId, v.versionId, v.document, v.isDefault, v.createdAt]),
        tick,
      );
      await insertRows(
        tx,
        'iam_group',
        [text('id'), text('account_id'), text('name'), text('name_key'), text('path'), text('arn'), created],
        rows.groups.map((g) => [g.id, g.accountId, g.name, g.nameKey, g.path, g.arn, g.createdAt]),
        tick,
      );
      await insertRows(
        tx,
        'iam_user',
        [
          text('id'),
          text('account_id'),
          text('name'),
          text('name_key'),
          text('path'),
          text('arn'),
          text('permissions_boundary_id'),
          created,
        ],
        rows.users.map((u) => [
          u.id,
          u.accountId,
          u.name,
          u.nameKey,
          u.path,
          u.arn,
          u.permissionsBoundaryId,
          u.createdAt,
        ]),
        tick,
      );
      await insertRows(
        tx,
        'iam_role',
        [
          text('id'),
          text('account_id'),
          text('name'),
          text('name_key'),
          text('path'),
          text('arn'),
          text('description'),
          text('assume_role_policy_document'),
          { name: 'max_session_duration', type: 'int' },
          text('permissions_boundary_id'),
          created,
        ],
        rows.roles.map((r) => [
          r.id,
          r.accountId,
          r.name,
          r.nameKey,
          r.path,
          r.arn,
          r.description,
          r.assumeRolePolicyDocument,
          r.maxSessionDuration,
          r.permissionsBoundaryId,
          r.createdAt,
        ]),
        tick,
      );
      await insertRows(
        tx,
        'instance_profile',
        [
          text('id'),
          text('account_id'),
          text('name'),
          text('name_key'),
          text('path'),
          text('arn'),
          text('role_id'),
          { name: 'tags', type: 'jsonb' },
          created,
        ],
        rows.instanceProfiles.map((p) => [
          p.id,
          p.accountId,
          p.name,
          p.nameKey,
          p.path,
          p.arn,
          p.roleId,
          JSON.stringify(p.tags),
          p.createdAt,
        ]),
        tick,
      );
      await insertRows(
        tx,
        'group_membership',
        [text('user_id'), text('group_id')],
        rows.memberships.map((m) => [m.userId, m.groupId]),
        tick,
      );
      await insertRows(
        tx,
        'inline_policy',
        [text('id'), kind, ...owners, text('name'), text('name_key'), text('document')],
        rows.inlinePolicies.map((p) => [randomUUID(), p.principalKind, ...owner(p), p.name, p.nameKey, p.document]),
        tick,
      );
      await insertRows(
        tx,
        'policy_attachment',
        [text('id'), text('policy_id'), kind, ...owners],
        rows.policyAttachments.map((a) => [randomUUID(), a.policyId, a.principalKind, ...owner(a)]),
        tick,
      );
      await insertRows(
        tx,
        'resource',
        [text('id'), text('arn'), text('account_id'), text('service'), text('resource_type'), text('policy_document')],
        rows.resources.map((r) => [r.id, r.arn, r.accountId, r.service, r.resourceType, r.policyDocument]),
        tick,
      );
      await insertRows(
        tx,
        'tag',
        [
          text('id'),
          text('user_id'),
          text('role_id'),
          text('resource_id'),
          text('key'),
          text('key_lower'),
          text('value'),
        ],
        rows.tags.map((t) => [
          randomUUID(),
          t.userId ?? null,
          t.roleId ?? null,
          t.resourceId ?? null,
          t.key,
          t.keyLower,
          t.value,
        ]),
        tick,
      );
      // The recording function returns void, which Prisma's $queryRaw cannot deserialize: run it as a statement.
      const statement = { query: (text: string, values?: unknown[]) => tx.$executeRawUnsafe(text, ...(values ?? [])) };
      await notifyAuthorizationChanged(statement, { kind: 'accounts', accountIds: rows.accounts.map((a) => a.id) });
      if (rows.organization !== null) await notifyAuthorizationChanged(statement, { kind: 'organization' });
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
}

function countRows(rows: ImportRows): number {
  return (
    rows.accounts.length +
    rows.units.length +
    rows.organizationPolicies.length +
    rows.organizationPolicyAttachments.length +
    rows.managedPolicies.length +
    rows.policyVersions.length +
    rows.groups.length +
    rows.users.length +
    rows.roles.length +
    rows.instanceProfiles.length +
    rows.memberships.length +
    rows.inlinePolicies.length +
    rows.policyAttachments.length +
    rows.resources.length +
    rows.tags.length
  );
}

async function inChunks<T>(
  items: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  tick: (n: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    await write(chunk);
    tick(chunk.length);
  }
}

async function replaceOrganization(tx: Prisma.TransactionClient, rows: ImportRows): Promise<void> {
  if (rows.organization === null) return;
  const { id, managementAccountId } = rows.organization;
  const orgIds = (
    await tx.organization.findMany({ where: { OR: [{ id }, { managementAccountId }] }, select: { id: true } })
  ).map((o) => o.id);
  await deleteOrganizations(tx, orgIds);
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
  // A profile's role is RESTRICTed (NoAction): profiles go before roles.
  await tx.instanceProfile.deleteMany({ where: { accountId: { in: ids } } });
  await tx.user.deleteMany({ where: { accountId: { in: ids } } });
  await tx.group.deleteMany({ where: { accountId: { in: ids } } });
  await tx.role.deleteMany({ where: { accountId: { in: ids } } });
  await tx.managedPolicy.deleteMany({ where: { accountId: { in: ids } } });
  await tx.resource.deleteMany({ where: { accountId: { in: ids } } });
}

async function upsertAccounts(tx: Prisma.TransactionClient, rows: ImportRows): Promise<void> {
  const existing = new Set(
    (await tx.account.findMany({ where: { id: { in: rows.accounts.map((a) => a.id) } }, select: { id: true } })).map(
      (a) => a.id,
    ),
  );
  // A resource's ARN is unique across accounts: one imported into another account moves.
  await tx.resource.deleteMany({ where: { arn: { in: rows.resources.map((r) => r.arn) } } });
  const fresh = rows.accounts.filter((a) => !existing.has(a.id));
  await inChunks(
    fresh,
    (data) => tx.account.createMany({ data }),
    () => undefined,
  );
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
