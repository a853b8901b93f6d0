import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file name under the data directory that holds a generated key. */
export const ENCRYPTION_KEY_FILE = 'encryption.key';

/**
 * Returns the AES-256 key that protects stored secrets: the configured one (`PLAYGROUND_ENCRYPTION_KEY`,
 * already decoded by loadConfig), or one generated on first start and kept (mode 0600) under the data
 * directory so restarts can still decrypt what was stored.
 */
export function loadEncryptionKey(configuredKey: Buffer | null, dataDir: string): Buffer {
  if (configuredKey !== null) {
    return configuredKey;
  }
  const file = join(dataDir, ENCRYPTION_KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) {
      throw new Error(`${file} does not hold a 32-byte hex key`);
    }
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
