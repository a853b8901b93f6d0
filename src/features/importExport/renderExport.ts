import { join } from 'node:path';
import { ACCOUNT_FILES } from './readAccountFolder.js';
import { ORGANIZATION_FILES, ORGANIZATION_POLICY_TYPES } from './readOrganizationFolder.js';
import { RESOURCE_SERVICES } from './resourcePolicyFiles.js';
import { parsePolicyText } from './ShapeReader.js';
import type { AccountSnapshot, ImportBundle, ManagedPolicySnapshot, OrganizationSnapshot } from './snapshotTypes.js';

/** The files of an export: path relative to the export folder → the JSON the AWS CLI would print there. */
export type ExportFiles = Map<string, unknown>;

/** A stored document as the CLI prints it: a decoded JSON object (text kept as text when it is not one). */
const documentOf = (text: string): unknown => parsePolicyText(text) ?? text;

/**
 * Renders a bundle as the AWS CLI's outputs in the import layout, so importing the files reproduces the model.
 * Pure: the caller writes the files. Resources of services without a resource-policy command the layout knows
 * are left out and named in `skipped`.
 */
export function renderExport(bundle: ImportBundle): { files: ExportFiles; skipped: string[] } {
  const files: ExportFiles = new Map();
  const skipped: string[] = [];
  if (bundle.organization !== null) renderOrganization(bundle.organization, files);
  for (const account of bundle.accounts) renderAccount(account, files, skipped);
  return { files, skipped };
}

function renderAccount(account: AccountSnapshot, files: ExportFiles, skipped: string[]): void {
  const dir = join('accounts', account.accountId);
  const attachments = new Map<string, number>();
  const boundaries = new Map<string, number>();
  for (const e of [...account.users, ...account.groups, ...account.roles])
    for (const a of e.attachedPolicies) attachments.set(a.arn, (attachments.get(a.arn) ?? 0) + 1);
  for (const e of [...account.users, ...account.roles])
    if (e.permissionsBoundaryArn !== null)
      boundaries.set(e.permissionsBoundaryArn, (boundaries.get(e.permissionsBoundaryArn) ?? 0) + 1);
  const inline = (list: { name: string; document: string }[]) =>
    list.map((p) => ({ PolicyName: p.name, PolicyDocument: documentOf(p.document) }));
  const attached = (list: { name: string; arn: string }[]) =>
    list.map((a) => ({ PolicyName: a.name, PolicyArn: a.arn }));
  const boundary = (arn: string | null) =>
    arn === null ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } };
  const tags = (list: { Key: string; Value: string }[]) => (list.length === 0 ? {} : { Tags: list });
  const policy = (p: ManagedPolicySnapshot) => ({
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.versions.find((v) => v.isDefault)?.versionId ?? 'v1',
    AttachmentCount: attachments.get(p.arn) ?? 0,
    PermissionsBoundaryUsageCount: boundaries.get(p.arn) ?? 0,
    IsAttachable: true,
    ...(p.description === '' ? {} : { Description: p.description }),
    ...(p.createDate === null ? {} : { CreateDate: p.createDate }),
    ...(p.updateDate === null ? {} : { UpdateDate: p.updateDate }),
    PolicyVersionList: p.versions.map((v) => ({
      Document: documentOf(v.document),
      VersionId: v.versionId,
      IsDefaultVersion: v.isDefault,
      ...(v.createDate === null ? {} : { CreateDate: v.createDate }),
    })),
  });
  files.set(join(dir, ACCOUNT_FILES.details), {
    UserDetailList: account.users.map((u) => ({
      Path: u.path,
      UserName: u.name,
      UserId: u.id,
      Arn: u.arn,
      CreateDate: u.createDate,
      ...(u.inlinePolicies.length === 0 ? {} : { UserPolicyList: inline(u.inlinePolicies) }),
      GroupList: u.groups,
      AttachedManagedPolicies: attached(u.attachedPolicies),
      ...boundary(u.permissionsBoundaryArn),
      ...tags(u.tags),
    })),
    GroupDetailList: account.groups.map((g) => ({
      Path: g.path,
      GroupName: g.name,
      GroupId: g.id,
      Arn: g.arn,
      CreateDate: g.createDate,
      GroupPolicyList: inline(g.inlinePolicies),
      AttachedManagedPolicies: attached(g.attachedPolicies),
    })),
    RoleDetailList: account.roles.map((r) => ({
      Path: r.path,
      RoleName: r.name,
      RoleId: r.id,
      Arn: r.arn,
      CreateDate: r.createDate,
      AssumeRolePolicyDocument: documentOf(r.trustPolicy),
      // As AWS answers: each profile lists its role, with the role's trust policy
      InstanceProfileList: r.instanceProfiles.map((p) => ({
        Path: p.path,
        InstanceProfileName: p.name,
        InstanceProfileId: p.id,
        Arn: p.arn,
        CreateDate: p.createDate,
        Roles: [
          {
            Path: r.path,
            RoleName: r.name,
            RoleId: r.id,
            Arn: r.arn,
            CreateDate: r.createDate,
            AssumeRolePolicyDocument: documentOf(r.trustPolicy),
          },
        ],
        ...tags(p.tags),
      })),
      RolePolicyList: inline(r.inlinePolicies),
      AttachedManagedPolicies: attached(r.attachedPolicies),
      ...boundary(r.permissionsBoundaryArn),
      ...tags(r.tags),
      RoleLastUsed: {},
    })),
    Policies: [...account.policies, ...account.awsManagedPolicies].map(policy),
  });
  files.set(join(dir, ACCOUNT_FILES.roles), {
    Roles: account.roles.map((r) => ({
      Path: r.path,
      RoleName: r.name,
      RoleId: r.id,
      Arn: r.arn,
      CreateDate: r.createDate,
      AssumeRolePolicyDocument: documentOf(r.trustPolicy),
      ...(r.description === '' ? {} : { Description: r.description }),
      MaxSessionDuration: r.maxSessionDuration,
    })),
  });
  if (account.alias !== null) files.set(join(dir, ACCOUNT_FILES.aliases), { AccountAliases: [account.alias] });
  for (const resource of account.resources) {
    const entry = Object.entries(RESOURCE_SERVICES)
      .map(([service, spec]) => ({ service, spec, place: spec.place(resource.arn) }))
      .find((e) => e.place !== null);
    if (entry === undefined || entry.place === null || parsePolicyText(resource.policy) === null) {
      skipped.push(resource.arn);
      continue;
    }
    const parts = [
      dir,
      ACCOUNT_FILES.resources,
      entry.service,
      ...(entry.place.region === null ? [] : [entry.place.region]),
      `${entry.place.name}.json`,
    ];
    files.set(join(...parts), entry.spec.write(resource.arn, resource.policy));
  }
}

