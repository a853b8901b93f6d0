import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The 4-letter prefixes of IAM unique ids: user, role, group, managed policy, instance profile. */
export type UniqueIdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'AIPA';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out += alphabet[randomInt(alphabet.length)];
  }
  return out;
}

/** A 20-character access key id: `AKIA…` for long-term keys, `ASIA…` for STS credentials, as AWS issues them. */
export function generateAccessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  return prefix + randomString(UPPER_ALNUM, 16);
}

/** A 21-character IAM unique id such as `AROA…`; AWS uses these in `aws:userid` and assumed-role ids. */
export function generateUniqueId(prefix: UniqueIdPrefix): string {
  return prefix + randomString(UPPER_ALNUM, 17);
}

/** A 40-character secret access key from AWS's alphabet (letters, digits, `+`, `/`). */
export function generateSecretAccessKey(): string {
  return randomString(SECRET_ALPHABET, 40);
}

/** An opaque session token: 96 random bytes, base64 like AWS's tokens, so guessing one is hopeless. */
export function generateSessionToken(): string {
  return randomBytes(96).toString('base64');
}
