import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A `src/main.ts` process started by a test. */
export interface MainProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code once the process has ended and its output is read. */
  exited: Promise<number | null>;
  /** Resolves with the base URL once the server logs that it listens. */
  listening: Promise<string>;
}

/**
 * Starts the real composition root, as `npm start` does, with the given environment (PORT 0 by default, and a
 * fresh temporary PLAYGROUND_STATE_DIR, so no test writes keys into the checkout's `.data/`).
 */
export function runMain(env: Record<string, string | undefined>): MainProcess {
  const stateDir = mkdtempSync(join(tmpdir(), 'iam-main-state-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      LOG_LEVEL: 'info',
      PLAYGROUND_STATE_DIR: stateDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  // 'close' (not 'exit') waits until stdout and stderr are drained, so the output is complete.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      rmSync(stateDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^/\s"]+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`main exited with ${code} before listening:\n${stdout}\n${stderr}`)));
  });
  listening.catch(() => undefined);
  return { child, output: () => ({ stdout, stderr }), exited, listening };
}
