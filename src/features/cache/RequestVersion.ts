import type { Queryable } from '../access/Queryable.js';

/** Reads the authorization version: the counter every write that can change a decision bumps in its transaction. */
export const AUTHORIZATION_VERSION_SQL = 'SELECT version FROM authorization_version WHERE id = 1';

/**
 * The authorization version as of one request. Every version-keyed cache consults it, so a request costs at
 * most one version check however many caches it reads; and a statement that already loads rows can read the
 * version beside them (`adopt`), so a request that misses a cache pays no separate check at all.
 */
export interface RequestVersion {
  /** The version as of this request: the first call reads it (one statement), later calls share that read. */
  get(): Promise<number>;
  /**
   * Supplies the version a statement read together with its rows, when the request has not read one yet:
   * that statement then was the request's version check.
   */
  adopt(version: number): void;
}

/**
 * Creates the version of one request over `db`. Reading it once, before anything is loaded from a cache, is what
 * makes the caches exact: every write committed before the request has a version at most this one, and a cached
 * entry is used only when it was loaded at this version or later (see `createVersionedCache`).
 */
export function createRequestVersion(db: Queryable, onRead?: (version: number) => void): RequestVersion {
  let version: Promise<number> | null = null;
  return {
    get() {
      version ??= readSharedVersion(db).then((read) => {
        onRead?.(read);
        return read;
      });
      return version;
    },
    adopt(read) {
      if (version !== null) return;
      version = Promise.resolve(read);
      onRead?.(read);
    },
  };
}

const unsent = new WeakMap<Queryable, Promise<number>>();

/**
 * Reads the version once for every request that asks during one turn of the event loop: the statement is sent
 * when the loop next checks (after the I/O it is serving), and a request joins only a read not yet sent — so
 * the version it gets was read after the request began, and is as new as every write committed before it.
 * Concurrent requests then share one statement instead of one each.
 */
function readSharedVersion(db: Queryable): Promise<number> {
  let read = unsent.get(db);
  if (read === undefined) {
    read = new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        unsent.delete(db);
        db.query<{ version: string }>(AUTHORIZATION_VERSION_SQL).then(
          ({ rows }) => resolve(Number(rows[0]?.version ?? 0)),
          reject,
        );
      });
    });
    unsent.set(db, read);
  }
  return read;
}
