/**
 * A Web Storage view whose keys all live under a prefix of an underlying storage. GraphiQL keeps its tabs in
 * storage and ignores `defaultTabs` once tabs are saved; scoping its storage by the example set means a
 * person who loads another scenario sees that scenario's examples, while edits to one set's tabs survive
 * reloads.
 */
export function createScopedStorage(storage: Storage, prefix: string): Storage {
  const ownKeys = (): string[] => {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null && key.startsWith(prefix)) keys.push(key.slice(prefix.length));
    }
    return keys;
  };
  return {
    get length() {
      return ownKeys().length;
    },
    key: (index) => ownKeys()[index] ?? null,
    getItem: (key) => storage.getItem(prefix + key),
    setItem: (key, value) => storage.setItem(prefix + key, value),
    removeItem: (key) => storage.removeItem(prefix + key),
    clear: () => {
      for (const key of ownKeys()) storage.removeItem(prefix + key);
    },
  };
}

/**
 * A short, stable fingerprint of a text (FNV-1a, 32 bits, hex). Used to name a storage scope after the
 * examples it holds; not a security measure.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
