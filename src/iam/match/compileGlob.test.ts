import { describe, expect, it } from 'vitest';
import { compileGlob, compilePattern, parseGlob } from './compileGlob.js';

describe('compileGlob', () => {
  it('matches literals exactly and case-insensitively when asked', () => {
    expect(compilePattern('s3:GetObject')('s3:GetObject')).toBe(true);
    expect(compilePattern('s3:GetObject')('s3:getobject')).toBe(false);
    expect(compilePattern('s3:GetObject', { ignoreCase: true })('S3:GETOBJECT')).toBe(true);
  });
  it('supports * and ? wildcards', () => {
    const match = compilePattern('s3:Get*');
    expect(match('s3:GetObject')).toBe(true);
    expect(match('s3:PutObject')).toBe(false);
    expect(compilePattern('iam:?etRole')('iam:GetRole')).toBe(true);
    expect(compilePattern('iam:?etRole')('iam:GGetRole')).toBe(false);
    expect(compilePattern('*')('anything')).toBe(true);
    expect(compilePattern('a*b*c', { ignoreCase: true })('AxxBxxC')).toBe(true);
  });
  it('treats regular-expression characters literally', () => {
    expect(compilePattern('a.b(c)*')('a.b(c)d')).toBe(true);
    expect(compilePattern('a.b')('axb')).toBe(false);
  });
  it('keeps wildcards inside the first five ARN segments', () => {
    const match = compilePattern('arn:aws:s3:*:*:bucket/*', { arn: true });
    expect(match('arn:aws:s3:::bucket/a:b/c')).toBe(true);
    expect(compilePattern('arn:aws:iam::*', { arn: true })('arn:aws:iam::111122223333:user/a')).toBe(false);
    expect(compilePattern('arn:aws:iam::*:user/*', { arn: true })('arn:aws:iam::111122223333:user/a')).toBe(true);
    expect(compilePattern('arn:aws:*:user/*', { arn: true })('arn:aws:iam::111122223333:user/a')).toBe(false);
  });
  it('does linear work on patterns that would make a backtracking matcher exponential (character reads counted at two sizes)', () => {
    // Work, not wall-clock time: a String object whose charCodeAt counts the characters the matcher reads.
    const readsFor = (pattern: string, text: string, options: { arn?: boolean } = {}) => {
      let reads = 0;
      const counted = Object.assign(new String(text), {
        charCodeAt(index: number) {
          reads += 1;
          return text.charCodeAt(index);
        },
      });
      expect(compilePattern(pattern, options)(counted as unknown as string)).toBe(false);
      return reads;
    };
    for (const [pattern, prefix, options] of [
      [`${'*a'.repeat(30)}*b`, '', {}],
      [`arn:aws:s3:::${'*a'.repeat(30)}*b`, 'arn:aws:s3:::', { arn: true }],
    ] as const) {
      const small = readsFor(pattern, prefix + 'a'.repeat(5000), options);
      const large = readsFor(pattern, prefix + 'a'.repeat(10000), options);
      expect(small).toBeGreaterThanOrEqual(5000);
      // Twice the text, about twice the reads: linear in the text for a fixed pattern.
      expect(large / small).toBeGreaterThan(1.5);
      expect(large / small).toBeLessThan(2.5);
    }
  });
  it('handles ? at segment ends and patterns with fewer than six segments', () => {
    expect(compilePattern('arn:aws:s3:::b?', { arn: true })('arn:aws:s3:::bc')).toBe(true);
    expect(compilePattern('arn:aws:s3:::b?', { arn: true })('arn:aws:s3:::b')).toBe(false);
    expect(compilePattern('arn:aws:s3:*', { arn: true })('arn:aws:s3:x')).toBe(true);
    expect(compilePattern('arn:aws:s3:*', { arn: true })('arn:aws:s3:::b')).toBe(false);
    expect(compilePattern('*:b', { arn: true })('a:b')).toBe(true);
    expect(compilePattern('x*y?z')('xAAyBz')).toBe(true);
    expect(compilePattern('x*y?z')('xAAyz')).toBe(false);
  });
  it('keeps literal wildcard characters that came from policy variables', () => {
    const match = compileGlob(['a', '*', 'b', { wildcard: '*' }]);
    expect(match('a*bzzz')).toBe(true);
    expect(match('axbzzz')).toBe(false);
    expect(parseGlob('a*b?')).toEqual(['a', { wildcard: '*' }, 'b', { wildcard: '?' }]);
  });
});
