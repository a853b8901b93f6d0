import { ShapeReader, type JsonObject } from './ShapeReader.js';
import type {
  AccountSnapshot,
  AttachedPolicySnapshot,
  GroupSnapshot,
  InlinePolicySnapshot,
  ManagedPolicySnapshot,
  RoleSnapshot,
  TagSnapshot,
  UserSnapshot,
} from './snapshotTypes.js';

const ACCOUNT_IN_ARN = /^arn:aws[\w-]*:iam::(\d{12}):/;

/** What `parseAuthorizationDetails` returns: the account's IAM data, or the problems that stop its import. */
export type ParsedAuthorizationDetails =
  | { ok: true; account: Omit<AccountSnapshot, 'alias' | 'resources'>; notes: string[] }
  | { ok: false; problems: ShapeReader['problems'] };

/**
 * Decodes the unmodified output of `aws iam get-account-authorization-details` (UserDetailList, GroupDetailList,
 * RoleDetailList, Policies; documents as the CLI prints them, decoded objects, or as the API returns them,
 * URL-encoded text). A truncated page (`IsTruncated`, or the CLI's `NextToken` after `--max-items`) is refused:
 * an import of part of an account would silently drop principals. The account id comes from the entities' ARNs,
 * or `expectedAccountId` for an empty account; entities of another account are refused.
 */
