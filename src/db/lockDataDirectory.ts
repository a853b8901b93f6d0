import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** What a lock file holds: who owns the embedded database's directory. */
interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A second process tried to open an embedded database another live process has open. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${owner.pid} on ${owner.hostname} (since ${owner.startedAt}); ` +
        'PGlite serves one process at a time: stop that server first (or load scenarios with SEED= when starting it), ' +
        'or set DATABASE_URL to a Postgres server that several processes can share' +
        ` (if that process is gone — a killed container on another host name — delete ${lockFileOf(dataDir)})`,
    );
  }
}

/**
 * The lock files this process holds. A lock file naming this process's pid that is not in here was left by an
 * earlier process that had the same pid — PID 1 in a restarted container — and is stale.
 */
const heldByThisProcess = new Set<string>();

/** The lock file beside a data directory (beside, not inside: the directory is PGlite's own). */
export function lockFileOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/**
 * Takes the exclusive lock on an embedded database's directory: creates `<dataDir>.lock` holding this
 * process's pid, atomically (`wx`), so two processes never open the same PGlite files — each would see only its
 * own writes and corrupt the other's. A lock left by a process that no longer runs (killed, crashed) on this
 * machine is stale and taken over. Throws {@link DataDirectoryLockedError} while the owner lives. Returns the
 * release function (idempotent; removes the file only if it is still ours).
 */
export function lockDataDirectory(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  const mine: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o600 });
      heldByThisProcess.add(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(file);
        if (readOwner(file)?.pid === mine.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && isAlive(owner, file)) throw new DataDirectoryLockedError(dataDir, owner);
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over, once.
    rmSync(file, { force: true });
  }
  throw new DataDirectoryLockedError(dataDir, readOwner(file) ?? { pid: 0, hostname: 'unknown', startedAt: 'unknown' });
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string'
      ? { pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt) }
      : null;
  } catch {
    return null;
  }
}

/** Whether the owner still runs. On another host (a shared volume) there is no telling: assume it does. */
function isAlive(owner: LockOwner, file: string): boolean {
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return heldByThisProcess.has(file);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
