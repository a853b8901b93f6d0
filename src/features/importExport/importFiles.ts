import type { PrismaClient } from '../../generated/prisma/client.js';
import { findAwsManagedPolicy, type AwsManagedPolicy } from '../../iam/index.js';
import { checkImportedPolicies } from './checkImportedPolicies.js';
import { findImportConflicts } from './findImportConflicts.js';
import { ImportInvalidError } from './ImportInvalidError.js';
import type { ImportSummary } from './importPlanTypes.js';
import { planImport } from './planImport.js';
import { readImportInput } from './readImportInput.js';
import type { ImportBundle } from './snapshotTypes.js';
import { writeImport } from './writeImport.js';

/** The phases of an import, for a progress display. */
export type ImportPhase = 'read' | 'write';

/** Options of {@link importFiles}. */
export interface ImportFilesOptions {
  /** The account id of a lone details file whose entities name none. */
  accountId?: string;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

/**
 * Imports AWS CLI output from `path` (the documented folder layout, one account's folder, or one
 * get-account-authorization-details file): reads and checks every file, resolves AWS managed policies against
 * the catalogue the database holds, and writes the model in one transaction. Throws `ImportInvalidError` (and
 * writes nothing) when any file is malformed. Nothing in the input is a credential, and nothing is stored as one.
 */
export async function importFiles(
  prisma: PrismaClient,
  path: string,
  options: ImportFilesOptions = {},
): Promise<ImportSummary> {
  const bundle = readImportInput(path, {
    ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
    onProgress: (done, total) => options.onProgress?.('read', done, total),
  });
  return importBundle(prisma, bundle, (done, total) => options.onProgress?.('write', done, total));
}

/** Imports an already-read bundle (see {@link importFiles}). */
export async function importBundle(
  prisma: PrismaClient,
  bundle: ImportBundle,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const awsManaged = lookUpAwsManagedPolicies(referencedAwsManagedArns(bundle));
  const catalogue = new Map([...awsManaged].map(([arn, policy]) => [arn, policy.policyId]));
  const ids = [
    ...new Set([...bundle.accounts.map((a) => a.accountId), ...(bundle.organization?.accounts.map((a) => a.id) ?? [])]),
  ];
  const stored = await prisma.account.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const { rows, summary } = planImport(bundle, catalogue, new Map(stored.map((a) => [a.id, a.name])));
  const conflicts = await findImportConflicts(prisma, rows);
  if (conflicts.length > 0) throw new ImportInvalidError(conflicts);
  await writeImport(prisma, rows, [...awsManaged.values()], onProgress);
  return { ...summary, notes: [...summary.notes, ...checkImportedPolicies(rows)] };
}

/** Every AWS managed policy ARN an import names (attachments and boundaries). */
function referencedAwsManagedArns(bundle: ImportBundle): string[] {
  const arns = new Set<string>();
  const add = (arn: string | null) => {
    if (arn !== null && arn.includes(':iam::aws:policy/')) arns.add(arn);
  };
  for (const account of bundle.accounts) {
    for (const entity of [...account.users, ...account.groups, ...account.roles])
      for (const a of entity.attachedPolicies) add(a.arn);
    for (const entity of [...account.users, ...account.roles]) add(entity.permissionsBoundaryArn);
  }
  return [...arns];
}

/**
 * The AWS managed policies among `arns` that the shipped catalogue has, by ARN. The catalogue is served from the
 * engine, not stored up front; {@link writeImport} stores the ones the import points at, in its transaction.
 */
function lookUpAwsManagedPolicies(arns: string[]): Map<string, AwsManagedPolicy> {
  return new Map(
    arns.flatMap((arn) => {
      const policy = findAwsManagedPolicy(arn);
      return policy === null ? [] : [[arn, policy] as const];
    }),
  );
}
