/** A small bounded cache that evicts entries not used recently. */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

interface Slot<V> {
  value: V;
  /** Set by a hit; an eviction pass gives a used entry a second chance instead of dropping it. */
  used: boolean;
}

/**
 * Creates a bounded cache on a `Map` (which keeps insertion order) with second-chance eviction, an
 * approximation of least-recently-used: a hit only sets a flag (a plain `Map.get`, cheap enough for the
 * engine's hottest path), and inserting past `capacity` walks from the oldest entry, moving used ones to the
 * back with their flag cleared and dropping the first unused one. Bounded so a stream of distinct keys
 * cannot grow memory.
 */
export function createLruCache<V>(capacity: number): LruCache<V> {
  const map = new Map<string, Slot<V>>();
  return {
    get(key) {
      const slot = map.get(key);
      if (slot === undefined) return undefined;
      slot.used = true;
      return slot.value;
    },
    set(key, value) {
      const existing = map.get(key);
      if (existing !== undefined) {
        existing.value = value;
        return;
      }
      if (map.size >= capacity) evictOne(map);
      map.set(key, { value, used: false });
    },
    get size() {
      return map.size;
    },
  };
}

function evictOne<V>(map: Map<string, Slot<V>>): void {
  for (let i = map.size; i > 0; i--) {
    const [key, slot] = map.entries().next().value as [string, Slot<V>];
    map.delete(key);
    if (!slot.used) return;
    slot.used = false;
    map.set(key, slot);
  }
  // Every entry was used since the last pass: the walk cleared them all; drop the oldest.
  map.delete(map.keys().next().value as string);
}
