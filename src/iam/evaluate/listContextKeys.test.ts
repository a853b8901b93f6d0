import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from '../index.js';
import { listContextKeys } from './listContextKeys.js';

const compile = (statement: unknown): CompiledPolicy => {
  const result = compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statement }), 'identity', 'p');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
};

describe('listContextKeys', () => {
  it('lists each condition key once, case-insensitively, in order of appearance across policies', () => {
    const first = compile([
      {
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x', 's3:prefix': 'a' } },
      },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
    ]);
    const second = compile([
      {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringLike: { 'AWS:PRINCIPALTAG/TEAM': 'y' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ]);
    expect(listContextKeys([first, second])).toEqual([
      'aws:PrincipalTag/team',
      's3:prefix',
      'aws:MultiFactorAuthPresent',
      'aws:SourceIp',
    ]);
  });

  it('is empty for policies without conditions', () => {
    expect(listContextKeys([compile({ Effect: 'Allow', Action: '*', Resource: '*' })])).toEqual([]);
  });
});
