import { createHash, randomUUID } from 'node:crypto';
import { describeResourceArn } from '../../iam/index.js';
import { ImportInvalidError, type ImportProblem } from './ImportInvalidError.js';
import type { ImportRows, ImportSummary, MissingAwsManagedPolicy, RowOwner } from './importPlanTypes.js';
import type { AccountSnapshot, ImportBundle, ManagedPolicySnapshot } from './snapshotTypes.js';

/**
 * A policy that grants nothing (NotAction `*` matches no action), standing in for an AWS managed policy the
 * catalogue lacks and the files do not carry: the attachment is kept, visible and exported again, without
 * inventing permissions.
 */
export const PLACEHOLDER_DOCUMENT = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'NotInPlaygroundCatalogue', Effect: 'Allow', NotAction: '*', Resource: '*' }],
  },
  null,
  2,
);

const AWS_MANAGED_ARN = /^arn:aws[\w-]*:iam::aws:policy(\/(?:.*\/)?)([^/]+)$/;
const date = (text: string | null): Date | undefined =>
  text === null || Number.isNaN(Date.parse(text)) ? undefined : new Date(text);

/**
 * Turns a read import into rows. `catalogue` maps the ARNs of the AWS managed policies the database already holds
 * to their ids (the shipped catalogue). An AWS managed policy it lacks is reported and kept: from the files'
 * own copy when they carry one, else as a placeholder granting nothing. A reference to a customer managed policy
 * or group the account's file does not define is a broken file and throws `ImportInvalidError`. `storedNames` are
 * the names of accounts the database already holds, for the summary.
 */
export function planImport(
  bundle: ImportBundle,
  catalogue: ReadonlyMap<string, string>,
  storedNames: ReadonlyMap<string, string> = new Map(),
): { rows: ImportRows; summary: ImportSummary } {
  const problems: ImportProblem[] = [];
  const notes = [...bundle.notes];
  const org = bundle.organization;
  const rows: ImportRows = {
    replacedAccountIds: bundle.accounts.map((a) => a.accountId),
    accounts: [],
    organization: null,
    units: [],
    placements: [],
    organizationPolicies: [],
    organizationPolicyAttachments: [],
    managedPolicies: [],
    policyVersions: [],
    users: [],
    groups: [],
    roles: [],
    instanceProfiles: [],
    memberships: [],
    inlinePolicies: [],
    policyAttachments: [],
    resources: [],
    tags: [],
  };
  const orgAccounts = new Map((org?.accounts ?? []).map((a) => [a.id, a]));
  const detailAccounts = new Map(bundle.accounts.map((a) => [a.accountId, a]));
  for (const id of new Set([...orgAccounts.keys(), ...detailAccounts.keys()])) {
    const listed = orgAccounts.get(id);
    const alias = detailAccounts.get(id)?.alias ?? null;
    // A stored account keeps its name unless the organization's listing gives one (see writeImport).
    rows.accounts.push({
      id,
      name: listed?.name || storedNames.get(id) || alias || id,
      email: listed?.email ?? null,
      alias,
    });
    if (org !== null && listed === undefined)
      notes.push(`account ${id} is not in organization/list-accounts.json; imported outside the organization`);
  }
  if (org !== null) planOrganization(org, rows, problems);
  const accountNames = new Map(rows.accounts.map((a) => [a.id, a.name]));

  // AWS managed policies: the catalogue's, else the files' copy, else a placeholder; each reported.
  const awsCopies = new Map<string, ManagedPolicySnapshot>();
  for (const account of bundle.accounts) for (const p of account.awsManagedPolicies) awsCopies.set(p.arn, p);
  const missing = new Map<string, MissingAwsManagedPolicy & { id: string }>();
  const awsPolicyId = (arn: string, principalArn: string): string | null => {
    const known = catalogue.get(arn);
    if (known !== undefined) return known;
    const parts = AWS_MANAGED_ARN.exec(arn);
    if (parts === null) return null;
    let entry = missing.get(arn);
    if (entry === undefined) {
      const copy = awsCopies.get(arn);
      const id = copy?.id || `ANPA${hashId(arn, 17)}`;
      entry = { arn, referencedBy: [], source: copy === undefined ? 'placeholder' : 'file', id };
      missing.set(arn, entry);
      rows.managedPolicies.push({
        id,
        accountId: null,
        name: parts[2]!,
        nameKey: parts[2]!.toLowerCase(),
        path: parts[1]!,
        arn,
        description: copy?.description ?? 'Not in the playground catalogue: a placeholder that grants nothing.',
      });
      const versions = copy?.versions ?? [
        { versionId: 'v1', document: PLACEHOLDER_DOCUMENT, isDefault: true, createDate: null },
      ];
      for (const v of versions)
        rows.policyVersions.push({
          policyId: id,
          versionId: v.versionId,
          document: v.document,
          isDefault: v.isDefault,
          createdAt: date(v.createDate),
        });
    }
    entry.referencedBy.push(principalArn);
    return entry.id;
  };

  const summaryAccounts: ImportSummary['accounts'] = [];
  for (const account of bundle.accounts) {
    planAccount(account, rows, problems, awsPolicyId);
    summaryAccounts.push({
      accountId: account.accountId,
      name: accountNames.get(account.accountId)!,
      users: account.users.length,
      groups: account.groups.length,
      roles: account.roles.length,
      policies: account.policies.length,
      resources: account.resources.length,
    });
  }
  if (problems.length > 0) throw new ImportInvalidError(problems);
  const sum = (key: 'users' | 'groups' | 'roles' | 'policies' | 'resources') =>
    summaryAccounts.reduce((n, a) => n + a[key], 0);
  return {
    rows,
    summary: {
      organizationId: org?.id ?? null,
      accounts: summaryAccounts,
      totals: {
        accounts: rows.accounts.length,
        users: sum('users'),
        groups: sum('groups'),
        roles: sum('roles'),
        policies: sum('policies'),
        resources: sum('resources'),
        organizationPolicies: rows.organizationPolicies.length,
      },
      missingAwsManagedPolicies: [...missing.values()].map(({ id: _id, ...entry }) => entry),
      notes,
    },
  };
}