function renderOrganization(org: OrganizationSnapshot, files: ExportFiles): void {
  const base = `arn:aws:organizations::${org.managementAccountId}:`;
  const dir = 'organization';
  const unitArn = (id: string) => (id === org.root.id ? `${base}root/${org.id}/${id}` : `${base}ou/${org.id}/${id}`);
  const accountArn = (id: string) => `${base}account/${org.id}/${id}`;
  const policyArn = (p: OrganizationSnapshot['policies'][number]) =>
    p.awsManaged
      ? `arn:aws:organizations::aws:policy/${p.type.toLowerCase()}/${p.id}`
      : `${base}policy/${org.id}/${p.type.toLowerCase()}/${p.id}`;
  const account = (a: OrganizationSnapshot['accounts'][number]) => ({
    Id: a.id,
    Arn: accountArn(a.id),
    ...(a.email === null ? {} : { Email: a.email }),
    Name: a.name,
    Status: a.status,
  });
  const types = ORGANIZATION_POLICY_TYPES.filter((t) => org.policies.some((p) => p.type === t));
  files.set(join(dir, ORGANIZATION_FILES.describe), {
    Organization: {
      Id: org.id,
      Arn: `${base}organization/${org.id}`,
      FeatureSet: org.featureSet,
      MasterAccountArn: accountArn(org.managementAccountId),
      MasterAccountId: org.managementAccountId,
      ...(org.managementAccountEmail === null ? {} : { MasterAccountEmail: org.managementAccountEmail }),
      AvailablePolicyTypes: [],
    },
  });
  files.set(join(dir, ORGANIZATION_FILES.roots), {
    Roots: [
      {
        Id: org.root.id,
        Arn: unitArn(org.root.id),
        Name: org.root.name,
        PolicyTypes: types.map((Type) => ({ Type, Status: 'ENABLED' })),
      },
    ],
  });
  files.set(join(dir, ORGANIZATION_FILES.accounts), { Accounts: org.accounts.map(account) });
  for (const parentId of [org.root.id, ...org.units.map((u) => u.id)]) {
    files.set(join(dir, ORGANIZATION_FILES.parents, parentId, ORGANIZATION_FILES.unitsForParent), {
      OrganizationalUnits: org.units
        .filter((u) => u.parentId === parentId)
        .map((u) => ({ Id: u.id, Arn: unitArn(u.id), Name: u.name })),
    });
    files.set(join(dir, ORGANIZATION_FILES.parents, parentId, ORGANIZATION_FILES.accountsForParent), {
      Accounts: org.accounts.filter((a) => a.parentId === parentId).map(account),
    });
  }
  const names = new Map<string, { name: string; type: string; arn: string }>([
    [org.root.id, { name: org.root.name, type: 'ROOT', arn: unitArn(org.root.id) }],
    ...org.units.map((u): [string, { name: string; type: string; arn: string }] => [
      u.id,
      { name: u.name, type: 'ORGANIZATIONAL_UNIT', arn: unitArn(u.id) },
    ]),
    ...org.accounts.map((a): [string, { name: string; type: string; arn: string }] => [
      a.id,
      { name: a.name, type: 'ACCOUNT', arn: accountArn(a.id) },
    ]),
  ]);
  for (const type of types) {
    const summaries = org.policies
      .filter((p) => p.type === type)
      .map((p) => ({
        Id: p.id,
        Arn: policyArn(p),
        Name: p.name,
        Description: p.description,
        Type: p.type,
        AwsManaged: p.awsManaged,
      }));
    files.set(join(dir, ORGANIZATION_FILES.policies, `${type}.json`), { Policies: summaries });
    for (const [i, p] of org.policies.filter((x) => x.type === type).entries()) {
      files.set(join(dir, ORGANIZATION_FILES.policies, p.id, ORGANIZATION_FILES.describePolicy), {
        Policy: { PolicySummary: summaries[i], Content: JSON.stringify(parsePolicyText(p.document) ?? p.document) },
      });
      files.set(join(dir, ORGANIZATION_FILES.policies, p.id, ORGANIZATION_FILES.targets), {
        Targets: p.targets.map((t) => ({
          TargetId: t,
          Arn: names.get(t)?.arn ?? '',
          Name: names.get(t)?.name ?? t,
          Type: names.get(t)?.type ?? 'ACCOUNT',
        })),
      });
    }
  }
}
