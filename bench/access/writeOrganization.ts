import type pg from 'pg';
import type { GeneratedOrganization } from './GeneratedOrganization.js';

const CHUNK = 5000;

/** Inserts rows with one `INSERT … SELECT FROM unnest(…)` per chunk of 5,000: a handful of statements per table. */
async function insert(
  client: pg.PoolClient,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const params = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values = columns.map((_, i) => chunk.map((row) => row[i]));
    await client.query(`INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${params})`, values);
  }
}

/**
 * Writes a generated organization straight into the database in one transaction with multi-row inserts
 * (about 30 statements for the benchmark's 100,000 rows). Accounts go in before the organization that names
 * its management account, then join it. The authorization triggers record every statement, so any running
 * index sees the new organization.
 */
export async function writeOrganization(pool: pg.Pool, org: GeneratedOrganization): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await insert(
      client,
      'account',
      ['id', 'name'],
      ['text', 'text'],
      org.accounts.map((a) => [a.id, a.name]),
    );
    await client.query('INSERT INTO organization (id, management_account_id) VALUES ($1, $2)', [
      org.organization.id,
      org.organization.managementAccountId,
    ]);
    await insert(
      client,
      'organizational_unit',
      ['id', 'organization_id', 'parent_id', 'name'],
      ['text', 'text', 'text', 'text'],
      org.units.map((u) => [u.id, org.organization.id, u.parentId, u.name]),
    );
    await client.query(
      'UPDATE account SET organization_id = $1, parent_id = p.parent FROM unnest($2::text[], $3::text[]) AS p(id, parent) WHERE account.id = p.id',
      [org.organization.id, org.accounts.map((a) => a.id), org.accounts.map((a) => a.parentId)],
    );
    await insert(
      client,
      'organization_policy',
      ['id', 'organization_id', 'type', 'name', 'document'],
      ['text', 'text', '"OrganizationPolicyType"', 'text', 'text'],
      org.organizationPolicies.map((p) => [p.id, org.organization.id, p.type, p.name, p.document]),
    );
    await insert(
      client,
      'organization_policy_attachment',
      ['policy_id', 'target_id'],
      ['text', 'text'],
      org.organizationPolicyAttachments.map((a) => [a.policyId, a.targetId]),
    );
    await insert(
      client,
      'iam_user',
      ['id', 'account_id', 'name', 'name_key', 'arn'],
      ['text', 'text', 'text', 'text', 'text'],
      org.users.map((u) => [u.id, u.accountId, u.name, u.name.toLowerCase(), u.arn]),
    );
    await insert(
      client,
      'iam_role',
      ['id', 'account_id', 'name', 'name_key', 'arn', 'assume_role_policy_document', 'max_session_duration'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'int'],
      org.roles.map((r) => [r.id, r.accountId, r.name, r.name.toLowerCase(), r.arn, r.trust, r.maxSessionDuration]),
    );
    await insert(
      client,
      'managed_policy',
      ['id', 'account_id', 'name', 'name_key', 'arn'],
      ['text', 'text', 'text', 'text', 'text'],
      org.managedPolicies.map((p) => [p.id, p.accountId, p.name, p.name.toLowerCase(), p.arn]),
    );
    await insert(
      client,
      'policy_version',
      ['policy_id', 'version_id', 'document', 'is_default'],
      ['text', 'text', 'text', 'boolean'],
      org.managedPolicies.map((p) => [p.id, 'v1', p.document, true]),
    );
    const owner = (kind: 'USER' | 'ROLE', id: string) => (kind === 'USER' ? [id, null] : [null, id]);
    await insert(
      client,
      'inline_policy',
      ['id', 'principal_kind', 'user_id', 'role_id', 'name', 'name_key', 'document'],
      ['text', '"PrincipalKind"', 'text', 'text', 'text', 'text', 'text'],
      org.inlinePolicies.map((p) => [
        p.id,
        p.kind,
        ...owner(p.kind, p.ownerId),
        p.name,
        p.name.toLowerCase(),
        p.document,
      ]),
    );
    await insert(
      client,
      'policy_attachment',
      ['id', 'policy_id', 'principal_kind', 'user_id', 'role_id'],
      ['text', 'text', '"PrincipalKind"', 'text', 'text'],
      org.attachments.map((a) => [a.id, a.policyId, a.kind, ...owner(a.kind, a.ownerId)]),
    );
    await insert(
      client,
      'resource',
      ['id', 'arn', 'account_id', 'service', 'resource_type', 'policy_document'],
      ['text', 'text', 'text', 'text', 'text', 'text'],
      org.resources.map((r) => [r.id, r.arn, r.accountId, r.service, r.type, r.policy]),
    );
    await insert(
      client,
      'tag',
      ['id', 'user_id', 'role_id', 'resource_id', 'key', 'key_lower', 'value'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
      org.tags.map((t) => [
        t.id,
        t.ownerKind === 'user' ? t.ownerId : null,
        t.ownerKind === 'role' ? t.ownerId : null,
        t.ownerKind === 'resource' ? t.ownerId : null,
        t.key,
        t.key.toLowerCase(),
        t.value,
      ]),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
