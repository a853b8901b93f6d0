import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const builtMain = join(repositoryRoot, 'dist/main.js');

/** The newest modification time under a folder (source files only). */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

let database: TestDatabase;
let stateDir: string;

beforeAll(async () => {
  // `npm install` builds dist/ (prepare → generate); rebuild here only when the sources are newer, so this
  // test always runs what the sources say.
  if (!existsSync(builtMain) || statSync(builtMain).mtimeMs < newestSource(join(repositoryRoot, 'src'))) {
    execFileSync('npm', ['run', 'build'], { cwd: repositoryRoot, stdio: 'ignore' });
  }
  database = await createTestDatabase();
  stateDir = await mkdtemp(join(tmpdir(), 'iam-npm-start-'));
}, 180_000);
afterAll(async () => {
  await database?.close();
  await rm(stateDir, { recursive: true, force: true });
});

/** Runs `npm start` in a process group of its own; resolves its URL once it listens. */
function npmStart() {
  const child = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      PLAYGROUND_STATE_DIR: stateDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^/\s"]+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${stdout}`)));
  });
  return { child, listening, exited, stdout: () => stdout };
}

/** Whether any process of the group is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('npm start', () => {
  it('runs the built JavaScript, and SIGTERM to the npm process stops the server cleanly with nothing left behind', async () => {
    const npm = npmStart();
    const url = await npm.listening;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // Everything it keeps on disk is under PLAYGROUND_STATE_DIR, not in the checkout.
    expect(readdirSync(stateDir).sort()).toEqual(['encryption.key', 'operator-credential.json']);

    process.kill(npm.child.pid!, 'SIGTERM');

    await npm.exited;
    await eventually(() => !groupAlive(npm.child.pid!));
    const lines = npm
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(
      lines.map((line) => (JSON.parse(line) as { msg: string }).msg).filter((msg) => msg === 'stopped'),
    ).toHaveLength(1);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('handles repeated signals (a process group kill, then another) once, without cutting the shutdown short', async () => {
    const npm = npmStart();
    const url = await npm.listening;

    process.kill(-npm.child.pid!, 'SIGTERM');
    process.kill(-npm.child.pid!, 'SIGINT');

    await npm.exited;
    await eventually(() => !groupAlive(npm.child.pid!));
    const messages = npm
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.filter((msg) => msg === 'shutting down')).toHaveLength(1);
    expect(messages.at(-1)).toBe('stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