/** The stored id of an organization policy: AWS's own, except AWS managed ones (`p-FullAWSAccess` in every organization), made unique per organization. */
export function storedOrganizationPolicyId(organizationId: string, id: string, awsManaged: boolean): string {
  return awsManaged ? `${id}-${organizationId}` : id;
}

/** AWS's id of a stored organization policy: the inverse of {@link storedOrganizationPolicyId}. */
export function awsOrganizationPolicyId(organizationId: string, storedId: string, awsManaged: boolean): string {
  return awsManaged && storedId.endsWith(`-${organizationId}`)
    ? storedId.slice(0, -(organizationId.length + 1))
    : storedId;
}

function planOrganization(
  org: NonNullable<ImportBundle['organization']>,
  rows: ImportRows,
  problems: ImportProblem[],
): void {
  rows.organization = { id: org.id, managementAccountId: org.managementAccountId };
  if (!org.accounts.some((a) => a.id === org.managementAccountId)) {
    problems.push({
      file: 'organization/list-accounts.json',
      path: '$.Accounts',
      expected: `the management account ${org.managementAccountId}`,
    });
  }
  rows.units.push({ id: org.root.id, organizationId: org.id, parentId: null, name: org.root.name });
  for (const unit of org.units)
    rows.units.push({ id: unit.id, organizationId: org.id, parentId: unit.parentId, name: unit.name });
  for (const account of org.accounts) rows.placements.push({ accountId: account.id, parentId: account.parentId });
  const targets = new Set([...rows.units.map((u) => u.id), ...org.accounts.map((a) => a.id)]);
  for (const policy of org.policies) {
    const id = storedOrganizationPolicyId(org.id, policy.id, policy.awsManaged);
    rows.organizationPolicies.push({
      id,
      organizationId: org.id,
      type: policy.type,
      name: policy.name,
      description: policy.description,
      document: policy.document,
      awsManaged: policy.awsManaged,
    });
    for (const [i, targetId] of policy.targets.entries()) {
      if (targets.has(targetId)) rows.organizationPolicyAttachments.push({ policyId: id, targetId });
      else
        problems.push({
          file: `organization/policies/${policy.id}/list-targets-for-policy.json`,
          path: `$.Targets[${i}].TargetId`,
          expected: `the root, an OU or an account of the organization, found \`${targetId}\``,
        });
    }
  }
}

