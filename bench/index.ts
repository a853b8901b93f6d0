import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A benchmark module: bench/<name>/index.ts exporting `run`, which prints its own figures. */
interface BenchModule {
  run: () => Promise<void> | void;
}

/**
 * `npm run bench`: runs every bench/<name>/index.ts in name order, so adding a benchmark is adding a folder.
 * Pass names to run only those (`npm run bench -- engine`).
 */
async function runBenchmarks(only: readonly string[]): Promise<void> {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  for (const name of names) {
    const module = (await import(pathToFileURL(join(root, name, 'index.ts')).href)) as Partial<BenchModule>;
    if (typeof module.run !== 'function') throw new Error(`bench/${name}/index.ts must export run()`);
    console.log(`\n=== bench/${name} ===`);
    await module.run();
  }
}

await runBenchmarks(process.argv.slice(2));
