import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from '../../src/db/openDatabase.js';
import { createTestDatabase } from '../../test/support/createTestDatabase.js';
import { loadMigratedTemplate } from '../../test/support/loadMigratedTemplate.js';
import { OPERATION_NAMES, prepareOperations, type OperationName } from './benchOperations.js';
import { countRequestStatements, type StatementCounts } from './countRequestStatements.js';
import { runLoad, type LoadResult } from './runLoad.js';
import { signRequest, type BenchKey } from './signRequest.js';

/** The issue's targets, as ratios to the empty Apollo Server's `{ __typename }` (assumeRole: requests per second). */
const RATIO_TARGETS: Partial<Record<OperationName, number>> = {
  typename: 0.5,
  callerIdentity: 0.4,
  simulateCustomPolicy: 0.25,
};
const ASSUME_ROLE_TARGET = 500;
const MIXED_P50_TARGET_MS = 50;

const seconds = Number(process.env.BENCH_REQUEST_SECONDS ?? 3);

interface Servers {
  playgroundUrl: string;
  emptyUrl: string;
  alice: BenchKey;
  storage: string;
  stop(): Promise<void>;
}

/** Starts bench/requests/serveForBench.ts in a child process and waits for its URLs. */
async function startServers(): Promise<Servers> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./serveForBench.ts', import.meta.url))],
    {
      stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
      env: process.env,
    },
  );
  // The server's log lines: drained and dropped, as a log collector would read them.
  child.stdout!.resume();
  const lines = createInterface({ input: child.stdio[3] as NodeJS.ReadableStream });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('bench server exited');
    }),
  ])) as [string];
  const ready = JSON.parse(line) as Omit<Servers, 'stop'>;
  return {
    ...ready,
    async stop() {
      child.stdin!.end();
      await once(child, 'exit');
    },
  };
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function describeLoad(name: string, result: LoadResult, baseline: number, note: string): string {
  const ratio = result.perSecond / baseline;
  return `${name.padEnd(34)} ${fmt(result.perSecond).padStart(7)} req/s  ${fmt(ratio, 3).padStart(6)}×  p50 ${fmt(result.p50, 1).padStart(6)} ms  p99 ${fmt(result.p99, 1).padStart(6)} ms${result.errors > 0 ? `  ${result.errors} ERRORS` : ''}${note}`;
}

/** The mean of two empty-server runs (rates and latencies), the baseline a figure between them is compared with. */
function meanOf(a: LoadResult, b: LoadResult): LoadResult {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    perSecond: mean(a.perSecond, b.perSecond),
    p50: mean(a.p50, b.p50),
    p99: mean(a.p99, b.p99),
  };
}

function describeCounts(kind: string, counts: StatementCounts): string {
  return OPERATION_NAMES.map(
    (name) =>
      `  ${kind.padEnd(9)} ${name.padEnd(22)} first ${String(counts[name].first).padStart(3)}   steady ${String(counts[name].steady).padStart(4)}`,
  ).join('\n');
}

/**
 * The request benchmark (issue 17): SQL statements per signed request on embedded PGlite (and Postgres when
 * DATABASE_URL is set), then — with the servers in a child process — 20 closed-loop clients against an empty
 * Apollo Server and the playground in the same run, printing each operation's rate as a ratio to the empty
 * server's `{ __typename }`, and 50 clients mixing every operation.
 */
export async function run(): Promise<void> {
  console.log(
    `request benchmark (issue 17): signed requests through the real authenticator, ${seconds} s per figure, loopback only`,
  );
  console.log(
    `server logs at info to a pipe, ${process.env.BENCH_SYNC_LOGS === '1' ? 'synchronous writes (BENCH_SYNC_LOGS=1)' : "pino's asynchronous destination"}`,
  );
  console.log('SQL statements per request (first request with cold caches, then steady state):');
  const pglite = await countRequestStatements(async (onQuery) =>
    openDatabase({ embedded: { dataDir: null, loadDataDir: await loadMigratedTemplate() } }, { onQuery }),
  );
  console.log(describeCounts('PGlite', pglite));
  if (process.env.DATABASE_URL)
    console.log(describeCounts('Postgres', await countRequestStatements((onQuery) => createTestDatabase({ onQuery }))));

  const servers = await startServers();
  try {
    const operations = await prepareOperations(servers.playgroundUrl, servers.alice);
    const emptyTypename = await signRequest(servers.emptyUrl, servers.alice, 'typename', '{ __typename }');
    // Both servers warm up first (JIT, pools, caches), so the first pair is measured like the others.
    await runLoad(servers.emptyUrl, [emptyTypename], 20, 1000);
    await runLoad(
      servers.playgroundUrl,
      OPERATION_NAMES.map((name) => operations[name]),
      20,
      2000,
    );
    // On a shared machine the available CPU drifts: each figure is paired with empty-server runs just before and
    // just after it, and its ratio is to their mean.
    const baseline = async () => runLoad(servers.emptyUrl, [emptyTypename], 20, seconds * 1000);
    console.log(
      `\nthroughput, 20 clients, ${servers.storage === 'postgres' ? 'Postgres' : 'embedded PGlite'}; each ratio is to the mean of the empty Apollo Server's { __typename } measured just before and after it:`,
    );
    for (const name of OPERATION_NAMES) {
      const before = await baseline();
      const result = await runLoad(servers.playgroundUrl, [operations[name]], 20, seconds * 1000);
      const after = await baseline();
      const empty = meanOf(before, after);
      const ratioTarget = RATIO_TARGETS[name];
      const ratio = result.perSecond / empty.perSecond;
      const note =
        ratioTarget !== undefined
          ? `  (target ≥ ${ratioTarget}×: ${ratio >= ratioTarget ? 'met' : 'MISSED'})`
          : name === 'assumeRole'
            ? `  (target ≥ ${ASSUME_ROLE_TARGET} req/s on Postgres: ${result.perSecond >= ASSUME_ROLE_TARGET ? 'met' : 'MISSED'})`
            : '';
      console.log(describeLoad('empty Apollo Server, before/after', empty, empty.perSecond, ''));
      console.log(describeLoad(`playground ${name}`, result, empty.perSecond, note));
    }
    const empty = await baseline();
    const mixed = await runLoad(
      servers.playgroundUrl,
      OPERATION_NAMES.map((name) => operations[name]),
      50,
      seconds * 1000,
    );
    console.log(describeLoad('empty Apollo Server { __typename }', empty, empty.perSecond, ''));
    console.log(
      describeLoad(
        'playground, 50 clients mixed',
        mixed,
        empty.perSecond,
        `  (target p50 < ${MIXED_P50_TARGET_MS} ms: ${mixed.p50 < MIXED_P50_TARGET_MS ? 'met' : 'MISSED'})`,
      ),
    );
  } finally {
    await servers.stop();
  }
}

// Also runnable alone: `npx tsx bench/requests/index.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
