import { describe, expect, it } from 'vitest';
import { createVersionedCache, type VersionedValue } from './createVersionedCache.js';
import type { RequestVersion } from './RequestVersion.js';

/** A request's version over a fake counter, counting reads (each would be one statement). */
function requestAt(counter: { version: number; reads: number }): RequestVersion {
  let read: Promise<number> | null = null;
  return {
    get: () => (read ??= Promise.resolve((counter.reads++, counter.version))),
    adopt: (version) => void (read ??= Promise.resolve(version)),
  };
}

describe('createVersionedCache', () => {
  it('serves an entry while the version is unchanged and reloads after a write', async () => {
    // Given a database whose rows change with its version
    const db = { version: 1, reads: 0, loads: 0, value: 'a' };
    const load = async (): Promise<VersionedValue<string>> => (db.loads++, { version: db.version, value: db.value });
    const cache = createVersionedCache<string, string>();

    // When a first request misses, its load is also its version check
    expect(await cache.get('k', requestAt(db), load)).toBe('a');
    expect([db.reads, db.loads]).toEqual([0, 1]);

    // Then a second request reads the version only
    expect(await cache.get('k', requestAt(db), load)).toBe('a');
    expect([db.reads, db.loads]).toEqual([1, 1]);

    // And after a committed write the next request sees it
    db.version = 2;
    db.value = 'b';
    expect(await cache.get('k', requestAt(db), load)).toBe('b');
    expect([db.reads, db.loads]).toEqual([2, 2]);
  });

  it('never hands a request a load that began before a write the request saw committed', async () => {
    // Given a slow load that read version 1
    const db = { version: 1, reads: 0 };
    let finish!: (value: VersionedValue<string>) => void;
    const cache = createVersionedCache<string, string>();
    const first = cache.get('k', requestAt(db), () => new Promise((resolve) => (finish = resolve)));

    // When a write commits (version 2) and a second request asks while the old load is still running
    db.version = 2;
    const second = cache.get('k', requestAt(db), async () => ({ version: 2, value: 'new' }));
    finish({ version: 1, value: 'old' });

    // Then the first request gets the old value, the second the new one
    expect(await first).toBe('old');
    expect(await second).toBe('new');
  });

  it('does not cache misses, so a key created later is found', async () => {
    const db = { version: 1, reads: 0 };
    const cache = createVersionedCache<string, string>();
    expect(await cache.get('k', requestAt(db), async () => ({ version: 1, value: null }))).toBeNull();
    expect(await cache.get('k', requestAt(db), async () => ({ version: 1, value: 'created' }))).toBe('created');
  });

  it('frees entries older than an observed version and stays within its bound', async () => {
    const db = { version: 1, reads: 0 };
    const cache = createVersionedCache<number, number>({ maxEntries: 3 });
    for (let key = 0; key < 5; key++) await cache.get(key, requestAt(db), async () => ({ version: 1, value: key }));
    expect(cache.size).toBe(3);
    cache.observe(2);
    expect(cache.size).toBe(0);
  });
});
