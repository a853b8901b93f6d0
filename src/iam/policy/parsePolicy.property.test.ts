import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from './parseJson.js';
import { validatePolicy } from './validatePolicy.js';

const VALID = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Action: ['s3:Get*'],
      Resource: 'arn:aws:s3:::b/${aws:username}',
      Condition: { StringLike: { 's3:prefix': ['x*'] } },
    },
  ],
});

describe('parsing never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = validatePolicy(text, 'identity');
        expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
  it('on a valid policy cut or corrupted anywhere', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(VALID.length), fc.string({ maxLength: 3 }), (at, cut, insert) => {
        const text = VALID.slice(0, at) + insert + VALID.slice(Math.max(at, cut));
        const result = validatePolicy(text, 'identity');
        expect(Array.isArray(result.errors)).toBe(true);
        const json = parseJson(text);
        if (!json.ok) expect(json.position.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
  it('agrees with JSON.parse on which texts are JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(parseJson(text).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