export function parseAuthorizationDetails(
  value: unknown,
  file: string,
  expectedAccountId?: string,
): ParsedAuthorizationDetails {
  const r = new ShapeReader(file);
  const notes: string[] = [];
  const root = r.object(value, '$');
  if (root === null) return { ok: false, problems: r.problems };
  if (root.IsTruncated === true)
    r.fail(
      '$.IsTruncated',
      'a complete listing (`IsTruncated` is true: run the command without --max-items so the CLI fetches every page)',
    );
  if (typeof root.NextToken === 'string')
    r.fail('$.NextToken', 'a complete listing (a `NextToken` means the CLI stopped early: run it without --max-items)');

  const users = r.objects(root, 'UserDetailList', '$', { optional: true }).map(([o, p]) => readUser(r, o, p));
  const groups = r.objects(root, 'GroupDetailList', '$', { optional: true }).map(([o, p]) => readGroup(r, o, p));
  const roles = r.objects(root, 'RoleDetailList', '$', { optional: true }).map(([o, p]) => readRole(r, o, p));
  const allPolicies = r.objects(root, 'Policies', '$', { optional: true }).map(([o, p]) => readManagedPolicy(r, o, p));
  if (!['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].some((key) => key in root)) {
    r.fail(
      '$',
      'the output of `aws iam get-account-authorization-details` (none of UserDetailList, GroupDetailList, RoleDetailList, Policies)',
    );
  }

  const arns: [string, string][] = [
    ...users.map((u, i): [string, string] => [u.arn, `$.UserDetailList[${i}].Arn`]),
    ...groups.map((g, i): [string, string] => [g.arn, `$.GroupDetailList[${i}].Arn`]),
    ...roles.map((x, i): [string, string] => [x.arn, `$.RoleDetailList[${i}].Arn`]),
    ...roles.flatMap((x, i) =>
      x.instanceProfiles.map((profile, j): [string, string] => [
        profile.arn,
        `$.RoleDetailList[${i}].InstanceProfileList[${j}].Arn`,
      ]),
    ),
    ...allPolicies.flatMap((p, i): [string, string][] =>
      p.arn.includes(':iam::aws:') ? [] : [[p.arn, `$.Policies[${i}].Arn`]],
    ),
  ];
  let accountId = expectedAccountId ?? null;
  for (const [arn, path] of arns) {
    const found = ACCOUNT_IN_ARN.exec(arn)?.[1];
    if (found === undefined) {
      if (arn !== '') r.fail(path, `an IAM ARN \`arn:aws:iam::ACCOUNT:…\`, found \`${arn}\``);
    } else if (accountId === null) {
      accountId = found;
    } else if (found !== accountId) {
      r.fail(path, `an entity of account ${accountId}, found \`${arn}\``);
    }
  }
  if (accountId === null) r.fail('$', 'at least one entity to tell the account id from (or give the account id)');
  if (r.problems.length > 0 || accountId === null) return { ok: false, problems: r.problems };
  return {
    ok: true,
    notes,
    account: {
      accountId,
      source: file,
      users,
      groups,
      roles,
      policies: allPolicies.filter((p) => !p.arn.includes(':iam::aws:')),
      awsManagedPolicies: allPolicies.filter((p) => p.arn.includes(':iam::aws:')),
    },
  };
}

function readInline(r: ShapeReader, o: JsonObject, key: string, path: string): InlinePolicySnapshot[] {
  return r.objects(o, key, path, { optional: true }).map(([p, pp]) => ({
    name: r.string(p, 'PolicyName', pp),
    document: r.policyDocument(p, 'PolicyDocument', pp),
  }));
}

function readAttached(r: ShapeReader, o: JsonObject, path: string): AttachedPolicySnapshot[] {
  return r.objects(o, 'AttachedManagedPolicies', path, { optional: true }).map(([p, pp]) => ({
    name: r.string(p, 'PolicyName', pp),
    arn: r.string(p, 'PolicyArn', pp),
  }));
}

function readTags(r: ShapeReader, o: JsonObject, path: string): TagSnapshot[] {
  return r
    .objects(o, 'Tags', path, { optional: true })
    .map(([t, tp]) => ({ Key: r.string(t, 'Key', tp), Value: r.string(t, 'Value', tp) }));
}

function readBoundary(r: ShapeReader, o: JsonObject, path: string): string | null {
  if (o.PermissionsBoundary === undefined) return null;
  const boundary = r.object(o.PermissionsBoundary, `${path}.PermissionsBoundary`);
  return boundary === null ? null : r.string(boundary, 'PermissionsBoundaryArn', `${path}.PermissionsBoundary`);
}

function readUser(r: ShapeReader, o: JsonObject, path: string): UserSnapshot {
  return {
    id: r.string(o, 'UserId', path),
    name: r.string(o, 'UserName', path),
    path: r.string(o, 'Path', path, { optional: true, fallback: '/' }),
    arn: r.string(o, 'Arn', path),
    createDate: r.optionalString(o, 'CreateDate', path),
    inlinePolicies: readInline(r, o, 'UserPolicyList', path),
    groups: r.strings(o, 'GroupList', path, { optional: true }),
    attachedPolicies: readAttached(r, o, path),
    permissionsBoundaryArn: readBoundary(r, o, path),
    tags: readTags(r, o, path),
  };
}

function readGroup(r: ShapeReader, o: JsonObject, path: string): GroupSnapshot {
  return {
    id: r.string(o, 'GroupId', path),
    name: r.string(o, 'GroupName', path),
    path: r.string(o, 'Path', path, { optional: true, fallback: '/' }),
    arn: r.string(o, 'Arn', path),
    createDate: r.optionalString(o, 'CreateDate', path),
    inlinePolicies: readInline(r, o, 'GroupPolicyList', path),
    attachedPolicies: readAttached(r, o, path),
  };
}

function readRole(r: ShapeReader, o: JsonObject, path: string): RoleSnapshot {
  return {
    id: r.string(o, 'RoleId', path),
    name: r.string(o, 'RoleName', path),
    path: r.string(o, 'Path', path, { optional: true, fallback: '/' }),
    arn: r.string(o, 'Arn', path),
    createDate: r.optionalString(o, 'CreateDate', path),
    trustPolicy: r.policyDocument(o, 'AssumeRolePolicyDocument', path),
    // RoleDetail carries neither; list-roles.json (when present) fills them in.
    description: r.string(o, 'Description', path, { optional: true }),
    maxSessionDuration: r.integer(o, 'MaxSessionDuration', path, 3600),
    inlinePolicies: readInline(r, o, 'RolePolicyList', path),
    attachedPolicies: readAttached(r, o, path),
    permissionsBoundaryArn: readBoundary(r, o, path),
    tags: readTags(r, o, path),
    instanceProfiles: r.objects(o, 'InstanceProfileList', path, { optional: true }).map(([p, pp]) => ({
      id: r.string(p, 'InstanceProfileId', pp),
      name: r.string(p, 'InstanceProfileName', pp),
      path: r.string(p, 'Path', pp, { optional: true, fallback: '/' }),
      arn: r.string(p, 'Arn', pp),
      createDate: r.optionalString(p, 'CreateDate', pp),
      tags: readTags(r, p, pp),
    })),
  };
}

function readManagedPolicy(r: ShapeReader, o: JsonObject, path: string): ManagedPolicySnapshot {
  const versions = r.objects(o, 'PolicyVersionList', path).map(([v, vp]) => ({
    versionId: r.string(v, 'VersionId', vp),
    document: r.policyDocument(v, 'Document', vp),
    isDefault: r.boolean(v, 'IsDefaultVersion', vp, false),
    createDate: r.optionalString(v, 'CreateDate', vp),
  }));
  if (versions.length > 0 && versions.filter((v) => v.isDefault).length !== 1) {
    r.fail(`${path}.PolicyVersionList`, 'exactly one version with `IsDefaultVersion` true');
  }
  return {
    id: r.string(o, 'PolicyId', path),
    name: r.string(o, 'PolicyName', path),
    path: r.string(o, 'Path', path, { optional: true, fallback: '/' }),
    arn: r.string(o, 'Arn', path),
    description: r.string(o, 'Description', path, { optional: true }),
    createDate: r.optionalString(o, 'CreateDate', path),
    updateDate: r.optionalString(o, 'UpdateDate', path),
    versions,
  };
}
