import { describe, expect, it } from 'vitest';
import { createTestContext } from '../conditions/testContext.js';
import { compileActionMatcher, compileResourceMatcher } from './compileElementMatchers.js';

describe('compileActionMatcher', () => {
  it('matches case-insensitively with wildcards, and inverts NotAction', () => {
    const matcher = compileActionMatcher(['S3:Get*', 'iam:?etRole'], false);
    expect(matcher('s3:getobject')).toBe(true);
    expect(matcher('iam:getrole')).toBe(true);
    expect(matcher('s3:putobject')).toBe(false);
    expect(compileActionMatcher(['iam:*'], true)('s3:getobject')).toBe(true);
    expect(compileActionMatcher(['*'], false)('anything:atall')).toBe(true);
  });
});

describe('compileResourceMatcher', () => {
  const none = createTestContext({});
  it('applies ARN-segment wildcard semantics, case-sensitively', () => {
    const matcher = compileResourceMatcher(['arn:aws:s3:::bucket/*'], false, true);
    expect(matcher('arn:aws:s3:::bucket/a/b:c', none, [])).toBe(true);
    expect(matcher('arn:aws:s3:::Bucket/a', none, [])).toBe(false);
    expect(
      compileResourceMatcher(['arn:aws:iam::*:role/*'], false, true)('arn:aws:iam::111122223333:role/x', none, []),
    ).toBe(true);
    expect(compileResourceMatcher(['*'], false, true)('*', none, [])).toBe(true);
  });
  it('fills policy variables and fails, reporting the key, when one is missing', () => {
    const matcher = compileResourceMatcher(['arn:aws:s3:::bucket/${aws:username}/*'], false, true);
    expect(matcher('arn:aws:s3:::bucket/alice/x', createTestContext({ 'aws:username': 'alice' }), [])).toBe(true);
    expect(matcher('arn:aws:s3:::bucket/bob/x', createTestContext({ 'aws:username': 'alice' }), [])).toBe(false);
    const missing: string[] = [];
    expect(
      compileResourceMatcher(['arn:aws:s3:::bucket/${aws:username}/*'], true, true)(
        'arn:aws:s3:::other',
        none,
        missing,
      ),
    ).toBe(false);
    expect(missing).toEqual(['aws:username']);
  });
  it('does not let a variable value act as a wildcard', () => {
    const matcher = compileResourceMatcher(['arn:aws:s3:::bucket/${aws:username}'], false, true);
    expect(matcher('arn:aws:s3:::bucket/alice', createTestContext({ 'aws:username': '*' }), [])).toBe(false);
  });
});
