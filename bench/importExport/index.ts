import { pathToFileURL } from 'node:url';
import { formatImportFigures, runImportBenchmark } from './runImportBenchmark.js';

/** The import benchmark as a bench module (`npm run bench -- importExport`): prints its figures. */
export async function run(): Promise<void> {
  console.log(
    'import/export (issue 14): 200 accounts, 50,000 principals as AWS CLI output → import → index → queries → export',
  );
  console.log(formatImportFigures(await runImportBenchmark()));
}

// Also runnable alone: `node --expose-gc --import tsx bench/importExport/index.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
