import { describe, expect, it } from 'vitest';
import { generateAccessKeyId, generateSecretAccessKey, generateSessionToken, generateUniqueId } from './generateIds.js';

describe('id generation', () => {
  it('makes 20-character access key ids with AWS prefixes', () => {
    expect(generateAccessKeyId('AKIA')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(generateAccessKeyId('ASIA')).toMatch(/^ASIA[A-Z2-7]{16}$/);
  });

  it('makes 21-character unique ids', () => {
    for (const prefix of ['AIDA', 'AROA', 'AGPA', 'ANPA'] as const) {
      expect(generateUniqueId(prefix)).toMatch(new RegExp(`^${prefix}[A-Z2-7]{17}$`));
    }
  });

  it('makes 40-character secrets and long random tokens', () => {
    expect(generateSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
    const tokens = new Set(Array.from({ length: 100 }, () => generateSessionToken()));
    expect(tokens.size).toBe(100);
    expect([...tokens][0]?.length).toBe(128);
  });
});
