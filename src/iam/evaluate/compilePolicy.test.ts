import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compilePolicy.js';
import { createLruCache } from './createLruCache.js';
import { allow, policyText } from './testPolicies.js';

describe('compilePolicy', () => {
  it('compiles once per kind and text, and stamps each use with its source id', () => {
    const text = policyText(allow('s3:*'));
    const first = compilePolicy(text, 'identity', 'A');
    const second = compilePolicy(text, 'identity', 'B');
    if (!first.ok || !second.ok) throw new Error('expected ok');
    expect(second.policy.statements).toBe(first.policy.statements);
    expect([first.policy.sourcePolicyId, second.policy.sourcePolicyId]).toEqual(['A', 'B']);
    const other = compilePolicy(text, 'permissionsBoundary', 'C');
    expect(other.ok && other.policy.statements).not.toBe(first.policy.statements);
  });
  it('shares compiled elements between statements of different policies that repeat them, and only those', () => {
    const bucketPolicy = (bucket: string, secure: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: `arn:aws:s3:::${bucket}/*`,
            Condition: { Bool: { 'aws:SecureTransport': secure } },
          },
        ],
      });
    const compiled = (text: string) => {
      const result = compilePolicy(text, 'resource', 'P');
      if (!result.ok) throw new Error('expected ok');
      return result.policy.statements[0]!;
    };
    const [a, b, c] = [
      compiled(bucketPolicy('a', 'false')),
      compiled(bucketPolicy('b', 'false')),
      compiled(bucketPolicy('a', 'true')),
    ];
    expect(b.matchesPrincipal).toBe(a.matchesPrincipal);
    expect(b.matchesAction).toBe(a.matchesAction);
    expect(b.conditions[0]).toBe(a.conditions[0]);
    expect(b.matchesResource).not.toBe(a.matchesResource);
    expect(c.matchesResource).toBe(a.matchesResource);
    expect(c.conditions[0]).not.toBe(a.conditions[0]);
  });
  it('returns faults for malformed text, also from the cache', () => {
    expect(compilePolicy('{', 'identity', 'A')).toMatchObject({
      ok: false,
      errors: [{ code: 'MalformedPolicyDocument' }],
    });
    expect(compilePolicy('{', 'identity', 'A')).toMatchObject({ ok: false });
  });
});

describe('createLruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = createLruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});
