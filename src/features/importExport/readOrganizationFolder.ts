import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProblem } from './ImportInvalidError.js';
import { readJsonFile } from './readJsonFile.js';
import { ShapeReader, type JsonObject } from './ShapeReader.js';
import type { OrganizationPolicySnapshot, OrganizationSnapshot } from './snapshotTypes.js';

/** The files of the `organization/` folder (see the README's layout). */
export const ORGANIZATION_FILES = {
  describe: 'describe-organization.json',
  roots: 'list-roots.json',
  accounts: 'list-accounts.json',
  parents: 'parents',
  unitsForParent: 'list-organizational-units-for-parent.json',
  accountsForParent: 'list-accounts-for-parent.json',
  policies: 'policies',
  describePolicy: 'describe-policy.json',
  targets: 'list-targets-for-policy.json',
} as const;

/** The two organization policy types an import reads, each listed by `list-policies --filter TYPE`. */
export const ORGANIZATION_POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const;

/** What reading the organization folder gives. */
export interface OrganizationReadResult {
  organization: OrganizationSnapshot | null;
  notes: string[];
  problems: ImportProblem[];
}

/**
 * Reads `organization/`: describe-organization, list-roots, list-accounts, the OU tree as
 * `parents/<parent-id>/list-organizational-units-for-parent.json` and `list-accounts-for-parent.json` (walked from
 * the root), and per policy type `policies/<TYPE>.json` (list-policies) with `policies/<id>/describe-policy.json`
 * and `list-targets-for-policy.json`. Every problem is collected; nothing is guessed silently (an account found
 * under no parent is placed under the root, with a note).
 */
export function readOrganizationFolder(dir: string): OrganizationReadResult {
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const load = (file: string, required: boolean): { r: ShapeReader; root: JsonObject } | null => {
    if (!existsSync(file)) {
      if (required) problems.push({ file, path: '$', expected: 'this file (see the folder layout in the README)' });
      return null;
    }
    const read = readJsonFile(file);
    if (!read.ok) {
      problems.push(read.problem);
      return null;
    }
    const r = new ShapeReader(file);
    const root = r.object(read.value, '$');
    return root === null ? (problems.push(...r.problems), null) : { r, root };
  };
  const done = (r: ShapeReader) => problems.push(...r.problems);

  const describe = load(join(dir, ORGANIZATION_FILES.describe), true);
  const roots = load(join(dir, ORGANIZATION_FILES.roots), true);
  const listed = load(join(dir, ORGANIZATION_FILES.accounts), true);
  if (describe === null || roots === null || listed === null) return { organization: null, notes, problems };

  const org = describe.r.object(describe.root.Organization, '$.Organization') ?? {};
  const id = describe.r.string(org, 'Id', '$.Organization');
  const managementAccountId = describe.r.string(org, 'MasterAccountId', '$.Organization');
  const managementAccountEmail = describe.r.optionalString(org, 'MasterAccountEmail', '$.Organization');
  const featureSet = describe.r.string(org, 'FeatureSet', '$.Organization', { optional: true, fallback: 'ALL' });
  done(describe.r);

  const rootList = roots.r.objects(roots.root, 'Roots', '$');
  if (rootList.length !== 1) roots.r.fail('$.Roots', `exactly one root, found ${rootList.length}`);
  const [rootObject, rootPath] = rootList[0] ?? [{}, '$.Roots[0]'];
  const root = {
    id: roots.r.string(rootObject, 'Id', rootPath),
    name: roots.r.string(rootObject, 'Name', rootPath, { optional: true, fallback: 'Root' }),
  };
  done(roots.r);

  const accountInfo = listed.r.objects(listed.root, 'Accounts', '$').map(([o, p]) => ({
    id: listed.r.string(o, 'Id', p),
    name: listed.r.string(o, 'Name', p, { optional: true }),
    email: listed.r.optionalString(o, 'Email', p),
    status: listed.r.string(o, 'Status', p, { optional: true, fallback: 'ACTIVE' }),
  }));
  done(listed.r);

  // Walk the tree from the root, so each unit comes after its parent and every parent folder is reachable.
  const units: OrganizationSnapshot['units'] = [];
  const parentOf = new Map<string, string>();
  const queue = [root.id];
  const parentsDir = join(dir, ORGANIZATION_FILES.parents);
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    const children = load(join(parentsDir, parentId, ORGANIZATION_FILES.unitsForParent), false);
    if (children !== null) {
      for (const [o, p] of children.r.objects(children.root, 'OrganizationalUnits', '$')) {
        const unit = { id: children.r.string(o, 'Id', p), parentId, name: children.r.string(o, 'Name', p) };
        units.push(unit);
        queue.push(unit.id);
      }
      done(children.r);
    }
    const accountsHere = load(join(parentsDir, parentId, ORGANIZATION_FILES.accountsForParent), false);
    if (accountsHere !== null) {
      for (const [o, p] of accountsHere.r.objects(accountsHere.root, 'Accounts', '$'))
        parentOf.set(accountsHere.r.string(o, 'Id', p), parentId);
      done(accountsHere.r);
    }
  }
  if (existsSync(parentsDir)) {
    const reachable = new Set([root.id, ...units.map((u) => u.id)]);
    for (const folder of readdirSync(parentsDir)) {
      if (!reachable.has(folder))
        problems.push({
          file: join(parentsDir, folder),
          path: '$',
          expected:
            "a parent id reachable from the root (listed by its own parent's list-organizational-units-for-parent.json)",
        });
    }
  }
  const accounts = accountInfo.map((a) => {
    const parentId = parentOf.get(a.id);
    if (parentId === undefined)
      notes.push(`account ${a.id} is under no parent in organization/parents/; placed under the root`);
    return { ...a, parentId: parentId ?? root.id };
  });

  const policies: OrganizationPolicySnapshot[] = [];
  for (const type of ORGANIZATION_POLICY_TYPES) {
    const list = load(join(dir, ORGANIZATION_FILES.policies, `${type}.json`), false);
    if (list === null) continue;
    for (const [o, p] of list.r.objects(list.root, 'Policies', '$')) {
      const policyId = list.r.string(o, 'Id', p);
      const policyDir = join(dir, ORGANIZATION_FILES.policies, policyId);
      const described = load(join(policyDir, ORGANIZATION_FILES.describePolicy), true);
      const targets = load(join(policyDir, ORGANIZATION_FILES.targets), true);
      if (described === null || targets === null) continue;
      const policy = described.r.object(described.root.Policy, '$.Policy') ?? {};
      policies.push({
        id: policyId,
        name: list.r.string(o, 'Name', p),
        description: list.r.string(o, 'Description', p, { optional: true }),
        type,
        awsManaged: list.r.boolean(o, 'AwsManaged', p, false),
        document: described.r.policyDocument(policy, 'Content', '$.Policy'),
        targets: targets.r.objects(targets.root, 'Targets', '$').map(([t, tp]) => targets.r.string(t, 'TargetId', tp)),
      });
      done(described.r);
      done(targets.r);
    }
    done(list.r);
  }
  if (problems.length > 0) return { organization: null, notes, problems };
  return {
    organization: { id, managementAccountId, managementAccountEmail, featureSet, root, units, accounts, policies },
    notes,
    problems,
  };
}
