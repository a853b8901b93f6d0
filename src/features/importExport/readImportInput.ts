import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportInvalidError, type ImportProblem } from './ImportInvalidError.js';
import { ACCOUNT_FILES, readAccountFolder } from './readAccountFolder.js';
import { readOrganizationFolder } from './readOrganizationFolder.js';
import type { ImportBundle } from './snapshotTypes.js';

/** Options of {@link readImportInput}. */
export interface ReadImportOptions {
  /** The account id of a lone details file whose entities name none (an empty account). */
  accountId?: string;
  /** Called after each account is read, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads an import from `path`: a folder in the documented layout (`organization/` and `accounts/<id>/`), one
 * account's folder, or one account's get-account-authorization-details file on its own. Every file is read and
 * checked before anything is written; any problem throws `ImportInvalidError` listing them all.
 */
export function readImportInput(path: string, options: ReadImportOptions = {}): ImportBundle {
  if (!existsSync(path))
    throw new ImportInvalidError([{ file: path, path: '$', expected: 'an existing file or folder' }]);
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const bundle: ImportBundle = { organization: null, accounts: [], notes };

  const accountPaths: string[] = [];
  if (!statSync(path).isDirectory() || existsSync(join(path, ACCOUNT_FILES.details))) {
    accountPaths.push(path);
  } else {
    const orgDir = join(path, 'organization');
    const accountsDir = join(path, 'accounts');
    if (!existsSync(orgDir) && !existsSync(accountsDir)) {
      throw new ImportInvalidError([
        {
          file: path,
          path: '$',
          expected: `a folder with organization/ and/or accounts/<account-id>/, an account folder, or a ${ACCOUNT_FILES.details} file`,
        },
      ]);
    }
    if (existsSync(orgDir)) {
      const org = readOrganizationFolder(orgDir);
      problems.push(...org.problems);
      notes.push(...org.notes);
      bundle.organization = org.organization;
    }
    if (existsSync(accountsDir)) {
      for (const name of readdirSync(accountsDir).sort()) {
        if (!/^\d{12}$/.test(name))
          problems.push({
            file: join(accountsDir, name),
            path: '$',
            expected: 'a folder named by a 12-digit account id',
          });
        else accountPaths.push(join(accountsDir, name));
      }
    }
  }
  accountPaths.forEach((accountPath, i) => {
    const read = readAccountFolder(accountPath, accountPaths.length === 1 ? options.accountId : undefined);
    problems.push(...read.problems);
    notes.push(...read.notes);
    if (read.account !== null) bundle.accounts.push(read.account);
    options.onProgress?.(i + 1, accountPaths.length);
  });
  for (const account of bundle.accounts) {
    if (options.accountId !== undefined && accountPaths.length === 1 && account.accountId !== options.accountId) {
      problems.push({
        file: account.source,
        path: '$',
        expected: `entities of account ${options.accountId}, found account ${account.accountId}`,
      });
    }
  }
  const ids = bundle.accounts.map((a) => a.accountId);
  for (const [i, id] of ids.entries()) {
    if (ids.indexOf(id) !== i)
      problems.push({ file: bundle.accounts[i]!.source, path: '$', expected: `account ${id} once, found it twice` });
  }
  if (problems.length > 0) throw new ImportInvalidError(problems);
  return bundle;
}
