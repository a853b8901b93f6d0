import { describe, expect, it } from 'vitest';
import { parseAuthorizationDetails } from './parseAuthorizationDetails.js';

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

describe('parseAuthorizationDetails', () => {
  it('reads documents as the CLI prints them (objects) and as the API returns them (URL-encoded text)', () => {
    const parsed = parseAuthorizationDetails(
      {
        RoleDetailList: [
          {
            RoleName: 'a',
            RoleId: 'AROAEXAMPLE000000001',
            Arn: 'arn:aws:iam::123456789012:role/a',
            AssumeRolePolicyDocument: trust,
          },
        ],
        UserDetailList: [
          {
            UserName: 'u',
            UserId: 'AIDAEXAMPLE000000001',
            Arn: 'arn:aws:iam::123456789012:user/u',
            UserPolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify(trust)) }],
          },
        ],
      },
      'f.json',
    );

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.account.accountId).toBe('123456789012');
    expect(JSON.parse(parsed.account.roles[0]!.trustPolicy)).toEqual(trust);
    expect(JSON.parse(parsed.account.users[0]!.inlinePolicies[0]!.document)).toEqual(trust);
    expect(parsed.account.users[0]!.path).toBe('/');
  });

  it('refuses entities of two accounts, a policy without exactly one default version, and a file of something else', () => {
    const mixed = parseAuthorizationDetails(
      {
        UserDetailList: [
          { UserName: 'u', UserId: 'AIDAEXAMPLE000000001', Arn: 'arn:aws:iam::123456789012:user/u' },
          { UserName: 'v', UserId: 'AIDAEXAMPLE000000002', Arn: 'arn:aws:iam::210987654321:user/v' },
        ],
        Policies: [
          {
            PolicyName: 'p',
            PolicyId: 'ANPAEXAMPLE000000001',
            Arn: 'arn:aws:iam::123456789012:policy/p',
            PolicyVersionList: [{ VersionId: 'v1', Document: trust, IsDefaultVersion: false }],
          },
        ],
      },
      'f.json',
    );
    const other = parseAuthorizationDetails({ Roots: [] }, 'g.json', '123456789012');

    expect(mixed.ok ? [] : mixed.problems.map((p) => `${p.path}: ${p.expected}`)).toEqual([
      '$.Policies[0].PolicyVersionList: exactly one version with `IsDefaultVersion` true',
      '$.UserDetailList[1].Arn: an entity of account 123456789012, found `arn:aws:iam::210987654321:user/v`',
    ]);
    expect(other.ok ? [] : other.problems.map((p) => p.expected)).toEqual([
      'the output of `aws iam get-account-authorization-details` (none of UserDetailList, GroupDetailList, RoleDetailList, Policies)',
    ]);
  });
});
