import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

interface StartupFigures {
  /** From spawning the process to the "listening" log line, as a person waiting for `npm start` sees it. */
  wallMs: number;
  /** What main.ts measured from its first line: opening the database, migrations, total. */
  startupMs: { database: number; migrations: number; total: number };
}

/** Starts `node dist/main.js` (what `npm start` runs), waits for it to listen, stops it, returns its figures. */
async function measureStart(env: Record<string, string>): Promise<StartupFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  const figures = await new Promise<StartupFigures>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const line = stdout.split('\n').find((text) => text.includes('"startupMs"'));
      if (line)
        resolve({ wallMs: performance.now() - started, startupMs: (JSON.parse(line) as StartupFigures).startupMs });
    });
    child.on('close', (code) => reject(new Error(`dist/main.js exited with ${code}:\n${stdout}`)));
  });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('close', resolve));
  return figures;
}

function print(label: string, figures: StartupFigures): void {
  const { database, migrations, total } = figures.startupMs;
  const process = Math.round(figures.wallMs - total);
  console.log(
    `${label.padEnd(44)} ${Math.round(figures.wallMs)} ms to listening: process and module loading ${process} ms, database ${database} ms, migrations ${migrations} ms, server ${total - database - migrations} ms`,
  );
}

/**
 * Cold start of the built server (`npm run build` first): on a new embedded database (PGlite's initdb and every
 * migration), again on the same one, and on Postgres when DATABASE_URL is set — split into what main.ts spends
 * on the database and what it spends on everything else.
 */
export async function run(): Promise<void> {
  const stateDir = await mkdtemp(join(tmpdir(), 'iam-bench-startup-'));
  const key = 'ab'.repeat(32);
  try {
    const embedded = { PLAYGROUND_STATE_DIR: stateDir, PLAYGROUND_ENCRYPTION_KEY: key };
    print('embedded PGlite, new data directory', await measureStart(embedded));
    print('embedded PGlite, existing data directory', await measureStart(embedded));
    const url = process.env.DATABASE_URL;
    if (url)
      print(
        'Postgres (DATABASE_URL), migrated',
        await measureStart({ DATABASE_URL: url, PLAYGROUND_STATE_DIR: stateDir, PLAYGROUND_ENCRYPTION_KEY: key }),
      );
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}
