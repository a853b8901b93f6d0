import { describe, expect, it } from 'vitest';
import {
  isAwsManagedKmsAlias,
  isProtectedRole,
  isReservedTagKey,
  refuseAwsManagedPolicyWrite,
  refuseProtectedRoleWrite,
} from './protectedEntities.js';
import { refuseRootAssumeRole, refuseTemporaryCredentialsAction } from './stsCallerRules.js';

describe('STS caller rules', () => {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
  it('keeps GetSessionToken credentials without MFA away from IAM, and from STS but AssumeRole and GetCallerIdentity', () => {
    const plain = { type: 'user' as const, issuedBy: 'GetSessionToken' as const, mfaAuthenticated: false };
    expect(refuseTemporaryCredentialsAction(plain, 'iam:ListUsers')?.code).toBe('AccessDenied');
    expect(refuseTemporaryCredentialsAction({ ...plain, mfaAuthenticated: true }, 'iam:ListUsers')).toBeNull();
    expect(refuseTemporaryCredentialsAction(plain, 'sts:AssumeRole')).toBeNull();
    expect(refuseTemporaryCredentialsAction(plain, 'sts:GetCallerIdentity')).toBeNull();
    expect(refuseTemporaryCredentialsAction({ ...plain, mfaAuthenticated: true }, 'sts:GetSessionToken')?.code).toBe(
      'AccessDenied',
    );
    expect(refuseTemporaryCredentialsAction(plain, 's3:GetObject')).toBeNull();
    expect(
      refuseTemporaryCredentialsAction({ type: 'assumedRole', issuedBy: 'AssumeRole' }, 'iam:ListUsers'),
    ).toBeNull();
    expect(
      refuseTemporaryCredentialsAction({ type: 'assumedRole', issuedBy: 'AssumeRole' }, 'sts:GetSessionToken')?.code,
    ).toBe('AccessDenied');
    expect(
      refuseTemporaryCredentialsAction({ type: 'assumedRole', issuedBy: 'AssumeRole' }, 'sts:AssumeRole'),
    ).toBeNull();
  });
  it('refuses AssumeRole by a root user only', () => {
    expect(refuseRootAssumeRole({ type: 'root' })).toEqual({
      code: 'AccessDenied',
      message: 'Roles may not be assumed by root accounts.',
    });
    expect(refuseRootAssumeRole({ type: 'user' })).toBeNull();
  });
});

describe('entities AWS owns', () => {
  it('knows protected roles and what customers may still do to them', () => {
    expect(
      isProtectedRole({ path: '/aws-service-role/support.amazonaws.com/', name: 'AWSServiceRoleForSupport' }),
    ).toBe(true);
    expect(isProtectedRole({ path: '/aws-reserved/sso.amazonaws.com/', name: 'AWSReservedSSO_Admin_1' })).toBe(true);
    expect(isProtectedRole({ path: '/', name: 'AWSReservedSSO_Admin_1' })).toBe(true);
    expect(isProtectedRole({ path: '/service-role/', name: 'MyLambdaRole' })).toBe(false);
    const slr = { path: '/aws-service-role/x.amazonaws.com/', name: 'AWSServiceRoleForX' };
    expect(refuseProtectedRoleWrite(slr, 'iam:DeleteRole')?.code).toBe('UnmodifiableEntity');
    expect(refuseProtectedRoleWrite(slr, 'iam:TagRole')).toBeNull();
    expect(refuseProtectedRoleWrite(slr, 'iam:UpdateRole', ['description'])).toBeNull();
    expect(refuseProtectedRoleWrite(slr, 'iam:UpdateRole', ['description', 'maxSessionDuration'])?.code).toBe(
      'UnmodifiableEntity',
    );
    expect(refuseProtectedRoleWrite({ path: '/', name: 'Ordinary' }, 'iam:DeleteRole')).toBeNull();
  });
  it('refuses writes to AWS managed policies, reserved tag keys and AWS managed KMS aliases', () => {
    expect(
      refuseAwsManagedPolicyWrite(
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'iam:CreatePolicyVersion',
        'arn:aws:iam::111122223333:root',
      )?.code,
    ).toBe('AccessDenied');
    expect(
      refuseAwsManagedPolicyWrite('arn:aws:iam::111122223333:policy/Mine', 'iam:CreatePolicyVersion', 'x'),
    ).toBeNull();
    expect([isReservedTagKey('aws:x'), isReservedTagKey('AWS:x'), isReservedTagKey('awsx')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(isAwsManagedKmsAlias('alias/aws/s3')).toBe(true);
    expect(isAwsManagedKmsAlias('arn:aws:kms:us-east-1:111122223333:alias/aws/ebs')).toBe(true);
    expect(isAwsManagedKmsAlias('alias/awsome')).toBe(false);
  });
});
