import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileActionSet } from './compileActionSet.js';
import { compilePattern } from './compileGlob.js';

const naive = (patterns: string[]) => (action: string) => patterns.some((pattern) => compilePattern(pattern)(action));

describe('compileActionSet', () => {
  it('matches literals, trailing-* prefixes, inner wildcards and service wildcards', () => {
    const matches = compileActionSet(['s3:getobject', 'ec2:describe*', 'ec2:get*', 'kms:*key?', 's3*:list*', 'iam:*']);
    expect(
      [
        's3:getobject',
        'ec2:describeinstances',
        'ec2:describe',
        'ec2:getconsoleoutput',
        'kms:describekeys',
        's3-object-lambda:listx',
        'iam:createuser',
      ].filter(matches),
    ).toHaveLength(7);
    expect(
      ['s3:getobjectacl', 'ec2:runinstances', 'kms:describekey', 'sqs:listqueues', 'ec2:describ'].filter(matches),
    ).toEqual([]);
    expect(compileActionSet(['*', 's3:x'])('anything:at-all')).toBe(true);
  });

  it('agrees with trying every pattern, on random pattern lists and actions', () => {
    const part = fc.stringMatching(/^[a-c*?]{0,4}$/);
    const pattern = fc.oneof(
      fc.tuple(fc.constantFrom('s3', 'ec2', 's*', '*', 'e?2'), part).map(([s, n]) => `${s}:${n}`),
      fc.constant('*'),
    );
    const action = fc
      .tuple(fc.constantFrom('s3', 'ec2', 'sqs'), fc.stringMatching(/^[a-c]{0,5}$/))
      .map(([s, n]) => `${s}:${n}`);
    fc.assert(
      fc.property(
        fc.array(pattern, { maxLength: 12 }),
        fc.array(action, { minLength: 1, maxLength: 10 }),
        (patterns, actions) => {
          const fast = compileActionSet(patterns);
          const slow = naive(patterns);
          for (const a of actions) expect(fast(a), `${a} against ${patterns.join(',')}`).toBe(slow(a));
        },
      ),
      { numRuns: 500 },
    );
  });
});
