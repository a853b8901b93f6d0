import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportProblem } from './ImportInvalidError.js';
import { parseAuthorizationDetails } from './parseAuthorizationDetails.js';
import { readJsonFile } from './readJsonFile.js';
import { readResourcePolicyFile, RESOURCE_SERVICES } from './resourcePolicyFiles.js';
import { ShapeReader } from './ShapeReader.js';
import type { AccountSnapshot } from './snapshotTypes.js';

/** The file names of one account's folder (see the README's layout). */
export const ACCOUNT_FILES = {
  details: 'get-account-authorization-details.json',
  roles: 'list-roles.json',
  aliases: 'list-account-aliases.json',
  resources: 'resources',
} as const;

/** What reading one account gives: the account, notes, and every problem found. */
export interface AccountReadResult {
  account: AccountSnapshot | null;
  notes: string[];
  problems: ImportProblem[];
}

/**
 * Reads one account: a folder holding get-account-authorization-details.json (required), list-roles.json
 * (optional: the roles' descriptions and maximum session durations, which RoleDetail lacks),
 * list-account-aliases.json (optional) and resources/ (resource policies) — or a lone details file.
 */
export function readAccountFolder(path: string, accountIdHint?: string): AccountReadResult {
  const isFolder = statSync(path).isDirectory();
  const detailsFile = isFolder ? join(path, ACCOUNT_FILES.details) : path;
  const hint = accountIdHint ?? (isFolder && /^\d{12}$/.test(basename(path)) ? basename(path) : undefined);
  if (!existsSync(detailsFile)) {
    return {
      account: null,
      notes: [],
      problems: [
        {
          file: detailsFile,
          path: '$',
          expected: 'this file: the output of `aws iam get-account-authorization-details`',
        },
      ],
    };
  }
  const read = readJsonFile(detailsFile);
  if (!read.ok) return { account: null, notes: [], problems: [read.problem] };
  const parsed = parseAuthorizationDetails(read.value, detailsFile, hint);
  if (!parsed.ok) return { account: null, notes: [], problems: parsed.problems };
  const account: AccountSnapshot = { ...parsed.account, alias: null, resources: [] };
  const problems: ImportProblem[] = [];
  if (isFolder) {
    problems.push(...mergeListRoles(account, join(path, ACCOUNT_FILES.roles)));
    problems.push(...readAlias(account, join(path, ACCOUNT_FILES.aliases)));
    problems.push(...readResources(account, join(path, ACCOUNT_FILES.resources)));
  }
  return { account, notes: parsed.notes, problems };
}

/** list-roles: `{"Roles":[{RoleId, Description, MaxSessionDuration, …}]}`, matched to RoleDetail by RoleId. */
function mergeListRoles(account: AccountSnapshot, file: string): ImportProblem[] {
  if (!existsSync(file)) return [];
  const read = readJsonFile(file);
  if (!read.ok) return [read.problem];
  const r = new ShapeReader(file);
  const root = r.object(read.value, '$');
  if (root === null) return r.problems;
  const byId = new Map(account.roles.map((role) => [role.id, role]));
  for (const [o, p] of r.objects(root, 'Roles', '$')) {
    const role = byId.get(r.string(o, 'RoleId', p));
    if (role === undefined) continue;
    role.description = r.string(o, 'Description', p, { optional: true, fallback: role.description });
    role.maxSessionDuration = r.integer(o, 'MaxSessionDuration', p, role.maxSessionDuration);
  }
  return r.problems;
}

/** list-account-aliases: `{"AccountAliases":["alias"]}` (an account has at most one). */
function readAlias(account: AccountSnapshot, file: string): ImportProblem[] {
  if (!existsSync(file)) return [];
  const read = readJsonFile(file);
  if (!read.ok) return [read.problem];
  const r = new ShapeReader(file);
  const root = r.object(read.value, '$');
  if (root === null) return r.problems;
  account.alias = r.strings(root, 'AccountAliases', '$')[0] ?? null;
  return r.problems;
}

/** resources/<service>/[<region>/]<name>.json, one resource policy per file. */
function readResources(account: AccountSnapshot, dir: string): ImportProblem[] {
  if (!existsSync(dir)) return [];
  const problems: ImportProblem[] = [];
  for (const service of readdirSync(dir).sort()) {
    const spec = RESOURCE_SERVICES[service];
    const serviceDir = join(dir, service);
    if (spec === undefined) {
      problems.push({
        file: serviceDir,
        path: '$',
        expected: `a folder named after a supported service (${Object.keys(RESOURCE_SERVICES).join(', ')})`,
      });
      continue;
    }
    const files: { file: string; region: string | null }[] = [];
    for (const entry of readdirSync(serviceDir).sort()) {
      const entryPath = join(serviceDir, entry);
      if (spec.regional) {
        if (!statSync(entryPath).isDirectory()) {
          problems.push({
            file: entryPath,
            path: '$',
            expected: `a region folder (resources/${service}/<region>/<name>.json)`,
          });
          continue;
        }
        for (const file of readdirSync(entryPath).sort())
          if (file.endsWith('.json')) files.push({ file: join(entryPath, file), region: entry });
      } else if (entry.endsWith('.json')) {
        files.push({ file: entryPath, region: null });
      }
    }
    for (const { file, region } of files) {
      const result = readResourcePolicyFile(service, file, account.accountId, region);
      if (result.ok) account.resources.push(result.resource);
      else problems.push(...result.problems);
    }
  }
  return problems;
}
