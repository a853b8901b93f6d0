const DELETED = Symbol('deleted');

/**
 * An immutable map that is changed by making a new one sharing the old one's entries: a base map plus an overlay
 * of the keys changed since, folded into a new base once the overlay grows past a quarter of it. A change costs
 * the size of the overlay, not of the map, so the authorization model of a large organization is patched in
 * milliseconds, and readers of the previous map never see the change.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly overlay: ReadonlyMap<K, V | typeof DELETED>,
    readonly size: number,
  ) {}

  /** A layered map holding `entries`. */
  static of<K, V>(entries: Iterable<readonly [K, V]> = []): LayeredMap<K, V> {
    const base = new Map(entries);
    return new LayeredMap(base, new Map(), base.size);
  }

  /** A new map with `changes` applied: each key to its new value, or removed when the value is undefined. */
  with(changes: ReadonlyMap<K, V | undefined>): LayeredMap<K, V> {
    if (changes.size === 0) return this;
    const overlay = new Map(this.overlay);
    let size = this.size;
    for (const [key, value] of changes) {
      const present = this.has(key);
      if (value === undefined) {
        if (this.base.has(key)) overlay.set(key, DELETED);
        else overlay.delete(key);
        if (present) size--;
      } else {
        overlay.set(key, value);
        if (!present) size++;
      }
    }
    const next = new LayeredMap(this.base, overlay, size);
    return overlay.size > Math.max(1024, this.base.size / 4) ? LayeredMap.of(next) : next;
  }

  get(key: K): V | undefined {
    const changed = this.overlay.get(key);
    if (changed !== undefined) return changed === DELETED ? undefined : changed;
    return this.base.get(key);
  }

  has(key: K): boolean {
    const changed = this.overlay.get(key);
    if (changed !== undefined) return changed !== DELETED;
    return this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const changed = this.overlay.get(key);
      if (changed === undefined) yield [key, value];
      else if (changed !== DELETED) yield [key, changed];
    }
    for (const [key, changed] of this.overlay) if (changed !== DELETED && !this.base.has(key)) yield [key, changed];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
