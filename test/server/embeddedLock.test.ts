import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileOf } from '../../src/db/lockDataDirectory.js';
import { runMain } from './runMain.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
let folder: string;
let env: Record<string, string>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'iam-embedded-lock-'));
  env = {
    PGLITE_DATA_DIR: join(folder, 'pglite'),
    PLAYGROUND_STATE_DIR: folder,
    PLAYGROUND_ENCRYPTION_KEY: 'ab'.repeat(32),
  };
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs what `npm run seed` runs (the CLI's seed command) with the given environment and resolves with its exit code and stderr. */
function runSeedCommand(
  args: string[],
  environment: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['bin/iam-playground.mjs', 'seed', ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('one process per embedded database', () => {
  it('refuses a second server and `npm run seed` while a server has the data directory, with what to do', async () => {
    // Given a server on an embedded database
    const first = runMain(env);
    await first.listening;
    const pid = first.child.pid;

    try {
      // When a second server and a seed open the same directory
      const second = runMain(env);
      const secondCode = await second.exited;
      const seed = await runSeedCommand(['cross-account-auditor'], env);

      // Then both exit 1 with one clear line naming the owner and the ways out, touching nothing
      for (const [code, stderr] of [
        [secondCode, second.output().stderr],
        [seed.code, seed.stderr],
      ] as const) {
        expect(code).toBe(1);
        expect(stderr).toContain(`is in use by process ${pid}`);
        expect(stderr).toMatch(/stop that server first.*DATABASE_URL/);
        expect(stderr).not.toMatch(/^\s+at /m);
      }
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    // And the lock is released on shutdown
    expect(existsSync(lockFileOf(env.PGLITE_DATA_DIR!))).toBe(false);
  });
});
