import { describe, expect, it } from 'vitest';
import { createScopedStorage, fingerprint } from './createScopedStorage.js';

function memoryStorage(): Storage {
  const entries = new Map<string, string>();
  return {
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}

describe('createScopedStorage', () => {
  it('keeps each scope apart and clears only its own keys', () => {
    const storage = memoryStorage();
    const a = createScopedStorage(storage, 'a:');
    const b = createScopedStorage(storage, 'b:');
    a.setItem('tabs', '1');
    b.setItem('tabs', '2');
    storage.setItem('other', '3');
    expect(a.getItem('tabs')).toBe('1');
    expect(b.getItem('tabs')).toBe('2');
    expect(a.length).toBe(1);
    expect(a.key(0)).toBe('tabs');
    a.clear();
    expect(a.getItem('tabs')).toBeNull();
    expect(b.getItem('tabs')).toBe('2');
    expect(storage.getItem('other')).toBe('3');
    b.removeItem('tabs');
    expect(storage.length).toBe(1);
  });
});

describe('fingerprint', () => {
  it('is stable, eight hex digits, and differs for different texts', () => {
    expect(fingerprint('examples')).toBe(fingerprint('examples'));
    expect(fingerprint('examples')).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('examples')).not.toBe(fingerprint('examples2'));
    expect(fingerprint('')).toBe('811c9dc5');
  });
});
