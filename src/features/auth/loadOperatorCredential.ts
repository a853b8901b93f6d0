import { formatRootArn } from '../../iam/index.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatorCredential } from './CredentialStore.js';
import { generateAccessKeyId, generateSecretAccessKey } from './generateIds.js';
import type { SecretCipher } from './secretCipher.js';

/** The file under the data directory that keeps a generated operator credential (secret encrypted). */
export const OPERATOR_CREDENTIAL_FILE = 'operator-credential.json';

/** The account id the operator reports in callerIdentity: nobody's account, since it acts as any account's root. */
export const OPERATOR_ACCOUNT_ID = '000000000000';
/** The ARN the operator reports in callerIdentity and audit events. */
export const OPERATOR_ARN = formatRootArn(OPERATOR_ACCOUNT_ID);

/** The operator credential, and whether it was generated just now (then the caller prints it, once). */
export interface LoadedOperatorCredential {
  credential: OperatorCredential;
  generated: boolean;
}

/**
 * Returns the bootstrap operator credential: the configured pair, else the one generated on an earlier
 * start, else a new one written under the data directory with its secret encrypted — so a copy of `.data/`
 * without the key is of no use, and the plain secret is shown only once, by whoever starts the server.
 */
export function loadOperatorCredential(
  configured: { accessKeyId: string; secretAccessKey: string } | null,
  dataDir: string,
  cipher: SecretCipher,
): LoadedOperatorCredential {
  const identity = { arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID };
  if (configured !== null) {
    return { credential: { ...configured, ...identity }, generated: false };
  }
  const file = join(dataDir, OPERATOR_CREDENTIAL_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { accessKeyId: string; secretEncrypted: string };
    return {
      credential: {
        accessKeyId: stored.accessKeyId,
        secretAccessKey: cipher.decrypt(stored.secretEncrypted),
        ...identity,
      },
      generated: false,
    };
  }
  const accessKeyId = generateAccessKeyId('AKIA');
  const secretAccessKey = generateSecretAccessKey();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ accessKeyId, secretEncrypted: cipher.encrypt(secretAccessKey) }) + '\n', {
    mode: 0o600,
    flag: 'wx',
  });
  return { credential: { accessKeyId, secretAccessKey, ...identity }, generated: true };
}
