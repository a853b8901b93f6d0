import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretCipher, hashSessionToken } from './secretCipher.js';

describe('createSecretCipher', () => {
  const cipher = createSecretCipher(randomBytes(32));

  it('round-trips a secret and never stores it in plain text', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const stored = cipher.encrypt(secret);
    expect(stored).not.toContain(secret);
    expect(cipher.decrypt(stored)).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('detects a wrong key and tampering', () => {
    const stored = cipher.encrypt('secret');
    expect(() => createSecretCipher(randomBytes(32)).decrypt(stored)).toThrow();
    const parts = stored.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], data.toString('base64url')].join('.'))).toThrow();
    expect(() => cipher.decrypt('garbage')).toThrow('unrecognised ciphertext format');
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretCipher(randomBytes(16))).toThrow('32 bytes');
  });
});

describe('hashSessionToken', () => {
  it('is the hex SHA-256 of the token', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
