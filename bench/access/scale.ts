/**
 * The access index at 10k, 50k and 100k principals (or the sizes in argv, comma-separated), run by
 * bench/access/index.ts in its own process with `--expose-gc` and a large heap so memory figures are clean.
 * `BENCH_SCALE_BUDGET_MS` sets each phase's time budget (default 15 s).
 */
import { formatFigures } from './runAccessBenchmark.js';
import { runScaleBenchmark } from './runScaleBenchmark.js';

// BENCH_SCALE_BUDGET_MS bounds each phase (the graph gets 8×): raise it to decide the whole graph at 1M principals.
const budgetMs = Number(process.env.BENCH_SCALE_BUDGET_MS ?? 15_000);
for (const size of (process.argv[2] ?? '10000,50000,100000').split(',').map(Number)) {
  console.log(formatFigures(runScaleBenchmark(size, budgetMs)));
}
