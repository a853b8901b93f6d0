import { describe, expect, it } from 'vitest';
import { createCredentialStore, credentialStorageKey, type KeyValueStorage } from './createCredentialStore.js';

function memoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('createCredentialStore', () => {
  it('round-trips saved credentials', () => {
    const storage = memoryStorage();
    const store = createCredentialStore(storage);
    store.save({ accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token' });
    expect(createCredentialStore(storage).load()).toEqual({
      accessKeyId: 'ASIA1',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('starts empty when nothing or something unreadable is stored', () => {
    const storage = memoryStorage();
    expect(createCredentialStore(storage).load()).toEqual({ accessKeyId: '', secretAccessKey: '', sessionToken: '' });
    storage.setItem(credentialStorageKey, '{not json');
    expect(createCredentialStore(storage).load().accessKeyId).toBe('');
    storage.setItem(credentialStorageKey, JSON.stringify({ accessKeyId: 42, secretAccessKey: 'x' }));
    expect(createCredentialStore(storage).load()).toEqual({ accessKeyId: '', secretAccessKey: 'x', sessionToken: '' });
  });

  it('forgets credentials on clear', () => {
    const storage = memoryStorage();
    const store = createCredentialStore(storage);
    store.save({ accessKeyId: 'AKIA', secretAccessKey: 's', sessionToken: '' });
    store.clear();
    expect(storage.entries.size).toBe(0);
  });
});
