import type { RawAccountSlice, RawPolicy, RawResource, RawRole, RawUser } from '../../iam/analysis/index.js';
import type { Queryable } from './Queryable.js';

type Owner = { user_id: string | null; group_id: string | null; role_id: string | null };

/**
 * Reads everything the analysis needs about the principals and resources of some accounts (all when
 * `accountIds` is null) in eight statements whatever their number: users, roles, group memberships, inline
 * policies, managed policy attachments, the default versions of the managed policies in use, tags and
 * resources. Managed policy text is read once per policy, not once per attachment. Returns one slice per
 * account that has rows, and an empty slice for each requested account that has none (so a deleted
 * account's slice is replaced).
 */
export async function loadAccountSlices(
  db: Queryable,
  accountIds: readonly string[] | null,
): Promise<RawAccountSlice[]> {
  const params = accountIds === null ? [] : [accountIds];
  const where = (accountExpression: string) =>
    accountIds === null ? 'TRUE' : `${accountExpression} = ANY($1::text[])`;
  const users = await db.query<{
    id: string;
    account_id: string;
    name: string;
    arn: string;
    permissions_boundary_id: string | null;
  }>(
    `SELECT u.id, u.account_id, u.name, u.arn, u.permissions_boundary_id FROM iam_user u WHERE ${where('u.account_id')}`,
    params,
  );
  const roles = await db.query<{
    id: string;
    account_id: string;
    name: string;
    arn: string;
    assume_role_policy_document: string;
    permissions_boundary_id: string | null;
    max_session_duration: number;
  }>(
    `SELECT r.id, r.account_id, r.name, r.arn, r.assume_role_policy_document, r.permissions_boundary_id, r.max_session_duration
       FROM iam_role r WHERE ${where('r.account_id')}`,
    params,
  );
  const memberships = await db.query<{ user_id: string; group_id: string }>(
    `SELECT gm.user_id, gm.group_id FROM group_membership gm JOIN iam_group g ON g.id = gm.group_id WHERE ${where('g.account_id')}`,
    params,
  );
  const ownerJoins = `LEFT JOIN iam_user u ON u.id = x.user_id LEFT JOIN iam_group g ON g.id = x.group_id LEFT JOIN iam_role r ON r.id = x.role_id`;
  const ownerAccount = 'coalesce(u.account_id, g.account_id, r.account_id)';
  const inline = await db.query<Owner & { name: string; document: string; owner_arn: string }>(
    `SELECT x.user_id, x.group_id, x.role_id, x.name, x.document, coalesce(u.arn, g.arn, r.arn) AS owner_arn
       FROM inline_policy x ${ownerJoins} WHERE ${where(ownerAccount)}`,
    params,
  );
  const attachments = await db.query<Owner & { policy_id: string }>(
    `SELECT x.policy_id, x.user_id, x.group_id, x.role_id FROM policy_attachment x ${ownerJoins} WHERE ${where(ownerAccount)}`,
    params,
  );
  const used =
    accountIds === null
      ? 'TRUE'
      : `mp.id IN (SELECT x.policy_id FROM policy_attachment x ${ownerJoins} WHERE ${where(ownerAccount)}
           UNION SELECT permissions_boundary_id FROM iam_user WHERE ${where('account_id')}
           UNION SELECT permissions_boundary_id FROM iam_role WHERE ${where('account_id')})`;
  const managed = await db.query<{ id: string; arn: string; document: string }>(
    `SELECT mp.id, mp.arn, pv.document FROM managed_policy mp JOIN policy_version pv ON pv.policy_id = mp.id AND pv.is_default WHERE ${used}`,
    params,
  );
  const tags = await db.query<{
    user_id: string | null;
    role_id: string | null;
    resource_id: string | null;
    key: string;
    value: string;
  }>(
    `SELECT t.user_id, t.role_id, t.resource_id, t.key, t.value FROM tag t
       LEFT JOIN iam_user u ON u.id = t.user_id LEFT JOIN iam_role r ON r.id = t.role_id LEFT JOIN resource res ON res.id = t.resource_id
      WHERE t.policy_id IS NULL AND ${where('coalesce(u.account_id, r.account_id, res.account_id)')}`,
    params,
  );
  const resources = await db.query<{
    id: string;
    arn: string;
    account_id: string;
    service: string;
    resource_type: string;
    policy_document: string | null;
  }>(
    `SELECT res.id, res.arn, res.account_id, res.service, res.resource_type, res.policy_document FROM resource res WHERE ${where('res.account_id')}`,
    params,
  );

  const managedById = new Map(
    managed.rows.map((row) => [row.id, { id: row.arn, document: row.document } satisfies RawPolicy]),
  );
  const policiesOf = new Map<string, RawPolicy[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  const ownerId = (row: Owner) => (row.user_id ?? row.group_id ?? row.role_id)!;
  for (const row of inline.rows)
    push(policiesOf, ownerId(row), { id: `${row.owner_arn}:inline/${row.name}`, document: row.document });
  for (const row of attachments.rows) {
    const policy = managedById.get(row.policy_id);
    if (policy !== undefined) push(policiesOf, ownerId(row), policy);
  }
  const tagsOf = new Map<string, Record<string, string>>();
  for (const row of tags.rows) {
    const id = (row.user_id ?? row.role_id ?? row.resource_id)!;
    const record = tagsOf.get(id) ?? {};
    record[row.key] = row.value;
    tagsOf.set(id, record);
  }
  const groupsOf = new Map<string, string[]>();
  for (const row of memberships.rows) push(groupsOf, row.user_id, row.group_id);
  const boundary = (id: string | null) => (id === null ? null : (managedById.get(id) ?? null));

  const slices = new Map<string, RawAccountSlice>(
    (accountIds ?? []).map((id) => [id, { accountId: id, users: [], roles: [], resources: [] }]),
  );
  const slice = (accountId: string) => {
    let found = slices.get(accountId);
    if (found === undefined) slices.set(accountId, (found = { accountId, users: [], roles: [], resources: [] }));
    return found;
  };
  for (const row of users.rows) {
    const groupPolicies = (groupsOf.get(row.id) ?? []).flatMap((groupId) => policiesOf.get(groupId) ?? []);
    const user: RawUser = {
      id: row.id,
      arn: row.arn,
      name: row.name,
      accountId: row.account_id,
      tags: tagsOf.get(row.id) ?? {},
      policies: [...(policiesOf.get(row.id) ?? []), ...groupPolicies],
      boundary: boundary(row.permissions_boundary_id),
    };
    slice(row.account_id).users.push(user);
  }
  for (const row of roles.rows) {
    const role: RawRole = {
      id: row.id,
      arn: row.arn,
      name: row.name,
      accountId: row.account_id,
      tags: tagsOf.get(row.id) ?? {},
      policies: policiesOf.get(row.id) ?? [],
      boundary: boundary(row.permissions_boundary_id),
      trustDocument: row.assume_role_policy_document,
      maxSessionDuration: row.max_session_duration,
    };
    slice(row.account_id).roles.push(role);
  }
  for (const row of resources.rows) {
    const resource: RawResource = {
      arn: row.arn,
      accountId: row.account_id,
      service: row.service,
      resourceType: row.resource_type,
      policyDocument: row.policy_document,
      tags: tagsOf.get(row.id) ?? {},
    };
    slice(row.account_id).resources.push(resource);
  }
  return [...slices.values()];
}
