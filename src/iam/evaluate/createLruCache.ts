/** A small bounded cache that evicts the least recently used entry. */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * Creates a bounded LRU cache on a `Map` (which keeps insertion order): a hit moves the entry to the back,
 * and inserting past `capacity` drops the front. Bounded so a stream of distinct policies cannot grow memory.
 */
export function createLruCache<V>(capacity: number): LruCache<V> {
  const map = new Map<string, V>();
  return {
    get(key) {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > capacity) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
  };
}
