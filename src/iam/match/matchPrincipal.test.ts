import { describe, expect, it } from 'vitest';
import type { PolicyPrincipal } from '../policy/Policy.js';
import { compilePrincipalMatcher, type PrincipalIdentity } from './matchPrincipal.js';

const block = (parts: Partial<PolicyPrincipal>): PolicyPrincipal => ({
  wildcard: false,
  aws: [],
  service: [],
  federated: [],
  canonicalUser: [],
  ...parts,
});
const alice: PrincipalIdentity = { arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333', type: 'User' };
const session: PrincipalIdentity = {
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/s1',
  account: '111122223333',
  type: 'AssumedRole',
};
const lambda: PrincipalIdentity = { arn: 'lambda.amazonaws.com', account: '', type: 'Service' };

describe('compilePrincipalMatcher', () => {
  it('says how the principal was named', () => {
    expect(compilePrincipalMatcher(block({ aws: [alice.arn] }), false)(alice, false)).toBe('direct');
    expect(compilePrincipalMatcher(block({ aws: ['111122223333'] }), false)(alice, false)).toBe('account');
    expect(compilePrincipalMatcher(block({ aws: ['arn:aws:iam::111122223333:root'] }), false)(session, false)).toBe(
      'account',
    );
    expect(compilePrincipalMatcher(block({ wildcard: true }), false)(alice, false)).toBe('wildcard');
    expect(compilePrincipalMatcher(block({ aws: ['*'] }), false)(lambda, false)).toBe('wildcard');
    expect(compilePrincipalMatcher(block({ aws: ['444455556666'] }), false)(alice, false)).toBe('none');
  });
  it('matches a role ARN (with its path) to the role sessions', () => {
    const matcher = compilePrincipalMatcher(block({ aws: ['arn:aws:iam::111122223333:role/ops/Admin'] }), false);
    expect(matcher(session, false)).toBe('role');
    expect(matcher({ ...session, roleArn: 'arn:aws:iam::111122223333:role/ops/Admin' }, false)).toBe('role');
    expect(matcher({ ...session, arn: 'arn:aws:sts::111122223333:assumed-role/Other/s1' }, false)).toBe('none');
    expect(compilePrincipalMatcher(block({ aws: [session.arn] }), false)(session, false)).toBe('direct');
  });
  it('matches service principals only by service name', () => {
    expect(compilePrincipalMatcher(block({ service: ['lambda.amazonaws.com'] }), false)(lambda, false)).toBe('service');
    expect(compilePrincipalMatcher(block({ service: ['ec2.amazonaws.com'] }), false)(lambda, false)).toBe('none');
    expect(compilePrincipalMatcher(block({ service: ['lambda.amazonaws.com'] }), false)(alice, false)).toBe('none');
  });
  it('excludes a NotPrincipal entry only with its account listed, and never past a permissions boundary', () => {
    const userOnly = compilePrincipalMatcher(block({ aws: [alice.arn] }), true);
    expect(userOnly(alice, false)).toBe('wildcard');
    const withAccount = compilePrincipalMatcher(block({ aws: [alice.arn, '111122223333'] }), true);
    expect(withAccount(alice, false)).toBe('none');
    expect(withAccount(alice, true)).toBe('wildcard');
    expect(withAccount(session, false)).toBe('wildcard');
    const role = compilePrincipalMatcher(
      block({ aws: ['arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::111122223333:root'] }),
      true,
    );
    expect(role(session, false)).toBe('none');
    expect(compilePrincipalMatcher(block({ service: ['lambda.amazonaws.com'] }), true)(lambda, false)).toBe('none');
  });
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_policy-examples.html: a stored policy
  // holds the unique ids of the principals it names, so a re-created user or role with the same ARN is not them.
  it('matches a unique id only to the principal holding it', () => {
    const ids = compilePrincipalMatcher(block({ aws: ['AIDAEXAMPLEALICE00001', 'AROAEXAMPLEADMIN00001'] }), false);
    expect(ids({ ...alice, userId: 'AIDAEXAMPLEALICE00001' }, false)).toBe('direct');
    expect(ids({ ...alice, userId: 'AIDAEXAMPLEALICE00002' }, false)).toBe('none');
    expect(ids(alice, false)).toBe('none');
    expect(ids({ ...session, userId: 'AROAEXAMPLEADMIN00001:s1' }, false)).toBe('role');
    expect(ids({ ...session, userId: 'AROAEXAMPLEADMIN00002:s1' }, false)).toBe('none');
  });
});
