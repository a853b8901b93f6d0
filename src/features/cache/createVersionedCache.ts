import type { RequestVersion } from './RequestVersion.js';

/** What a cache loader returns: the value (null: nothing to cache) and the authorization version it is as of. */
export interface VersionedValue<V> {
  /**
   * A version the value is at least as new as: read in the same statement as the value, or read before the
   * value was loaded. Never one read after it.
   */
  version: number;
  value: V | null;
}

/** A process-wide cache whose entries are valid as of an authorization version (see {@link createVersionedCache}). */
export interface VersionedCache<K, V> {
  /**
   * The value for `key` as of the request's version: the cached entry when it was loaded at that version or
   * later, else `load()`'s (single-flight per key). Null values are not cached, so a key created later is seen.
   */
  get(key: K, request: RequestVersion, load: () => Promise<VersionedValue<V>>): Promise<V | null>;
  /** Drops every entry older than `version`, which no later request can use (called on NOTIFY and on each read version). */
  observe(version: number): void;
  /** How many entries it holds (for tests and the benchmark). */
  readonly size: number;
}

interface Entry<V> {
  version: number;
  value: V;
}

/**
 * Creates a cache that is correct by construction, in every process: the database bumps `authorization_version`
 * in the transaction of every write that can change a cached value, each request reads that version once before
 * it reads a cache (`RequestVersion`), and an entry serves a request only when it was loaded at the request's
 * version or later — so no answer is older than a write committed before the request began, whichever process
 * made it. NOTIFY (or any newer version a request reads) only frees stale entries early. Bounded: past
 * `maxEntries` the least recently used entry goes.
 */
export function createVersionedCache<K, V>(options: { maxEntries?: number } = {}): VersionedCache<K, V> {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<K, Entry<V>>();
  const loading = new Map<K, Promise<VersionedValue<V>>>();
  let newest = 0;

  const observe = (version: number) => {
    if (version <= newest) return;
    newest = version;
    for (const [key, entry] of entries) if (entry.version < version) entries.delete(key);
  };

  const store = (key: K, loaded: VersionedValue<V>) => {
    if (loaded.value === null || loaded.version < newest) return;
    const existing = entries.get(key);
    if (existing !== undefined && existing.version > loaded.version) return;
    entries.delete(key);
    entries.set(key, { version: loaded.version, value: loaded.value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
  };

  return {
    async get(key, request, load) {
      const cached = entries.get(key);
      if (cached !== undefined) {
        const version = await request.get();
        observe(version);
        const entry = entries.get(key);
        if (entry !== undefined && entry.version >= version) {
          // Re-inserting keeps the map in least-recently-used order.
          entries.delete(key);
          entries.set(key, entry);
          return entry.value;
        }
      }
      const shared = loading.get(key);
      if (shared !== undefined) {
        // Another request's load may have read its rows before this request began: use it only when it is as
        // new as this request's version.
        const version = await request.get();
        const loaded = await shared;
        if (loaded.version >= version) return loaded.value;
        const fresh = await load();
        store(key, fresh);
        return fresh.value;
      }
      const pending = load().finally(() => loading.delete(key));
      loading.set(key, pending);
      const loaded = await pending;
      // This request issued the load, so the version it read is this request's version (or newer than it).
      request.adopt(loaded.version);
      observe(loaded.version);
      store(key, loaded);
      return loaded.value;
    },
    observe,
    get size() {
      return entries.size;
    },
  };
}
