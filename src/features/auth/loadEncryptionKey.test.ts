import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENCRYPTION_KEY_FILE, loadEncryptionKey } from './loadEncryptionKey.js';

describe('loadEncryptionKey', () => {
  it('uses the configured key as it is', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadEncryptionKey(key, mkdtempSync(join(tmpdir(), 'key-')))).toBe(key);
  });

  it('generates a key once, stores it privately and reuses it', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'key-')), '.data');
    const first = loadEncryptionKey(null, dataDir);
    const file = join(dataDir, ENCRYPTION_KEY_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEncryptionKey(null, dataDir).equals(first)).toBe(true);
  });

  it('refuses a damaged key file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'key-'));
    writeFileSync(join(dataDir, ENCRYPTION_KEY_FILE), 'abcd');
    expect(() => loadEncryptionKey(null, dataDir)).toThrow('32-byte hex key');
  });
});
