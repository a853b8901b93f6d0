import { createHash } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The alphabets the ids AWS issues are drawn from. */
export type IdAlphabet = 'upper' | 'lower' | 'secret';

const alphabets: Record<IdAlphabet, string> = { upper: UPPER_ALNUM, lower: LOWER_ALNUM, secret: SECRET_ALPHABET };

/**
 * A deterministic string of `length` characters from `alphabet`, derived by SHA-256 from `parts` (the
 * scenario name and the entity's place in it). Seeding uses these instead of random ids so that loading a
 * scenario twice yields the same ids, access keys and ARN-bearing rows — and the credentials printed once
 * keep working after a reload.
 */
export function deriveScenarioId(alphabet: IdAlphabet, length: number, ...parts: string[]): string {
  const chars = alphabets[alphabet];
  let out = '';
  for (let round = 0; out.length < length; round += 1) {
    const digest = createHash('sha256')
      .update(`${round}\0${parts.join('\0')}`, 'utf8')
      .digest();
    for (const byte of digest) {
      // Rejection sampling keeps every character equally likely whatever the alphabet's size.
      if (byte < 256 - (256 % chars.length)) out += chars[byte % chars.length];
      if (out.length === length) break;
    }
  }
  return out;
}