function planAccount(
  account: AccountSnapshot,
  rows: ImportRows,
  problems: ImportProblem[],
  awsPolicyId: (arn: string, principalArn: string) => string | null,
): void {
  const file = account.source;
  const customer = new Map<string, string>();
  for (const p of account.policies) {
    customer.set(p.arn, p.id);
    rows.managedPolicies.push({
      id: p.id,
      accountId: account.accountId,
      name: p.name,
      nameKey: p.name.toLowerCase(),
      path: p.path,
      arn: p.arn,
      description: p.description,
      createdAt: date(p.createDate),
      updatedAt: date(p.updateDate),
    });
    for (const v of p.versions)
      rows.policyVersions.push({
        policyId: p.id,
        versionId: v.versionId,
        document: v.document,
        isDefault: v.isDefault,
        createdAt: date(v.createDate),
      });
  }
  const policyId = (arn: string, principalArn: string, path: string): string | null => {
    const id = customer.get(arn) ?? awsPolicyId(arn, principalArn);
    if (id === null)
      problems.push({
        file,
        path,
        expected: `a managed policy defined in the file's Policies or an AWS managed policy, found \`${arn}\``,
      });
    return id;
  };
  type Kind = 'USER' | 'GROUP' | 'ROLE';
  const addPolicies = (
    owner: RowOwner,
    kind: Kind,
    principalArn: string,
    path: string,
    entity: { inlinePolicies: { name: string; document: string }[]; attachedPolicies: { arn: string }[] },
  ) => {
    for (const p of entity.inlinePolicies)
      rows.inlinePolicies.push({
        ...owner,
        principalKind: kind,
        name: p.name,
        nameKey: p.name.toLowerCase(),
        document: p.document,
      });
    entity.attachedPolicies.forEach((a, i) => {
      const id = policyId(a.arn, principalArn, `${path}.AttachedManagedPolicies[${i}].PolicyArn`);
      if (id !== null) rows.policyAttachments.push({ ...owner, principalKind: kind, policyId: id });
    });
  };
  const addTags = (owner: RowOwner, tags: { Key: string; Value: string }[]) => {
    for (const t of tags) rows.tags.push({ ...owner, key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value });
  };
  const boundary = (arn: string | null, principalArn: string, path: string) =>
    arn === null ? null : policyId(arn, principalArn, `${path}.PermissionsBoundary.PermissionsBoundaryArn`);

  const groupIds = new Map<string, string>();
  account.groups.forEach((g, i) => {
    groupIds.set(g.name.toLowerCase(), g.id);
    rows.groups.push({
      id: g.id,
      accountId: account.accountId,
      name: g.name,
      nameKey: g.name.toLowerCase(),
      path: g.path,
      arn: g.arn,
      createdAt: date(g.createDate),
    });
    addPolicies({ groupId: g.id }, 'GROUP', g.arn, `$.GroupDetailList[${i}]`, g);
  });
  account.users.forEach((u, i) => {
    const path = `$.UserDetailList[${i}]`;
    rows.users.push({
      id: u.id,
      accountId: account.accountId,
      name: u.name,
      nameKey: u.name.toLowerCase(),
      path: u.path,
      arn: u.arn,
      permissionsBoundaryId: boundary(u.permissionsBoundaryArn, u.arn, path),
      createdAt: date(u.createDate),
    });
    u.groups.forEach((name, j) => {
      const groupId = groupIds.get(name.toLowerCase());
      if (groupId === undefined)
        problems.push({
          file,
          path: `${path}.GroupList[${j}]`,
          expected: `a group in GroupDetailList, found \`${name}\``,
        });
      else rows.memberships.push({ userId: u.id, groupId });
    });
    addPolicies({ userId: u.id }, 'USER', u.arn, path, u);
    addTags({ userId: u.id }, u.tags);
  });
  account.roles.forEach((r, i) => {
    const path = `$.RoleDetailList[${i}]`;
    rows.roles.push({
      id: r.id,
      accountId: account.accountId,
      name: r.name,
      nameKey: r.name.toLowerCase(),
      path: r.path,
      arn: r.arn,
      description: r.description,
      assumeRolePolicyDocument: r.trustPolicy,
      maxSessionDuration: r.maxSessionDuration,
      permissionsBoundaryId: boundary(r.permissionsBoundaryArn, r.arn, path),
      createdAt: date(r.createDate),
    });
    addPolicies({ roleId: r.id }, 'ROLE', r.arn, path, r);
    addTags({ roleId: r.id }, r.tags);
    r.instanceProfiles.forEach((profile, j) => {
      const nameKey = profile.name.toLowerCase();
      if (rows.instanceProfiles.some((other) => other.accountId === account.accountId && other.nameKey === nameKey)) {
        problems.push({
          file,
          path: `${path}.InstanceProfileList[${j}]`,
          expected: `an instance profile holding one role (IAM's limit), found \`${profile.name}\` under a second role`,
        });
        return;
      }
      rows.instanceProfiles.push({
        id: profile.id,
        accountId: account.accountId,
        name: profile.name,
        nameKey,
        path: profile.path,
        arn: profile.arn,
        roleId: r.id,
        tags: profile.tags.map((tag) => ({ key: tag.Key, value: tag.Value })),
        createdAt: date(profile.createDate),
      });
    });
  });
  for (const resource of account.resources) {
    const { service, resourceType } = describeResourceArn(resource.arn);
    rows.resources.push({
      id: randomUUID(),
      arn: resource.arn,
      accountId: account.accountId,
      service,
      resourceType,
      policyDocument: resource.policy,
    });
  }
}

function hashId(text: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[digest[i]! % 32];
  return out;
}
