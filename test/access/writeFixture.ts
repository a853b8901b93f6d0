import type pg from 'pg';
import type { GeneratedOrganization } from '../../bench/access/GeneratedOrganization.js';
import { writeOrganization } from '../../bench/access/writeOrganization.js';
import { policyText, type FixtureSpec } from '../../src/iam/analysis/createFixtureModel.js';

/** Writes an analysis fixture (an organization is required) into a database with the benchmark's writer. */
export async function writeFixture(pool: pg.Pool, spec: FixtureSpec): Promise<void> {
  const org = spec.organization!;
  let serial = 0;
  const id = (prefix: string) => `${prefix}${String(++serial).padStart(17, '0')}`;
  const rows: GeneratedOrganization = {
    organization: { id: org.id, managementAccountId: org.managementAccountId },
    units: [
      { id: 'r-root', parentId: null, name: 'Root' },
      ...(org.units ?? []).map((u) => ({ id: u.id, parentId: u.parentId ?? 'r-root', name: u.id })),
    ],
    accounts: spec.accounts.map((a) => ({ id: a.id, name: `account-${a.id}`, parentId: a.parentId ?? 'r-root' })),
    organizationPolicies: (org.scps ?? []).map((scp) => ({
      id: scp.id,
      type: 'SERVICE_CONTROL_POLICY',
      name: scp.id,
      document: policyText(scp.statements),
    })),
    organizationPolicyAttachments: (org.scps ?? []).flatMap((scp) =>
      scp.targets.map((targetId) => ({ policyId: scp.id, targetId })),
    ),
    users: [],
    roles: [],
    managedPolicies: [],
    inlinePolicies: [],
    attachments: [],
    resources: [],
    tags: [],
  };
  for (const account of spec.accounts) {
    for (const user of account.users ?? []) {
      const userId = id('AIDA');
      rows.users.push({
        id: userId,
        accountId: account.id,
        name: user.name,
        arn: `arn:aws:iam::${account.id}:user/${user.name}`,
      });
      (user.policies ?? []).forEach((statements, j) =>
        rows.inlinePolicies.push({
          id: id('inl'),
          kind: 'USER',
          ownerId: userId,
          name: `p${j}`,
          document: policyText(statements),
        }),
      );
    }
    for (const role of account.roles ?? []) {
      const roleId = id('AROA');
      rows.roles.push({
        id: roleId,
        accountId: account.id,
        name: role.name,
        arn: `arn:aws:iam::${account.id}:role/${role.name}`,
        trust: policyText(role.trust),
        maxSessionDuration: role.maxSessionDuration ?? 3600,
      });
      (role.policies ?? []).forEach((statements, j) =>
        rows.inlinePolicies.push({
          id: id('inl'),
          kind: 'ROLE',
          ownerId: roleId,
          name: `p${j}`,
          document: policyText(statements),
        }),
      );
    }
    for (const resource of account.resources ?? []) {
      rows.resources.push({
        id: id('res'),
        arn: resource.arn,
        accountId: account.id,
        service: resource.service,
        type: resource.type,
        policy: resource.policy ? policyText(resource.policy) : null,
      });
    }
  }
  await writeOrganization(pool, rows);
}
