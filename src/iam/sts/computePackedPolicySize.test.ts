import { describe, expect, it } from 'vitest';
import { computePackedPolicySize } from './computePackedPolicySize.js';

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

describe('computePackedPolicySize', () => {
  it('is zero for nothing and a small percent for a small policy', () => {
    expect(computePackedPolicySize({})).toEqual({ ok: true, value: 0 });
    const result = computePackedPolicySize({ policy });
    expect(result.ok && result.value).toBe(Math.ceil((policy.length * 100) / 2048));
  });

  it('ignores insignificant whitespace but not whitespace inside strings', () => {
    const pretty = JSON.stringify(JSON.parse(policy), null, 8);
    expect(computePackedPolicySize({ policy: pretty })).toEqual(computePackedPolicySize({ policy }));
    const spaced = policy.replace('s3:GetObject', 's3:Get Object');
    const a = computePackedPolicySize({ policy: spaced.repeat(5) });
    const b = computePackedPolicySize({ policy: policy.repeat(5) });
    expect(a.ok && b.ok && a.value >= b.value).toBe(true);
  });

  it('counts tags and fails over 100% with PackedPolicyTooLarge', () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `key-${i}`.padEnd(40, 'k'), value: 'v'.repeat(60) }));
    const result = computePackedPolicySize({ tags });
    expect(result).toMatchObject({ ok: false, error: { code: 'PackedPolicyTooLarge' } });
    expect(result.ok ? '' : result.error.message).toMatch(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});
