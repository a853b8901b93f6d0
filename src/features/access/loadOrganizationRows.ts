import type { RawOrganizations } from '../../iam/analysis/index.js';
import type { Queryable } from './Queryable.js';

/**
 * Reads every organization, OU, account and SCP/RCP (with its attachment targets) in four statements. Small
 * even for large models (one row per account and OU), so every index refresh re-reads it whole.
 */
export async function loadOrganizationRows(db: Queryable): Promise<RawOrganizations> {
  const organizations = await db.query<{ id: string; management_account_id: string }>(
    'SELECT id, management_account_id FROM organization',
  );
  const units = await db.query<{ id: string; organization_id: string; parent_id: string | null }>(
    'SELECT id, organization_id, parent_id FROM organizational_unit',
  );
  const accounts = await db.query<{ id: string; organization_id: string | null; parent_id: string | null }>(
    'SELECT id, organization_id, parent_id FROM account',
  );
  const policies = await db.query<{
    id: string;
    organization_id: string;
    type: string;
    document: string;
    target_ids: string[];
  }>(
    `SELECT p.id, p.organization_id, p.type::text AS type, p.document,
            coalesce(array_agg(a.target_id) FILTER (WHERE a.target_id IS NOT NULL), '{}') AS target_ids
       FROM organization_policy p LEFT JOIN organization_policy_attachment a ON a.policy_id = p.id
      GROUP BY p.id`,
  );
  return {
    organizations: organizations.rows.map((row) => ({ id: row.id, managementAccountId: row.management_account_id })),
    units: units.rows.map((row) => ({ id: row.id, organizationId: row.organization_id, parentId: row.parent_id })),
    accounts: accounts.rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      parentId: row.parent_id,
    })),
    organizationPolicies: policies.rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      type: row.type === 'SERVICE_CONTROL_POLICY' ? ('SCP' as const) : ('RCP' as const),
      document: row.document,
      targetIds: row.target_ids,
    })),
  };
}
