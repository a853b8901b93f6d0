import { describe, expect, it } from 'vitest';
import { compileCondition } from './compileCondition.js';
import { parseDate } from './DateOperators.js';
import { isInNetwork, parseIpNetwork } from './IpAddressOperators.js';
import { createTestContext } from './testContext.js';

const test = (operator: string, policyValues: string[], contextValue: string) => {
  const condition = compileCondition(operator, 'k:key', policyValues, true)!;
  return condition.evaluate(createTestContext({ 'k:key': contextValue }), []) === 'match';
};

describe('String operators', () => {
  it('StringEquals is case-sensitive, IgnoreCase is not', () => {
    expect(test('StringEquals', ['Alice'], 'alice')).toBe(false);
    expect(test('StringEqualsIgnoreCase', ['Alice'], 'alice')).toBe(true);
    expect(test('StringNotEqualsIgnoreCase', ['Alice'], 'ALICE')).toBe(false);
  });
  it('StringLike supports * and ?, StringEquals treats them literally', () => {
    expect(test('StringLike', ['home/*/doc?'], 'home/alice/docs')).toBe(true);
    expect(test('StringNotLike', ['home/*'], 'other')).toBe(true);
    expect(test('StringEquals', ['a*'], 'abc')).toBe(false);
    expect(test('StringEquals', ['a*'], 'a*')).toBe(true);
  });
});

describe('Numeric operators', () => {
  it('compares numbers, context OP policy', () => {
    expect(test('NumericLessThan', ['10'], '9')).toBe(true);
    expect(test('NumericLessThan', ['10'], '10')).toBe(false);
    expect(test('NumericLessThanEquals', ['10'], '10')).toBe(true);
    expect(test('NumericGreaterThan', ['10'], '10.5')).toBe(true);
    expect(test('NumericGreaterThanEquals', ['10'], '9')).toBe(false);
    expect(test('NumericEquals', ['1.0'], '1')).toBe(true);
    expect(test('NumericNotEquals', ['1'], '2')).toBe(true);
  });
  it('a non-numeric context value never matches', () => {
    expect(test('NumericEquals', ['1'], 'one')).toBe(false);
  });
});

describe('Date operators', () => {
  it('accepts ISO 8601 and epoch seconds', () => {
    expect(parseDate('2020-01-01T00:00:00Z')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDate('2020-01-01')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDate('1577836800')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDate('yesterday')).toBeNaN();
  });
  it('compares dates', () => {
    expect(test('DateGreaterThan', ['2020-01-01T00:00:00Z'], '2021-06-01T00:00:00Z')).toBe(true);
    expect(test('DateLessThan', ['2020-01-01T00:00:00Z'], '1577836799')).toBe(true);
    expect(test('DateEquals', ['2020-01-01T00:00:00Z'], '1577836800')).toBe(true);
    expect(test('DateNotEquals', ['2020-01-01T00:00:00Z'], '1577836800')).toBe(false);
  });
});

describe('Bool and BinaryEquals', () => {
  it('Bool compares case-insensitively', () => {
    expect(test('Bool', ['true'], 'TRUE')).toBe(true);
    expect(test('Bool', ['false'], 'true')).toBe(false);
  });
  it('BinaryEquals compares base64 text', () => {
    expect(test('BinaryEquals', ['QmluYXJ5VmFsdWU='], 'QmluYXJ5VmFsdWU=')).toBe(true);
    expect(test('BinaryEquals', ['QmluYXJ5VmFsdWU='], 'QmluYXJ5VmFsdWF=')).toBe(false);
  });
});

describe('IpAddress operators', () => {
  it('matches IPv4 CIDR ranges', () => {
    expect(test('IpAddress', ['203.0.113.0/24'], '203.0.113.9')).toBe(true);
    expect(test('IpAddress', ['203.0.113.0/24'], '203.0.114.9')).toBe(false);
    expect(test('NotIpAddress', ['203.0.113.0/24'], '198.51.100.1')).toBe(true);
    expect(test('IpAddress', ['10.0.0.0/7'], '11.255.0.1')).toBe(true);
  });
  it('matches IPv6 CIDR ranges and never mixes families', () => {
    expect(test('IpAddress', ['2001:DB8:1234:5678::/64'], '2001:db8:1234:5678:abcd::1')).toBe(true);
    expect(test('IpAddress', ['2001:db8::/32'], '2001:db9::1')).toBe(false);
    expect(test('IpAddress', ['0.0.0.0/0'], '2001:db8::1')).toBe(false);
    expect(isInNetwork(parseIpNetwork('::ffff:1.2.3.4')!, parseIpNetwork('::ffff:1.2.3.0/120')!)).toBe(true);
  });
  it('rejects malformed addresses', () => {
    for (const bad of ['1.2.3', '1.2.3.256', '1.2.3.4/33', '1::2::3', 'fe80:::1', 'x'])
      expect(parseIpNetwork(bad)).toBeNull();
  });
});

describe('Arn operators', () => {
  it('matches segment by segment with wildcards', () => {
    expect(test('ArnLike', ['arn:aws:iam::*:role/Admin*'], 'arn:aws:iam::111122223333:role/AdminX')).toBe(true);
    expect(test('ArnEquals', ['arn:aws:iam::111122223333:role/Admin'], 'arn:aws:iam::111122223333:role/Admin')).toBe(
      true,
    );
    expect(test('ArnLike', ['arn:aws:iam::*'], 'arn:aws:iam::111122223333:role/Admin')).toBe(false);
    expect(test('ArnNotLike', ['arn:aws:sns:*:*:topic'], 'arn:aws:sns:us-east-1:111122223333:other')).toBe(true);
  });
});
