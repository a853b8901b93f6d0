import { describe, expect, it } from 'vitest';
import { compileCondition } from './compileCondition.js';
import { createTestContext } from './testContext.js';

const check = (operator: string, key: string, values: string[], context: Record<string, string | string[]>) => {
  const condition = compileCondition(operator, key, values, true);
  if (condition === null) throw new Error(`unknown operator ${operator}`);
  const missing: string[] = [];
  return { outcome: condition.evaluate(createTestContext(context), missing), missing };
};
const outcome = (...args: Parameters<typeof check>) => check(...args).outcome;

describe('missing-key rules', () => {
  it('a missing key fails positive operators and reports the key', () => {
    expect(check('StringEquals', 'aws:username', ['alice'], {})).toEqual({
      outcome: 'missingKey',
      missing: ['aws:username'],
    });
  });
  it('negated operators, IfExists and ForAllValues pass when the key is missing', () => {
    expect(outcome('StringNotEquals', 'aws:username', ['alice'], {})).toBe('match');
    expect(outcome('StringEqualsIfExists', 'aws:username', ['alice'], {})).toBe('match');
    expect(outcome('ForAllValues:StringEquals', 'aws:TagKeys', ['a'], {})).toBe('match');
    expect(outcome('ForAnyValue:StringEquals', 'aws:TagKeys', ['a'], {})).toBe('missingKey');
    expect(outcome('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a'], {})).toBe('missingKey');
  });
  it('IfExists still tests a present key', () => {
    expect(outcome('StringEqualsIfExists', 'aws:username', ['alice'], { 'aws:username': 'bob' })).toBe('noMatch');
  });
  it('Null tests presence', () => {
    expect(outcome('Null', 'aws:TokenIssueTime', ['true'], {})).toBe('match');
    expect(outcome('Null', 'aws:TokenIssueTime', ['false'], {})).toBe('noMatch');
    expect(outcome('Null', 'aws:TokenIssueTime', ['false'], { 'aws:tokenissuetime': 'x' })).toBe('match');
  });
});

describe('keys and values', () => {
  it('compares key names case-insensitively, tag key parts included', () => {
    expect(outcome('StringEquals', 'AWS:PrincipalTag/Team', ['red'], { 'aws:principaltag/team': 'red' })).toBe('match');
  });
  it('ORs the values under one key', () => {
    expect(outcome('StringEquals', 'aws:username', ['alice', 'bob'], { 'aws:username': 'bob' })).toBe('match');
    expect(outcome('StringNotEquals', 'aws:username', ['alice', 'bob'], { 'aws:username': 'bob' })).toBe('noMatch');
  });
});

describe('set operators', () => {
  it('ForAllValues needs every context value in the policy set', () => {
    expect(outcome('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], { 'aws:tagkeys': ['a', 'b'] })).toBe(
      'match',
    );
    expect(outcome('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], { 'aws:tagkeys': ['a', 'c'] })).toBe(
      'noMatch',
    );
  });
  it('ForAnyValue needs one context value in the policy set', () => {
    expect(outcome('ForAnyValue:StringEquals', 'aws:TagKeys', ['a'], { 'aws:tagkeys': ['x', 'a'] })).toBe('match');
    expect(outcome('ForAnyValue:StringLike', 'aws:TagKeys', ['z*'], { 'aws:tagkeys': ['x', 'a'] })).toBe('noMatch');
  });
  it('negated set operators apply the negation per context value', () => {
    expect(outcome('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], { 'aws:tagkeys': ['a', 'b'] })).toBe(
      'match',
    );
    expect(outcome('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], { 'aws:tagkeys': ['a', 'secret'] })).toBe(
      'noMatch',
    );
    expect(outcome('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['secret'], { 'aws:tagkeys': ['a', 'secret'] })).toBe(
      'match',
    );
  });
});

describe('policy variables in conditions', () => {
  it('substitutes variables and fails when the variable key is missing', () => {
    expect(
      outcome('StringEquals', 's3:prefix', ['home/${aws:username}'], {
        's3:prefix': 'home/alice',
        'aws:username': 'alice',
      }),
    ).toBe('match');
    expect(check('StringLike', 's3:prefix', ['home/${aws:username}/*'], { 's3:prefix': 'home/alice/x' })).toEqual({
      outcome: 'missingKey',
      missing: ['aws:username'],
    });
  });
  it('does not substitute in families without variable support', () => {
    expect(
      outcome('NumericEquals', 's3:max-keys', ['${aws:username}'], { 's3:max-keys': '1', 'aws:username': '1' }),
    ).toBe('noMatch');
  });
});

describe('unknown operators', () => {
  it('returns null', () => {
    expect(compileCondition('StringEq', 'k:k', ['a'], true)).toBeNull();
    expect(compileCondition('NullIfExists', 'k:k', ['true'], true)).toBeNull();
    expect(compileCondition('Sometimes:StringEquals', 'k:k', ['a'], true)).toBeNull();
  });
});
