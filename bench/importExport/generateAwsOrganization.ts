import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderExport } from '../../src/features/importExport/renderExport.js';
import { generateOrganization, type OrganizationSize } from '../access/generateOrganization.js';
import { toAwsBundle } from './toAwsBundle.js';

/** The scale: 200 accounts and 50,000 principals (125 users and 125 roles per account). */
export const IMPORT_SCALE: OrganizationSize = {
  accounts: 200,
  usersPerAccount: 125,
  rolesPerAccount: 125,
  managedPoliciesPerAccount: 50,
  resourcesPerAccount: 25,
  seed: 14,
};

/**
 * Writes a synthetic organization into `dir` in the import layout, as AWS CLI output (the access benchmark's
 * patterns: team, service, cross-account, vendor and chain roles; bucket and key policies; SCPs by OU).
 * Returns the number of files and principals.
 */
export function generateAwsOrganization(
  dir: string,
  size: OrganizationSize = IMPORT_SCALE,
): { files: number; principals: number } {
  const bundle = toAwsBundle(generateOrganization(size));
  const { files } = renderExport(bundle);
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(content));
  }
  return { files: files.size, principals: bundle.accounts.reduce((n, a) => n + a.users.length + a.roles.length, 0) };
}

// `npx tsx bench/importExport/generateAwsOrganization.ts OUT_DIR [ACCOUNTS] [PRINCIPALS_PER_ACCOUNT]`
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, accounts, perAccount] = process.argv.slice(2);
  if (dir === undefined) {
    console.error(
      'usage: npx tsx bench/importExport/generateAwsOrganization.ts OUT_DIR [ACCOUNTS=200] [PRINCIPALS_PER_ACCOUNT=250]',
    );
    process.exit(2);
  }
  const half = Math.floor(Number(perAccount ?? 250) / 2);
  const size = {
    ...IMPORT_SCALE,
    accounts: Number(accounts ?? IMPORT_SCALE.accounts),
    usersPerAccount: half,
    rolesPerAccount: half,
  };
  const written = generateAwsOrganization(dir, size);
  console.log(`wrote ${written.files} files, ${size.accounts} accounts, ${written.principals} principals into ${dir}`);
}
