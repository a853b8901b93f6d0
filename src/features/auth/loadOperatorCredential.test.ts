import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOperatorCredential, OPERATOR_CREDENTIAL_FILE } from './loadOperatorCredential.js';
import { createSecretCipher } from './secretCipher.js';

describe('loadOperatorCredential', () => {
  const cipher = createSecretCipher(randomBytes(32));

  it('uses the configured pair', () => {
    const loaded = loadOperatorCredential(
      { accessKeyId: 'AKIACONFIGURED000001', secretAccessKey: 'configured-secret' },
      mkdtempSync(join(tmpdir(), 'op-')),
      cipher,
    );
    expect(loaded).toEqual({
      credential: {
        accessKeyId: 'AKIACONFIGURED000001',
        secretAccessKey: 'configured-secret',
        arn: 'arn:aws:iam::000000000000:root',
        accountId: '000000000000',
      },
      generated: false,
    });
  });

  it('generates once, stores the secret encrypted, and reloads it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'op-'));
    const first = loadOperatorCredential(null, dataDir, cipher);
    expect(first.generated).toBe(true);
    expect(first.credential.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(readFileSync(join(dataDir, OPERATOR_CREDENTIAL_FILE), 'utf8')).not.toContain(
      first.credential.secretAccessKey,
    );
    expect(loadOperatorCredential(null, dataDir, cipher)).toEqual({ credential: first.credential, generated: false });
  });
});
