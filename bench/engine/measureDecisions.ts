/** Throughput and latency of one benchmark scenario. */
export interface DecisionFigure {
  scenario: string;
  decisionsPerSecond: number;
  p50Microseconds: number;
  p99Microseconds: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Measures a decision function over a cycle of prepared inputs: throughput from one untimed tight loop (so
 * clock reads do not count against it), latency percentiles from individually timed calls. Results are summed
 * into a sink so the optimiser cannot drop the calls.
 */
export function measureDecisions<T>(
  scenario: string,
  inputs: readonly T[],
  decide: (input: T) => unknown,
  durationMs = 1_500,
): DecisionFigure {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += decide(inputs[i % inputs.length]!) ? 1 : 0;

  let calls = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1_000; i++) sink += decide(inputs[(calls + i) % inputs.length]!) ? 1 : 0;
    calls += 1_000;
  }
  const decisionsPerSecond = calls / ((performance.now() - start) / 1_000);

  const samples: number[] = [];
  for (let i = 0; i < 50_000; i++) {
    const t0 = process.hrtime.bigint();
    sink += decide(inputs[i % inputs.length]!) ? 1 : 0;
    samples.push(Number(process.hrtime.bigint() - t0) / 1_000);
  }
  samples.sort((a, b) => a - b);
  if (sink < 0) console.log(sink);
  return {
    scenario,
    decisionsPerSecond,
    p50Microseconds: percentile(samples, 50),
    p99Microseconds: percentile(samples, 99),
  };
}

/** Formats figures as an aligned table. */
export function formatDecisionTable(figures: readonly DecisionFigure[]): string {
  const rows = [
    ['scenario', 'decisions/s', 'p50 µs', 'p99 µs'],
    ...figures.map((f) => [
      f.scenario,
      Math.round(f.decisionsPerSecond).toLocaleString('en-US'),
      f.p50Microseconds.toFixed(2),
      f.p99Microseconds.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map(
      (r, i) =>
        r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ') +
        (i === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : ''),
    )
    .join('\n');
}

/**
 * Measures two decision functions in alternating short slices, so both see the same machine load (on a shared
 * machine throughput swings by 2× from one second to the next, which would make separate runs incomparable).
 * Returns decisions per second of each and the ratio `second / first`.
 */
export function measureSideBySide<A, B>(
  first: { inputs: readonly A[]; decide: (input: A) => unknown },
  second: { inputs: readonly B[]; decide: (input: B) => unknown },
  slices = 30,
  sliceMs = 50,
): { first: number; second: number; ratio: number } {
  let sink = 0;
  const run = <T>(side: { inputs: readonly T[]; decide: (input: T) => unknown }, ms: number) => {
    let calls = 0;
    const start = performance.now();
    const deadline = start + ms;
    while (performance.now() < deadline) {
      for (let i = 0; i < 200; i++) sink += side.decide(side.inputs[(calls + i) % side.inputs.length]!) ? 1 : 0;
      calls += 200;
    }
    return { calls, ms: performance.now() - start };
  };
  run(first, 300);
  run(second, 300);
  const totals = { a: { calls: 0, ms: 0 }, b: { calls: 0, ms: 0 } };
  for (let s = 0; s < slices; s++) {
    const a = run(first, sliceMs);
    const b = run(second, sliceMs);
    totals.a.calls += a.calls;
    totals.a.ms += a.ms;
    totals.b.calls += b.calls;
    totals.b.ms += b.ms;
  }
  if (sink < 0) console.log(sink);
  const firstRate = totals.a.calls / (totals.a.ms / 1_000);
  const secondRate = totals.b.calls / (totals.b.ms / 1_000);
  return { first: firstRate, second: secondRate, ratio: secondRate / firstRate };
}
