import { Sha256 } from '@aws-crypto/sha256-js';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from './NodeSha256.js';

describe('NodeSha256', () => {
  it('digests exactly as the SDK signer’s own SHA-256 and HMAC-SHA-256, across updates and resets', async () => {
    for (const secret of [undefined, 'AWS4secret', new Uint8Array([1, 2, 3, 250])]) {
      const ours = new NodeSha256(secret);
      const theirs = new Sha256(secret);
      for (const chunk of ['', 'abc', 'x'.repeat(10_000)]) {
        const bytes = Buffer.from(chunk, 'utf8');
        ours.update(bytes);
        theirs.update(bytes);
      }
      expect(Buffer.from(await ours.digest()).toString('hex')).toBe(Buffer.from(await theirs.digest()).toString('hex'));
      ours.reset();
      theirs.reset();
      ours.update(Buffer.from('again'));
      theirs.update(Buffer.from('again'));
      expect(Buffer.from(await ours.digest()).toString('hex')).toBe(Buffer.from(await theirs.digest()).toString('hex'));
    }
  });
});
