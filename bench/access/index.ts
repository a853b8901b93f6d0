import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFigures, runAccessBenchmark } from './runAccessBenchmark.js';

/**
 * The access benchmark as a bench module (`npm run bench` runs every bench/<name>/index.ts): prints its figures,
 * then the index at scale (10k, 50k, 100k principals; `BENCH_SCALE=10000,1000000` for other sizes) in a child
 * process with `--expose-gc` and an 8 GB heap limit.
 */
export async function run(): Promise<void> {
  console.log(
    'access analysis (issue 5): synthetic organization, authorization index, whoCanAccess, assumeRolePaths, canPerform',
  );
  console.log(formatFigures(await runAccessBenchmark()));
  console.log(
    '\naccess index at scale (issue 17): in memory, the code the index runs without its database round trips',
  );
  const scale = fileURLToPath(new URL('./scale.ts', import.meta.url));
  spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      scale,
      process.env.BENCH_SCALE ?? '10000,50000,100000',
    ],
    { stdio: 'inherit' },
  );
}

// Also runnable alone: `node --expose-gc --import tsx bench/access/index.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
