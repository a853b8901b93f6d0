/**
 * The access index at 10k, 50k and 100k principals (or the sizes in argv, comma-separated), run by
 * bench/access/index.ts in its own process with `--expose-gc` and a large heap so memory figures are clean.
 */
import { formatFigures } from './runAccessBenchmark.js';
import { runScaleBenchmark } from './runScaleBenchmark.js';

for (const size of (process.argv[2] ?? '10000,50000,100000').split(',').map(Number)) {
  console.log(formatFigures(runScaleBenchmark(size)));
}
