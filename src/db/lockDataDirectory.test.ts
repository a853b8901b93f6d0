import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory, lockFileOf } from './lockDataDirectory.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'iam-lock-'));
  folders.push(folder);
  return join(folder, 'pglite');
}

describe('lockDataDirectory', () => {
  it('writes a lock file with the owner pid and refuses a second opener with what to do', () => {
    const dir = dataDir();
    const release = lockDataDirectory(dir);
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(dir)).toThrow(/in use by process \d+ .*stop that server first.*DATABASE_URL/);
    release();
    release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    lockDataDirectory(dir)();
  });

  it('takes over a stale lock whose process is gone, and an unreadable one', () => {
    const dir = dataDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: gone, hostname: hostname(), startedAt: 'earlier' }));
    const release = lockDataDirectory(dir);
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    release();
    writeFileSync(lockFileOf(dir), '{"pid":');
    lockDataDirectory(dir)();
  });

  it('takes over a lock naming its own pid that it does not hold (PID 1 again, in a restarted container)', () => {
    const dir = dataDir();
    writeFileSync(
      lockFileOf(dir),
      JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: 'before the restart' }),
    );
    const release = lockDataDirectory(dir);
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    release();
  });

  it("treats a lock from another host as held (a shared volume: its owner's liveness is unknown)", () => {
    const dir = dataDir();
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: 1, hostname: `not-${hostname()}`, startedAt: 'earlier' }));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
  });
});
