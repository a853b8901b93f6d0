import { emptyCredentials, type ExplorerCredentials } from './explorerCredentials.js';

/** The part of the Web Storage API the credential store needs (sessionStorage in the browser). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Loads, saves and forgets the explorer's credentials. */
export interface CredentialStore {
  /** The saved credentials, or empty ones when nothing (or something unreadable) is saved. */
  load(): ExplorerCredentials;
  /** Saves the credentials, replacing what was there. */
  save(credentials: ExplorerCredentials): void;
  /** Forgets the saved credentials. */
  clear(): void;
}

/** The storage key; namespaced so it cannot collide with GraphiQL's own keys. */
export const credentialStorageKey = 'iam-playground:explorer-credentials';

/**
 * A credential store over the given storage. The explorer passes `sessionStorage` so secrets live only as long
 * as the tab, never in localStorage where they would outlive it.
 */
export function createCredentialStore(storage: KeyValueStorage): CredentialStore {
  return {
    load() {
      const text = storage.getItem(credentialStorageKey);
      if (text === null) return { ...emptyCredentials };
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null) return { ...emptyCredentials };
        const record = value as Record<string, unknown>;
        return {
          accessKeyId: readString(record.accessKeyId),
          secretAccessKey: readString(record.secretAccessKey),
          sessionToken: readString(record.sessionToken),
        };
      } catch {
        // A hand-edited or truncated entry must not break the page: start from empty credentials.
        return { ...emptyCredentials };
      }
    },
    save(credentials) {
      const { accessKeyId, secretAccessKey, sessionToken } = credentials;
      storage.setItem(credentialStorageKey, JSON.stringify({ accessKeyId, secretAccessKey, sessionToken }));
    },
    clear() {
      storage.removeItem(credentialStorageKey);
    },
  };
}

function readString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
