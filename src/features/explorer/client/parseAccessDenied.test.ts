import { describe, expect, it } from 'vitest';
import { accessDeniedMessage } from '../../authorization/accessDeniedMessage.js';
import { findDeniedRequest, parseAccessDenied } from './parseAccessDenied.js';

const caller = 'arn:aws:iam::100000000001:user/alice';
const role = 'arn:aws:iam::100000000002:role/SecurityAudit';

describe('parseAccessDenied', () => {
  it.each([
    { kind: 'unspecified' as const },
    { kind: 'noIdentityAllow' as const },
    { kind: 'explicitDeny' as const, policyType: 'scp' as const },
  ])("reads the request back from the server's own message (%o)", (reason) => {
    expect(parseAccessDenied(accessDeniedMessage(caller, 'sts:AssumeRole', role, reason))).toEqual({
      principalArn: caller,
      action: 'sts:AssumeRole',
      resourceArn: role,
    });
  });

  it('answers null for other messages', () => {
    expect(parseAccessDenied('The role with name x cannot be found.')).toBeNull();
  });

  it('finds the first AccessDenied error of a response', () => {
    const message = accessDeniedMessage(caller, 'iam:GetRole', role, { kind: 'unspecified' });
    expect(
      findDeniedRequest({
        errors: [
          { message: 'x', extensions: { code: 'NoSuchEntity' } },
          { message, extensions: { code: 'AccessDenied' } },
        ],
      }),
    ).toEqual({ principalArn: caller, action: 'iam:GetRole', resourceArn: role });
    expect(findDeniedRequest({ errors: [{ message, extensions: { code: 'NoSuchEntity' } }] })).toBeNull();
    expect(findDeniedRequest({})).toBeNull();
  });
});
