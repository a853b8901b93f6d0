import { describe, expect, it } from 'vitest';
import { findDrawableAnswer } from './findDrawableAnswer.js';

describe('findDrawableAnswer', () => {
  it('reads a who-can question from variables and a paths question from literals', () => {
    expect(
      findDrawableAnswer({
        query: 'query W($r: String!, $a: String!) { whoCanAccess(resourceArn: $r, action: $a) { principalArn } }',
        variables: { r: 'arn:aws:s3:::b', a: 's3:GetObject' },
      }),
    ).toEqual({ kind: 'whoCanAccess', resourceArn: 'arn:aws:s3:::b', action: 's3:GetObject' });
    expect(
      findDrawableAnswer({ query: '{ assumeRolePaths(fromArn: "arn:u", toRoleArn: "arn:r") { maxSessionSeconds } }' }),
    ).toEqual({
      kind: 'assumeRolePaths',
      fromArn: 'arn:u',
      toRoleArn: 'arn:r',
    });
  });

  it('picks the named operation and ignores everything else', () => {
    const query =
      'query A { callerIdentity { arn } } query B { whoCanAccess(resourceArn: "x", action: "y") { principalArn } }';
    expect(findDrawableAnswer({ query, operationName: 'A' })).toBeNull();
    expect(findDrawableAnswer({ query, operationName: 'B' })).toMatchObject({ kind: 'whoCanAccess' });
    expect(
      findDrawableAnswer({ query: '{ whoCanAccess(resourceArn: $missing, action: "y") { principalArn } }' }),
    ).toBeNull();
    expect(findDrawableAnswer({ query: 'not graphql' })).toBeNull();
  });
});
