import type { RawAccountSlice, RawOrganizations, RawPolicy } from '../../src/iam/analysis/index.js';
import type { GeneratedOrganization } from './GeneratedOrganization.js';

/**
 * Turns a generated organization into the rows the bulk loader would read back from the database, so tests and
 * profiling can build the same model without a database. Mirrors `loadAccountSlices` (inline policy ids
 * `OWNER_ARN:inline/NAME`, managed policies by ARN).
 */
export function toAuthorizationRows(org: GeneratedOrganization): {
  organizations: RawOrganizations;
  slices: RawAccountSlice[];
} {
  const organizations: RawOrganizations = {
    organizations: [org.organization],
    units: org.units.map((u) => ({ id: u.id, organizationId: org.organization.id, parentId: u.parentId })),
    accounts: org.accounts.map((a) => ({ id: a.id, organizationId: org.organization.id, parentId: a.parentId })),
    organizationPolicies: org.organizationPolicies.map((p) => ({
      id: p.id,
      organizationId: org.organization.id,
      type: p.type === 'SERVICE_CONTROL_POLICY' ? ('SCP' as const) : ('RCP' as const),
      document: p.document,
      targetIds: org.organizationPolicyAttachments.filter((a) => a.policyId === p.id).map((a) => a.targetId),
    })),
  };
  const arnOf = new Map<string, string>([...org.users, ...org.roles].map((p) => [p.id, p.arn]));
  const managed = new Map(
    org.managedPolicies.map((p) => [p.id, { id: p.arn, document: p.document } satisfies RawPolicy]),
  );
  const policies = new Map<string, RawPolicy[]>();
  const add = (owner: string, policy: RawPolicy) => policies.set(owner, [...(policies.get(owner) ?? []), policy]);
  for (const p of org.inlinePolicies)
    add(p.ownerId, { id: `${arnOf.get(p.ownerId)}:inline/${p.name}`, document: p.document });
  for (const a of org.attachments) add(a.ownerId, managed.get(a.policyId)!);
  const tags = new Map<string, Record<string, string>>();
  for (const t of org.tags) tags.set(t.ownerId, { ...tags.get(t.ownerId), [t.key]: t.value });
  const slices = new Map<string, RawAccountSlice>(
    org.accounts.map((a) => [a.id, { accountId: a.id, users: [], roles: [], resources: [] }]),
  );
  for (const u of org.users) {
    slices
      .get(u.accountId)!
      .users.push({ ...u, tags: tags.get(u.id) ?? {}, policies: policies.get(u.id) ?? [], boundary: null });
  }
  for (const r of org.roles) {
    slices.get(r.accountId)!.roles.push({
      id: r.id,
      arn: r.arn,
      name: r.name,
      accountId: r.accountId,
      tags: tags.get(r.id) ?? {},
      policies: policies.get(r.id) ?? [],
      boundary: null,
      trustDocument: r.trust,
      maxSessionDuration: r.maxSessionDuration,
    });
  }
  for (const r of org.resources) {
    slices.get(r.accountId)!.resources.push({
      arn: r.arn,
      accountId: r.accountId,
      service: r.service,
      resourceType: r.type,
      policyDocument: r.policy,
      tags: tags.get(r.id) ?? {},
    });
  }
  return { organizations, slices: [...slices.values()] };
}
