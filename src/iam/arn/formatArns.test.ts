import { describe, expect, it } from 'vitest';
import {
  formatAnalyzerArn,
  formatAwsManagedPolicyArn,
  formatIamArn,
  formatOrganizationAccountArn,
  formatOrganizationArn,
  formatOrganizationPolicyArn,
  formatOrganizationUnitArn,
  formatRootArn,
} from './formatArns.js';
import { parseResourceArn } from './parseResourceArn.js';

describe('the ARNs the product builds', () => {
  it('spells IAM ARNs as IAM does, and parses them back', () => {
    expect(formatRootArn('111122223333')).toBe('arn:aws:iam::111122223333:root');
    expect(formatIamArn('111122223333', 'mfa', 'alice')).toBe('arn:aws:iam::111122223333:mfa/alice');
    expect(formatAwsManagedPolicyArn('ReadOnlyAccess', '/job-function/')).toBe(
      'arn:aws:iam::aws:policy/job-function/ReadOnlyAccess',
    );
    expect(parseResourceArn(formatIamArn('111122223333', 'role', 'Admin', '/ops/'))).toEqual({
      kind: 'iamRole',
      account: '111122223333',
      path: '/ops/',
      name: 'Admin',
    });
  });

  it('names Organizations resources in the management account, with the organization id', () => {
    expect(formatOrganizationArn('111111111111', 'o-abc')).toBe(
      'arn:aws:organizations::111111111111:organization/o-abc',
    );
    // DescribeAccount's resource: the management account and the organization id, not the caller's account.
    expect(formatOrganizationAccountArn('111111111111', 'o-abc', '222222222222')).toBe(
      'arn:aws:organizations::111111111111:account/o-abc/222222222222',
    );
    expect(formatOrganizationUnitArn('111111111111', 'o-abc', 'r-ab12')).toBe(
      'arn:aws:organizations::111111111111:root/o-abc/r-ab12',
    );
    expect(formatOrganizationUnitArn('111111111111', 'o-abc', 'ou-ab12-xyz')).toBe(
      'arn:aws:organizations::111111111111:ou/o-abc/ou-ab12-xyz',
    );
    expect(formatOrganizationPolicyArn('111111111111', 'o-abc', 'RESOURCE_CONTROL_POLICY', 'p-1')).toBe(
      'arn:aws:organizations::111111111111:policy/o-abc/resource_control_policy/p-1',
    );
    expect(
      formatOrganizationPolicyArn('111111111111', 'o-abc', 'SERVICE_CONTROL_POLICY', 'p-FullAWSAccess', true),
    ).toBe('arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
    expect(formatAnalyzerArn('us-east-1', '111111111111', 'playground')).toBe(
      'arn:aws:access-analyzer:us-east-1:111111111111:analyzer/playground',
    );
  });
});
