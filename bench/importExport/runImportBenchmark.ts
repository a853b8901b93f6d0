import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAuthorizationIndex } from '../../src/features/access/getAuthorizationIndex.js';
import { exportFiles } from '../../src/features/importExport/exportFiles.js';
import { importBundle } from '../../src/features/importExport/importFiles.js';
import { readImportInput } from '../../src/features/importExport/readImportInput.js';
import { findAssumeRolePaths, findWhoCanAccess } from '../../src/iam/analysis/index.js';
import { createTestDatabase } from '../../test/support/createTestDatabase.js';
import type { OrganizationSize } from '../access/generateOrganization.js';
import { generateAwsOrganization, IMPORT_SCALE } from './generateAwsOrganization.js';

/** One measured figure. */
export interface ImportFigure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'count' | 'MB';
  /** The figure must stay below it. */
  target?: number;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

/**
 * Generates the organization as AWS CLI output (IMPORT_SCALE by default; IMPORT_BENCH_ACCOUNTS overrides the
 * number of accounts), imports it into a fresh database (Postgres when DATABASE_URL is set, else embedded PGlite),
 * then measures the authorization index's rebuild, whoCanAccess and assumeRolePaths on the imported model (the
 * access benchmark's targets: p50 < 200 ms and < 50 ms), and an export of everything.
 */
export async function runImportBenchmark(
  size: OrganizationSize = {
    ...IMPORT_SCALE,
    accounts: Number(process.env.IMPORT_BENCH_ACCOUNTS ?? IMPORT_SCALE.accounts),
  },
  samples = 50,
): Promise<ImportFigure[]> {
  const figures: ImportFigure[] = [];
  const add = (name: string, value: number, unit: ImportFigure['unit'], target?: number) =>
    figures.push({ name, value: Math.round(value * 10) / 10, unit, ...(target === undefined ? {} : { target }) });
  const dir = mkdtempSync(join(tmpdir(), 'iam-import-bench-'));
  const database = await createTestDatabase();
  try {
    const [written, generateMs] = await time(() => generateAwsOrganization(dir, size));
    add('generate AWS CLI files', generateMs / 1000, 's');
    add('files', written.files, 'count');
    add('principals (users + roles)', written.principals, 'count');
    const [bundle, readMs] = await time(() => readImportInput(dir));
    add('import: read and check every file', readMs / 1000, 's');
    const [, writeMs] = await time(() => importBundle(database.prisma, bundle));
    add('import: plan and write (one transaction)', writeMs / 1000, 's');
    add('import total', (readMs + writeMs) / 1000, 's');

    const index = getAuthorizationIndex(database.pool);
    const [snapshot, rebuildMs] = await time(() => index.current());
    add('index full rebuild after the import', rebuildMs, 'ms');
    await index.graphWarmed();
    const buckets = [...snapshot.model.resources.values()].filter((r) => r.service === 's3');
    const who: number[] = [];
    for (let i = 0; i < samples; i++) {
      const bucket = buckets[(i * 7919) % buckets.length]!;
      who.push(
        (
          await time(() => findWhoCanAccess(snapshot.model, snapshot.graph, `${bucket.arn}/data.csv`, 's3:GetObject'))
        )[1],
      );
    }
    add('whoCanAccess p50', percentile(who, 50), 'ms', 200);
    add('whoCanAccess p99', percentile(who, 99), 'ms');
    const users = [...snapshot.model.principals.values()].filter((p) => p.kind === 'user' && p.arn.endsWith('0'));
    const chains = [...snapshot.model.roles.values()].filter((r) => r.arn.includes(':role/chain-'));
    const paths: number[] = [];
    for (let i = 0; i < samples * 2; i++) {
      const from = users[(i * 31) % users.length]!;
      const to = chains[(i * 17) % chains.length]!;
      paths.push((await time(() => findAssumeRolePaths(snapshot.graph, snapshot.model.roles, from, to, 3)))[1]);
    }
    add('assumeRolePaths depth 3 p50', percentile(paths, 50), 'ms', 50);
    add('assumeRolePaths depth 3 p99', percentile(paths, 99), 'ms');

    const [, exportMs] = await time(() => exportFiles(database.prisma, join(dir, 'export')));
    add('export everything back to files', exportMs / 1000, 's');
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The figures as aligned lines, with targets met or missed. */
export function formatImportFigures(figures: readonly ImportFigure[]): string {
  const width = Math.max(...figures.map((f) => f.name.length));
  return figures
    .map((f) => {
      const verdict =
        f.target === undefined ? '' : `  (target < ${f.target} ${f.unit}: ${f.value < f.target ? 'met' : 'MISSED'})`;
      return `${f.name.padEnd(width)}  ${f.value.toLocaleString('en-US')} ${f.unit}${verdict}`;
    })
    .join('\n');
}
