import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { readExportBundle, type ExportSelection } from './readExportBundle.js';
import { renderExport } from './renderExport.js';

/** What an export wrote. */
export interface ExportSummary {
  organizationId: string | null;
  accounts: number;
  files: number;
  /** Resources left out: their service has no resource-policy file in the layout. */
  skippedResources: string[];
}

/**
 * Exports the model (one organization and its accounts, or named accounts) into `dir` in the import layout, as
 * the AWS CLI's outputs, so `import` of the folder gives the same model back. Existing files of the same names
 * are overwritten; nothing else in the folder is touched. `onProgress` follows the files as they are written.
 */
export async function exportFiles(
  prisma: PrismaClient,
  dir: string,
  selection: ExportSelection = {},
  onProgress?: (written: number, total: number) => void,
): Promise<ExportSummary> {
  const bundle = await readExportBundle(prisma, selection);
  const { files, skipped } = renderExport(bundle);
  let written = 0;
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(content, null, 4)}\n`);
    onProgress?.((written += 1), files.size);
  }
  return {
    organizationId: bundle.organization?.id ?? null,
    accounts: bundle.accounts.length,
    files: files.size,
    skippedResources: skipped,
  };
}
