import { pathToFileURL } from 'node:url';
import { formatFigures, runAccessBenchmark } from './runAccessBenchmark.js';

/** The access benchmark as a bench module (`npm run bench` runs every bench/<name>/index.ts): prints its figures. */
export async function run(): Promise<void> {
  console.log('access analysis (issue 5): synthetic organization, authorization index, whoCanAccess, assumeRolePaths, canPerform');
  console.log(formatFigures(await runAccessBenchmark()));
}

// Also runnable alone: `node --expose-gc --import tsx bench/access/index.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
